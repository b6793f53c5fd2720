package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden BatchNorm folded into a per-channel integer affine map and a requantization, as the
 * published Spartan-7 Transformer uses it: {@code y = clamp((x * A_c + B_c + 2^(n-1)) >> n)}.
 *
 * <p>Folding (once, in floating point): with {@code k_c = gamma_c S_x / (sqrt(var_c + eps) S_y)}
 * and {@code o_c = (beta_c - gamma_c mean_c / sqrt(var_c + eps)) / S_y + zp_y - k_c zp_x}, {@code
 * A_c = round(k_c 2^n)} and {@code B_c = round(o_c 2^n)}, with the one shift {@code n <= 30}
 * shared by every channel chosen as large as keeps every {@code |A_c|} within {@code
 * coefficientBits} signed bits. Zero points are folded into {@code B_c}, so hardware sees one
 * multiply and one add per element.
 *
 * <h2>Measured error</h2>
 *
 * <p>Against the float BatchNorm of the same dequantized input, in output LSB ({@code
 * NormalizationErrorTest}: 16 channels, realistic statistics, b-bit codes of scale 4/2^(b-1),
 * 20,000 inputs, seed 21):
 *
 * <table>
 *   <caption>BatchNorm max abs error (mean abs)</caption>
 *   <tr><th>coefficients</th><th>4 bits</th><th>6 bits</th><th>8 bits</th></tr>
 *   <tr><td>24-bit A_c</td><td>0.4993 (0.270)</td><td>0.4991 (0.258)</td><td>0.4996 (0.259)</td></tr>
 *   <tr><td>16-bit A_c</td><td>0.4993 (0.270)</td><td>0.4991 (0.258)</td><td>0.5007 (0.259)</td></tr>
 *   <tr><td>8-bit A_c</td><td>0.5399 (0.270)</td><td>0.6359 (0.261)</td><td>1.3259 (0.304)</td></tr>
 * </table>
 */
public final class FoldedBatchNorm {

  private final long[] multipliers;
  private final long[] offsets;
  private final int shift;
  private final QuantSpec input;
  private final QuantSpec output;

  private FoldedBatchNorm(long[] multipliers, long[] offsets, int shift, QuantSpec input, QuantSpec output) {
    this.multipliers = multipliers;
    this.offsets = offsets;
    this.shift = shift;
    this.input = input;
    this.output = output;
  }

  /**
   * A folded BatchNorm from its integers (as read back from a model file): per-channel {@code A_c}
   * and {@code B_c} and the shared shift {@code n}.
   */
  public static FoldedBatchNorm of(long[] multipliers, long[] offsets, int shift, QuantSpec input, QuantSpec output) {
    Preconditions.checkArgument(multipliers.length == offsets.length && multipliers.length > 0,
        "one multiplier and one offset per channel");
    Preconditions.checkArgument(shift >= 0 && shift <= 30, "shift must be 0..30, got %s", shift);
    return new FoldedBatchNorm(multipliers.clone(), offsets.clone(), shift, input, output);
  }

  /** Folds trained BatchNorm statistics and affine parameters into integers. */
  public static FoldedBatchNorm fold(BatchNormParams params, QuantSpec input, QuantSpec output, int coefficientBits) {
    Preconditions.checkArgument(coefficientBits >= 2 && coefficientBits <= 32, "coefficient width must be 2..32");
    int channels = params.channels();
    double[] k = new double[channels];
    double[] o = new double[channels];
    double[] gamma = params.gamma();
    double[] beta = params.beta();
    double[] mean = params.mean();
    double[] variance = params.variance();
    double maxK = 0;
    for (int c = 0; c < channels; c++) {
      double invStd = 1 / Math.sqrt(variance[c] + params.epsilon());
      k[c] = gamma[c] * invStd * input.scale() / output.scale();
      o[c] = (beta[c] - gamma[c] * mean[c] * invStd) / output.scale()
          + output.zeroPoint() - k[c] * input.zeroPoint();
      maxK = Math.max(maxK, Math.abs(k[c]));
    }
    long limit = (1L << (coefficientBits - 1)) - 1;
    int shift = 30;
    while (shift > 0 && Math.round(Math.scalb(maxK, shift)) > limit) {
      shift--;
    }
    if (Math.round(maxK) > limit) {
      throw new IllegalArgumentException(
          String.format("a channel's multiplier %s needs more than %d bits", maxK, coefficientBits));
    }
    long[] multipliers = new long[channels];
    long[] offsets = new long[channels];
    for (int c = 0; c < channels; c++) {
      multipliers[c] = Math.round(Math.scalb(k[c], shift));
      offsets[c] = Math.round(Math.scalb(o[c], shift));
    }
    return new FoldedBatchNorm(multipliers, offsets, shift, input, output);
  }

  /** The output code for input code {@code code} of channel {@code channel}. */
  public int apply(int code, int channel) {
    Preconditions.checkArgument(input.format().contains(code), "code %s outside %s", code, input.format());
    long acc = Math.addExact(Math.multiplyExact((long) code, multipliers[channel]), offsets[channel]);
    return (int) output.format().saturate(FixedPointMath.roundingShiftRight(acc, shift));
  }

  /** One output code per channel for one position's channel vector. */
  public int[] apply(int[] channelVector) {
    Preconditions.checkArgument(channelVector.length == multipliers.length, "expected %s channels, got %s",
        multipliers.length, channelVector.length);
    int[] result = new int[channelVector.length];
    for (int c = 0; c < result.length; c++) {
      result[c] = apply(channelVector[c], c);
    }
    return result;
  }

  /** The float reference of one channel: {@code gamma (x - mean) / sqrt(var + eps) + beta}. */
  public static double reference(double x, int channel, BatchNormParams params) {
    return params.gamma()[channel] * (x - params.mean()[channel])
        / Math.sqrt(params.variance()[channel] + params.epsilon()) + params.beta()[channel];
  }

  /** {@code A_c}, the per-channel multipliers. */
  public long[] multipliers() {
    return multipliers.clone();
  }

  /** {@code B_c}, the per-channel offsets (zero points and bias folded in). */
  public long[] offsets() {
    return offsets.clone();
  }

  /** {@code n}, the shared right shift. */
  public int shift() {
    return shift;
  }

  public QuantSpec input() {
    return input;
  }

  public QuantSpec output() {
    return output;
  }
}
