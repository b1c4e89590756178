import DescentPlot

/// The one place where a `ColorRole` becomes curses colours and attributes.
struct Palette: Equatable, Sendable {
    /// How many colours the palette may use.
    enum Depth: Equatable, Sendable {
        /// No colour: glyphs and bold only (NO_COLOR, or a terminal without colours).
        case none
        /// The eight ANSI colours.
        case basic
        /// The xterm 256-colour table.
        case extended
    }

    let depth: Depth

    /// Picks the palette for a terminal: no colour when `NO_COLOR` is set and non-empty or the terminal has none.
    static func choose(hasColors: Bool, colorCount: Int, noColor: String?) -> Palette {
        if !hasColors || colorCount < 8 || !(noColor ?? "").isEmpty { return Palette(depth: .none) }
        return Palette(depth: colorCount >= 256 ? .extended : .basic)
    }

    /// The colours and attributes that paint `cell`.
    func style(for cell: Cell) -> CellStyle {
        let bold = cell.bold || Palette.boldRoles.contains(cell.fg)
        guard depth != .none else { return CellStyle(fg: -1, bg: -1, bold: bold, dim: false) }
        let dim = Palette.dimRoles.contains(cell.fg)
        guard let bgRole = cell.bg else { return CellStyle(fg: ink(cell.fg), bg: -1, bold: bold, dim: dim) }
        let paper = paper(bgRole)
        var fg = ink(cell.fg)
        if paper != -1 && (cell.fg == .normal || fg == paper || fg == -1) { fg = contrast(on: paper) }
        return CellStyle(fg: fg, bg: paper, bold: bold, dim: dim)
    }

    /// Roles drawn bold (with or without colour).
    static let boldRoles: Set<ColorRole> = [.title, .warning, .lossTrain, .lossVal, .runCurrent]
    /// Roles drawn dim when colours are on.
    static let dimRoles: Set<ColorRole> = [.dim, .lossStep]

    /// The foreground colour of `role`.
    func ink(_ role: ColorRole) -> Int16 {
        switch role {
        case .normal, .axis, .label, .title, .dim, .lossStep, .runCurrent: return -1
        case .status: return depth == .extended ? 110 : 6
        case .warning: return depth == .extended ? 196 : 1
        case .progress: return depth == .extended ? 71 : 2
        case .lossTrain: return depth == .extended ? 45 : 6
        case .lossVal: return depth == .extended ? 214 : 3
        case .class0, .class1, .class2, .class3, .class4, .class5:
            return (depth == .extended ? Palette.classInks256 : Palette.classColors8)[Palette.classIndex(role)]
        case .heat0, .heat1, .heat2, .heat3, .heat4:
            return (depth == .extended ? Palette.heat256 : Palette.heat8)[Palette.heatIndex(role)]
        case .run0, .run1, .run2, .run3, .run4, .run5:
            return (depth == .extended ? Palette.runInks256 : Palette.classColors8)[Palette.runIndex(role)]
        }
    }

    /// The background colour of `role` (class regions get darker shades when 256 colours allow it).
    func paper(_ role: ColorRole) -> Int16 {
        switch role {
        case .class0, .class1, .class2, .class3, .class4, .class5:
            return (depth == .extended ? Palette.classPapers256 : Palette.classColors8)[Palette.classIndex(role)]
        default: return ink(role)
        }
    }

    /// Black or white (7 with eight colours, 15 with 256), whichever reads better on `background`.
    func contrast(on background: Int16) -> Int16 {
        Palette.luminance(background) > 140 ? 0 : (depth == .extended ? 15 : 7)
    }

    /// Approximate perceived brightness (0…255) of a curses colour number in the xterm table.
    static func luminance(_ color: Int16) -> Double {
        let rgb: (Double, Double, Double)
        switch color {
        case 0..<16:
            let base: [(Double, Double, Double)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            rgb = base[Int(color)]
        case 16..<232:
            let levels: [Double] = [0, 95, 135, 175, 215, 255]
            let i = Int(color) - 16
            rgb = (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        case 232..<256:
            let grey = Double(8 + 10 * (Int(color) - 232))
            rgb = (grey, grey, grey)
        default:
            rgb = (0, 0, 0)
        }
        return 0.299 * rgb.0 + 0.587 * rgb.1 + 0.114 * rgb.2
    }

    /// Blue, red, green, yellow, magenta, cyan.
    static let classColors8: [Int16] = [4, 1, 2, 3, 5, 6]
    /// Light versions of the class colours, readable as glyphs on dark regions.
    static let classInks256: [Int16] = [75, 210, 114, 228, 213, 123]
    /// Dark versions of the class colours, for decision regions.
    static let classPapers256: [Int16] = [24, 88, 28, 100, 90, 30]
    /// Kept runs' curves: blue, orange, green, yellow, magenta, cyan, bright enough on a dark terminal.
    static let runInks256: [Int16] = [75, 209, 114, 228, 213, 123]
    /// Blue, cyan, green, yellow, red.
    static let heat8: [Int16] = [4, 6, 2, 3, 1]
    /// Blue, light blue, pale grey, orange, red.
    static let heat256: [Int16] = [25, 74, 187, 209, 160]

    private static func classIndex(_ role: ColorRole) -> Int { Int(role.rawValue - ColorRole.class0.rawValue) }
    private static func runIndex(_ role: ColorRole) -> Int { Int(role.rawValue - ColorRole.run0.rawValue) }
    private static func heatIndex(_ role: ColorRole) -> Int { Int(role.rawValue - ColorRole.heat0.rawValue) }
}
