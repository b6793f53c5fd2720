package dev.silica.transformer.model;

import dev.silica.transformer.data.Datasets;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Test-set errors of a {@link ModelFile}, in the data's own units: the float model, the QAT model
 * (fake-quantized), and the integer-only inference of its export, plus how far the integer
 * predictions are from the QAT ones.
 *
 * @param floatRmse float model's test RMSE
 * @param qatRmse QAT model's test RMSE (empty for a float-only file)
 * @param integerRmse integer-only inference's test RMSE (empty for a float-only file)
 * @param maxGap largest |integer - QAT| prediction over the test set, in data units
 * @param meanGap mean |integer - QAT| prediction, in data units
 * @param outputStep one output code of the integer model, in data units
 */
public record ForecastEvaluation(ForecastData data, double floatRmse, OptionalDouble qatRmse,
    OptionalDouble integerRmse, double maxGap, double meanGap, double outputStep) {

  public static ForecastEvaluation of(ModelFile file) {
    ForecastData data = Datasets.byId(file.data()).load(file.config().window());
    WindowSet test = data.test();
    double floatRmse = Evaluation.rmse(Evaluation.predict(file.floatModel(), test), test, data);
    if (file.qatModel().isEmpty()) {
      return new ForecastEvaluation(data, floatRmse, OptionalDouble.empty(), OptionalDouble.empty(), 0, 0, 0);
    }
    float[] qat = Evaluation.predict(file.qatModel().get(), test);
    QuantizedModel quantized = file.quantized().orElseThrow();
    IntegerForecaster integer = new IntegerForecaster(quantized);
    int perSample = test.window() * test.features();
    float[] integerPredictions = new float[test.size()];
    IntStream.range(0, test.size()).parallel()
        .forEach(i -> integerPredictions[i] = (float) integer.predict(test.inputs(), i * perSample));
    double maxGap = 0;
    double sumGap = 0;
    for (int i = 0; i < qat.length; i++) {
      double gap = Math.abs(integerPredictions[i] - qat[i]) * data.targetStd();
      maxGap = Math.max(maxGap, gap);
      sumGap += gap;
    }
    return new ForecastEvaluation(data, floatRmse, OptionalDouble.of(Evaluation.rmse(qat, test, data)),
        OptionalDouble.of(Evaluation.rmse(integerPredictions, test, data)), maxGap, sumGap / qat.length,
        quantized.activations().get("output").scale() * data.targetStd());
  }
}
