package dev.silica.transformer.model;

import dev.silica.transformer.golden.BatchNormParams;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntSoftmax;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.ResidualAdd;

/**
 * The quantization rules shared by quantization-aware training and the integer export, so that
 * both derive identical codes: weights symmetric signed per tensor ({@code S_w = max|W| /
 * (2^(b-1) - 1)}, zero point 0), biases symmetric at the accumulator scale {@code S_x S_w} in 32
 * bits, activations asymmetric signed per tensor over an observed range (TFLite's choice of scale
 * and zero point, {@link QuantSpec#fromRange}), softmax probabilities unsigned with code {@code
 * 2^b - 1} standing for 1.0. It also builds the golden blocks QAT runs on codes, so that
 * training and the export derive them identically: the softmax ({@link #softmax}), the residual
 * add ({@link #residualAdd}) and the folded BatchNorm ({@link #foldedNorm}).
 */
public final class Quantization {

  /** The accumulator width biases are quantized to. */
  public static final int BIAS_BITS = 32;
  /** Width of the softmax exponential table entries. */
  public static final int EXP_ENTRY_BITS = 16;
  /**
   * Width of the folded BatchNorm multipliers {@code A_c} (16 bits would flip codes of wide
   * channels against the float BatchNorm; QAT folds as the export does, so either is exact).
   */
  public static final int NORM_COEFFICIENT_BITS = 24;
  /** Guard bits of the residual adds' single rounding. */
  public static final int RESIDUAL_GUARD_BITS = ResidualAdd.MAX_GUARD_BITS;

  /** Candidate scales of {@link #leastErrorWeightScale}: this many equal fractions of the max-abs scale. */
  static final int SCALE_SEARCH_STEPS = 100;

  private Quantization() {}

  /** The symmetric spec of a weight tensor. */
  public static QuantSpec weightSpec(double[] weights, int bits) {
    double maxAbs = 0;
    for (double w : weights) {
      maxAbs = Math.max(maxAbs, Math.abs(w));
    }
    return QuantSpec.symmetricFromMaxAbs(maxAbs > 0 ? maxAbs : Double.MIN_NORMAL, bits);
  }

  /**
   * The symmetric scale of {@code weights} at {@code bits} with the least sum of squared rounding
   * errors (clamping included), searched over fractions of the max-abs scale of {@link #weightSpec}:
   * the start of a learned weight scale.
   */
  public static double leastErrorWeightScale(double[] weights, int bits) {
    double maxAbsScale = weightSpec(weights, bits).scale();
    double best = maxAbsScale;
    double bestError = Double.POSITIVE_INFINITY;
    for (int step = SCALE_SEARCH_STEPS; step >= 1; step--) {
      QuantSpec candidate = QuantSpec.symmetric(maxAbsScale * step / SCALE_SEARCH_STEPS, bits);
      double error = 0;
      for (double w : weights) {
        double e = fake(candidate, w) - w;
        error += e * e;
      }
      if (error < bestError) {
        bestError = error;
        best = candidate.scale();
      }
    }
    return best;
  }

  /** The spec of a bias added to accumulators of {@code input} times {@code weights} codes. */
  public static QuantSpec biasSpec(QuantSpec input, QuantSpec weights) {
    return QuantSpec.symmetric(input.scale() * weights.scale(), BIAS_BITS);
  }

  /** The asymmetric signed spec of an activation observed over {@code [min, max]}. */
  public static QuantSpec activationSpec(double min, double max, int bits) {
    double low = Math.min(min, 0);
    double high = Math.max(max, 0);
    if (high - low < 1e-12) {
      high = low + 1e-12;
    }
    return QuantSpec.fromRange(low, high, IntFormat.signed(bits));
  }

  /** The spec of softmax probabilities: unsigned {@code bits}, scale {@code 1 / (2^bits - 1)}. */
  public static QuantSpec probabilitySpec(int bits) {
    return new QuantSpec(1.0 / ((1L << bits) - 1), 0, IntFormat.unsigned(bits));
  }

  /** {@code x} rounded to the nearest code of {@code spec} (saturated), as a real value. */
  public static double fake(QuantSpec spec, double x) {
    return spec.dequantize(spec.quantize(x));
  }

  /** Every value of {@code values} fake-quantized. */
  public static double[] fake(QuantSpec spec, double[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = fake(spec, values[i]);
    }
    return result;
  }

  /**
   * The integer softmax over rows of up to {@code maxLength} score codes of {@code scores}: a table
   * of {@value #EXP_ENTRY_BITS}-bit {@code exp(-k S)} over every score difference and one division
   * per probability, to {@code probabilityBits}-bit codes of {@link #probabilitySpec}.
   */
  public static IntSoftmax softmax(QuantSpec scores, int probabilityBits, int maxLength) {
    return new IntSoftmax(scores.format(), expTable(scores), probabilityBits, maxLength,
        IntSoftmax.Normalizer.DIVIDER);
  }

  /** The softmax's exponential table for score codes of {@code scores}. */
  public static ExpLut expTable(QuantSpec scores) {
    return new ExpLut(scores.scale(), (int) (scores.format().max() - scores.format().min()), EXP_ENTRY_BITS);
  }

  /**
   * BatchNorm of {@code params} folded to integers from codes of {@code input} to codes of {@code
   * output}, with {@value #NORM_COEFFICIENT_BITS}-bit multipliers.
   */
  public static FoldedBatchNorm foldedNorm(BatchNormParams params, QuantSpec input, QuantSpec output) {
    return FoldedBatchNorm.fold(params, input, output, NORM_COEFFICIENT_BITS);
  }

  /** The single-rounding residual add of codes of {@code a} and {@code b} to codes of {@code output}. */
  public static ResidualAdd residualAdd(QuantSpec a, QuantSpec b, QuantSpec output) {
    return ResidualAdd.singleRounding(a, b, output, RESIDUAL_GUARD_BITS);
  }
}
