package dev.silica.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The width table, one rule a test. */
class TypeRulesTest {

  private static final Map<String, Type> TYPES =
      ImmutableMap.of("u8", Type.u(8), "u4", Type.u(4), "s8", Type.s(8), "s3", Type.s(3), "u1", Type.bool());

  private static Type result(Op op) {
    return TypeRules.resultType(op, TYPES::get);
  }

  @Test
  void addAndSubGrowOneBitPastTheWiderOperand() {
    assertEquals(Type.u(9), result(new Op.Binary(Op.BinaryKind.ADD, "u8", "u4")));
    assertEquals(Type.s(9), result(new Op.Binary(Op.BinaryKind.SUB, "s3", "s8")));
  }

  @Test
  void mulGrowsToTheSumOfWidths() {
    assertEquals(Type.u(12), result(new Op.Binary(Op.BinaryKind.MUL, "u8", "u4")));
    assertEquals(Type.s(11), result(new Op.Binary(Op.BinaryKind.MUL, "s8", "s3")));
  }

  @Test
  void mixingSignedAndUnsignedIsAnError() {
    var e = assertThrows(TypeRules.TypeRuleViolation.class, () -> result(new Op.Binary(Op.BinaryKind.ADD, "u8", "s8")));
    assertEquals("add mixes signed and unsigned (u8, s8): cast one of them explicitly", e.getMessage());
  }

  @Test
  void comparisonsGiveOneUnsignedBit() {
    assertEquals(Type.bool(), result(new Op.Binary(Op.BinaryKind.LT, "s8", "s3")));
  }

  @Test
  void bitwiseOperandsMustAgreeExactly() {
    assertEquals(Type.u(8), result(new Op.Binary(Op.BinaryKind.XOR, "u8", "u8")));
    assertThrows(TypeRules.TypeRuleViolation.class, () -> result(new Op.Binary(Op.BinaryKind.AND, "u8", "u4")));
  }

  @Test
  void constantShiftsChangeTheWidthPredictably() {
    assertEquals(Type.s(11), result(new Op.ShiftBy(Op.ShiftKind.SHL, "s8", 3)));
    assertEquals(Type.u(5), result(new Op.ShiftBy(Op.ShiftKind.SHR, "u8", 3)));
    assertEquals(Type.s(1), result(new Op.ShiftBy(Op.ShiftKind.SHR, "s3", 7)));
  }

  @Test
  void dynamicShiftsKeepTheTypeAndTakeUnsignedAmounts() {
    assertEquals(Type.s(8), result(new Op.Binary(Op.BinaryKind.SRA, "s8", "u4")));
    assertThrows(TypeRules.TypeRuleViolation.class, () -> result(new Op.Binary(Op.BinaryKind.SHL, "u8", "s3")));
  }

  @Test
  void negNeedsASignedOperandAndGrowsOneBit() {
    assertEquals(Type.s(9), result(new Op.Unary(Op.UnaryKind.NEG, "s8")));
    assertThrows(TypeRules.TypeRuleViolation.class, () -> result(new Op.Unary(Op.UnaryKind.NEG, "u8")));
  }

  @Test
  void sliceConcatResizeAndCast() {
    assertEquals(Type.u(3), result(new Op.Slice("s8", 7, 5)));
    assertThrows(TypeRules.TypeRuleViolation.class, () -> result(new Op.Slice("u4", 4, 0)));
    assertEquals(Type.u(15), result(new Op.Concat(com.google.common.collect.ImmutableList.of("u8", "s3", "u4"))));
    assertEquals(Type.s(16), result(new Op.Resize("s8", 16)));
    assertEquals(Type.u(3), result(new Op.Cast("s3", false)));
  }

  @Test
  void muxNeedsAOneBitSelectAndEqualArms() {
    assertEquals(Type.u(8), result(new Op.Mux("u1", "u8", "u8")));
    assertThrows(TypeRules.TypeRuleViolation.class, () -> result(new Op.Mux("u4", "u8", "u8")));
    assertThrows(TypeRules.TypeRuleViolation.class, () -> result(new Op.Mux("u1", "u8", "s8")));
  }
}
