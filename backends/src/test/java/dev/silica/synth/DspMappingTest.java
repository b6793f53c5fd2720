package dev.silica.synth;

import static dev.silica.sim.IrBuilder.bin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Design;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How multipliers map to DSP48E1 slices: 25x18 signed tiles, within Yosys's mul2dsp thresholds. */
class DspMappingTest {

  /** The slices of {@code a * b}, of which the low {@code demandedBits} reach the output. */
  private static Optional<DspTiles> tiles(Type a, Type b, int demandedBits) {
    Design d = IrBuilder.design(IrBuilder.module("Mul")
        .in("a", a).in("b", b)
        .node("p", bin(Op.BinaryKind.MUL, "a", "b"))
        .node("low", new Op.Slice("p", demandedBits - 1, 0))
        .out("o", "low")
        .build());
    NetlistFacts facts = NetlistFacts.of(d);
    return new DspMapping(facts).tiles(facts.node("p"));
  }

  private static Optional<DspTiles> tiles(Type a, Type b) {
    return tiles(a, b, a.width() + b.width());
  }

  @Test
  void aSigned25By18ProductFitsOneSlice() {
    assertEquals(Optional.of(new DspTiles(1, 1)), tiles(Type.s(25), Type.s(18)));
  }

  @Test
  void unsignedOperandsNeedOneMoreBitForTheirZeroSign() {
    assertEquals(Optional.of(new DspTiles(1, 1)), tiles(Type.u(24), Type.u(17)));
    assertEquals(Optional.of(new DspTiles(2, 1)), tiles(Type.u(25), Type.u(17)), "26 signed bits overflow the A port");
    assertEquals(Optional.of(new DspTiles(1, 2)), tiles(Type.u(18), Type.u(18)), "19 signed bits overflow the B port");
  }

  @Test
  void wideProductsTakeColumnsAlongTheAPortAndCascadedRowsAlongTheBPort() {
    assertEquals(Optional.of(new DspTiles(2, 2)), tiles(Type.s(32), Type.s(32)));
    assertEquals(Optional.of(new DspTiles(2, 1)), tiles(Type.s(48), Type.s(18)));
    assertEquals(Optional.of(new DspTiles(1, 2)), tiles(Type.s(25), Type.s(25)), "the narrower operand goes to the B port");
  }

  @Test
  void productsBelowTheMul2dspThresholdsStayInLuts() {
    assertEquals(Optional.empty(), tiles(Type.u(4), Type.u(4)), "an 8-bit product");
    assertEquals(Optional.empty(), tiles(Type.u(1), Type.u(16)), "a 1-bit operand");
  }

  @Test
  void onlyTheDemandedProductBitsCount() {
    assertEquals(Optional.empty(), tiles(Type.u(16), Type.u(16), 8), "8 of 32 product bits are read");
    assertEquals(Optional.of(new DspTiles(1, 1)), tiles(Type.u(32), Type.u(32), 12), "operands cut to the 12 bits read");
  }
}
