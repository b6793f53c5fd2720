package dev.silica.testbench.blackbox;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;

import dev.silica.dsl.BlackBox;
import dev.silica.dsl.UInt;

/** The hand-written Verilog {@code RegMul} (test resource {@code blackbox/RegMul.v}) as a black box. */
final class RegMul extends BlackBox {
  final UInt a;
  final UInt b;
  final UInt p;

  RegMul(int width, int modelSkew) {
    super("RegMul");
    verilogParam("WIDTH", width);
    verilogSourceResource("/blackbox/RegMul.v");
    clock("clk");
    reset("rst");
    a = input("a", UInt.of(width));
    b = input("b", UInt.of(width));
    p = output("p", UInt.of(2 * width));
    model(() -> new RegMulModel(width, modelSkew));
  }
}
