package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * A number: the arithmetic, bitwise and comparison operators shared by {@link UInt} and {@link
 * SInt}, typed so that both operands have the same signedness (mixing them does not compile; cast
 * with {@code asSInt()}/{@code asUInt()}). Result widths follow the IR width table: {@code add}
 * grows by one bit, {@code mul} to the sum of the widths; nothing is truncated except by {@link
 * #resize}, {@link #addWrap}/{@link #subWrap}, dynamic left shifts and an unsigned {@code sub} below
 * zero, which say so.
 *
 * <p>Operators taking a {@code long} use a literal of the narrowest type that holds it, except the
 * bitwise ones, whose literal takes this value's type.
 *
 * @param <T> the concrete class, so that {@code a.add(b)} is again a {@code T}
 */
public abstract class Num<T extends Num<T>> extends Signal {

  Num(Ref ref) {
    super(ref);
  }

  /** This element viewed as a {@code T}. */
  abstract T view(Ref r);

  @Override
  Signal sameKind(Ref r) {
    return view(r);
  }

  private T narrowLiteral(long value) {
    BigInteger v = BigInteger.valueOf(value);
    return view(Literals.literal(v, Literals.narrowest(v, isSigned())));
  }

  private T sameTypeLiteral(long value) {
    return view(Literals.literal(BigInteger.valueOf(value), type()));
  }

  /** {@code this <kind> other} as a {@code T}: arithmetic, bitwise operations and shifts. */
  final T binary(Op.BinaryKind kind, Signal other) {
    return view(binaryNode(kind, other));
  }

  private Bool compare(Op.BinaryKind kind, Signal other) {
    return new Bool(binaryNode(kind, other));
  }

  /** The declared type of this value, for making registers or wires like it. */
  public final SignalType<T> signalType() {
    return new SignalType<>(type(), this::view);
  }

  // ---- arithmetic ----

  /** {@code this + other}, one bit wider than the wider operand: never overflows. */
  public final T add(T other) {
    return binary(Op.BinaryKind.ADD, other);
  }

  public final T add(long other) {
    return add(narrowLiteral(other));
  }

  /**
   * {@code this - other}, one bit wider than the wider operand: exact for {@code SInt}; for {@code
   * UInt} a result below zero wraps modulo 2^W (W the result width), as the width table says.
   */
  public final T sub(T other) {
    return binary(Op.BinaryKind.SUB, other);
  }

  public final T sub(long other) {
    return sub(narrowLiteral(other));
  }

  /** {@code this * other}, as wide as both widths together: never overflows. */
  public final T mul(T other) {
    return binary(Op.BinaryKind.MUL, other);
  }

  public final T mul(long other) {
    return mul(narrowLiteral(other));
  }

  /** {@code this + other} wrapped to the wider operand's width, as counters want. */
  public final T addWrap(T other) {
    return add(other).resize(Math.max(width(), other.width()));
  }

  public final T addWrap(long other) {
    return addWrap(narrowLiteral(other));
  }

  /** {@code this - other} wrapped to the wider operand's width. */
  public final T subWrap(T other) {
    return sub(other).resize(Math.max(width(), other.width()));
  }

  public final T subWrap(long other) {
    return subWrap(narrowLiteral(other));
  }

  // ---- bitwise ----

  /** Bitwise and; both operands must have the same type. */
  public T and(T other) {
    return binary(Op.BinaryKind.AND, other);
  }

  public final T and(long other) {
    return and(sameTypeLiteral(other));
  }

  /** Bitwise or; both operands must have the same type. */
  public T or(T other) {
    return binary(Op.BinaryKind.OR, other);
  }

  public final T or(long other) {
    return or(sameTypeLiteral(other));
  }

  /** Bitwise exclusive or; both operands must have the same type. */
  public T xor(T other) {
    return binary(Op.BinaryKind.XOR, other);
  }

  public final T xor(long other) {
    return xor(sameTypeLiteral(other));
  }

  /** Every bit inverted. */
  public T not() {
    return view(unary(Op.UnaryKind.NOT));
  }

  // ---- comparisons (numeric, operands of any widths) ----

  public final Bool eq(T other) {
    return compare(Op.BinaryKind.EQ, other);
  }

  public final Bool eq(long other) {
    return eq(narrowLiteral(other));
  }

  public final Bool ne(T other) {
    return compare(Op.BinaryKind.NE, other);
  }

  public final Bool ne(long other) {
    return ne(narrowLiteral(other));
  }

  public final Bool lt(T other) {
    return compare(Op.BinaryKind.LT, other);
  }

  public final Bool lt(long other) {
    return lt(narrowLiteral(other));
  }

  public final Bool le(T other) {
    return compare(Op.BinaryKind.LE, other);
  }

  public final Bool le(long other) {
    return le(narrowLiteral(other));
  }

  public final Bool gt(T other) {
    return compare(Op.BinaryKind.GT, other);
  }

  public final Bool gt(long other) {
    return gt(narrowLiteral(other));
  }

  public final Bool ge(T other) {
    return compare(Op.BinaryKind.GE, other);
  }

  public final Bool ge(long other) {
    return ge(narrowLiteral(other));
  }

  // ---- shifts ----

  /** {@code this * 2^n}, {@code n} bits wider: exact. */
  public final T shl(int n) {
    return view(build(ids -> new Op.ShiftBy(Op.ShiftKind.SHL, ids.get(0), checkedAmount(n)), this));
  }

  /**
   * {@code floor(this / 2^n)}, {@code n} bits narrower (at least 1 bit): arithmetic for {@code
   * SInt}, logical for {@code UInt}.
   */
  public final T shr(int n) {
    return view(build(ids -> new Op.ShiftBy(Op.ShiftKind.SHR, ids.get(0), checkedAmount(n)), this));
  }

  private static int checkedAmount(int n) {
    if (n < 0) {
      throw new DesignError(UserCode.location(), "shift amount " + n + " is negative");
    }
    return n;
  }

  /** Shifted left by a run-time amount, the width kept: bits shifted past the top are lost. */
  public final T shl(UInt amount) {
    return binary(Op.BinaryKind.SHL, amount);
  }

  /**
   * Shifted right by a run-time amount, the width kept, zeros shifted in (a logical shift, also
   * for {@code SInt}; {@link SInt#sra} shifts the sign in).
   */
  public final T shr(UInt amount) {
    return binary(Op.BinaryKind.SHR, amount);
  }

  // ---- width changes ----

  /** Brought to {@code n} bits: extended by the sign, or cut to the low {@code n} bits. */
  public final T resize(int n) {
    return view(build(ids -> new Op.Resize(ids.get(0), n), this));
  }

  /**
   * Clamped into {@code n} bits of the same signedness: values above the largest {@code n}-bit
   * value give that value, values below the smallest give the smallest. Built from comparisons and
   * multiplexers; no hardware beyond a resize when {@code n} is not narrower.
   */
  public final T saturate(int n) {
    if (n >= width()) {
      return resize(n);
    }
    Type target = type().withWidth(Math.max(n, 1));
    T max = view(Literals.literal(target.max(), target));
    T min = view(Literals.literal(target.min(), target));
    T clampedHigh = Hw.mux(gt(max), max, resize(n));
    return isSigned() ? Hw.mux(lt(min), min, clampedHigh) : clampedHigh;
  }

  // ---- naming and connecting ----

  /**
   * Gives this value a name in the generated IR (and Verilog); returns the named value. Only
   * operator results and memory reads can be renamed: ports, registers, wires and memories are
   * named where they are declared. A literal becomes a named constant of the current module.
   */
  public T named(String name) {
    return view(renamed(name));
  }

  /**
   * Drives this output, wire, register (its next value) or instance input with {@code value}, which
   * must have exactly this type. Inside {@link Hw#when} the connection applies only when the
   * condition holds, and a later connection overrides an earlier one; within one scope (the module
   * body or one branch) a target is connected at most once.
   */
  public final void connect(T value) {
    connectFrom(value);
  }

  /** Drives this target with a literal of its own type. */
  public final void connect(long value) {
    connectFrom(sameTypeLiteral(value));
  }
}
