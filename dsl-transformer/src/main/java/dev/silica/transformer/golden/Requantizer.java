package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * The golden requantizer: an integer accumulator to an output code, {@code clamp(round(acc * M) +
 * zeroPoint)} into an {@link IntFormat}, with {@code round(acc * M)} done by one of three {@link
 * RoundingMode}s. Integer-only at run time; the real scale is turned into integers once, when the
 * requantizer is built.
 *
 * <h2>Measured error</h2>
 *
 * <p>Against the exact real value {@code clamp(acc * M + zp)}, int8 output, 200 scales
 * log-uniform in {@code [2^-20, 2^-3)}, 20,000 accumulators each, spread so outputs span about
 * +-150 ({@code RequantizerErrorTest}, seeds 1-4). In output LSB:
 *
 * <table>
 *   <caption>Requantizer error against the real value</caption>
 *   <tr><th>mode</th><th>max abs</th><th>mean abs</th><th>differs from exact round-half-up</th></tr>
 *   <tr><td>DOUBLE_ROUNDING</td><td>0.5625</td><td>0.2128</td><td>0.63%</td></tr>
 *   <tr><td>SINGLE_ROUNDING</td><td>0.5000</td><td>0.2126</td><td>0%</td></tr>
 *   <tr><td>ROUND_HALF_UP_SHIFT, 16-bit m</td><td>0.5018</td><td>0.2124</td><td>0.03%</td></tr>
 *   <tr><td>ROUND_HALF_UP_SHIFT, 8-bit m</td><td>0.9805</td><td>0.2251</td><td>7.66%</td></tr>
 * </table>
 *
 * <p>Double rounding's extra error is the high-mul's rounding divided by the final right shift
 * (at most {@code 0.5 / 2^3} here); the narrow multiplier's is its relative error times the
 * output magnitude.
 */
public final class Requantizer {

  private final RoundingMode mode;
  private final QuantizedMultiplier q31;
  private final DyadicMultiplier dyadic;
  private final int zeroPoint;
  private final IntFormat output;

  private Requantizer(RoundingMode mode, QuantizedMultiplier q31, DyadicMultiplier dyadic, int zeroPoint,
      IntFormat output) {
    Preconditions.checkArgument(output.contains(zeroPoint), "zero point %s outside %s", zeroPoint, output);
    this.mode = mode;
    this.q31 = q31;
    this.dyadic = dyadic;
    this.zeroPoint = zeroPoint;
    this.output = output;
  }

  /** TFLite/gemmlowp double rounding with TFLite's multiplier for {@code realScale}. */
  public static Requantizer doubleRounding(double realScale, int zeroPoint, IntFormat output) {
    return new Requantizer(RoundingMode.DOUBLE_ROUNDING, QuantizeMultiplier.of(realScale), null, zeroPoint, output);
  }

  /** TFLite/gemmlowp double rounding with a multiplier already derived (as read back from a model file). */
  public static Requantizer doubleRounding(QuantizedMultiplier multiplier, int zeroPoint, IntFormat output) {
    return new Requantizer(RoundingMode.DOUBLE_ROUNDING, multiplier, null, zeroPoint, output);
  }

  /** TFLite single rounding with TFLite's (non-negative) multiplier for {@code realScale}. */
  public static Requantizer singleRounding(double realScale, int zeroPoint, IntFormat output) {
    QuantizedMultiplier q31 = QuantizeMultiplier.of(realScale);
    return new Requantizer(RoundingMode.SINGLE_ROUNDING, q31, DyadicMultiplier.fromQ31(q31), zeroPoint, output);
  }

  /** Multiply-shift with round half up and a multiplier of {@code multiplierBits} unsigned bits. */
  public static Requantizer roundHalfUpShift(double realScale, int multiplierBits, int zeroPoint, IntFormat output) {
    return roundHalfUpShift(DyadicMultiplier.of(realScale, multiplierBits), zeroPoint, output);
  }

  /** Multiply-shift with round half up and the given multiplier. */
  public static Requantizer roundHalfUpShift(DyadicMultiplier multiplier, int zeroPoint, IntFormat output) {
    return new Requantizer(RoundingMode.ROUND_HALF_UP_SHIFT, null, multiplier, zeroPoint, output);
  }

  /** {@code round(acc * M)}, before the zero point and the clamp. */
  public long scale(long acc) {
    if (mode == RoundingMode.DOUBLE_ROUNDING) {
      Preconditions.checkArgument(acc == (int) acc, "double rounding needs an int32 accumulator, got %s", acc);
      return FixedPointMath.multiplyByQuantizedMultiplier((int) acc, q31);
    }
    return dyadic.apply(acc);
  }

  /** The output code {@code clamp(round(acc * M) + zeroPoint)}. */
  public int apply(long acc) {
    return (int) output.saturate(scale(acc) + zeroPoint);
  }

  /** The real multiplier the integers stand for (not the requested one: the rounded one). */
  public double realScale() {
    return mode == RoundingMode.DOUBLE_ROUNDING ? q31.realValue() : dyadic.realValue();
  }

  public RoundingMode mode() {
    return mode;
  }

  /** The Q31 multiplier; present for {@link RoundingMode#DOUBLE_ROUNDING} only. */
  public QuantizedMultiplier q31Multiplier() {
    Preconditions.checkState(q31 != null, "%s has no Q31 multiplier", mode);
    return q31;
  }

  /** The dyadic multiplier; present for the two multiply-shift modes. */
  public DyadicMultiplier dyadicMultiplier() {
    Preconditions.checkState(dyadic != null, "%s has no dyadic multiplier", mode);
    return dyadic;
  }

  public int zeroPoint() {
    return zeroPoint;
  }

  public IntFormat output() {
    return output;
  }
}
