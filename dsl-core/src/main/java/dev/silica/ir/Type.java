package dev.silica.ir;

import com.google.common.base.Preconditions;
import java.math.BigInteger;

/**
 * The type of every IR value: a width in bits and a signedness.
 *
 * <p>Signed values are two's complement. Widths run from 1 to {@link #MAX_WIDTH}.
 */
public record Type(int width, boolean signed) {

  /** The widest value the IR (and every backend) supports. */
  public static final int MAX_WIDTH = 1024;

  public Type {
    Preconditions.checkArgument(
        width >= 1 && width <= MAX_WIDTH, "width %s is outside 1..%s", width, MAX_WIDTH);
  }

  /** An unsigned type of the given width. */
  public static Type u(int width) {
    return new Type(width, false);
  }

  /** A signed (two's complement) type of the given width. */
  public static Type s(int width) {
    return new Type(width, true);
  }

  /** The one-bit unsigned type of conditions and comparison results. */
  public static Type bool() {
    return u(1);
  }

  /** This type with another width and the same signedness. */
  public Type withWidth(int newWidth) {
    return new Type(newWidth, signed);
  }

  /** The smallest value of this type. */
  public BigInteger min() {
    return signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
  }

  /** The largest value of this type. */
  public BigInteger max() {
    return signed
        ? BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
  }

  /** Whether {@code value} is representable in this type without wrapping. */
  public boolean fits(BigInteger value) {
    return value.compareTo(min()) >= 0 && value.compareTo(max()) <= 0;
  }

  /**
   * Reduces any integer to this type's value with the same low {@code width} bits, the way
   * hardware wraps: unsigned modulo 2^width, signed into two's complement range.
   */
  public BigInteger wrap(BigInteger value) {
    BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    BigInteger bits = value.and(mask);
    return signed && bits.testBit(width - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(width)) : bits;
  }

  /** The text form: {@code u8} or {@code s12}. */
  @Override
  public String toString() {
    return (signed ? "s" : "u") + width;
  }
}
