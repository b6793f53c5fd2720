package dev.silica.sim;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.ir.Op.BinaryKind.AND;
import static dev.silica.ir.Op.BinaryKind.EQ;
import static dev.silica.ir.Op.BinaryKind.GE;
import static dev.silica.ir.Op.BinaryKind.LT;
import static dev.silica.ir.Op.BinaryKind.MUL;
import static dev.silica.ir.Op.BinaryKind.SHL;
import static dev.silica.ir.Op.BinaryKind.SHR;
import static dev.silica.ir.Op.BinaryKind.SRA;
import static dev.silica.ir.Op.BinaryKind.SUB;
import static dev.silica.ir.Op.BinaryKind.XOR;
import static dev.silica.sim.IrBuilder.bin;
import static dev.silica.sim.IrBuilder.un;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Each operation of the width table against values worked out by hand, narrow and wide. */
class SimulatorOpsTest {

  /** Evaluates {@code op} over inputs {@code a} (and {@code b}) with the given types and values. */
  private static BigInteger eval(Op op, Type ta, Object a, Type tb, Object b) {
    IrBuilder m = IrBuilder.module("t").in("a", ta);
    if (tb != null) {
      m.in("b", tb);
    }
    Simulator sim = Simulator.compile(IrBuilder.design(m.node("y", op).out("out", "y").build()));
    sim.poke("a", new BigInteger(a.toString()));
    if (tb != null) {
      sim.poke("b", new BigInteger(b.toString()));
    }
    return sim.peekBig("out");
  }

  private static BigInteger eval(Op op, Type ta, Object a) {
    return eval(op, ta, a, null, null);
  }

  private static BigInteger big(String decimal) {
    return new BigInteger(decimal);
  }

  private static BigInteger pow2(int n) {
    return BigInteger.ONE.shiftLeft(n);
  }

  @Test
  void addGrowsByOneBitSoNothingOverflows() {
    assertEquals(big("510"), eval(bin(ADD, "a", "b"), Type.u(8), 255, Type.u(8), 255));
    assertEquals(big("-256"), eval(bin(ADD, "a", "b"), Type.s(8), -128, Type.s(8), -128));
    BigInteger maxU64 = pow2(64).subtract(BigInteger.ONE);
    assertEquals(pow2(65).subtract(BigInteger.TWO), eval(bin(ADD, "a", "b"), Type.u(64), maxU64, Type.u(64), maxU64));
  }

  @Test
  void unsignedSubtractionWrapsToTheResultWidth() {
    assertEquals(big("510"), eval(bin(SUB, "a", "b"), Type.u(8), 3, Type.u(8), 5));
    assertEquals(big("-15"), eval(bin(SUB, "a", "b"), Type.s(4), -8, Type.s(4), 7));
  }

  @Test
  void wideAdditionCarriesAcrossWords() {
    BigInteger max = pow2(128).subtract(BigInteger.ONE);
    assertEquals(pow2(129).subtract(BigInteger.TWO), eval(bin(ADD, "a", "b"), Type.u(128), max, Type.u(128), max));
    assertEquals(pow2(64), eval(bin(ADD, "a", "b"), Type.u(64), pow2(64).subtract(BigInteger.ONE), Type.u(64), 1));
  }

  @Test
  void wideSubtractionOfSignedValuesBorrowsAcrossWords() {
    assertEquals(pow2(100).negate().subtract(BigInteger.ONE),
        eval(bin(SUB, "a", "b"), Type.s(101), pow2(100).negate(), Type.s(101), 1));
  }

  @Test
  void multiplicationIsExactInTheSumOfWidths() {
    assertEquals(big("65025"), eval(bin(MUL, "a", "b"), Type.u(8), 255, Type.u(8), 255));
    assertEquals(big("16384"), eval(bin(MUL, "a", "b"), Type.s(8), -128, Type.s(8), -128));
    assertEquals(big("-16256"), eval(bin(MUL, "a", "b"), Type.s(8), -128, Type.s(8), 127));
    BigInteger m64 = pow2(64).subtract(BigInteger.ONE);
    assertEquals(m64.multiply(m64), eval(bin(MUL, "a", "b"), Type.u(64), m64, Type.u(64), m64));
    BigInteger min100 = pow2(99).negate();
    assertEquals(min100.multiply(big("-3")), eval(bin(MUL, "a", "b"), Type.s(100), min100, Type.s(3), -3));
  }

  @Test
  void bitwiseOperationsWorkOnTheTwosComplementBits() {
    assertEquals(big("-128"), eval(bin(XOR, "a", "b"), Type.s(8), 127, Type.s(8), -1));
    assertEquals(big("10"), eval(bin(AND, "a", "b"), Type.u(4), 11, Type.u(4), 14));
    assertEquals(big("5"), eval(un(Op.UnaryKind.NOT, "a"), Type.u(4), 10));
    assertEquals(big("-1"), eval(un(Op.UnaryKind.NOT, "a"), Type.s(70), 0));
    assertEquals(pow2(70).subtract(BigInteger.ONE), eval(un(Op.UnaryKind.NOT, "a"), Type.u(70), 0));
  }

  @Test
  void negationGrowsOneBitSoTheMostNegativeValueNegates() {
    assertEquals(big("128"), eval(un(Op.UnaryKind.NEG, "a"), Type.s(8), -128));
    assertEquals(pow2(63), eval(un(Op.UnaryKind.NEG, "a"), Type.s(64), Long.MIN_VALUE));
  }

  @Test
  void reductionsLookAtEveryBitOfTheOperand() {
    assertEquals(BigInteger.ONE, eval(un(Op.UnaryKind.AND_REDUCE, "a"), Type.s(5), -1));
    assertEquals(BigInteger.ZERO, eval(un(Op.UnaryKind.AND_REDUCE, "a"), Type.u(5), 15));
    assertEquals(BigInteger.ONE, eval(un(Op.UnaryKind.AND_REDUCE, "a"), Type.u(65), pow2(65).subtract(BigInteger.ONE)));
    assertEquals(BigInteger.ONE, eval(un(Op.UnaryKind.OR_REDUCE, "a"), Type.u(100), pow2(99)));
    assertEquals(BigInteger.ONE, eval(un(Op.UnaryKind.XOR_REDUCE, "a"), Type.s(3), -4));
    assertEquals(BigInteger.ZERO, eval(un(Op.UnaryKind.XOR_REDUCE, "a"), Type.s(80), -1));
  }

  @Test
  void comparisonsAreNumericInTheOperandsSignedness() {
    assertEquals(BigInteger.ONE, eval(bin(LT, "a", "b"), Type.s(8), -1, Type.s(3), 0));
    assertEquals(BigInteger.ZERO, eval(bin(LT, "a", "b"), Type.u(64), pow2(63), Type.u(8), 1));
    assertEquals(BigInteger.ONE, eval(bin(GE, "a", "b"), Type.s(100), -5, Type.s(7), -5));
    assertEquals(BigInteger.ZERO, eval(bin(EQ, "a", "b"), Type.s(100), pow2(70), Type.s(7), 0));
  }

  @Test
  void dynamicShiftsKeepTheTypeAndSaturateAtTheWidth() {
    assertEquals(big("240"), eval(bin(SHL, "a", "b"), Type.u(8), 255, Type.u(3), 4));
    assertEquals(big("-16"), eval(bin(SHL, "a", "b"), Type.s(8), 127, Type.u(3), 4));
    assertEquals(big("15"), eval(bin(SHR, "a", "b"), Type.s(8), -1, Type.u(4), 4));
    assertEquals(big("-1"), eval(bin(SRA, "a", "b"), Type.s(8), -128, Type.u(8), 200));
    assertEquals(big("252"), eval(bin(SRA, "a", "b"), Type.u(8), 0xF0, Type.u(4), 2));
    assertEquals(BigInteger.ZERO, eval(bin(SHL, "a", "b"), Type.u(8), 1, Type.u(70), pow2(69)));
    assertEquals(pow2(99), eval(bin(SHL, "a", "b"), Type.u(100), 1, Type.u(7), 99));
    assertEquals(BigInteger.ONE, eval(bin(SHR, "a", "b"), Type.s(100), pow2(99).negate(), Type.u(7), 99));
    assertEquals(big("-1"), eval(bin(SRA, "a", "b"), Type.s(100), pow2(99).negate(), Type.u(7), 99));
  }

  @Test
  void constantShiftsChangeTheWidthAndNeverLoseValue() {
    assertEquals(big("-1024"), eval(new Op.ShiftBy(Op.ShiftKind.SHL, "a", 3), Type.s(8), -128));
    assertEquals(big("-2"), eval(new Op.ShiftBy(Op.ShiftKind.SHR, "a", 2), Type.s(8), -5));
    assertEquals(big("-1"), eval(new Op.ShiftBy(Op.ShiftKind.SHR, "a", 90), Type.s(8), -5));
    assertEquals(BigInteger.ZERO, eval(new Op.ShiftBy(Op.ShiftKind.SHR, "a", 64), Type.u(64), pow2(64).subtract(BigInteger.ONE)));
    assertEquals(pow2(63).negate().shiftLeft(70), eval(new Op.ShiftBy(Op.ShiftKind.SHL, "a", 70), Type.s(64), Long.MIN_VALUE));
  }

  @Test
  void muxPicksTheTrueArmWhenTheSelectIsOne() {
    IrBuilder m = IrBuilder.module("t").in("s", Type.bool()).in("a", Type.s(90)).in("b", Type.s(90))
        .node("y", new Op.Mux("s", "a", "b")).out("out", "y");
    Simulator sim = Simulator.compile(IrBuilder.design(m.build()));
    sim.poke("a", -3);
    sim.poke("b", 4);
    sim.poke("s", 1);
    assertEquals(-3, sim.peek("out"));
    sim.poke("s", 0);
    assertEquals(4, sim.peek("out"));
  }

  @Test
  void concatenationPutsTheFirstPartInTheTopBits() {
    IrBuilder m = IrBuilder.module("t").in("a", Type.s(4)).in("b", Type.u(62)).in("c", Type.u(3))
        .node("narrow", new Op.Concat(ImmutableList.of("a", "c")))
        .node("wide", new Op.Concat(ImmutableList.of("a", "b", "c")))
        .out("n", "narrow").out("w", "wide");
    Simulator sim = Simulator.compile(IrBuilder.design(m.build()));
    sim.poke("a", -1);
    sim.poke("b", 1);
    sim.poke("c", 5);
    assertEquals(0b1111_101, sim.peek("n"));
    assertEquals(big("15").shiftLeft(65).add(big("8")).add(big("5")), sim.peekBig("w"));
  }

  @Test
  void sliceGivesUnsignedBitsAndResizeExtendsBySign() {
    assertEquals(big("7"), eval(new Op.Slice("a", 7, 5), Type.s(8), -1));
    assertEquals(big("3"), eval(new Op.Slice("a", 65, 64), Type.s(100), -1));
    assertEquals(big("-1"), eval(new Op.Resize("a", 100), Type.s(8), -1));
    assertEquals(big("255"), eval(new Op.Resize("a", 100), Type.u(8), 255));
    assertEquals(big("-1"), eval(new Op.Resize("a", 4), Type.s(100), pow2(90).subtract(BigInteger.ONE)));
    assertEquals(big("-128"), eval(new Op.Cast("a", true), Type.u(8), 128));
    assertEquals(pow2(100).subtract(BigInteger.ONE), eval(new Op.Cast("a", false), Type.s(100), -1));
  }
}
