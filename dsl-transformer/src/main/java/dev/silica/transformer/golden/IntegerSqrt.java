package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * {@code floor(sqrt(n))} for non-negative longs, two ways that agree exactly: the bit-serial
 * (digit-by-digit) root that hardware uses, one result bit per step, {@code ceil(width / 2)} steps
 * for a {@code width}-bit radicand and no multiplier; and the Newton iteration I-BERT uses, {@code
 * x <- (x + n / x) / 2} from a power of two above the root, stopping when it no longer decreases.
 */
public final class IntegerSqrt {

  private IntegerSqrt() {}

  /** The bit-serial root. */
  public static long bitSerial(long n) {
    Preconditions.checkArgument(n >= 0, "square root of negative %s", n);
    long remainder = n;
    long root = 0;
    long bit = 1L << 62;
    while (bit > remainder && bit != 0) {
      bit >>= 2;
    }
    while (bit != 0) {
      if (remainder >= root + bit) {
        remainder -= root + bit;
        root = (root >> 1) + bit;
      } else {
        root >>= 1;
      }
      bit >>= 2;
    }
    return root;
  }

  /** The Newton root, as I-BERT computes it. */
  public static long newton(long n) {
    Preconditions.checkArgument(n >= 0, "square root of negative %s", n);
    if (n < 2) {
      return n;
    }
    int bits = 64 - Long.numberOfLeadingZeros(n);
    long x = 1L << ((bits + 1) / 2);
    while (true) {
      long next = (x + n / x) / 2;
      if (next >= x) {
        return x;
      }
      x = next;
    }
  }

  /** Steps of {@link #bitSerial} for a radicand of {@code width} bits. */
  public static int bitSerialSteps(int width) {
    return (width + 1) / 2;
  }
}
