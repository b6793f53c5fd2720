package dev.silica.sim;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.sim.IrBuilder.bin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Handles: ports resolved once and driven with raw two's complement bits, narrow and wide. */
class SimulatorHandleTest {

  /** A signed 8-bit {@code a} and a 100-bit {@code b} echoed, and {@code twice = a + a}. */
  private static Design adder() {
    return IrBuilder.design(IrBuilder.module("adder")
        .in("a", Type.s(8))
        .in("b", Type.u(100))
        .node("twice", bin(ADD, "a", "a"))
        .out("wide", "b")
        .out("small", "a")
        .build());
  }

  @Test
  void pokedBitsAboveTheWidthAreIgnoredAndNegativeValuesReadBackAsTheirBits() {
    Simulator sim = Simulator.compile(adder());
    Simulator.Handle a = sim.handle("a");
    sim.pokeBits(a, new long[] {0xff80L});
    assertEquals(-128, sim.peek("small"));
    long[] bits = new long[1];
    sim.peekBits(sim.handle("small"), bits);
    assertArrayEquals(new long[] {0x80L}, bits);
  }

  @Test
  void wideValuesTravelInWordsLeastSignificantFirst() {
    Simulator sim = Simulator.compile(adder());
    sim.pokeBits(sim.handle("b"), new long[] {5L, -1L});
    assertEquals(BigInteger.valueOf(0xf_ffff_ffffL).shiftLeft(64).add(BigInteger.valueOf(5)), sim.peekBig("wide"));
    long[] bits = new long[2];
    sim.peekBits(sim.handle("wide"), bits);
    assertArrayEquals(new long[] {5L, 0xf_ffff_ffffL}, bits);
  }

  @Test
  void onlyInputsCanBePokedThroughAHandle() {
    Simulator sim = Simulator.compile(adder());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.pokeBits(sim.handle("twice"), new long[] {1}));
    assertTrue(e.getMessage().contains("cannot poke 'twice'"), e.getMessage());
  }
}
