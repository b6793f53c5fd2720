package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * The format of an integer code: a width in bits and a signedness (two's complement when signed).
 * Golden models use it to saturate results and to size accumulators the way the hardware does.
 *
 * @param bits width, 1 to 63
 * @param signed whether the code is two's complement
 */
public record IntFormat(int bits, boolean signed) {

  public IntFormat {
    Preconditions.checkArgument(bits >= 1 && bits <= 63, "width must be 1..63 bits, got %s", bits);
  }

  /** A signed two's complement format of {@code bits} bits. */
  public static IntFormat signed(int bits) {
    return new IntFormat(bits, true);
  }

  /** An unsigned format of {@code bits} bits. */
  public static IntFormat unsigned(int bits) {
    return new IntFormat(bits, false);
  }

  /** The narrowest signed format holding every value in {@code [min, max]}. */
  public static IntFormat signedFor(long min, long max) {
    Preconditions.checkArgument(min <= max, "empty range [%s, %s]", min, max);
    int bits = 1;
    while (min < -(1L << (bits - 1)) || max > (1L << (bits - 1)) - 1) {
      bits++;
    }
    return signed(bits);
  }

  /** The narrowest unsigned format holding every value in {@code [0, max]}. */
  public static IntFormat unsignedFor(long max) {
    Preconditions.checkArgument(max >= 0, "unsigned range needs max >= 0, got %s", max);
    return unsigned(Math.max(1, 64 - Long.numberOfLeadingZeros(max)));
  }

  /** The smallest representable code. */
  public long min() {
    return signed ? -(1L << (bits - 1)) : 0;
  }

  /** The largest representable code. */
  public long max() {
    return signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
  }

  /** Whether {@code value} is representable. */
  public boolean contains(long value) {
    return value >= min() && value <= max();
  }

  /** {@code value} clamped into {@code [min(), max()]}. */
  public long saturate(long value) {
    return Math.max(min(), Math.min(max(), value));
  }

  /** The number of distinct codes, {@code 2^bits}. */
  public long codeCount() {
    return 1L << bits;
  }

  @Override
  public String toString() {
    return (signed ? "s" : "u") + bits;
  }
}
