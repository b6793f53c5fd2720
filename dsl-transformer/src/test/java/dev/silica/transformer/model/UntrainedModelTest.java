package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.transformer.data.ForecastData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Untrained models: a shape's integers from a seed, the same for the same seed, refused for data of another shape. */
class UntrainedModelTest {

  private static final ForecastData DATA = TinyData.load(6, 400);

  @Test
  void theSameSeedGivesTheSameIntegersAndAnotherSeedOtherWeights() {
    ModelConfig shape = ModelConfig.published(6, 2, 8);
    QuantizedModel first = UntrainedModel.of(shape, 6, 8, 6, 3, DATA);
    QuantizedModel again = UntrainedModel.of(shape, 6, 8, 6, 3, DATA);
    QuantizedModel other = UntrainedModel.of(shape, 6, 8, 6, 4, DATA);
    assertEquals(shape, first.config());
    assertEquals(6, first.bits());
    int[][] weights = first.dense().get("layer0.ffn1").weights();
    assertArrayEquals(weights, again.dense().get("layer0.ffn1").weights());
    assertArrayEquals(first.constants().get("layer0.attention.expTable"),
        again.constants().get("layer0.attention.expTable"));
    assertFalse(Arrays.deepEquals(weights, other.dense().get("layer0.ffn1").weights()));
    new IntegerForecaster(first);
  }

  @Test
  void dataOfAnotherWindowIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UntrainedModel.of(ModelConfig.published(8, 2, 8), 4, 8, 4, 1, DATA));
    assertEquals("data of window 6 with 2 features for a model of window 8 with 2 features", e.getMessage());
  }
}
