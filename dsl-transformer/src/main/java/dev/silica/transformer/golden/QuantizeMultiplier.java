package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Derives TFLite's integer {@link QuantizedMultiplier} (a Q31 significand and a power-of-two
 * shift) from a real scale, the way TFLite's {@code QuantizeMultiplier} does: split the scale into
 * a fraction in {@code [0.5, 1)} and an exponent, round the fraction times {@code 2^31} half away
 * from zero, and if that rounding reaches {@code 2^31}, halve it and bump the exponent. Scales
 * below {@code 2^-32} (which would shift every result to zero) give the zero multiplier.
 */
public final class QuantizeMultiplier {

  private QuantizeMultiplier() {}

  /** The multiplier for any finite real scale (positive, negative or zero). */
  public static QuantizedMultiplier of(double realScale) {
    Preconditions.checkArgument(Double.isFinite(realScale), "scale must be finite, got %s", realScale);
    if (realScale == 0.0 || Math.getExponent(realScale) < Double.MIN_EXPONENT) {
      return new QuantizedMultiplier(0, 0);
    }
    int exponent = Math.getExponent(realScale) + 1;
    double fraction = Math.scalb(realScale, -exponent);
    long fixed = roundHalfAwayFromZero(Math.scalb(fraction, 31));
    if (fixed == 1L << 31) {
      fixed /= 2;
      exponent++;
    }
    if (exponent < -31) {
      return new QuantizedMultiplier(0, 0);
    }
    return new QuantizedMultiplier((int) fixed, exponent);
  }

  /**
   * The multiplier for a scale in {@code (0, 1)}; refuses a scale whose rounding reaches 1.0 (a
   * positive shift), like TFLite's {@code QuantizeMultiplierSmallerThanOneExp}.
   */
  public static QuantizedMultiplier smallerThanOne(double realScale) {
    Preconditions.checkArgument(realScale > 0 && realScale < 1, "scale must be in (0, 1), got %s", realScale);
    QuantizedMultiplier result = of(realScale);
    Preconditions.checkArgument(result.shift() <= 0, "scale %s rounds up to 1.0", realScale);
    return result;
  }

  /**
   * The multiplier for a scale above 1; refuses a scale that is 1.0 once in double precision, like
   * TFLite's {@code QuantizeMultiplierGreaterThanOne}.
   */
  public static QuantizedMultiplier greaterThanOne(double realScale) {
    Preconditions.checkArgument(realScale > 1, "scale must be greater than 1, got %s", realScale);
    QuantizedMultiplier result = of(realScale);
    Preconditions.checkArgument(result.shift() >= 0, "scale %s has a negative shift", realScale);
    return result;
  }

  /** Rounds to the nearest integer, ties away from zero (C's {@code round}). */
  static long roundHalfAwayFromZero(double value) {
    double nearestEven = Math.rint(value);
    if (Math.abs(value - Math.floor(value)) == 0.5) {
      return (long) (value + Math.copySign(0.5, value));
    }
    return (long) nearestEven;
  }
}
