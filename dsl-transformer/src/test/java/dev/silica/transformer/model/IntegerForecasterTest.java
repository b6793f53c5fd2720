package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.transformer.data.ForecastData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Integer-only inference against the fake-quantized QAT model it was exported from: the two differ
 * only by the documented LSB-level roundings, so for the published one-layer shape the outputs stay
 * within half a code on average and the test errors agree within 1%. Each rounding difference that
 * flips a code is propagated and amplified by the layers after it, so a deeper stack drifts
 * further (about a code on average for two layers of this tiny model); its bound is looser.
 */
class IntegerForecasterTest {

  private static final ForecastData DATA = TinyData.load(6, 600);

  @ParameterizedTest(name = "{0} bits")
  @CsvSource({"4", "8"})
  void integerOnlyOutputsFollowTheQatModelOfThePublishedShape(int bits) {
    check(bits, 1, 0.5, 0.01);
  }

  @ParameterizedTest(name = "{0} bits")
  @CsvSource({"4", "8"})
  void integerOnlyOutputsStayNearTheQatModelOfATwoLayerStack(int bits) {
    check(bits, 2, 1.5, 0.2);
  }

  private static void check(int bits, int layers, double maxMeanGap, double maxRmseDeviation) {
    TrainedModel trained = TinyData.trained(DATA, TinyData.config(bits, 3, 3).withShape(layers, 2));
    double[] qat = Batches.predict(trained.qatModel(), DATA.test(), Mode.QAT_INFERENCE);
    double[] integer = Evaluation.integerPredictions(new IntegerForecaster(trained.quantized()), DATA.test());
    double step = trained.quantized().tensors().get("head.out").scale();
    double gapSum = 0;
    double qatError = 0;
    double integerError = 0;
    for (int i = 0; i < qat.length; i++) {
      gapSum += Math.abs(integer[i] - qat[i]) / step;
      qatError += Math.pow(qat[i] - DATA.test().target(i), 2);
      integerError += Math.pow(integer[i] - DATA.test().target(i), 2);
    }
    double meanGap = gapSum / qat.length;
    double rmseRatio = Math.sqrt(integerError / qatError);
    assertTrue(meanGap < maxMeanGap, "mean |integer - QAT| " + meanGap + " output codes");
    assertTrue(Math.abs(rmseRatio - 1) < maxRmseDeviation, "integer RMSE / QAT RMSE = " + rmseRatio);
  }
}
