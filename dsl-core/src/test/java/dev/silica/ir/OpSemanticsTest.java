package dev.silica.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The reference semantics, rule by rule from the width table. Every expected value below was
 * worked out by hand from the table (the bit patterns are written in the comments), never by
 * running the code under test.
 */
class OpSemanticsTest {

  /** Operands a, b, c... with their types and values; {@link #eval} runs one op over them. */
  private static final class Operands {
    private final Map<String, Type> types = new LinkedHashMap<>();
    private final Map<String, BigInteger> values = new LinkedHashMap<>();

    Operands with(String name, Type type, long value) {
      return with(name, type, BigInteger.valueOf(value));
    }

    Operands with(String name, Type type, BigInteger value) {
      types.put(name, type);
      values.put(name, value);
      return this;
    }

    BigInteger eval(Op op) {
      return OpSemantics.eval(op, TypeRules.resultType(op, types::get), values::get, types::get);
    }
  }

  private static Operands a(Type type, long value) {
    return new Operands().with("a", type, value);
  }

  private static Operands ab(Type ta, long va, Type tb, long vb) {
    return a(ta, va).with("b", tb, vb);
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static Op.Binary bin(Op.BinaryKind kind) {
    return new Op.Binary(kind, "a", "b");
  }

  private static Op.Unary un(Op.UnaryKind kind) {
    return new Op.Unary(kind, "a");
  }

  @Nested
  class Arithmetic {
    @Test
    void addIsExactInTheGrownWidth() {
      assertEquals(big(510), ab(Type.u(8), 255, Type.u(8), 255).eval(bin(Op.BinaryKind.ADD)));
      assertEquals(big(-132), ab(Type.s(8), -128, Type.s(3), -4).eval(bin(Op.BinaryKind.ADD)));
      assertEquals(big(215), ab(Type.u(4), 15, Type.u(8), 200).eval(bin(Op.BinaryKind.ADD)));
    }

    @Test
    void signedSubIsExact() {
      assertEquals(big(-255), ab(Type.s(8), -128, Type.s(8), 127).eval(bin(Op.BinaryKind.SUB)));
      assertEquals(big(255), ab(Type.s(8), 127, Type.s(8), -128).eval(bin(Op.BinaryKind.SUB)));
    }

    @Test
    void unsignedSubBelowZeroWrapsModuloTheResultWidth() {
      // u8 0 - 255 in u9: -255 + 512 = 257.
      assertEquals(big(257), ab(Type.u(8), 0, Type.u(8), 255).eval(bin(Op.BinaryKind.SUB)));
      // u4 3 - 5 in u5: -2 + 32 = 30.
      assertEquals(big(30), ab(Type.u(4), 3, Type.u(4), 5).eval(bin(Op.BinaryKind.SUB)));
      assertEquals(big(2), ab(Type.u(4), 5, Type.u(4), 3).eval(bin(Op.BinaryKind.SUB)));
    }

    @Test
    void mulIsExactInTheSumOfWidths() {
      assertEquals(big(65025), ab(Type.u(8), 255, Type.u(8), 255).eval(bin(Op.BinaryKind.MUL)));
      assertEquals(big(16384), ab(Type.s(8), -128, Type.s(8), -128).eval(bin(Op.BinaryKind.MUL)));
      assertEquals(big(-56), ab(Type.s(4), -8, Type.s(4), 7).eval(bin(Op.BinaryKind.MUL)));
      // s1 holds only -1 and 0; (-1)*(-1) = 1 is the largest s2.
      assertEquals(big(1), ab(Type.s(1), -1, Type.s(1), -1).eval(bin(Op.BinaryKind.MUL)));
    }

    @Test
    void negOfTheMostNegativeValueFitsTheGrownWidth() {
      assertEquals(big(128), a(Type.s(8), -128).eval(un(Op.UnaryKind.NEG)));
      assertEquals(big(1), a(Type.s(1), -1).eval(un(Op.UnaryKind.NEG)));
      assertEquals(big(-5), a(Type.s(4), 5).eval(un(Op.UnaryKind.NEG)));
    }
  }

  @Nested
  class Bitwise {
    @Test
    void notFlipsEveryBitOfTheType() {
      assertEquals(big(0xF0), a(Type.u(8), 0x0F).eval(un(Op.UnaryKind.NOT)));
      assertEquals(big(-1), a(Type.s(8), 0).eval(un(Op.UnaryKind.NOT)));
      // s4 5 = 0101 -> 1010 = -6
      assertEquals(big(-6), a(Type.s(4), 5).eval(un(Op.UnaryKind.NOT)));
      assertEquals(big(0), a(Type.u(1), 1).eval(un(Op.UnaryKind.NOT)));
    }

    @Test
    void andOrXorWorkOnTheTwosComplementBits() {
      // s4 -6 = 1010, s4 5 = 0101, s4 -1 = 1111
      assertEquals(big(0), ab(Type.s(4), -6, Type.s(4), 5).eval(bin(Op.BinaryKind.AND)));
      assertEquals(big(-1), ab(Type.s(4), -6, Type.s(4), 5).eval(bin(Op.BinaryKind.OR)));
      assertEquals(big(5), ab(Type.s(4), -6, Type.s(4), -1).eval(bin(Op.BinaryKind.XOR)));
      assertEquals(big(0x30), ab(Type.u(8), 0xF0, Type.u(8), 0x3C).eval(bin(Op.BinaryKind.AND)));
    }

    @Test
    void andReduceIsOneOnlyWhenEveryBitIsSet() {
      assertEquals(big(1), a(Type.u(4), 15).eval(un(Op.UnaryKind.AND_REDUCE)));
      assertEquals(big(0), a(Type.u(4), 14).eval(un(Op.UnaryKind.AND_REDUCE)));
      assertEquals(big(1), a(Type.s(4), -1).eval(un(Op.UnaryKind.AND_REDUCE)));
      assertEquals(big(0), a(Type.s(4), -2).eval(un(Op.UnaryKind.AND_REDUCE)));
    }

    @Test
    void orReduceIsOneWhenAnyBitIsSet() {
      assertEquals(big(1), a(Type.s(8), -128).eval(un(Op.UnaryKind.OR_REDUCE)));
      assertEquals(big(0), a(Type.u(8), 0).eval(un(Op.UnaryKind.OR_REDUCE)));
    }

    @Test
    void xorReduceIsTheParityOfTheTypesBits() {
      assertEquals(big(1), a(Type.u(8), 0b1011).eval(un(Op.UnaryKind.XOR_REDUCE)));
      // s4 -1 = 1111 (four ones), s4 -8 = 1000 (one)
      assertEquals(big(0), a(Type.s(4), -1).eval(un(Op.UnaryKind.XOR_REDUCE)));
      assertEquals(big(1), a(Type.s(4), -8).eval(un(Op.UnaryKind.XOR_REDUCE)));
    }
  }

  @Nested
  class Comparisons {
    @Test
    void compareNumericValuesAcrossWidths() {
      assertEquals(big(1), ab(Type.s(8), -1, Type.s(3), 0).eval(bin(Op.BinaryKind.LT)));
      assertEquals(big(1), ab(Type.u(8), 200, Type.u(4), 15).eval(bin(Op.BinaryKind.GT)));
      assertEquals(big(1), ab(Type.s(4), -8, Type.s(8), -8).eval(bin(Op.BinaryKind.EQ)));
      assertEquals(big(0), ab(Type.s(4), -8, Type.s(8), 8).eval(bin(Op.BinaryKind.EQ)));
    }

    @Test
    void everyComparisonOfEqualValues() {
      Operands equal = ab(Type.u(8), 255, Type.u(8), 255);
      assertEquals(big(1), equal.eval(bin(Op.BinaryKind.EQ)));
      assertEquals(big(0), equal.eval(bin(Op.BinaryKind.NE)));
      assertEquals(big(0), equal.eval(bin(Op.BinaryKind.LT)));
      assertEquals(big(1), equal.eval(bin(Op.BinaryKind.LE)));
      assertEquals(big(0), equal.eval(bin(Op.BinaryKind.GT)));
      assertEquals(big(1), equal.eval(bin(Op.BinaryKind.GE)));
    }

    @Test
    void signedComparisonIsNotABitPatternComparison() {
      // s8 -128 has the pattern 0x80, larger than 0x7F as bits, yet it is the smaller number.
      assertEquals(big(1), ab(Type.s(8), -128, Type.s(8), 127).eval(bin(Op.BinaryKind.LT)));
      assertEquals(big(1), ab(Type.s(8), -1, Type.s(8), -2).eval(bin(Op.BinaryKind.GE)));
    }
  }

  @Nested
  class DynamicShifts {
    @Test
    void shlKeepsTheWidthAndDropsBitsShiftedOut() {
      // 1100_0001 << 1 = 1000_0010
      assertEquals(big(130), ab(Type.u(8), 193, Type.u(3), 1).eval(bin(Op.BinaryKind.SHL)));
      assertEquals(big(128), ab(Type.u(8), 1, Type.u(3), 7).eval(bin(Op.BinaryKind.SHL)));
      assertEquals(big(-128), ab(Type.s(8), 1, Type.u(3), 7).eval(bin(Op.BinaryKind.SHL)));
      assertEquals(big(-2), ab(Type.s(8), -1, Type.u(3), 1).eval(bin(Op.BinaryKind.SHL)));
      // s8 64 = 0100_0000 << 1 = 1000_0000 = -128: the sign bit is just another bit.
      assertEquals(big(-128), ab(Type.s(8), 64, Type.u(1), 1).eval(bin(Op.BinaryKind.SHL)));
      assertEquals(big(93), ab(Type.u(8), 93, Type.u(3), 0).eval(bin(Op.BinaryKind.SHL)));
    }

    @Test
    void shlByTheWidthOrMoreGivesZero() {
      assertEquals(big(0), ab(Type.u(8), 1, Type.u(4), 8).eval(bin(Op.BinaryKind.SHL)));
      assertEquals(big(0), ab(Type.s(8), -1, Type.u(8), 255).eval(bin(Op.BinaryKind.SHL)));
      Operands huge = a(Type.u(8), 255).with("b", Type.u(70), BigInteger.ONE.shiftLeft(65));
      assertEquals(big(0), huge.eval(bin(Op.BinaryKind.SHL)));
    }

    @Test
    void shrShiftsInZerosEvenIntoSignedValues() {
      assertEquals(big(1), ab(Type.u(8), 0x80, Type.u(3), 7).eval(bin(Op.BinaryKind.SHR)));
      // s8 -128 = 1000_0000 >> 1 = 0100_0000 = 64
      assertEquals(big(64), ab(Type.s(8), -128, Type.u(3), 1).eval(bin(Op.BinaryKind.SHR)));
      assertEquals(big(127), ab(Type.s(8), -1, Type.u(3), 1).eval(bin(Op.BinaryKind.SHR)));
      assertEquals(big(-1), ab(Type.s(8), -1, Type.u(3), 0).eval(bin(Op.BinaryKind.SHR)));
    }

    @Test
    void shrByTheWidthOrMoreGivesZero() {
      assertEquals(big(0), ab(Type.s(8), -1, Type.u(4), 8).eval(bin(Op.BinaryKind.SHR)));
      assertEquals(big(0), ab(Type.u(8), 255, Type.u(8), 200).eval(bin(Op.BinaryKind.SHR)));
    }

    @Test
    void sraShiftsInCopiesOfTheTopBit() {
      assertEquals(big(-64), ab(Type.s(8), -128, Type.u(3), 1).eval(bin(Op.BinaryKind.SRA)));
      assertEquals(big(-1), ab(Type.s(8), -128, Type.u(3), 7).eval(bin(Op.BinaryKind.SRA)));
      // s8 -7 = 1111_1001 >> 1 = 1111_1100 = -4 (rounds toward minus infinity)
      assertEquals(big(-4), ab(Type.s(8), -7, Type.u(3), 1).eval(bin(Op.BinaryKind.SRA)));
    }

    @Test
    void sraOfAnUnsignedValueAlsoShiftsInItsTopBit() {
      // u8 1000_0000 >> 1 with the top bit shifted in = 1100_0000
      assertEquals(big(0xC0), ab(Type.u(8), 0x80, Type.u(3), 1).eval(bin(Op.BinaryKind.SRA)));
      assertEquals(big(15), ab(Type.u(8), 0x7F, Type.u(3), 3).eval(bin(Op.BinaryKind.SRA)));
    }

    @Test
    void sraByTheWidthOrMoreGivesCopiesOfTheTopBit() {
      assertEquals(big(-1), ab(Type.s(8), -128, Type.u(4), 8).eval(bin(Op.BinaryKind.SRA)));
      assertEquals(big(-1), ab(Type.s(8), -2, Type.u(7), 100).eval(bin(Op.BinaryKind.SRA)));
      assertEquals(big(0), ab(Type.s(8), 64, Type.u(7), 100).eval(bin(Op.BinaryKind.SRA)));
      assertEquals(big(255), ab(Type.u(8), 0x80, Type.u(7), 100).eval(bin(Op.BinaryKind.SRA)));
    }
  }

  @Nested
  class ConstantShifts {
    private Op shlc(int k) {
      return new Op.ShiftBy(Op.ShiftKind.SHL, "a", k);
    }

    private Op shrc(int k) {
      return new Op.ShiftBy(Op.ShiftKind.SHR, "a", k);
    }

    @Test
    void shlcIsExactMultiplicationByAPowerOfTwo() {
      assertEquals(big(4080), a(Type.u(8), 255).eval(shlc(4)));
      assertEquals(big(-256), a(Type.s(8), -128).eval(shlc(1)));
      assertEquals(big(-3), a(Type.s(8), -3).eval(shlc(0)));
    }

    @Test
    void shrcOfASignedValueIsFloorDivision() {
      assertEquals(big(-1), a(Type.s(8), -1).eval(shrc(3)));
      assertEquals(big(-16), a(Type.s(8), -128).eval(shrc(3)));
      // floor(-7 / 2) = floor(-3.5) = -4
      assertEquals(big(-4), a(Type.s(8), -7).eval(shrc(1)));
      assertEquals(big(15), a(Type.s(8), 127).eval(shrc(3)));
    }

    @Test
    void shrcOfAnUnsignedValueDropsLowBits() {
      assertEquals(big(15), a(Type.u(8), 255).eval(shrc(4)));
      assertEquals(big(1), a(Type.u(8), 255).eval(shrc(7)));
    }

    @Test
    void shrcByTheWholeWidthOrMoreLeavesOneBitOfSign() {
      assertEquals(big(0), a(Type.u(8), 255).eval(shrc(8)));
      assertEquals(big(0), a(Type.u(3), 7).eval(shrc(7)));
      assertEquals(big(-1), a(Type.s(3), -4).eval(shrc(7)));
      assertEquals(big(0), a(Type.s(3), 3).eval(shrc(7)));
    }
  }

  @Nested
  class Structure {
    @Test
    void muxPicksTheTrueArmOnOne() {
      Operands ops = a(Type.bool(), 1).with("t", Type.s(4), -3).with("f", Type.s(4), 6);
      assertEquals(big(-3), ops.eval(new Op.Mux("a", "t", "f")));
      Operands off = a(Type.bool(), 0).with("t", Type.s(4), -3).with("f", Type.s(4), 6);
      assertEquals(big(6), off.eval(new Op.Mux("a", "t", "f")));
    }

    @Test
    void catPutsTheFirstPartOnTopAndUsesTwosComplementBitsOfNegatives() {
      // 1010 ++ 1111 = 1010_1111
      assertEquals(big(0xAF), ab(Type.u(4), 0xA, Type.s(4), -1).eval(new Op.Concat(ImmutableList.of("a", "b"))));
      // s3 -4 = 100, u1 1 = 1, s2 -1 = 11: 100_1_11 = 39
      Operands three = ab(Type.s(3), -4, Type.u(1), 1).with("c", Type.s(2), -1);
      assertEquals(big(39), three.eval(new Op.Concat(ImmutableList.of("a", "b", "c"))));
      assertEquals(big(255), a(Type.s(8), -1).eval(new Op.Concat(ImmutableList.of("a"))));
    }

    @Test
    void catKeepsLeadingZerosOfEachPart() {
      // 0001 ++ 0000_0010 = 1_0000_0010 = 258
      assertEquals(big(258), ab(Type.u(4), 1, Type.u(8), 2).eval(new Op.Concat(ImmutableList.of("a", "b"))));
    }

    @Test
    void sliceReadsTheTwosComplementBitsAsUnsigned() {
      assertEquals(big(15), a(Type.s(8), -1).eval(new Op.Slice("a", 7, 4)));
      assertEquals(big(1), a(Type.s(8), -128).eval(new Op.Slice("a", 7, 7)));
      assertEquals(big(0), a(Type.s(8), -128).eval(new Op.Slice("a", 6, 0)));
      // s8 -2 = 1111_1110: bits 3..0 = 1110
      assertEquals(big(14), a(Type.s(8), -2).eval(new Op.Slice("a", 3, 0)));
      // 0xA5 = 1010_0101: bits 5..2 = 1001
      assertEquals(big(9), a(Type.u(8), 0xA5).eval(new Op.Slice("a", 5, 2)));
    }

    @Test
    void resizeWideningExtendsBySignAndKeepsTheValue() {
      assertEquals(big(-3), a(Type.s(4), -3).eval(new Op.Resize("a", 8)));
      assertEquals(big(15), a(Type.u(4), 15).eval(new Op.Resize("a", 8)));
      assertEquals(big(-1), a(Type.s(1), -1).eval(new Op.Resize("a", 4)));
    }

    @Test
    void resizeNarrowingKeepsTheLowBitsInTheSameSignedness() {
      // s8 -3 = 1111_1101 -> 1101 = -3
      assertEquals(big(-3), a(Type.s(8), -3).eval(new Op.Resize("a", 4)));
      // s8 100 = 0110_0100 -> 0100 = 4
      assertEquals(big(4), a(Type.s(8), 100).eval(new Op.Resize("a", 4)));
      // s8 72 = 0100_1000 -> 1000 = -8: a positive value may come out negative
      assertEquals(big(-8), a(Type.s(8), 72).eval(new Op.Resize("a", 4)));
      assertEquals(big(0), a(Type.s(8), -128).eval(new Op.Resize("a", 4)));
      // u8 200 = 1100_1000 -> 1000 = 8
      assertEquals(big(8), a(Type.u(8), 200).eval(new Op.Resize("a", 4)));
    }

    @Test
    void castReinterpretsTheSameBits() {
      assertEquals(big(255), a(Type.s(8), -1).eval(new Op.Cast("a", false)));
      assertEquals(big(-128), a(Type.u(8), 128).eval(new Op.Cast("a", true)));
      assertEquals(big(127), a(Type.u(8), 127).eval(new Op.Cast("a", true)));
      assertEquals(big(8), a(Type.s(4), -8).eval(new Op.Cast("a", false)));
    }

    @Test
    void constIsItsValue() {
      assertEquals(big(-5), new Operands().eval(new Op.Const(big(-5), Type.s(4))));
    }
  }

  @Test
  void anOperandOutsideItsTypeIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> a(Type.u(4), 16).eval(un(Op.UnaryKind.NOT)));
    assertEquals("operand a = 16 does not fit its type u4", e.getMessage());
  }

  @Test
  void aResultTypeThatCannotHoldTheResultIsRejected() {
    Operands ops = ab(Type.u(8), 255, Type.u(8), 255);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OpSemantics.eval(bin(Op.BinaryKind.ADD), Type.u(8), ops.values::get, ops.types::get));
    assertEquals("Binary[kind=ADD, a=a, b=b] gives 510, which does not fit the result type u8", e.getMessage());
  }
}
