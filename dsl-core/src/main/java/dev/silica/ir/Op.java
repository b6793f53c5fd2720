package dev.silica.ir;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.math.BigInteger;

/**
 * What a {@link Node} computes: one of a small closed set of operations over named operands.
 *
 * <p>Operands are the names of other signals of the same module (input ports, nodes, register
 * outputs, memory read ports, instance outputs {@code inst.port}). The result type of every
 * operation is given by {@link TypeRules}, and the rules are tabulated in this package's javadoc.
 */
public sealed interface Op {

  /** The names this operation reads, in a fixed order. */
  ImmutableList<String> operands();

  /** This operation with every operand renamed by {@code rename}. */
  Op mapOperands(java.util.function.UnaryOperator<String> rename);

  /** The text-form mnemonic of this operation ({@code add}, {@code mux}, {@code shlc}...). */
  String mnemonic();

  /** Calls the visitor method for this kind of operation (exhaustive, checked by the compiler). */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of operation: how backends handle every op without a missing case. */
  interface Visitor<R> {
    R visitConst(Const op);

    R visitUnary(Unary op);

    R visitBinary(Binary op);

    R visitShiftBy(ShiftBy op);

    R visitMux(Mux op);

    R visitConcat(Concat op);

    R visitSlice(Slice op);

    R visitResize(Resize op);

    R visitCast(Cast op);
  }

  /** A constant of an explicit type; {@code value} must fit the type. */
  record Const(BigInteger value, Type type) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConst(this);
    }

    @Override
    public String mnemonic() {
      return "const";
    }

    public Const {
      Preconditions.checkArgument(type.fits(value), "constant %s does not fit %s", value, type);
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of();
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return this;
    }
  }

  /** One-operand operations. */
  enum UnaryKind {
    NOT,
    NEG,
    AND_REDUCE,
    OR_REDUCE,
    XOR_REDUCE;

    /** The text-form mnemonic ({@code not}, {@code andr}...). */
    public String mnemonic() {
      return switch (this) {
        case NOT -> "not";
        case NEG -> "neg";
        case AND_REDUCE -> "andr";
        case OR_REDUCE -> "orr";
        case XOR_REDUCE -> "xorr";
      };
    }
  }

  /** A one-operand operation. */
  record Unary(UnaryKind kind, String a) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitUnary(this);
    }

    @Override
    public String mnemonic() {
      return kind.mnemonic();
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of(a);
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new Unary(kind, rename.apply(a));
    }
  }

  /** Two-operand operations; the shifts here shift by a dynamic, unsigned amount. */
  enum BinaryKind {
    ADD,
    SUB,
    MUL,
    AND,
    OR,
    XOR,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    /** Dynamic shift left, width kept. */
    SHL,
    /** Dynamic logical shift right (zeros shifted in), width kept. */
    SHR,
    /** Dynamic arithmetic shift right (the top bit shifted in), width kept. */
    SRA;

    /** The text-form mnemonic: the lower-case name. */
    public String mnemonic() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the result is a one-bit comparison. */
    public boolean isComparison() {
      return switch (this) {
        case EQ, NE, LT, LE, GT, GE -> true;
        default -> false;
      };
    }

    /** Whether the second operand is a shift amount rather than a peer value. */
    public boolean isShift() {
      return this == SHL || this == SHR || this == SRA;
    }
  }

  /** A two-operand operation. */
  record Binary(BinaryKind kind, String a, String b) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBinary(this);
    }

    @Override
    public String mnemonic() {
      return kind.mnemonic();
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of(a, b);
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new Binary(kind, rename.apply(a), rename.apply(b));
    }
  }

  /** Shifts by a constant amount, which change the width (see the width table). */
  enum ShiftKind {
    /** Left by n: width grows by n, signedness kept. */
    SHL,
    /**
     * Right by n: width shrinks by n (to at least 1); arithmetic for signed, logical for unsigned
     * operands, so the value is always floor(a / 2^n).
     */
    SHR;

    /** The text-form mnemonic: {@code shlc} or {@code shrc}. */
    public String mnemonic() {
      return this == SHL ? "shlc" : "shrc";
    }
  }

  /** A shift by a constant, non-negative amount. */
  record ShiftBy(ShiftKind kind, String a, int amount) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitShiftBy(this);
    }

    @Override
    public String mnemonic() {
      return kind.mnemonic();
    }

    public ShiftBy {
      Preconditions.checkArgument(amount >= 0, "negative shift amount %s", amount);
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of(a);
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new ShiftBy(kind, rename.apply(a), amount);
    }
  }

  /** {@code sel ? whenTrue : whenFalse}. */
  record Mux(String sel, String whenTrue, String whenFalse) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitMux(this);
    }

    @Override
    public String mnemonic() {
      return "mux";
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of(sel, whenTrue, whenFalse);
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new Mux(rename.apply(sel), rename.apply(whenTrue), rename.apply(whenFalse));
    }
  }

  /** The bits of {@code parts} side by side, the first part in the most significant bits. */
  record Concat(ImmutableList<String> parts) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConcat(this);
    }

    @Override
    public String mnemonic() {
      return "cat";
    }

    public Concat {
      Preconditions.checkArgument(!parts.isEmpty(), "concatenation of nothing");
    }

    @Override
    public ImmutableList<String> operands() {
      return parts;
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new Concat(parts.stream().map(rename).collect(ImmutableList.toImmutableList()));
    }
  }

  /** Bits {@code hi} down to {@code lo} (inclusive) of {@code a}, as an unsigned value. */
  record Slice(String a, int hi, int lo) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSlice(this);
    }

    @Override
    public String mnemonic() {
      return "slice";
    }

    public Slice {
      Preconditions.checkArgument(lo >= 0 && hi >= lo, "bad slice [%s:%s]", hi, lo);
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of(a);
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new Slice(rename.apply(a), hi, lo);
    }
  }

  /**
   * {@code a} brought to {@code width} bits: sign- or zero-extended by the operand's signedness, or
   * truncated to its low bits; the signedness is kept.
   */
  record Resize(String a, int width) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitResize(this);
    }

    @Override
    public String mnemonic() {
      return "resize";
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of(a);
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new Resize(rename.apply(a), width);
    }
  }

  /** The same bits read as signed or as unsigned: the explicit cast between the two. */
  record Cast(String a, boolean signed) implements Op {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCast(this);
    }

    @Override
    public String mnemonic() {
      return "cast";
    }

    @Override
    public ImmutableList<String> operands() {
      return ImmutableList.of(a);
    }

    @Override
    public Op mapOperands(java.util.function.UnaryOperator<String> rename) {
      return new Cast(rename.apply(a), signed);
    }
  }
}
