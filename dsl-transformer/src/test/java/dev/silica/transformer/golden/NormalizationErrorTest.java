package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures folded BatchNorm and integer LayerNorm against their float references on the same
 * dequantized inputs, in output LSB, and prints the figures in their javadoc. Inputs and outputs
 * are b-bit with scale 4/2^(b-1); BatchNorm: 16 channels, gamma U(0.5, 1.5), beta N(0, 0.5^2),
 * mean N(0, 1), variance U(0.5, 2), eps 1e-5, inputs drawn from each channel's own distribution,
 * input zero point 1, output zero point -1; LayerNorm: 32 channels, gamma U(0.5, 1.5), beta N(0,
 * 0.2^2), rows N(mu, sigma^2) with mu N(0, 0.5^2) and sigma U(0.3, 1.5), eps 1e-5, F = 8.
 */
class NormalizationErrorTest {

  private static double scale(int bits) {
    return 4.0 / (1 << (bits - 1));
  }

  private static double clampedReference(double real, QuantSpec out) {
    double code = real / out.scale() + out.zeroPoint();
    return Math.max(out.format().min(), Math.min(out.format().max(), code));
  }

  private static ErrorStats batchNormError(int bits, int coefficientBits) {
    Random random = new Random(21);
    int channels = 16;
    double[] gamma = new double[channels];
    double[] beta = new double[channels];
    double[] mean = new double[channels];
    double[] variance = new double[channels];
    for (int c = 0; c < channels; c++) {
      gamma[c] = 0.5 + random.nextDouble();
      beta[c] = random.nextGaussian() * 0.5;
      mean[c] = random.nextGaussian();
      variance[c] = 0.5 + 1.5 * random.nextDouble();
    }
    BatchNormParams params = new BatchNormParams(gamma, beta, mean, variance, 1e-5);
    QuantSpec in = new QuantSpec(scale(bits), 1, IntFormat.signed(bits));
    QuantSpec out = new QuantSpec(scale(bits), -1, IntFormat.signed(bits));
    FoldedBatchNorm bn = FoldedBatchNorm.fold(params, in, out, coefficientBits);
    ErrorStats stats = new ErrorStats();
    for (int i = 0; i < 20_000; i++) {
      int c = random.nextInt(channels);
      int code = in.quantize(mean[c] + random.nextGaussian() * Math.sqrt(variance[c]));
      double reference = clampedReference(FoldedBatchNorm.reference(in.dequantize(code), c, params), out);
      stats.add(bn.apply(code, c), reference);
    }
    System.out.printf("batchnorm b=%d coefficient %2d bits: max abs %.4f LSB, mean abs %.4f LSB%n", bits,
        coefficientBits, stats.maxAbs(), stats.meanAbs());
    return stats;
  }

  /**
   * The rounding analysis' bound: half an LSB for the final shift, plus each coefficient's half
   * unit of {@code 2^-n} times the largest input magnitude (and once more for the offset).
   */
  private static double foldingBound(int bits, int coefficientBits) {
    QuantSpec in = new QuantSpec(scale(bits), 1, IntFormat.signed(bits));
    double largestInput = (1 << (bits - 1)) + 1;
    return 0.5 + (largestInput + 1) * 0.5 / Math.scalb(1.0, shiftOf(bits, coefficientBits, in)) + 1e-9;
  }

  private static int shiftOf(int bits, int coefficientBits, QuantSpec in) {
    return FoldedBatchNorm.fold(new BatchNormParams(new double[] {1.5}, new double[] {0}, new double[] {0},
        new double[] {0.5}, 1e-5), in, new QuantSpec(scale(bits), -1, IntFormat.signed(bits)), coefficientBits).shift();
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void foldedBatchNormWithSixteenBitCoefficientsIsWithinHalfAnLsbPlusTheCoefficientRounding(int bits) {
    assertTrue(batchNormError(bits, 16).maxAbs() <= foldingBound(bits, 16));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void foldedBatchNormWithTwentyFourBitCoefficientsIsWithinHalfAnLsbPlusTheCoefficientRounding(int bits) {
    assertTrue(batchNormError(bits, 24).maxAbs() <= foldingBound(bits, 24));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void foldedBatchNormWithEightBitCoefficientsIsWithinHalfAnLsbPlusTheCoefficientRounding(int bits) {
    assertTrue(batchNormError(bits, 8).maxAbs() <= foldingBound(bits, 8));
  }

  private static ErrorStats layerNormError(int bits, int fractionBits) {
    Random random = new Random(22);
    int channels = 32;
    double[] gamma = new double[channels];
    double[] beta = new double[channels];
    for (int c = 0; c < channels; c++) {
      gamma[c] = 0.5 + random.nextDouble();
      beta[c] = random.nextGaussian() * 0.2;
    }
    QuantSpec in = QuantSpec.symmetric(scale(bits), bits);
    QuantSpec out = QuantSpec.symmetric(scale(bits), bits);
    IntLayerNorm ln = IntLayerNorm.of(gamma, beta, in.format(), out, fractionBits, 16);
    ErrorStats stats = new ErrorStats();
    for (int r = 0; r < 2000; r++) {
      double mu = random.nextGaussian() * 0.5;
      double sigma = 0.3 + 1.2 * random.nextDouble();
      int[] row = new int[channels];
      double[] real = new double[channels];
      for (int c = 0; c < channels; c++) {
        row[c] = in.quantize(mu + sigma * random.nextGaussian());
        real[c] = in.dequantize(row[c]);
      }
      int[] result = ln.apply(row);
      double[] reference = IntLayerNorm.reference(real, gamma, beta, 1e-5);
      for (int c = 0; c < channels; c++) {
        stats.add(result[c], clampedReference(reference[c], out));
      }
    }
    System.out.printf("layernorm b=%d F=%d: max abs %.4f LSB, mean abs %.4f LSB%n", bits, fractionBits,
        stats.maxAbs(), stats.meanAbs());
    return stats;
  }

  /**
   * Half an LSB for the output rounding, plus the normalized value's rounding ({@code 2^-(F+1)})
   * times the largest gamma (1.5) in output steps, plus 0.05 LSB for the floored root and epsilon.
   */
  private static double layerNormBound(int bits, int fractionBits) {
    return 0.5 + 1.5 * Math.scalb(1.0, -(fractionBits + 1)) / scale(bits) + 0.05;
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void integerLayerNormWithEightFractionBitsIsWithinItsRoundingBound(int bits) {
    assertTrue(layerNormError(bits, 8).maxAbs() <= layerNormBound(bits, 8));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void integerLayerNormWithFourFractionBitsIsWithinItsRoundingBound(int bits) {
    assertTrue(layerNormError(bits, 4).maxAbs() <= layerNormBound(bits, 4));
  }
}
