package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.transformer.data.ForecastData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegerForecasterTest {

  private static final ForecastData DATA = TinyData.load(6, 600);

  @ParameterizedTest
  @ValueSource(ints = {4, 8})
  void integerOnlyOutputStaysWithinOneCodeOfTheQatModelAlmostAlways(int bits) {
    TrainedModel trained = TinyData.trained(DATA, bits);
    double[] qat = Batches.predict(trained.qatModel(), DATA.test(), Mode.QAT_INFERENCE);
    double[] integer = Evaluation.integerPredictions(new IntegerForecaster(trained.quantized()), DATA.test());
    double step = trained.quantized().tensors().get("head.out").scale();
    int withinOne = 0;
    double worst = 0;
    for (int i = 0; i < qat.length; i++) {
      double gap = Math.abs(integer[i] - qat[i]) / step;
      worst = Math.max(worst, gap);
      if (gap < 1.5) {
        withinOne++;
      }
    }
    double share = (double) withinOne / qat.length;
    assertTrue(share >= 0.9, bits + " bits: only " + share + " of outputs within one code; worst " + worst);
  }
}
