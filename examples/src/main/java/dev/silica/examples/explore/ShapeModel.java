package dev.silica.examples.explore;

import dev.silica.examples.explore.DesignPoint.ModelShape;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.model.Evaluation;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.ModelConfig;
import dev.silica.transformer.model.QuantizedModel;
import dev.silica.transformer.model.TrainedModel;
import dev.silica.transformer.model.TrainingConfig;
import dev.silica.transformer.model.UntrainedModel;
import java.util.OptionalDouble;

/**
 * The model compiled for the points of one {@link ModelShape}: a trained model the user gave, with
 * the test RMSE of its integer-only inference, or an untrained model of that shape, good for
 * counting resources, cycles and energy only (no RMSE).
 *
 * @param model the quantized model
 * @param source where it came from: the file or bundled name, or {@code untrained (seed S)}
 * @param data the windows of its data set at its window, whose first test windows the energy
 *     simulation runs
 * @param rmse the integer-only inference's test RMSE in the data's units, when trained
 */
public record ShapeModel(QuantizedModel model, String source, ForecastData data, OptionalDouble rmse) {

  /** The shape the model has. */
  public ModelShape shape() {
    return new ModelShape(model.bits(), model.config().window(), model.config().dModel());
  }

  /** A trained model, its RMSE measured by the integer-only inference on its data set's test windows. */
  public static ShapeModel trained(String source, TrainedModel trained) {
    ForecastData data = trained.dataset().load(trained.config().window());
    double[] predictions = Evaluation.integerPredictions(new IntegerForecaster(trained.quantized()), data.test());
    return new ShapeModel(trained.quantized(), source, data, OptionalDouble.of(Evaluation.rmse(predictions, data)));
  }

  /**
   * An untrained model of {@code shape} in the published form (one layer, one head, FFN factor 4,
   * {@value TrainingConfig#PROBABILITY_BITS}-bit probabilities), its weights from {@code seed}, its
   * ranges observed on {@code data}.
   */
  public static ShapeModel untrained(ModelShape shape, ForecastData data, long seed) {
    ModelConfig config = ModelConfig.published(shape.window(), data.channels().size(), shape.dModel());
    QuantizedModel model = UntrainedModel.of(config, shape.bits(), TrainingConfig.PROBABILITY_BITS, shape.bits(), seed,
        data);
    return new ShapeModel(model, "untrained (seed " + seed + ", " + data.dataset().cliName() + " ranges)", data,
        OptionalDouble.empty());
  }
}
