package dev.silica.verilog;

import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.stream.Collectors;

/**
 * The right-hand side of one node's wire, written so that Verilog computes exactly what the width
 * table says: operands are extended explicitly to a common width before arithmetic and comparison
 * (so no context rule and no unsigned operand can change a result), {@code $signed} marks the
 * arithmetic right shift of an unsigned value, constant shifts are bit selections. Where a tool
 * goes wrong on a plain form, the form that works is written instead (docs/tool-bugs.md): shift
 * amounts of at most 32 bits ({@link Operands#shiftAmount}), signed {@code <=} and {@code >=}
 * spelled out, negative literal operands in parentheses.
 */
final class Expressions implements Op.Visitor<String> {

  private final Operands operands;
  private final Type result;

  private Expressions(Operands operands, Type result) {
    this.operands = operands;
    this.result = result;
  }

  /** The expression computing {@code op}, whose result type is {@code result}. */
  static String of(Op op, Type result, Operands operands) {
    return op.accept(new Expressions(operands, result));
  }

  @Override
  public String visitConst(Op.Const op) {
    return Literals.of(op.value(), op.type());
  }

  @Override
  public String visitUnary(Op.Unary op) {
    String a = operands.ref(op.a());
    return switch (op.kind()) {
      case NOT -> "~" + a;
      case NEG -> "-" + operands.extended(op.a(), result.width());
      case AND_REDUCE -> "&" + a;
      case OR_REDUCE -> "|" + a;
      case XOR_REDUCE -> "^" + a;
    };
  }

  @Override
  public String visitBinary(Op.Binary op) {
    String a = operands.ref(op.a());
    String b = operands.ref(op.b());
    int common = Math.max(operands.type(op.a()).width(), operands.type(op.b()).width());
    String ea = operands.extended(op.a(), common);
    String eb = operands.extended(op.b(), common);
    String amount = op.kind().isShift() ? operands.shiftAmount(op.b(), result.width()) : null;
    return switch (op.kind()) {
      // The result is one bit wider than the common width: both operands are extended by their
      // (equal) signedness to it, which is exact.
      case ADD -> ea + " + " + eb;
      case SUB -> ea + " - " + eb;
      // Both operands extend by their signedness to the A+B-bit result, in which the product is exact.
      case MUL -> a + " * " + b;
      case AND -> a + " & " + b;
      case OR -> a + " | " + b;
      case XOR -> a + " ^ " + b;
      case EQ -> ea + " == " + eb;
      case NE -> ea + " != " + eb;
      case LT -> ea + " < " + eb;
      case LE -> orEqual(ea, "<", eb, operands.type(op.a()).signed());
      case GT -> ea + " > " + eb;
      case GE -> orEqual(ea, ">", eb, operands.type(op.a()).signed());
      // Shift amounts are self-determined and unsigned; shifting by the width or more gives 0.
      case SHL -> a + " << " + amount;
      // On a signed operand >> is still logical: zeros come in.
      case SHR -> a + " >> " + amount;
      // >>> is arithmetic only on a signed operand, so an unsigned one is read as signed first.
      case SRA -> (result.signed() ? a : "$signed(" + a + ")") + " >>> " + amount;
    };
  }

  /**
   * {@code a <= b} or {@code a >= b} (by {@code strict}, {@code <} or {@code >}). A signed
   * one is written {@code (a > b) || (a == b)}: Verilator 5.006 at {@code -O3} computes some signed
   * {@code >=} wrongly (docs/tool-bugs.md).
   */
  private static String orEqual(String a, String strict, String b, boolean signed) {
    if (!signed) {
      return a + " " + strict + "= " + b;
    }
    return "(" + a + " " + strict + " " + b + ") || (" + a + " == " + b + ")";
  }

  @Override
  public String visitShiftBy(Op.ShiftBy op) {
    Type a = operands.type(op.a());
    if (op.amount() == 0) {
      return operands.ref(op.a());
    }
    if (op.kind() == Op.ShiftKind.SHL) {
      return "{" + operands.ref(op.a()) + ", " + op.amount() + "'d0}";
    }
    if (op.amount() < a.width()) {
      return operands.bits(op.a(), a.width() - 1, op.amount());
    }
    // Every bit is shifted out: floor(a / 2^k) is 0, or -1 for a negative a (its sign bit).
    return a.signed() ? operands.bit(op.a(), a.width() - 1) : Literals.of(BigInteger.ZERO, Type.u(1));
  }

  @Override
  public String visitMux(Op.Mux op) {
    return operands.ref(op.sel()) + " ? " + operands.ref(op.whenTrue()) + " : " + operands.ref(op.whenFalse());
  }

  @Override
  public String visitConcat(Op.Concat op) {
    if (op.parts().size() == 1) {
      return operands.bits(op.parts().get(0), operands.type(op.parts().get(0)).width() - 1, 0);
    }
    return op.parts().stream().map(operands::ref).collect(Collectors.joining(", ", "{", "}"));
  }

  @Override
  public String visitSlice(Op.Slice op) {
    return operands.bits(op.a(), op.hi(), op.lo());
  }

  @Override
  public String visitResize(Op.Resize op) {
    int from = operands.type(op.a()).width();
    return op.width() >= from ? operands.extended(op.a(), op.width()) : operands.bits(op.a(), op.width() - 1, 0);
  }

  @Override
  public String visitCast(Op.Cast op) {
    return (op.signed() ? "$signed(" : "$unsigned(") + operands.ref(op.a()) + ")";
  }
}
