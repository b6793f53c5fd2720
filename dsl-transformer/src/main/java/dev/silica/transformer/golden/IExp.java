package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * I-BERT's integer exponential {@code i-exp} (Kim et al., 2021): with {@code p = delta * S <= 0},
 * write {@code p = -z ln2 + r} with {@code r} in {@code (-ln2, 0]}, approximate {@code exp(r)} by
 * the second-order polynomial {@code 0.3585 (r + 1.353)^2 + 0.344}, and divide by {@code 2^z} with
 * a shift. All run-time steps are integer: the constants {@code x0 = floor(-ln2 / S')}, {@code
 * b = floor(1.353 / S')} and {@code c = floor(0.344 / (0.3585 S'^2))} are computed once.
 *
 * <p>Low-bit inputs have a coarse scale, so the input difference is first shifted left by {@code
 * k} bits ({@code S' = S / 2^k}), {@code k} the least that makes {@code |x0| >= 2^precisionBits}:
 * {@code precisionBits} sets how finely {@code r} resolves {@code [-ln2, 0]}. The result {@code
 * ((r + b)^2 + c) >> z} stands for {@code exp(p)} in units of {@code 0.3585 S'^2}.
 */
public final class IExp implements IntExp {

  private static final double LN2 = Math.log(2);
  private static final double A = 0.3585;
  private static final double B = 1.353;
  private static final double C = 0.344;

  private final int preShift;
  private final long x0;
  private final long b;
  private final long c;
  private final int maxDelta;

  /**
   * @param inputScale the real scale {@code S} of one input code
   * @param maxDelta the largest input difference magnitude (2^bits - 1 for a full b-bit row)
   * @param precisionBits how many bits resolve the reduced argument on {@code (-ln2, 0]}
   */
  public IExp(double inputScale, int maxDelta, int precisionBits) {
    Preconditions.checkArgument(inputScale > 0 && Double.isFinite(inputScale), "scale must be positive");
    Preconditions.checkArgument(precisionBits >= 2 && precisionBits <= 20, "precision must be 2..20 bits");
    Preconditions.checkArgument(maxDelta >= 0, "maxDelta must be >= 0");
    int shift = 0;
    while (Math.floor(LN2 / Math.scalb(inputScale, -shift)) < (1L << precisionBits)) {
      shift++;
    }
    double fine = Math.scalb(inputScale, -shift);
    this.preShift = shift;
    this.x0 = (long) Math.floor(-LN2 / fine);
    this.b = (long) Math.floor(B / fine);
    this.c = (long) Math.floor(C / (A * fine * fine));
    this.maxDelta = maxDelta;
  }

  @Override
  public long exp(int delta) {
    Preconditions.checkArgument(delta <= 0 && delta >= -maxDelta, "delta %s outside [-%s, 0]", delta, maxDelta);
    long q = (long) delta << preShift;
    long z = q / x0;
    long r = q - x0 * z;
    long poly = (r + b) * (r + b) + c;
    return z >= 63 ? 0 : poly >> z;
  }

  @Override
  public long maxValue() {
    return b * b + c;
  }

  @Override
  public int maxDelta() {
    return maxDelta;
  }

  /** The left shift {@code k} applied to the input difference. */
  public int preShift() {
    return preShift;
  }

  /** {@code floor(-ln2 / S')}, negative. */
  public long x0() {
    return x0;
  }

  /** {@code floor(1.353 / S')}. */
  public long b() {
    return b;
  }

  /** {@code floor(0.344 / (0.3585 S'^2))}. */
  public long c() {
    return c;
  }
}
