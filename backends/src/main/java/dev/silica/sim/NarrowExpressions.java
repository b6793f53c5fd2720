package dev.silica.sim;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.util.function.Function;

/**
 * The Java expression (of type {@code long}) that computes one node whose result and operands are
 * all at most 64 bits wide, over normalized words: the same arithmetic as {@link NarrowOps}, written
 * out as source so that the generated kernel evaluates it inline. Returns null for a node with a
 * wider value, which the kernel leaves to its evaluator object.
 */
final class NarrowExpressions implements Op.Visitor<String> {

  private final Run d;
  private final Function<String, Run> runOf;
  private final Function<String, String> ref;

  /**
   * @param ref the expression reading an operand's word ({@code v[12]}, or a literal for a constant)
   */
  private NarrowExpressions(Run d, Function<String, Run> runOf, Function<String, String> ref) {
    this.d = d;
    this.runOf = runOf;
    this.ref = ref;
  }

  /** The expression computing {@code node} into {@code d}, or null when a value is wider than 64 bits. */
  static String of(Node node, Run d, Function<String, Run> runOf, Function<String, String> ref) {
    if (d.n > 1 || node.op().operands().stream().anyMatch(o -> runOf.apply(o).n > 1)) {
      return null;
    }
    return node.op().accept(new NarrowExpressions(d, runOf, ref));
  }

  /** {@code x} reduced to {@code bits} bits and extended by the sign, as {@link Words#normalize}. */
  static String normalize(String x, int bits, boolean signed) {
    if (bits == 64) {
      return x;
    }
    int shift = 64 - bits;
    return "((" + x + " << " + shift + ")" + (signed ? " >> " : " >>> ") + shift + ")";
  }

  /** A long literal, parenthesized when negative so that it can follow any operator. */
  static String literal(long x) {
    return x == Long.MIN_VALUE ? "Long.MIN_VALUE" : x < 0 ? "(" + x + "L)" : x + "L";
  }

  private static String truth(String condition) {
    return "(" + condition + " ? 1L : 0L)";
  }

  @Override
  public String visitConst(Op.Const op) {
    throw new IllegalStateException("constants are inlined, not evaluated");
  }

  @Override
  public String visitUnary(Op.Unary op) {
    Run a = runOf.apply(op.a());
    String x = ref.apply(op.a());
    return switch (op.kind()) {
      case NOT -> d.signed ? "~" + x : "(~" + x + " & " + literal(Words.lowMask(d.width)) + ")";
      case NEG -> "-" + x;
      case AND_REDUCE -> truth(x + " == " + literal(a.signed ? -1L : Words.lowMask(a.width)));
      case OR_REDUCE -> truth(x + " != 0L");
      case XOR_REDUCE -> "(long) (Long.bitCount(" + x + " & " + literal(Words.lowMask(a.width)) + ") & 1)";
    };
  }

  @Override
  public String visitBinary(Op.Binary op) {
    Run a = runOf.apply(op.a());
    Run b = runOf.apply(op.b());
    String x = ref.apply(op.a());
    String y = ref.apply(op.b());
    // Unsigned words below 64 bits are non-negative longs, so the signed comparison orders them.
    boolean plainOrder = a.signed || (a.width < 64 && b.width < 64);
    return switch (op.kind()) {
      case ADD -> "(" + x + " + " + y + ")";
      case SUB -> normalize("(" + x + " - " + y + ")", d.width, d.signed);
      case MUL -> "(" + x + " * " + y + ")";
      case AND -> "(" + x + " & " + y + ")";
      case OR -> "(" + x + " | " + y + ")";
      case XOR -> "(" + x + " ^ " + y + ")";
      case EQ -> truth(x + " == " + y);
      case NE -> truth(x + " != " + y);
      case LT -> compare(x, y, "<", plainOrder);
      case LE -> compare(x, y, "<=", plainOrder);
      case GT -> compare(x, y, ">", plainOrder);
      case GE -> compare(x, y, ">=", plainOrder);
      case SHL -> "(" + y + " >= 0L && " + y + " < " + d.width + "L ? "
          + normalize("(" + x + " << " + y + ")", d.width, d.signed) + " : 0L)";
      case SHR -> "(" + y + " >= 0L && " + y + " < " + d.width + "L ? "
          + normalize("((" + x + " & " + literal(Words.lowMask(d.width)) + ") >>> " + y + ")", d.width, d.signed)
          + " : 0L)";
      case SRA -> normalize(
          "(" + normalize(x, d.width, true) + " >> (" + y + " < 0L || " + y + " > 63L ? 63L : " + y + "))",
          d.width, d.signed);
    };
  }

  private static String compare(String x, String y, String relation, boolean plainOrder) {
    return plainOrder ? truth(x + " " + relation + " " + y) : truth("Long.compareUnsigned(" + x + ", " + y + ") " + relation + " 0");
  }

  @Override
  public String visitShiftBy(Op.ShiftBy op) {
    String x = ref.apply(op.a());
    if (op.kind() == Op.ShiftKind.SHL) {
      return "(" + x + " << " + op.amount() + ")";
    }
    int k = op.amount();
    if (runOf.apply(op.a()).signed) {
      return "(" + x + " >> " + Math.min(k, 63) + ")";
    }
    return k >= 64 ? "0L" : "(" + x + " >>> " + k + ")";
  }

  @Override
  public String visitMux(Op.Mux op) {
    return "(" + ref.apply(op.sel()) + " != 0L ? " + ref.apply(op.whenTrue()) + " : " + ref.apply(op.whenFalse()) + ")";
  }

  @Override
  public String visitConcat(Op.Concat op) {
    StringBuilder acc = new StringBuilder("0L");
    for (String part : op.parts()) {
      int width = runOf.apply(part).width;
      String bits = "(" + ref.apply(part) + " & " + literal(Words.lowMask(width)) + ")";
      acc = width == 64 ? new StringBuilder(bits) : new StringBuilder("((" + acc + " << " + width + ") | " + bits + ")");
    }
    return acc.toString();
  }

  @Override
  public String visitSlice(Op.Slice op) {
    return "((" + ref.apply(op.a()) + " >>> " + op.lo() + ") & " + literal(Words.lowMask(d.width)) + ")";
  }

  @Override
  public String visitResize(Op.Resize op) {
    return normalize(ref.apply(op.a()), d.width, d.signed);
  }

  @Override
  public String visitCast(Op.Cast op) {
    return normalize(ref.apply(op.a()), d.width, d.signed);
  }
}
