import Foundation
import XCTest
@testable import DescentCore

/// The derivative formulas the backprop view prints say what the code computes.
final class ActivationFormulaTests: XCTestCase {
    func testGELUsPrintedDerivativeIsTheOneBackwardUses() {
        // The printed rule, written out here by hand from the text:
        // f'(z) = ½(1 + tanh u) + ½·z·(1 − tanh²u)·√(2/π)·(1 + 0.134145·z²), u = √(2/π)·(z + 0.044715·z³).
        XCTAssertEqual(Activation.gelu.derivativeFormula(),
                       "f'(z) = ½(1 + tanh u) + ½·z·(1 − tanh²u)·√(2/π)·(1 + 0.134145·z²), u = √(2/π)·(z + 0.044715·z³)")
        let zs: [Double] = [-2.5, -0.7, 0, 0.3, 1.9]
        var a = [Double](repeating: 0, count: zs.count), dz = a
        let ones = [Double](repeating: 1, count: zs.count)
        Activation.gelu.forward(zs, &a, rows: 1, cols: zs.count)
        Activation.gelu.backward(z: zs, a: a, da: ones, dz: &dz, rows: 1, cols: zs.count, replacing: true)
        for (i, z) in zs.enumerated() {
            let c = (2 / Double.pi).squareRoot(), t = tanh(c * (z + 0.044715 * z * z * z))
            let printed = 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * c * (1 + 0.134145 * z * z)
            XCTAssertEqual(dz[i], printed, accuracy: 1e-14, "z = \(z)")
        }
    }

    func testTheLossRulesSayWhatTheMeanDividesBy() {
        // mse's mean runs over every entry of ŷ; ce's over rows (one term per row).
        // Written d(loss)/d…: L is the total, loss + penalty, whose derivative the view writes dL/d….
        XCTAssertEqual(Loss.mse.gradientFormula, "d(loss)/dŷ = 2(ŷ − y)/N   (N = rows × outputs)")
        XCTAssertEqual(Loss.ce.gradientFormula, "d(loss)/dz = (softmax(z) − onehot(y))/B   (B = rows)")
    }
}
