package dev.silica.transformer.model;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Evaluates a trained model on its data set's test windows, the entry point of {@code silica
 * evaluate}: the float model, the fake-quantized QAT model and the integer-only inference, side by
 * side in the data's own units.
 */
public final class Evaluation {

  private Evaluation() {}

  /** Reads {@code modelJson}, reloads its data set and evaluates every variant on the test windows. */
  public static EvaluationResult evaluate(Path modelJson) throws IOException {
    TrainedModel model = ModelFile.read(modelJson);
    return evaluate(model, model.dataset().load(model.config().window()));
  }

  /** Evaluates {@code model} on {@code data}'s test windows. */
  public static EvaluationResult evaluate(TrainedModel model, ForecastData data) {
    WindowSet test = data.test();
    double floatRmse = rmse(Batches.predict(model.floatModel(), test, Mode.FLOAT_INFERENCE), data);
    if (!model.isQuantized()) {
      return new EvaluationResult(data.dataset().cliName(), data.units(), test.count(), floatRmse, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] qat = Batches.predict(model.qatModel(), test, Mode.QAT_INFERENCE);
    IntegerForecaster forecaster = new IntegerForecaster(model.quantized());
    double[] integer = integerPredictions(forecaster, test);
    double step = forecaster.accumulatorScale();
    double max = 0;
    double sum = 0;
    int identical = 0;
    for (int i = 0; i < qat.length; i++) {
      double gap = Math.abs(integer[i] - qat[i]) / step;
      max = Math.max(max, gap);
      sum += gap;
      if (Math.round(gap) == 0) {
        identical++;
      }
    }
    return new EvaluationResult(data.dataset().cliName(), data.units(), test.count(), floatRmse, rmse(qat, data),
        rmse(integer, data), Math.round(max), sum / qat.length, (double) identical / qat.length);
  }

  /** The integer-only forecast (scaled) of every test window, windows evaluated in parallel. */
  public static double[] integerPredictions(IntegerForecaster forecaster, WindowSet set) {
    int size = set.window() * set.features();
    return IntStream.range(0, set.count()).parallel().mapToDouble(i -> {
      double[] window = new double[size];
      set.copyWindow(i, window, 0);
      return forecaster.predict(window);
    }).toArray();
  }

  /** The RMSE of scaled predictions of the test windows against their targets, in the data's units. */
  public static double rmse(double[] predictions, ForecastData data) {
    return Math.sqrt(Batches.meanSquaredError(predictions, data.test())) * data.unitsPerScaled();
  }
}
