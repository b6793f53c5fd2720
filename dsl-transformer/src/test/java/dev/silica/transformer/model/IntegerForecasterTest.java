package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.golden.GlobalAvgPool;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Integer-only inference against the fake-quantized QAT model it was exported from: QAT runs the
 * same golden softmax, residual adds, positional encoding and pooling on its codes and leaves the
 * head unquantized, so on a trained tiny model every block's codes and every prediction agree, for
 * one and two layers, with observed or learned scales.
 */
class IntegerForecasterTest {

  private static final ForecastData DATA = TinyData.load(6, 600);

  @ParameterizedTest(name = "{0} bits, {1} layers, {2} scales, {3}-bit inputs")
  @CsvSource({"4, 1, observed, 4", "8, 1, observed, 8", "4, 2, observed, 4", "6, 2, observed, 6",
      "4, 1, learned, 4", "6, 2, learned, 6", "8, 1, learned, 8", "4, 1, learned, 8", "6, 2, observed, 12"})
  void integerPredictionsEqualTheQatPredictionsOnEveryWindow(int bits, int layers, String scales, int inputBits) {
    QatRecipe recipe = scales.equals("learned") ? QatRecipe.LEARNED : QatRecipe.OBSERVED;
    TrainingConfig config = TinyData.config(bits, 3, 3).withShape(layers, 2).withInputBits(inputBits);
    TrainedModel trained = TinyData.trained(DATA, config.withQat(3, config.qatLearningRate(), recipe));
    BlockComparison comparison = BlockComparison.compare(trained, DATA.test(), DATA.test().count());

    for (BlockComparison.Block block : comparison.blocks()) {
      assertEquals(0, block.differing(), block.name() + " codes differ");
    }
    assertEquals(DATA.test().count(), comparison.identicalPredictions());
    double[] qat = Batches.predict(trained.qatModel(), DATA.test(), Mode.QAT_INFERENCE);
    double[] integer = Evaluation.integerPredictions(new IntegerForecaster(trained.quantized()), DATA.test());
    for (int i = 0; i < qat.length; i++) {
      assertEquals(qat[i], integer[i], 1e-9 * Math.max(1, Math.abs(qat[i])), "window " + i);
    }
  }

  @Test
  void thePredictionIsTheHeadsAccumulatorTimesTheAccumulatorScale() {
    TrainedModel trained = TinyData.trained(DATA, 4);
    QuantizedModel quantized = trained.quantized();
    IntegerForecaster forecaster = new IntegerForecaster(quantized);
    double[] window = new double[DATA.test().window() * DATA.test().features()];
    DATA.test().copyWindow(0, window, 0);
    Map<String, long[]> trace = forecaster.trace(forecaster.inputCodes(window));

    long[] last = trace.get("layer1.norm2.out");
    int d = trained.config().dModel();
    int[] pooled = new int[d];
    for (int c = 0; c < d; c++) {
      int[] column = new int[last.length / d];
      for (int t = 0; t < column.length; t++) {
        column[t] = (int) last[t * d + c];
      }
      pooled[c] = GlobalAvgPool.mean(column);
    }
    QuantizedModel.DenseCodes head = quantized.dense().get("head");
    int zeroPoint = quantized.tensors().get("layer1.norm2.out").zeroPoint();
    long accumulator = head.bias()[0];
    for (int c = 0; c < d; c++) {
      accumulator += (long) (pooled[c] - zeroPoint) * head.weights()[c][0];
    }
    assertEquals(accumulator, trace.get(IntegerForecaster.HEAD_ACCUMULATOR)[0]);
    double scale = quantized.tensors().get("layer1.norm2.out").scale() * head.weightSpec().scale();
    assertEquals(scale, forecaster.accumulatorScale());
    assertEquals(scale * accumulator, forecaster.predict(window), 0);
  }

  @Test
  void theExportHasNoHeadOutputTensorOrHeadRequantizer() {
    QuantizedModel quantized = TinyData.trained(DATA, 4).quantized();

    assertFalse(quantized.tensors().containsKey("head.out"));
    assertFalse(quantized.constants().containsKey("head.requantizer"));
  }

  @Test
  void theTraceListsEveryBlockInPipelineOrder() {
    TrainedModel trained = TinyData.trained(DATA, TinyData.config(4, 1, 1).withShape(1, 2));
    IntegerForecaster forecaster = new IntegerForecaster(trained.quantized());
    Map<String, long[]> trace = forecaster.trace(new int[6][2]);

    assertEquals(Arrays.asList("embedding.out", "layer0.query.out", "layer0.key.out", "layer0.value.out",
        "layer0.attention.scores", "layer0.attention.probabilities", "layer0.attention.context",
        "layer0.output.out", "layer0.residual1", "layer0.norm1.out", "layer0.ffn1.out", "layer0.ffn2.out",
        "layer0.residual2", "layer0.norm2.out", IntegerForecaster.HEAD_ACCUMULATOR),
        trace.keySet().stream().toList());
    assertEquals(6 * 8, trace.get("layer0.query.out").length);
    assertEquals(2 * 6 * 6, trace.get("layer0.attention.scores").length);
  }

  @Test
  void aFloatOnlyModelHasNoBlocksToCompare() {
    TrainedModel trained = TinyData.trained(DATA, 4);
    TrainedModel floatOnly = new TrainedModel(trained.dataset(), trained.config(), 0, trained.probabilityBits(),
        trained.summary(), trained.floatState(), null, null);

    assertThrows(IllegalArgumentException.class, () -> BlockComparison.compare(floatOnly, DATA.test(), 4));
  }
}
