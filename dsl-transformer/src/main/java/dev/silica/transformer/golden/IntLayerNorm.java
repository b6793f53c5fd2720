package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden integer LayerNorm over one position's {@code L} channels, I-BERT style: integer mean and
 * variance, an integer square root, an integer division, and a per-channel affine requantization.
 * Neither the input's scale nor its zero point matters (both cancel), so the input is just codes.
 *
 * <p>Steps, all exact integer arithmetic: {@code s = sum x_i}; {@code d_i = L x_i - s} (that is
 * {@code L (x_i - mean)}, no division); {@code Q = sum d_i^2}; {@code sigma = isqrt(L Q)} (that is
 * {@code L^2} times the standard deviation, by {@link IntegerSqrt#bitSerial}); the normalized value
 * with {@code F} fraction bits {@code n_i = round(d_i L 2^F / sigma)} (half away from zero; 0 when
 * {@code sigma = 0}); then {@code y_i = clamp(round((n_i G_i + B_i) / 2^(F+g)) + zp_y)} with
 * {@code G_i = round(gamma_i / S_y 2^g)} and {@code B_i = round(beta_i / S_y 2^(F+g))}, the
 * coefficient shift {@code g <= 24} as large as keeps every {@code |G_i|} within {@code
 * coefficientBits} signed bits. Epsilon is left out: its effect is below one output step unless
 * the row is (nearly) constant, where this model outputs {@code beta}.
 *
 * <h2>Measured error</h2>
 *
 * <p>Against the float LayerNorm (eps 1e-5) of the same dequantized row, in output LSB ({@code
 * NormalizationErrorTest}: 32 channels, 2,000 rows N(mu, sigma^2), b-bit codes of scale
 * 4/2^(b-1), 16-bit G_i, seed 22):
 *
 * <table>
 *   <caption>LayerNorm max abs error (mean abs)</caption>
 *   <tr><th>fraction bits F</th><th>4 bits</th><th>6 bits</th><th>8 bits</th></tr>
 *   <tr><td>8</td><td>0.5051 (0.250)</td><td>0.5198 (0.249)</td><td>0.5838 (0.252)</td></tr>
 *   <tr><td>4</td><td>0.5820 (0.251)</td><td>0.8638 (0.273)</td><td>1.9160 (0.571)</td></tr>
 * </table>
 */
public final class IntLayerNorm {

  private final IntFormat input;
  private final QuantSpec output;
  private final int fractionBits;
  private final long[] gammas;
  private final long[] betas;
  private final int coefficientShift;

  private IntLayerNorm(IntFormat input, QuantSpec output, int fractionBits, long[] gammas, long[] betas,
      int coefficientShift) {
    this.input = input;
    this.output = output;
    this.fractionBits = fractionBits;
    this.gammas = gammas;
    this.betas = betas;
    this.coefficientShift = coefficientShift;
  }

  /**
   * @param gamma per-channel scale
   * @param beta per-channel shift
   * @param input the input codes' format
   * @param output the output's quantization
   * @param fractionBits {@code F}, fraction bits of the normalized value
   * @param coefficientBits signed width of {@code G_i}
   */
  public static IntLayerNorm of(double[] gamma, double[] beta, IntFormat input, QuantSpec output, int fractionBits,
      int coefficientBits) {
    Preconditions.checkArgument(gamma.length == beta.length && gamma.length >= 1, "gamma and beta need one length");
    Preconditions.checkArgument(fractionBits >= 0 && fractionBits <= 24, "fraction bits must be 0..24");
    Preconditions.checkArgument(coefficientBits >= 2 && coefficientBits <= 32, "coefficient width must be 2..32");
    double maxGamma = 0;
    for (double g : gamma) {
      maxGamma = Math.max(maxGamma, Math.abs(g / output.scale()));
    }
    long limit = (1L << (coefficientBits - 1)) - 1;
    if (Math.round(maxGamma) > limit) {
      throw new IllegalArgumentException(
          String.format("gamma / S_y = %s needs more than %d bits", maxGamma, coefficientBits));
    }
    int shift = 24;
    while (shift > 0 && Math.round(Math.scalb(maxGamma, shift)) > limit) {
      shift--;
    }
    long[] gammas = new long[gamma.length];
    long[] betas = new long[gamma.length];
    for (int i = 0; i < gamma.length; i++) {
      gammas[i] = Math.round(Math.scalb(gamma[i] / output.scale(), shift));
      betas[i] = Math.round(Math.scalb(beta[i] / output.scale(), shift + fractionBits));
    }
    return new IntLayerNorm(input, output, fractionBits, gammas, betas, shift);
  }

  /** The output codes of one position's channel vector. */
  public int[] apply(int[] row) {
    int length = gammas.length;
    Preconditions.checkArgument(row.length == length, "expected %s channels, got %s", length, row.length);
    long sum = 0;
    for (int code : row) {
      Preconditions.checkArgument(input.contains(code), "code %s outside %s", code, input);
      sum += code;
    }
    long[] centered = new long[length];
    long squares = 0;
    for (int i = 0; i < length; i++) {
      centered[i] = length * (long) row[i] - sum;
      squares = Math.addExact(squares, centered[i] * centered[i]);
    }
    long sigma = IntegerSqrt.bitSerial(Math.multiplyExact(squares, (long) length));
    int[] result = new int[length];
    for (int i = 0; i < length; i++) {
      long normalized = sigma == 0 ? 0 : normalize(centered[i] * length, sigma);
      long acc = Math.addExact(Math.multiplyExact(normalized, gammas[i]), betas[i]);
      long scaled = FixedPointMath.roundingShiftRight(acc, fractionBits + coefficientShift);
      result[i] = (int) output.format().saturate(scaled + output.zeroPoint());
    }
    return result;
  }

  /** {@code round(numerator 2^F / sigma)}, half away from zero, as a sign-magnitude divider gives it. */
  private long normalize(long numerator, long sigma) {
    long magnitude = Math.abs(numerator) << fractionBits;
    long quotient = (2 * magnitude + sigma) / (2 * sigma);
    return numerator < 0 ? -quotient : quotient;
  }

  /** The float reference: {@code gamma (x - mean) / sqrt(var + eps) + beta}, population variance. */
  public static double[] reference(double[] row, double[] gamma, double[] beta, double epsilon) {
    double mean = 0;
    for (double x : row) {
      mean += x;
    }
    mean /= row.length;
    double variance = 0;
    for (double x : row) {
      variance += (x - mean) * (x - mean);
    }
    variance /= row.length;
    double[] result = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      result[i] = gamma[i] * (row[i] - mean) / Math.sqrt(variance + epsilon) + beta[i];
    }
    return result;
  }

  /** {@code F}. */
  public int fractionBits() {
    return fractionBits;
  }

  /** {@code g}. */
  public int coefficientShift() {
    return coefficientShift;
  }

  /** {@code G_i}. */
  public long[] gammas() {
    return gammas.clone();
  }

  /** {@code B_i}. */
  public long[] betas() {
    return betas.clone();
  }

  public IntFormat input() {
    return input;
  }

  public QuantSpec output() {
    return output;
  }
}
