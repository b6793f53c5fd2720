package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.silica.transformer.data.ForecastData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cross-layer equalization changes no float prediction and gives paired channels equal ranges. */
class ChannelEqualizationTest {

  private static final ForecastData DATA = TinyData.load(6, 600);

  /** The max-abs weight of output column {@code j} of {@code dense}. */
  private static double column(Dense dense, int j) {
    double r = 0;
    for (int k = 0; k < dense.in(); k++) {
      r = Math.max(r, Math.abs(dense.weight().value()[k * dense.out() + j]));
    }
    return r;
  }

  /** The max-abs weight of input row {@code k} of {@code dense}. */
  private static double row(Dense dense, int k) {
    double r = 0;
    for (int j = 0; j < dense.out(); j++) {
      r = Math.max(r, Math.abs(dense.weight().value()[k * dense.out() + j]));
    }
    return r;
  }

  @Test
  void predictionsStayAndPairedChannelsGetEqualRanges() {
    ForecastModel model = new ForecastModel(TinyData.config(4, 1, 1).modelConfig(2), 9);
    Random random = new Random(2);
    for (Param p : model.params()) {
      if (p.name().endsWith(".bias")) {
        for (int i = 0; i < p.size(); i++) {
          p.value()[i] = 0.3 * random.nextGaussian();
        }
      }
    }
    double[] before = Batches.predict(model, DATA.test(), Mode.FLOAT_INFERENCE);
    EncoderLayer layer = model.layers().get(0);
    double ffn1Before = column(layer.ffn1(), 0);

    ChannelEqualization.apply(model);

    double[] after = Batches.predict(model, DATA.test(), Mode.FLOAT_INFERENCE);
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i], after[i], 1e-9, "window " + i);
    }
    assertNotEquals(ffn1Before, column(layer.ffn1(), 0));
    for (int j = 0; j < layer.ffn1().out(); j++) {
      assertEquals(column(layer.ffn1(), j), row(layer.ffn2(), j), 1e-12, "hidden channel " + j);
    }
    for (int j = 0; j < layer.value().out(); j++) {
      assertEquals(column(layer.value(), j), row(layer.output(), j), 1e-12, "value channel " + j);
      assertEquals(column(layer.query(), j), column(layer.key(), j), 1e-12, "query/key channel " + j);
    }
  }
}
