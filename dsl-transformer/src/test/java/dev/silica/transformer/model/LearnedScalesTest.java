package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.QuantizeMultiplier;
import dev.silica.transformer.golden.QuantizedMultiplier;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Learned step sizes (LSQ) for weights and activation ranges: their gradients are those of the
 * straight-through surrogate (the rounding residual held fixed), and a learned scale is what the
 * integer export uses.
 */
class LearnedScalesTest {

  private static final double STEP = 1e-6;

  private static double derivative(DoubleUnaryOperator f, double at) {
    return (f.applyAsDouble(at + STEP) - f.applyAsDouble(at - STEP)) / (2 * STEP);
  }

  @Test
  @DisplayName("the weight scale's gradient is the finite difference of the LSQ surrogate, clamped weights included")
  void weightScaleGradientMatchesTheSurrogatesFiniteDifference() {
    Dense dense = new Dense("d", 3, 2, new Random(1));
    double[] w = {0.31, -0.07, 0.52, -0.66, 0.12, 0.02};
    System.arraycopy(w, 0, dense.weight().value(), 0, w.length);
    FakeQuant input = FakeQuant.observed("in");
    input.setBits(4);
    Tensor x = new Tensor(1, 2, 3, new double[] {0.4, -1.2, 0.9, 1.5, 0.3, -0.8});
    input.forward(x.data(), Mode.QAT_TRAINING);
    dense.quantize(4, input);
    double scale = 0.07;  // codes -8..7: 0.52 and -0.66 are clamped to 7 and -8
    dense.weightScale().value()[0] = scale;
    double[] c = {0.7, -1.3, 0.2, 0.9};

    dense.forward(x, Mode.QAT_TRAINING);
    dense.backward(new Tensor(1, 2, 2, c.clone()));

    double[] residual = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      residual[i] = Math.round(w[i] / scale) - w[i] / scale;
    }
    DoubleUnaryOperator surrogateLoss = s -> {
      double loss = 0;
      for (int r = 0; r < 2; r++) {
        for (int j = 0; j < 2; j++) {
          double y = 0;
          for (int k = 0; k < 3; k++) {
            int i = k * 2 + j;
            double code = w[i] / scale;
            double wq = code > 7 ? 7 * s : code < -8 ? -8 * s : w[i] + s * residual[i];
            y += x.data()[r * 3 + k] * wq;
          }
          loss += c[r * 2 + j] * y;
        }
      }
      return loss;
    };
    assertEquals(derivative(surrogateLoss, scale), dense.weightScale().grad()[0], 1e-6);
    assertEquals(0, dense.weight().grad()[2], "a weight clamped above gets no gradient");
    assertEquals(0, dense.weight().grad()[3], "a weight clamped below gets no gradient");
    assertNotEquals(0, dense.weight().grad()[0], "a weight in range gets its gradient");
  }

  @Test
  @DisplayName("an activation range's gradient is the finite difference of the LSQ+ surrogate in both ends")
  void rangeGradientMatchesTheSurrogatesFiniteDifference() {
    FakeQuant fq = FakeQuant.observed("t");
    fq.setBits(4);
    double[] x = {-1.7, -0.93, -0.11, 0.26, 0.81, 1.37, 1.99, 2.6};
    fq.forward(x, Mode.QAT_TRAINING);
    fq.learnRange();
    double low = -1;
    double high = 2;  // scale 0.2, zero point -3 exactly: -1.7 is clamped below, 2.6 above
    fq.rangeState().value()[0] = low;
    fq.rangeState().value()[1] = high;
    double[] c = {0.5, -1.1, 0.8, 0.3, -0.6, 1.4, -0.2, 0.9};

    fq.forward(x, Mode.QAT_TRAINING);
    fq.backward(c);

    QuantSpec spec = fq.spec();
    assertEquals(0.2, spec.scale(), 1e-12);
    double[] residual = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double code = x[i] / spec.scale() + spec.zeroPoint();
      residual[i] = Math.round(code) - code;
    }
    DoubleUnaryOperator byLow = l -> surrogateLoss(x, c, residual, l, high);
    DoubleUnaryOperator byHigh = h -> surrogateLoss(x, c, residual, low, h);
    assertEquals(derivative(byLow, low), fq.rangeState().grad()[0], 1e-6);
    assertEquals(derivative(byHigh, high), fq.rangeState().grad()[1], 1e-6);
  }

  /** {@code sum c_i y_i} for the surrogate {@code y = low | high | x + (high - low) / 15 r}. */
  private static double surrogateLoss(double[] x, double[] c, double[] residual, double low, double high) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double y = x[i] < -1 ? low : x[i] > 2 ? high : x[i] + (high - low) / 15 * residual[i];
      loss += c[i] * y;
    }
    return loss;
  }

  @Test
  @DisplayName("a learned range stops following the observer")
  void aLearnedRangeIsNotObservedAnyMore() {
    FakeQuant fq = FakeQuant.observed("t");
    fq.setBits(4);
    fq.forward(new double[] {-1, 2}, Mode.QAT_TRAINING);
    fq.learnRange();
    fq.forward(new double[] {-10, 20}, Mode.QAT_TRAINING);
    assertArrayEquals(new double[] {-1, 2, 1}, fq.rangeState().value());
  }

  @Test
  @DisplayName("the least-error scale clips an outlier and rounds no worse than the max-abs scale")
  void theLeastErrorScaleRoundsBetterThanMaxAbs() {
    Random random = new Random(7);
    double[] w = new double[200];
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.1 * random.nextGaussian();
    }
    w[17] = 1.0;
    QuantSpec maxAbs = Quantization.weightSpec(w, 4);
    QuantSpec least = QuantSpec.symmetric(Quantization.leastErrorWeightScale(w, 4), 4);
    assertTrue(least.scale() < maxAbs.scale(), "the outlier is clipped");
    assertTrue(roundingError(least, w) < roundingError(maxAbs, w));
  }

  private static double roundingError(QuantSpec spec, double[] w) {
    double sum = 0;
    for (double v : w) {
      double e = Quantization.fake(spec, v) - v;
      sum += e * e;
    }
    return sum;
  }

  @Test
  @DisplayName("learned weight scales are the exported weight scales, codes and requantizer multipliers")
  void learnedScalesAreWhatTheIntegerExportUses() {
    ForecastData data = TinyData.load(6, 400);
    TrainedModel trained = TinyData.trained(data, TinyData.config(4, 2, 2).withQat(2, 1e-3, QatRecipe.LEARNED));
    ForecastModel qat = trained.qatModel();
    QuantizedModel exported = trained.quantized();
    for (EncoderLayer layer : qat.layers()) {
      Dense ffn1 = layer.ffn1();
      double learned = ffn1.weightScale().value()[0];
      assertTrue(learned > 0, "the scale was learned");
      assertNotEquals(Quantization.weightSpec(ffn1.weight().value(), 4).scale(), learned);
      QuantizedModel.DenseCodes codes = exported.dense().get(ffn1.name());
      assertEquals(learned, codes.weightSpec().scale());
      for (int k = 0; k < ffn1.in(); k++) {
        for (int j = 0; j < ffn1.out(); j++) {
          long code = Math.max(-8, Math.min(7, Math.round(ffn1.weight().value()[k * ffn1.out() + j] / learned)));
          assertEquals(code, codes.weights()[k][j], ffn1.name() + " weight " + k + "," + j);
        }
      }
      QuantizedMultiplier expected = QuantizeMultiplier.of(
          layer.norm1Out().spec().scale() * learned / layer.hidden().spec().scale());
      assertArrayEquals(new long[] {expected.multiplier(), expected.shift()},
          exported.constants().get(ffn1.name() + ".requantizer"));
    }
  }

  @Test
  @DisplayName("with frozen statistics BatchNorm trains exactly as it infers and keeps its statistics")
  void frozenBatchNormTrainsAsItInfers() {
    BatchNorm norm = new BatchNorm("n", 2);
    Tensor x = new Tensor(1, 3, 2, new double[] {1, 5, 2, 7, 4, 6});
    norm.forward(x, Mode.FLOAT_TRAINING);
    double[] statistics = norm.toParams().mean().clone();
    norm.freezeStatistics();
    double[] training = norm.forward(x, Mode.QAT_TRAINING).data();
    assertArrayEquals(norm.forward(x, Mode.QAT_INFERENCE).data(), training);
    assertArrayEquals(statistics, norm.toParams().mean());
  }
}
