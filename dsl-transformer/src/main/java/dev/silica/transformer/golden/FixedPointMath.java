package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * The fixed-point primitives of gemmlowp and TFLite, bit for bit, for int32 and int64 inputs.
 * Java's integer arithmetic wraps and its division truncates toward zero, exactly like the C++
 * these functions come from, so no step needs special casing.
 */
public final class FixedPointMath {

  private FixedPointMath() {}

  /**
   * gemmlowp's {@code SaturatingRoundingDoublingHighMul}: the high 32 bits of {@code 2*a*b},
   * rounded to nearest (ties away from zero); the single overflowing case {@code
   * MIN_VALUE*MIN_VALUE} saturates to {@code MAX_VALUE}.
   */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long product = (long) a * b;
    long nudge = product >= 0 ? 1L << 30 : 1 - (1L << 30);
    return (int) ((product + nudge) / (1L << 31));
  }

  /**
   * gemmlowp's {@code RoundingDivideByPOT}: {@code x / 2^exponent} rounded to nearest, ties away
   * from zero.
   */
  public static int roundingDivideByPot(int x, int exponent) {
    Preconditions.checkArgument(exponent >= 0 && exponent <= 31, "exponent must be 0..31, got %s", exponent);
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /**
   * TFLite's int32 {@code MultiplyByQuantizedMultiplier} in its default double-rounding build:
   * left shift (wrapping, as in C++), {@link #saturatingRoundingDoublingHighMul}, then {@link
   * #roundingDivideByPot}. Negative multipliers are allowed.
   */
  public static int multiplyByQuantizedMultiplier(int x, QuantizedMultiplier multiplier) {
    int leftShift = Math.max(multiplier.shift(), 0);
    int rightShift = Math.max(-multiplier.shift(), 0);
    return roundingDivideByPot(
        saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier.multiplier()), rightShift);
  }

  /**
   * TFLite's int32 {@code MultiplyByQuantizedMultiplier} in its single-rounding build: {@code (x *
   * m + 2^(s-1)) >> s} with {@code s = 31 - shift}, computed in 64 bits. Needs a non-negative
   * multiplier and {@code shift <= 30}; accepts any {@code x} whose product with the multiplier
   * fits 64 bits.
   */
  public static long multiplyByQuantizedMultiplierSingleRounding(long x, QuantizedMultiplier multiplier) {
    Preconditions.checkArgument(multiplier.multiplier() >= 0, "single rounding needs a non-negative multiplier");
    Preconditions.checkArgument(multiplier.shift() >= -31 && multiplier.shift() <= 30,
        "single rounding needs shift in -31..30, got %s", multiplier.shift());
    return roundingShiftRight(Math.multiplyExact(x, (long) multiplier.multiplier()), 31 - multiplier.shift());
  }

  /**
   * TFLite's int64 {@code MultiplyByQuantizedMultiplier}: the multiplier is first reduced to 16
   * bits ({@code (m + 2^15) >> 16}, or {@code 0x7FFF} near the top), then {@code (x * reduced +
   * 2^(t-1)) >> t} with {@code t = 15 - shift}. TFLite's stated domain: {@code -2^47 <= x < 2^47},
   * multiplier {@code >= 0}, shift in {@code -31..7}.
   */
  public static int multiplyByQuantizedMultiplierInt64(long x, QuantizedMultiplier multiplier) {
    Preconditions.checkArgument(multiplier.multiplier() >= 0, "the int64 form needs a non-negative multiplier");
    Preconditions.checkArgument(multiplier.shift() >= -31 && multiplier.shift() < 8,
        "the int64 form needs shift in -31..7, got %s", multiplier.shift());
    Preconditions.checkArgument(x >= -(1L << 47) && x < (1L << 47), "the int64 form needs |x| < 2^47, got %s", x);
    int m = multiplier.multiplier();
    long reduced = m < 0x7FFF0000 ? (m + (1L << 15)) >> 16 : 0x7FFF;
    return (int) roundingShiftRight(x * reduced, 15 - multiplier.shift());
  }

  /**
   * {@code value / 2^shift} rounded half up (toward plus infinity on ties): {@code (value +
   * 2^(shift-1)) >> shift}, and {@code value} itself for a zero shift.
   */
  public static long roundingShiftRight(long value, int shift) {
    Preconditions.checkArgument(shift >= 0 && shift <= 62, "shift must be 0..62, got %s", shift);
    if (shift == 0) {
      return value;
    }
    return Math.addExact(value, 1L << (shift - 1)) >> shift;
  }

  /**
   * {@code numerator / denominator} rounded half up, for a positive denominator: {@code
   * floor((2n + d) / 2d)}.
   */
  public static long roundedDivide(long numerator, long denominator) {
    Preconditions.checkArgument(denominator > 0, "denominator must be positive, got %s", denominator);
    return Math.floorDiv(Math.addExact(Math.multiplyExact(2, numerator), denominator), 2 * denominator);
  }
}
