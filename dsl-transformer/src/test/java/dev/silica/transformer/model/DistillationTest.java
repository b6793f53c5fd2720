package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import org.junit.jupiter.api.Test;

/** Distillation targets: the data's targets mixed with the float model's predictions by the recipe's weight. */
class DistillationTest {

  private static final ForecastData DATA = TinyData.load(6, 600);

  @Test
  void theTargetsMixTheDataWithTheFloatPredictionsOfTheSameWindows() {
    ForecastModel model = new ForecastModel(TinyData.config(4, 1, 1).modelConfig(2), 5);
    WindowSet train = DATA.train();
    int[] order = {7, 3, 11, 0};
    double[] data = Batches.targets(train, order, 1, 4);
    double[] predictions = Batches.predict(model, train, Mode.FLOAT_INFERENCE);

    double[] none = Distillation.of(model, train, 0).targets(train, order, 1, 4);
    double[] all = Distillation.of(model, train, 1).targets(train, order, 1, 4);
    double[] quarter = Distillation.of(model, train, 0.25).targets(train, order, 1, 4);

    for (int i = 0; i < 3; i++) {
      double prediction = predictions[order[i + 1]];
      assertEquals(data[i], none[i], 0);
      assertEquals(prediction, all[i], 1e-12);
      assertEquals(0.75 * data[i] + 0.25 * prediction, quarter[i], 1e-12);
    }
  }

  @Test
  void aWeightOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> QatRecipe.LEARNED.withDistillation(1.5));
    assertThrows(IllegalArgumentException.class, () -> QatRecipe.LEARNED.withDistillation(-0.1));
  }
}
