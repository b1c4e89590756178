import CKernels
@testable import DescentCore
import Foundation
import XCTest

/// The OpenBLAS kernels Descent asks for, from the CPU's features.
final class BLASKernelsTests: XCTestCase {
    func testCoreTypeFollowsTheVectorLevel() {
        XCTAssertEqual(BLAS.coreType(vectorLevel: 2, setting: nil), "SkylakeX")
        XCTAssertEqual(BLAS.coreType(vectorLevel: 1, setting: nil), "Haswell")
        XCTAssertNil(BLAS.coreType(vectorLevel: 0, setting: nil))
        // A kernel set the person chose wins; a blank one chooses nothing.
        XCTAssertNil(BLAS.coreType(vectorLevel: 2, setting: "Zen"))
        XCTAssertNil(BLAS.coreType(vectorLevel: 1, setting: "prescott"))
        XCTAssertEqual(BLAS.coreType(vectorLevel: 2, setting: " "), "SkylakeX")
        XCTAssertEqual(BLAS.coreType(vectorLevel: 1, setting: ""), "Haswell")
    }

    /// CPUID's answer agrees with the flags the Linux kernel lists in /proc/cpuinfo (which also leaves out
    /// what the OS does not save, as `cpu_vector_level` does with XGETBV).
    func testVectorLevelAgreesWithTheKernel() throws {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else {
            throw XCTSkip("no /proc/cpuinfo flags here")
        }
        let flags = Set(line.split(separator: " ").map(String.init))
        let avx512 = ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"].allSatisfy(flags.contains)
        let expected = avx512 && flags.contains("avx2") ? 2 : flags.contains("avx2") && flags.contains("fma") ? 1 : 0
        XCTAssertEqual(Int(cpu_vector_level()), expected, line.description)
    }

    /// A loaded OpenBLAS runs the kernels of this CPU's features, not the oldest ones it falls back to for a
    /// model it does not know (OpenBLAS 0.3.21 on a 5th-generation Xeon ran Prescott's).
    func testOpenBLASRunsTheKernelsOfThisCPU() throws {
        guard BLAS.shared != nil, GEMM.backendName.hasPrefix("OpenBLAS") else {
            throw XCTSkip("no OpenBLAS loaded: \(GEMM.backendName)")
        }
        guard let expected = BLAS.coreType(vectorLevel: Int(cpu_vector_level()), setting: nil) else {
            throw XCTSkip("this CPU has no AVX2: OpenBLAS chooses")
        }
        // Descent sets OPENBLAS_CORETYPE when it loads the library; another value was set before it ran.
        if let setting = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"], setting != expected {
            throw XCTSkip("OPENBLAS_CORETYPE=\(setting) was set before the tests ran")
        }
        XCTAssertTrue(GEMM.backendName.contains(", \(expected) kernels)"), GEMM.backendName)
    }
}
