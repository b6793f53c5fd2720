package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * A non-negative real multiplier as a dyadic number {@code multiplier / 2^shift}: an unsigned
 * integer of a chosen width and a right shift. Narrow multipliers (up to 17 bits unsigned, the
 * B port of a DSP48E1 minus its sign) let a requantizer use one DSP slice; {@link #of} spends every
 * available bit on precision.
 *
 * @param multiplier the unsigned integer significand
 * @param shift the right shift, {@code >= 0}
 */
public record DyadicMultiplier(long multiplier, int shift) {

  /** The largest right shift {@link #of} uses. */
  public static final int MAX_SHIFT = 48;

  public DyadicMultiplier {
    Preconditions.checkArgument(multiplier >= 0, "dyadic multiplier must be non-negative, got %s", multiplier);
    Preconditions.checkArgument(shift >= 0 && shift <= 62, "dyadic shift must be 0..62, got %s", shift);
  }

  /**
   * The most precise {@code m / 2^n} with {@code m < 2^multiplierBits} and {@code n <= MAX_SHIFT}
   * approximating {@code realScale} (m rounded to nearest).
   *
   * @throws IllegalArgumentException if the scale is negative, too large for the width with no
   *     shift, or so small that it rounds to zero
   */
  public static DyadicMultiplier of(double realScale, int multiplierBits) {
    Preconditions.checkArgument(multiplierBits >= 1 && multiplierBits <= 32, "multiplier width must be 1..32, got %s",
        multiplierBits);
    Preconditions.checkArgument(realScale >= 0 && Double.isFinite(realScale), "scale must be finite and >= 0, got %s",
        realScale);
    long limit = 1L << multiplierBits;
    if (Math.round(realScale) >= limit) {
      throw new IllegalArgumentException(
          String.format("%d multiplier bits cannot hold scale %s", multiplierBits, realScale));
    }
    int shift = 0;
    while (shift < MAX_SHIFT && Math.round(Math.scalb(realScale, shift + 1)) < limit) {
      shift++;
    }
    long multiplier = Math.round(Math.scalb(realScale, shift));
    if (multiplier == 0) {
      throw new IllegalArgumentException(
          String.format("scale %s rounds to zero with %d bits and shift %d", realScale, multiplierBits, MAX_SHIFT));
    }
    return new DyadicMultiplier(multiplier, shift);
  }

  /**
   * The same value as TFLite's {@code (m, shift)}: {@code m / 2^(31 - shift)}. Needs a non-negative
   * multiplier and {@code shift <= 31}.
   */
  public static DyadicMultiplier fromQ31(QuantizedMultiplier q31) {
    Preconditions.checkArgument(q31.multiplier() >= 0, "dyadic form needs a non-negative multiplier");
    Preconditions.checkArgument(q31.shift() <= 31, "dyadic form needs shift <= 31, got %s", q31.shift());
    return new DyadicMultiplier(q31.multiplier(), 31 - q31.shift());
  }

  /** {@code round_half_up(value * multiplier / 2^shift)}; throws on 64-bit overflow. */
  public long apply(long value) {
    return FixedPointMath.roundingShiftRight(Math.multiplyExact(value, multiplier), shift);
  }

  /** The real value this pair stands for. */
  public double realValue() {
    return Math.scalb((double) multiplier, -shift);
  }

  /** The unsigned width of the multiplier. */
  public int multiplierBits() {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(multiplier));
  }
}
