package dev.silica.synth;

import static dev.silica.sim.IrBuilder.asyncRead;
import static dev.silica.sim.IrBuilder.bin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Memory;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The estimator's mapping rules on designs small enough to count by hand. */
class EstimatorRulesTest {

  @Test
  void bitsNobodyReadsCostNeitherFlipFlopsNorCarryLogic() {
    // A 9-bit sum registered, of which only the low 4 bits reach the output.
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Low")
        .in("x", Type.u(8)).in("y", Type.u(8))
        .reg("r", Type.u(9), 0, "sum", null)
        .node("sum", bin(Op.BinaryKind.ADD, "x", "y"))
        .node("low", new Op.Slice("r", 3, 0))
        .out("o", "low")
        .build()));
    assertEquals(4, t.used(Resource.FF));
    assertEquals(4, t.used(Resource.LUT));
    assertEquals(1, t.used(Resource.CARRY4));
  }

  @Test
  void aProductByAPowerOfTwoIsAShiftNotADsp() {
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Shift")
        .in("x", Type.s(12))
        .constant("c", Type.s(8), 64)
        .node("p", bin(Op.BinaryKind.MUL, "x", "c"))
        .out("o", "p")
        .build()));
    assertEquals(0, t.used(Resource.DSP48E1));
    assertEquals(0, t.used(Resource.LUT));
  }

  @Test
  void aRegisteredOneSliceProductKeepsItsRegistersInsideTheDsp() {
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Mreg")
        .in("x", Type.s(12)).in("y", Type.s(12))
        .reg("a", Type.s(12), 0, "x", null)
        .reg("b", Type.s(12), 0, "y", null)
        .reg("p", Type.s(24), 0, "prod", null)
        .node("prod", bin(Op.BinaryKind.MUL, "a", "b"))
        .out("o", "p")
        .build()));
    assertEquals(1, t.used(Resource.DSP48E1));
    assertEquals(0, t.used(Resource.FF), "AREG, BREG and PREG");
  }

  @Test
  void belowARoundingConstantsTrailingZerosNothingCarries() {
    // (r + 2^8) >> 8 of a 16-bit register: bits 0..7 of r affect nothing.
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Round")
        .in("x", Type.u(16))
        .reg("r", Type.u(16), 0, "x", null)
        .constant("half", Type.u(16), 1 << 8)
        .node("sum", bin(Op.BinaryKind.ADD, "r", "half"))
        .node("rounded", new Op.Slice("sum", 16, 8))
        .out("o", "rounded")
        .build()));
    assertEquals(8, t.used(Resource.FF));
    assertEquals(2, t.used(Resource.CARRY4), "an 8-bit chain for bits 8..15");
  }

  @Test
  void aComparisonWithTheOperandsOfASubtractionReadsItsCarry() {
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Restoring")
        .in("x", Type.u(8)).in("d", Type.u(8))
        .node("diff", bin(Op.BinaryKind.SUB, "x", "d"))
        .node("fits", bin(Op.BinaryKind.GE, "x", "d"))
        .out("o", "diff").out("f", "fits")
        .build()));
    assertEquals(2, t.used(Resource.CARRY4), "one 8-bit chain, not two");
  }

  @Test
  void romColumnsThatAreConstantOrAnAddressBitNeedNoLut() {
    // Words 0, 5, 6, 3 (three bits): bit 0 is address bit 0, bit 1 is address bit 1, bit 2 is
    // their exclusive or, the only column needing a LUT.
    Memory rom = new Memory("rom", 4, Type.u(3), words(0, 5, 6, 3), Memory.Style.AUTO,
        ImmutableList.of(asyncRead("q", "a")), ImmutableList.of(), SourceLoc.UNKNOWN);
    assertEquals(1, RomColumns.of(rom).needingLuts());
    assertEquals(3, RomColumns.of(rom).varying());
  }

  @Test
  void identicalAndInvertedRomColumnsShareOneLut() {
    // Bits 0 and 1 equal (0,1,1,0), bit 2 their inverse, bit 3 constant zero.
    Memory rom = new Memory("rom", 4, Type.u(4), words(0b100, 0b011, 0b011, 0b100), Memory.Style.AUTO,
        ImmutableList.of(asyncRead("q", "a")), ImmutableList.of(), SourceLoc.UNKNOWN);
    assertEquals(1, RomColumns.of(rom).needingLuts());
    assertEquals(2, RomColumns.of(rom).varying(), "two distinct non-constant columns to register");
  }

  @Test
  void aSignedComparisonWithZeroIsTheSignBit() {
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Negative")
        .in("x", Type.s(8))
        .constant("zero", Type.s(8), 0)
        .node("negative", bin(Op.BinaryKind.LT, "x", "zero"))
        .out("o", "negative")
        .build()));
    assertEquals(0, t.used(Resource.LUT));
  }

  @Test
  void saturationBuildsItsBoundChecksIntoEachOutputBitsLut() {
    // x > 7 and x < -8 depend on x[7:3] only; each output bit is a function of those five bits and
    // its own: one LUT6 per bit, no LUTs for the comparisons.
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Saturate")
        .in("x", Type.s(8))
        .constant("max", Type.s(4), 7)
        .constant("min", Type.s(4), -8)
        .node("over", bin(Op.BinaryKind.GT, "x", "max"))
        .node("under", bin(Op.BinaryKind.LT, "x", "min"))
        .node("low", new Op.Resize("x", 4))
        .node("clipped", new Op.Mux("over", "max", "low"))
        .node("saturated", new Op.Mux("under", "min", "clipped"))
        .out("o", "saturated")
        .build()));
    assertEquals(4, t.used(Resource.LUT));
  }

  @Test
  void aSumNeedsLutsOnlyWhereBothOperandBitsVary() {
    // 12-bit sums: above a zero-extended 4-bit operand the other's bits go straight to the carry
    // chain; a sign-extended one needs a LUT up to the wider operand's top bit, and no more.
    ResourceTable unsigned = Estimator.estimate(IrBuilder.design(IrBuilder.module("ZeroExtended")
        .in("a", Type.u(4)).in("b", Type.u(8))
        .node("a12", new Op.Resize("a", 12)).node("b12", new Op.Resize("b", 12))
        .node("sum", bin(Op.BinaryKind.ADD, "a12", "b12"))
        .out("o", "sum")
        .build()));
    ResourceTable signed = Estimator.estimate(IrBuilder.design(IrBuilder.module("SignExtended")
        .in("a", Type.s(4)).in("b", Type.s(8))
        .node("a12", new Op.Resize("a", 12)).node("b12", new Op.Resize("b", 12))
        .node("sum", bin(Op.BinaryKind.ADD, "a12", "b12"))
        .out("o", "sum")
        .build()));
    assertEquals(4, unsigned.used(Resource.LUT));
    assertEquals(8, signed.used(Resource.LUT));
    assertEquals(3, signed.used(Resource.CARRY4));
  }

  @Test
  void aFanOutFreeConeOfBitwiseLogicIsOneLutPerBitAndOneLevelUpToSixInputs() {
    // A carry-save adder: each bit of the sum x^y^z and of the carry (x&y)|(x&z)|(y&z) is a
    // function of three input bits, one LUT; the inner gates have no LUTs, and no levels, of their own.
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("CarrySave")
        .in("x", Type.u(8)).in("y", Type.u(8)).in("z", Type.u(8))
        .node("xy", bin(Op.BinaryKind.XOR, "x", "y"))
        .node("sum", bin(Op.BinaryKind.XOR, "xy", "z"))
        .node("andXy", bin(Op.BinaryKind.AND, "x", "y"))
        .node("andXz", bin(Op.BinaryKind.AND, "x", "z"))
        .node("andYz", bin(Op.BinaryKind.AND, "y", "z"))
        .node("orXyXz", bin(Op.BinaryKind.OR, "andXy", "andXz"))
        .node("carry", bin(Op.BinaryKind.OR, "orXyXz", "andYz"))
        .out("s", "sum").out("c", "carry")
        .build()));
    assertEquals(16, t.used(Resource.LUT));
    assertEquals(1, t.depth().orElseThrow().levels());
  }

  @Test
  void aConeOfMoreThanSixInputsIsALutTreeTwoLevelsDeep() {
    // Each bit of (a&b | c&d) ^ (e&f | g) reads seven input bits: two LUT6s.
    IrBuilder m = IrBuilder.module("Wide");
    for (String in : new String[] {"a", "b", "c", "d", "e", "f", "g"}) {
      m.in(in, Type.u(4));
    }
    ResourceTable t = Estimator.estimate(IrBuilder.design(m
        .node("ab", bin(Op.BinaryKind.AND, "a", "b"))
        .node("cd", bin(Op.BinaryKind.AND, "c", "d"))
        .node("ef", bin(Op.BinaryKind.AND, "e", "f"))
        .node("left", bin(Op.BinaryKind.OR, "ab", "cd"))
        .node("right", bin(Op.BinaryKind.OR, "ef", "g"))
        .node("all", bin(Op.BinaryKind.XOR, "left", "right"))
        .out("o", "all")
        .build()));
    assertEquals(8, t.used(Resource.LUT));
    assertEquals(2, t.depth().orElseThrow().levels());
  }

  @Test
  void smallLogicReadByTwoConesIsBuiltIntoEach() {
    // x^y feeds two gates: each gate's LUT reads x, y and its own operand, and x^y needs no LUT,
    // unless an output reads it too.
    IrBuilder shared = IrBuilder.module("Shared")
        .in("x", Type.u(4)).in("y", Type.u(4)).in("z", Type.u(4)).in("w", Type.u(4))
        .node("xy", bin(Op.BinaryKind.XOR, "x", "y"))
        .node("low", bin(Op.BinaryKind.AND, "xy", "z"))
        .node("high", bin(Op.BinaryKind.OR, "xy", "w"))
        .out("l", "low").out("h", "high");
    assertEquals(8, Estimator.estimate(IrBuilder.design(shared.build())).used(Resource.LUT));
    assertEquals(12, Estimator.estimate(IrBuilder.design(shared.out("both", "xy").build())).used(Resource.LUT));
  }

  @Test
  void logicOnTheFirstOperandOfASumNeedsLutsOfItsOwn() {
    // The carry chain's DI inputs read the first operand, so a multiplexer there is a LUT per bit;
    // on the second operand it goes into the sum's LUTs (Yosys on 8-bit unsigned sums).
    IrBuilder first = IrBuilder.module("First")
        .in("c", Type.bool()).in("x", Type.u(8)).in("y", Type.u(8)).in("w", Type.u(8))
        .node("m", new Op.Mux("c", "x", "y"))
        .node("sum", bin(Op.BinaryKind.ADD, "m", "w"))
        .out("o", "sum");
    IrBuilder second = IrBuilder.module("Second")
        .in("c", Type.bool()).in("x", Type.u(8)).in("y", Type.u(8)).in("w", Type.u(8))
        .node("m", new Op.Mux("c", "x", "y"))
        .node("sum", bin(Op.BinaryKind.ADD, "w", "m"))
        .out("o", "sum");
    assertEquals(16, Estimator.estimate(IrBuilder.design(first.build())).used(Resource.LUT));
    assertEquals(8, Estimator.estimate(IrBuilder.design(second.build())).used(Resource.LUT));
  }

  @Test
  void aValueAndItsInverseUnderOneSelectAreOneCone() {
    // h ? ~m : m with m = s ? a : b, as a Booth partial product: each bit reads h, s, a and b.
    ResourceTable t = Estimator.estimate(IrBuilder.design(IrBuilder.module("Booth")
        .in("h", Type.bool()).in("s", Type.bool()).in("a", Type.u(6)).in("b", Type.u(6))
        .node("m", new Op.Mux("s", "a", "b"))
        .node("inverse", IrBuilder.un(Op.UnaryKind.NOT, "m"))
        .node("term", new Op.Mux("h", "inverse", "m"))
        .out("o", "term")
        .build()));
    assertEquals(6, t.used(Resource.LUT));
  }

  private static ImmutableList<BigInteger> words(int... values) {
    return Arrays.stream(values).mapToObj(BigInteger::valueOf).collect(ImmutableList.toImmutableList());
  }
}
