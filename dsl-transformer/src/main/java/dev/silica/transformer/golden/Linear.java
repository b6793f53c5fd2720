package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden quantized linear layer {@code y = requant(x W + b)} for one input vector of {@code K}
 * codes to {@code N} output codes. The input's zero point is folded into the bias once ({@code
 * b'_j = b_j - zp_x sum_k W_kj}), so the hardware multiplies raw codes; weights are symmetric
 * (zero point 0). The accumulator is sized by {@link #accumulatorFormat()} and can never overflow.
 *
 * <h2>Measured error</h2>
 *
 * <p>Against the float layer (float weights and bias, dequantized inputs), in output LSB ({@code
 * LinearTest}: K = 64, N = 16, weights N(0, 1/K), bias N(0, 0.01), inputs N(0, 1), inputs and
 * outputs b-bit with scale 4/2^(b-1), weights per-tensor symmetric b-bit, 500 vectors, seed 41).
 * Weight rounding dominates; the requantizer adds at most 0.5 LSB (0.5625 for double rounding):
 *
 * <table>
 *   <caption>Linear max abs error (mean abs)</caption>
 *   <tr><th>requantizer</th><th>4 bits</th><th>6 bits</th><th>8 bits</th></tr>
 *   <tr><td>DOUBLE_ROUNDING</td><td>1.432 (0.328)</td><td>1.442 (0.313)</td><td>1.423 (0.305)</td></tr>
 *   <tr><td>SINGLE_ROUNDING</td><td>1.372 (0.327)</td><td>1.442 (0.312)</td><td>1.423 (0.305)</td></tr>
 *   <tr><td>ROUND_HALF_UP_SHIFT</td><td>1.372 (0.327)</td><td>1.442 (0.312)</td><td>1.423 (0.305)</td></tr>
 * </table>
 */
public final class Linear {

  private final int[][] weights;
  private final long[] foldedBias;
  private final IntFormat input;
  private final IntFormat weight;
  private final Requantizer requantizer;

  /**
   * @param weights {@code W}, K x N codes of {@code weight}
   * @param bias {@code b}, N values in accumulator units ({@code S_x S_w})
   * @param input the input codes' format
   * @param inputZeroPoint {@code zp_x}
   * @param weight the weight codes' format
   * @param requantizer accumulator to output code, or null for a layer whose accumulators are its
   *     output ({@link #accumulate} only)
   */
  public Linear(int[][] weights, long[] bias, IntFormat input, int inputZeroPoint, IntFormat weight,
      Requantizer requantizer) {
    Preconditions.checkArgument(weights.length > 0 && weights[0].length == bias.length,
        "weights must be K x N with N = bias length");
    int n = bias.length;
    this.weights = new int[weights.length][];
    this.foldedBias = new long[n];
    for (int k = 0; k < weights.length; k++) {
      Preconditions.checkArgument(weights[k].length == n, "weight row %s has %s columns", k, weights[k].length);
      this.weights[k] = weights[k].clone();
      for (int j = 0; j < n; j++) {
        Preconditions.checkArgument(weight.contains(weights[k][j]), "weight %s outside %s", weights[k][j], weight);
      }
    }
    for (int j = 0; j < n; j++) {
      long column = 0;
      for (int[] row : weights) {
        column += row[j];
      }
      foldedBias[j] = Math.subtractExact(bias[j], Math.multiplyExact((long) inputZeroPoint, column));
    }
    this.input = input;
    this.weight = weight;
    this.requantizer = requantizer;
  }

  /**
   * Quantizes a float layer: weights symmetric per tensor to {@code weightBits} ({@code S_w =
   * max|W| / (2^(bits-1) - 1)}), bias to accumulator units {@code S_x S_w}, requantizer {@code M =
   * S_x S_w / S_y} in the given mode (a 16-bit multiplier for {@link
   * RoundingMode#ROUND_HALF_UP_SHIFT}).
   */
  public static Linear quantize(double[][] weights, double[] bias, QuantSpec input, int weightBits, QuantSpec output,
      RoundingMode mode) {
    double maxAbs = 0;
    for (double[] row : weights) {
      for (double w : row) {
        maxAbs = Math.max(maxAbs, Math.abs(w));
      }
    }
    Preconditions.checkArgument(maxAbs > 0, "all weights are zero");
    QuantSpec weightSpec = QuantSpec.symmetricFromMaxAbs(maxAbs, weightBits);
    int[][] codes = new int[weights.length][];
    for (int k = 0; k < weights.length; k++) {
      codes[k] = new int[weights[k].length];
      for (int j = 0; j < weights[k].length; j++) {
        codes[k][j] = weightSpec.quantize(weights[k][j]);
      }
    }
    double accScale = input.scale() * weightSpec.scale();
    long[] biasCodes = new long[bias.length];
    for (int j = 0; j < bias.length; j++) {
      biasCodes[j] = QuantizeMultiplier.roundHalfAwayFromZero(bias[j] / accScale);
    }
    double m = accScale / output.scale();
    Requantizer requantizer = switch (mode) {
      case DOUBLE_ROUNDING -> Requantizer.doubleRounding(m, output.zeroPoint(), output.format());
      case SINGLE_ROUNDING -> Requantizer.singleRounding(m, output.zeroPoint(), output.format());
      case ROUND_HALF_UP_SHIFT -> Requantizer.roundHalfUpShift(m, 16, output.zeroPoint(), output.format());
    };
    return new Linear(codes, biasCodes, input.format(), input.zeroPoint(), weightSpec.format(), requantizer);
  }

  /** The accumulators {@code x W + b'}, before requantization. */
  public long[] accumulate(int[] x) {
    Preconditions.checkArgument(x.length == weights.length, "expected %s inputs, got %s", weights.length, x.length);
    long[] acc = foldedBias.clone();
    for (int k = 0; k < x.length; k++) {
      Preconditions.checkArgument(input.contains(x[k]), "input %s outside %s", x[k], input);
      for (int j = 0; j < acc.length; j++) {
        acc[j] += (long) x[k] * weights[k][j];
      }
    }
    return acc;
  }

  /** The output codes {@code requant(x W + b)}; needs a requantizer. */
  public int[] apply(int[] x) {
    Requantizer requantizer = requantizer();
    long[] acc = accumulate(x);
    int[] y = new int[acc.length];
    for (int j = 0; j < y.length; j++) {
      y[j] = requantizer.apply(acc[j]);
    }
    return y;
  }

  /** The float reference {@code x W + b}. */
  public static double[] reference(double[] x, double[][] weights, double[] bias) {
    double[] y = bias.clone();
    for (int k = 0; k < x.length; k++) {
      for (int j = 0; j < y.length; j++) {
        y[j] += x[k] * weights[k][j];
      }
    }
    return y;
  }

  /** The accumulator format: every {@code x W + b'} fits it. */
  public IntFormat accumulatorFormat() {
    IntFormat products = MatMul.accumulatorFormat(input, weight, weights.length);
    long minBias = Long.MAX_VALUE;
    long maxBias = Long.MIN_VALUE;
    for (long b : foldedBias) {
      minBias = Math.min(minBias, b);
      maxBias = Math.max(maxBias, b);
    }
    return IntFormat.signedFor(products.min() + minBias, products.max() + maxBias);
  }

  /** {@code W} as codes. */
  public int[][] weights() {
    int[][] copy = new int[weights.length][];
    for (int k = 0; k < weights.length; k++) {
      copy[k] = weights[k].clone();
    }
    return copy;
  }

  /** {@code b'}, the bias with the input zero point folded in. */
  public long[] foldedBias() {
    return foldedBias.clone();
  }

  public IntFormat input() {
    return input;
  }

  public IntFormat weight() {
    return weight;
  }

  /** The requantizer; a layer whose output is its accumulator has none. */
  public Requantizer requantizer() {
    Preconditions.checkState(requantizer != null, "the layer has no requantizer: its output is the accumulator");
    return requantizer;
  }
}
