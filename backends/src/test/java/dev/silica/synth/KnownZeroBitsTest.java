package dev.silica.synth;

import static dev.silica.sim.IrBuilder.bin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;
import org.junit.jupiter.api.Test;

/** The low bits the estimator knows are zero whatever the inputs, through nodes and registers. */
class KnownZeroBitsTest {

  private static KnownZeroBits of(IrBuilder module) {
    return KnownZeroBits.of(NetlistFacts.of(IrBuilder.design(module.build())));
  }

  private static Op.ShiftBy shl(String a, int amount) {
    return new Op.ShiftBy(Op.ShiftKind.SHL, a, amount);
  }

  @Test
  void shiftedInZerosAddUpThroughAProductAndSurviveAResize() {
    KnownZeroBits zeros = of(IrBuilder.module("Shifts")
        .in("x", Type.u(8)).in("y", Type.u(8))
        .node("x4", shl("x", 2)).node("y8", shl("y", 3))
        .node("p", bin(Op.BinaryKind.MUL, "x4", "y8"))
        .node("r", new Op.Resize("p", 12))
        .out("o", "r"));
    assertEquals(2, zeros.lowBits("x4"));
    assertEquals(5, zeros.lowBits("p"));
    assertEquals(5, zeros.lowBits("r"));
    assertEquals(0, zeros.lowBits("x"), "an input");
  }

  @Test
  void aConstantHasItsTrailingZerosAndZeroHasAll() {
    KnownZeroBits zeros = of(IrBuilder.module("Constants")
        .constant("twelve", Type.u(8), 12).constant("zero", Type.u(8), 0)
        .node("s", bin(Op.BinaryKind.ADD, "twelve", "zero"))
        .out("o", "s"));
    assertEquals(2, zeros.lowBits("twelve"));
    assertEquals(8, zeros.lowBits("zero"));
    assertEquals(0, zeros.lowBits("s"), "a sum is not followed");
  }

  @Test
  void aRegisterKeepsTheZerosOfItsResetValueAndOfEveryValueItLoads() {
    KnownZeroBits zeros = of(IrBuilder.module("Registers")
        .in("x", Type.u(6)).in("en", Type.u(1))
        .reg("zeroReset", Type.u(8), 0, "loaded", null)
        .reg("oddReset", Type.u(8), 1, "loaded", null)
        .reg("held", Type.u(8), 0, "hold", null)
        .node("x16", shl("x", 4))
        .node("loaded", new Op.Resize("x16", 8))
        .node("hold", new Op.Mux("en", "loaded", "held"))
        .out("a", "zeroReset").out("b", "oddReset").out("c", "held"));
    assertEquals(4, zeros.lowBits("zeroReset"));
    assertEquals(0, zeros.lowBits("oddReset"), "its reset value's bit 0 is set");
    assertEquals(4, zeros.lowBits("held"), "through the loop that holds its own value");
  }
}
