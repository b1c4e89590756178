// swift-tools-version:6.0
import PackageDescription

// The core's kernels are built for the machine that builds them (descent is built where it runs):
// AVX2/AVX-512 and fused multiply-add roughly quadruple the matrix kernels' speed over plain SSE2.
#if arch(x86_64)
let coreSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=native", "-DDESCENT_FMA"])]
#else
let coreSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "Descent",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "descent", targets: ["descent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries, exposed only through `static inline` shims.
        .systemLibrary(name: "CCurses", path: "Sources/CCurses"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        // Inner loops that need instructions Swift has no spelling for (static inline functions in a header).
        .target(name: "CKernels"),

        // Numbers: tensors, autodiff graph, layers, losses, optimizers, data, trainer.
        .target(name: "DescentCore", dependencies: ["CKernels", "DescentText"], swiftSettings: coreSettings),
        // Plain text helpers: how many terminal columns text takes, "did you mean" suggestions.
        .target(name: "DescentText"),
        // Text to commands: lexer, parser, diagnostics.
        .target(name: "DescentLanguage", dependencies: ["DescentText"]),
        // Pure drawing into a grid of cells: charts, heatmaps, tables, SVG.
        .target(name: "DescentPlot", dependencies: ["DescentText"]),
        // The only C-facing code: ncurses screen and readline line editor.
        .target(name: "DescentTerminal", dependencies: ["CCurses", "CReadline", "DescentPlot"]),
        // Session state, command table, printers, live training loop.
        .target(name: "DescentShell", dependencies: ["DescentCore", "DescentLanguage", "DescentPlot", "DescentTerminal", "DescentText"]),
        .executableTarget(name: "descent", dependencies: [
            "DescentShell",
            "DescentTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "DescentCoreTests", dependencies: ["DescentCore"]),
        .testTarget(name: "DescentTextTests", dependencies: ["DescentText"]),
        .testTarget(name: "DescentLanguageTests", dependencies: ["DescentLanguage"]),
        .testTarget(name: "DescentPlotTests", dependencies: ["DescentPlot"]),
        .testTarget(name: "DescentTerminalTests", dependencies: ["DescentTerminal", "DescentPlot", "CCurses"]),
        .testTarget(name: "DescentShellTests", dependencies: ["DescentShell", "DescentCore", "DescentLanguage"]),
        .testTarget(name: "DescentEndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
