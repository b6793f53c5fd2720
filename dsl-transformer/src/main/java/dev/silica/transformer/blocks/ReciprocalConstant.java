package dev.silica.transformer.blocks;

import com.google.common.base.Preconditions;

/**
 * Division by a constant as a multiply and a shift: {@code floor(n / d) = (n * m) >> k} for every
 * {@code n} in {@code [0, maxNumerator]}, with {@code m = ceil(2^k / d)} and the least {@code k}
 * for which the error term {@code e = m d - 2^k} satisfies {@code maxNumerator * e < 2^k}
 * (then {@code n m / 2^k = n / d + n e / (d 2^k)} stays below the next multiple of {@code 1/d}).
 * Hardware dividing by a sequence length or a fixed constant uses this instead of a divider.
 *
 * @param divisor {@code d}
 * @param multiplier {@code m}
 * @param shift {@code k}
 * @param maxNumerator the largest numerator the identity is guaranteed for
 */
public record ReciprocalConstant(long divisor, long multiplier, int shift, long maxNumerator) {

  /** The cheapest exact reciprocal of {@code divisor} for numerators up to {@code maxNumerator}. */
  public static ReciprocalConstant of(long divisor, long maxNumerator) {
    Preconditions.checkArgument(divisor >= 1, "divisor must be positive, got %s", divisor);
    Preconditions.checkArgument(maxNumerator >= 0, "numerators must be non-negative");
    for (int k = 0; k < 62; k++) {
      long power = 1L << k;
      long m = (power + divisor - 1) / divisor;
      long error = m * divisor - power;
      boolean exact = error == 0 || maxNumerator <= (power - 1) / error;
      boolean productFits = maxNumerator <= Long.MAX_VALUE / m;
      if (exact && productFits) {
        return new ReciprocalConstant(divisor, m, k, maxNumerator);
      }
    }
    throw new IllegalArgumentException(
        String.format("no 62-bit reciprocal of %d covers numerators up to %d", divisor, maxNumerator));
  }

  /** {@code (n * m) >> k}, equal to {@code floor(n / d)} for {@code n} in range. */
  public long divide(long numerator) {
    Preconditions.checkArgument(numerator >= 0 && numerator <= maxNumerator, "numerator %s outside [0, %s]",
        numerator, maxNumerator);
    return (numerator * multiplier) >> shift;
  }
}
