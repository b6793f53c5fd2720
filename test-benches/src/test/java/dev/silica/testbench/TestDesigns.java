package dev.silica.testbench;

import static dev.silica.sim.IrBuilder.bin;

import dev.silica.ir.Design;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;

/** Small hand-built designs for the tester's own tests. */
final class TestDesigns {

  private TestDesigns() {}

  /** An 8-bit counter: counts up while {@code en} is high, resets to 5; {@code at7} is count == 7. */
  static Design counter() {
    return IrBuilder.design(IrBuilder.module("counter")
        .in("en", Type.bool())
        .reg("count", Type.u(8), 5, "next", "en")
        .constant("one", Type.u(8), 1)
        .constant("seven", Type.u(8), 7)
        .node("sum", bin(Op.BinaryKind.ADD, "count", "one"))
        .node("next", new Op.Resize("sum", 8))
        .node("is7", bin(Op.BinaryKind.EQ, "count", "seven"))
        .out("value", "count")
        .out("at7", "is7")
        .build());
  }

  /** A signed combinational adder, no state: {@code y = a + b} with {@code a}, {@code b} s4. */
  static Design adder() {
    return IrBuilder.design(IrBuilder.module("adder")
        .in("a", Type.s(4)).in("b", Type.s(4))
        .node("sum", bin(Op.BinaryKind.ADD, "a", "b"))
        .out("y", "sum")
        .build());
  }
}
