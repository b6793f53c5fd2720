package dev.silica.testbench.blackbox;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.regNext;

import dev.silica.dsl.Module;
import dev.silica.dsl.UInt;

/** Silica's model of {@code RegMul.v}: the product of a and b, registered (plus {@code skew}, to make a wrong model). */
final class RegMulModel extends Module {
  RegMulModel(int width, int skew) {
    UInt a = input("a", UInt.of(width));
    UInt b = input("b", UInt.of(width));
    UInt p = output("p", UInt.of(2 * width));
    p.connect(regNext("product", a.mul(b).addWrap(skew)));
  }
}
