package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * The sequential radix-2 restoring divider, one quotient bit per cycle from the most significant:
 * at step {@code i} (from {@code quotientBits-1} down to 0) subtract {@code d << i} from the
 * partial remainder when it fits and set quotient bit {@code i}. It takes {@code quotientBits}
 * cycles and gives {@code floor(n / d)} whenever {@code n < d * 2^quotientBits}, which the caller
 * guarantees (softmax does: a probability never exceeds one).
 */
public final class RestoringDivider {

  private RestoringDivider() {}

  /** The quotient, computed bit by bit as the hardware does. */
  public static long divide(long numerator, long denominator, int quotientBits) {
    Preconditions.checkArgument(denominator > 0, "denominator must be positive, got %s", denominator);
    Preconditions.checkArgument(numerator >= 0, "numerator must be non-negative, got %s", numerator);
    Preconditions.checkArgument(quotientBits >= 1 && quotientBits <= 62, "quotient width must be 1..62");
    Preconditions.checkArgument(Long.numberOfLeadingZeros(denominator) > quotientBits,
        "denominator %s shifted by %s bits overflows 63 bits", denominator, quotientBits);
    Preconditions.checkArgument(numerator < denominator << quotientBits,
        "quotient of %s / %s needs more than %s bits", numerator, denominator, quotientBits);
    long remainder = numerator;
    long quotient = 0;
    for (int i = quotientBits - 1; i >= 0; i--) {
      long trial = denominator << i;
      if (remainder >= trial) {
        remainder -= trial;
        quotient |= 1L << i;
      }
    }
    return quotient;
  }
}
