package dev.silica.dsl;

import static dev.silica.dsl.Hw.cat;
import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each operator: the IR op it makes and the type it gives, as the width table says. */
class OperatorsTest {

  /**
   * Elaborates {@code expr} over inputs u8 {@code a}, u4 {@code b}, s8 {@code s}, s3 {@code t},
   * u3 {@code n}, and returns the type and op of the value it computes (driven to output
   * {@code y}).
   */
  private static ModuleDef withResult(Function<Inputs, Signal> expr) {
    return Ir.top(
        () -> {
          Inputs in =
              new Inputs(
                  input("a", UInt.of(8)), input("b", UInt.of(4)), input("s", SInt.of(8)), input("t", SInt.of(3)),
                  input("n", UInt.of(3)));
          Signal result = expr.apply(in);
          if (result instanceof SInt r) {
            output("y", r.signalType()).connect(r.named("result"));
          } else {
            UInt r = (UInt) result;
            output("y", r.signalType()).connect(r.named("result"));
          }
        });
  }

  record Inputs(UInt a, UInt b, SInt s, SInt t, UInt n) {}

  private static void assertResult(Type type, Op op, Function<Inputs, Signal> expr) {
    ModuleDef m = withResult(expr);
    assertEquals(type, Ir.node(m, "result").type());
    assertEquals(op, Ir.node(m, "result").op());
  }

  @Test
  void addAndSubGrowOneBitPastTheWiderOperand() {
    assertResult(Type.u(9), new Op.Binary(Op.BinaryKind.ADD, "a", "b"), in -> in.a().add(in.b()));
    assertResult(Type.s(9), new Op.Binary(Op.BinaryKind.SUB, "t", "s"), in -> in.t().sub(in.s()));
  }

  @Test
  void mulGrowsToTheSumOfTheWidths() {
    assertResult(Type.u(12), new Op.Binary(Op.BinaryKind.MUL, "a", "b"), in -> in.a().mul(in.b()));
    assertResult(Type.s(11), new Op.Binary(Op.BinaryKind.MUL, "s", "t"), in -> in.s().mul(in.t()));
  }

  @Test
  void negIsSignedAndOneBitWider() {
    assertResult(Type.s(9), new Op.Unary(Op.UnaryKind.NEG, "s"), in -> in.s().neg());
  }

  @Test
  void bitwiseOperatorsKeepTheType() {
    assertResult(Type.u(8), new Op.Binary(Op.BinaryKind.AND, "a", "a"), in -> in.a().and(in.a()));
    assertResult(Type.u(8), new Op.Binary(Op.BinaryKind.OR, "a", "a"), in -> in.a().or(in.a()));
    assertResult(Type.s(8), new Op.Binary(Op.BinaryKind.XOR, "s", "s"), in -> in.s().xor(in.s()));
    assertResult(Type.s(8), new Op.Unary(Op.UnaryKind.NOT, "s"), in -> in.s().not());
  }

  @Test
  void reductionsGiveOneBit() {
    assertResult(Type.bool(), new Op.Unary(Op.UnaryKind.AND_REDUCE, "a"), in -> in.a().andR());
    assertResult(Type.bool(), new Op.Unary(Op.UnaryKind.OR_REDUCE, "s"), in -> in.s().orR());
    assertResult(Type.bool(), new Op.Unary(Op.UnaryKind.XOR_REDUCE, "b"), in -> in.b().xorR());
  }

  @Test
  void comparisonsGiveABoolAndAcceptDifferentWidths() {
    assertResult(Type.bool(), new Op.Binary(Op.BinaryKind.EQ, "a", "b"), in -> in.a().eq(in.b()));
    assertResult(Type.bool(), new Op.Binary(Op.BinaryKind.NE, "a", "b"), in -> in.a().ne(in.b()));
    assertResult(Type.bool(), new Op.Binary(Op.BinaryKind.LT, "s", "t"), in -> in.s().lt(in.t()));
    assertResult(Type.bool(), new Op.Binary(Op.BinaryKind.LE, "s", "t"), in -> in.s().le(in.t()));
    assertResult(Type.bool(), new Op.Binary(Op.BinaryKind.GT, "a", "b"), in -> in.a().gt(in.b()));
    assertResult(Type.bool(), new Op.Binary(Op.BinaryKind.GE, "a", "b"), in -> in.a().ge(in.b()));
  }

  @Test
  void constantShiftsChangeTheWidth() {
    assertResult(Type.s(11), new Op.ShiftBy(Op.ShiftKind.SHL, "s", 3), in -> in.s().shl(3));
    assertResult(Type.u(5), new Op.ShiftBy(Op.ShiftKind.SHR, "a", 3), in -> in.a().shr(3));
    assertResult(Type.s(1), new Op.ShiftBy(Op.ShiftKind.SHR, "t", 7), in -> in.t().shr(7));
  }

  @Test
  void dynamicShiftsKeepTheTypeAndSraShiftsTheSignIn() {
    assertResult(Type.u(8), new Op.Binary(Op.BinaryKind.SHL, "a", "n"), in -> in.a().shl(in.n()));
    assertResult(Type.s(8), new Op.Binary(Op.BinaryKind.SHR, "s", "n"), in -> in.s().shr(in.n()));
    assertResult(Type.s(8), new Op.Binary(Op.BinaryKind.SRA, "s", "n"), in -> in.s().sra(in.n()));
  }

  @Test
  void sliceAndBitAreUnsigned() {
    assertResult(Type.u(3), new Op.Slice("s", 5, 3), in -> in.s().slice(5, 3));
    assertResult(Type.bool(), new Op.Slice("s", 7, 7), in -> in.s().bit(7));
  }

  @Test
  void resizeKeepsTheSignednessAndCastsKeepTheWidth() {
    assertResult(Type.s(12), new Op.Resize("s", 12), in -> in.s().resize(12));
    assertResult(Type.u(2), new Op.Resize("a", 2), in -> in.a().resize(2));
    assertResult(Type.s(8), new Op.Cast("a", true), in -> in.a().asSInt());
    assertResult(Type.u(8), new Op.Cast("s", false), in -> in.s().asUInt());
  }

  @Test
  void castingToTheSameSignednessMakesNoHardware() {
    ModuleDef m = Ir.top(() -> output("y", UInt.of(8)).connect(input("a", UInt.of(8)).asUInt()));
    assertEquals(0, m.nodes().size());
    assertEquals("a", Ir.driver(m, "y"));
  }

  @Test
  void catPutsTheFirstPartInTheTopBits() {
    assertResult(Type.u(15), new Op.Concat(com.google.common.collect.ImmutableList.of("a", "t", "b")), in -> cat(in.a(), in.t(), in.b()));
  }

  @Test
  void muxTakesABoolAndTwoArmsOfOneType() {
    assertResult(
        Type.s(8),
        new Op.Mux("mux_sel", "s", "s_neg"),
        in -> mux(in.a().gt(in.b()).named("mux_sel"), in.s(), in.s().not().named("s_neg")));
  }

  @Test
  void literalsGetTheNarrowestTypeExceptInBitwiseOperators() {
    ModuleDef m = withResult(in -> in.a().add(5));
    assertEquals(Type.u(3), Ir.node(m, "lit_5_u3").type());
    m = withResult(in -> in.s().sub(-3));
    assertEquals(Type.s(3), Ir.node(m, "lit_m3_s3").type());
    m = withResult(in -> in.a().and(0x0f));
    assertEquals(Type.u(8), Ir.node(m, "lit_15_u8").type());
  }

  @Test
  void explicitLiteralsHaveTheirDeclaredType() {
    ModuleDef m = Ir.top(() -> output("y", SInt.of(4)).connect(SInt.lit(-3, 4)));
    assertEquals(new Op.Const(BigInteger.valueOf(-3), Type.s(4)), Ir.node(m, Ir.driver(m, "y")).op());
  }

  @Test
  void addWrapAndSubWrapStayAtTheWiderWidth() {
    ModuleDef m = withResult(in -> in.a().addWrap(in.b()));
    assertEquals(new Op.Resize(Ir.node(m, "result").op().operands().get(0), 8), Ir.node(m, "result").op());
    assertEquals(Type.u(8), Ir.node(m, "result").type());
    assertEquals(Type.s(8), Ir.node(withResult(in -> in.s().subWrap(1)), "result").type());
  }

  @Test
  void saturateClampsUnsignedValuesAtTheTop() {
    ModuleDef m = withResult(in -> in.a().saturate(4));
    Op.Mux mux = (Op.Mux) Ir.node(m, "result").op();
    assertEquals(new Op.Binary(Op.BinaryKind.GT, "a", "lit_15_u4"), Ir.node(m, mux.sel()).op());
    assertEquals("lit_15_u4", mux.whenTrue());
    assertEquals(new Op.Resize("a", 4), Ir.node(m, mux.whenFalse()).op());
    assertEquals(Type.u(4), Ir.node(m, "result").type());
  }

  @Test
  void saturateClampsSignedValuesAtBothEnds() {
    ModuleDef m = withResult(in -> in.s().saturate(4));
    Op.Mux low = (Op.Mux) Ir.node(m, "result").op();
    assertEquals(new Op.Binary(Op.BinaryKind.LT, "s", "lit_m8_s4"), Ir.node(m, low.sel()).op());
    assertEquals("lit_m8_s4", low.whenTrue());
    Op.Mux high = (Op.Mux) Ir.node(m, low.whenFalse()).op();
    assertEquals(new Op.Binary(Op.BinaryKind.GT, "s", "lit_7_s4"), Ir.node(m, high.sel()).op());
    assertEquals("lit_7_s4", high.whenTrue());
  }

  @Test
  void saturateToAWiderWidthOnlyExtends() {
    ModuleDef m = withResult(in -> in.t().saturate(6));
    assertEquals(new Op.Resize("t", 6), Ir.node(m, "result").op());
  }

  @Test
  void boolLogicStaysBool() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool p = input("p", Bool.TYPE);
              Bool q = input("q", Bool.TYPE);
              Bool r = p.and(q).or(p.xor(q)).not();
              output("y", Bool.TYPE).connect(r);
            });
    var result = Ir.node(m, Ir.driver(m, "y"));
    assertEquals(Type.bool(), result.type());
    assertEquals(Op.UnaryKind.NOT, ((Op.Unary) result.op()).kind());
  }
}
