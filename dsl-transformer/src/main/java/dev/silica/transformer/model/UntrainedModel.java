package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import java.util.stream.IntStream;

/**
 * A quantized model of a given shape that was never trained: weights initialized from a seed, the
 * activation observers settled on the first training windows of a data set, then exported as
 * {@link QuantizedModel#fromQat} exports a trained one. Its integers have the widths and ranges a
 * trained model of that shape has, so it compiles to a program and hardware of the same shape
 * (for counting resources and cycles); its forecasts mean nothing.
 */
public final class UntrainedModel {

  /** Windows run through the observers, in batches of {@link #BATCH}. */
  static final int CALIBRATION_WINDOWS = 2048;

  private static final int BATCH = 256;

  private UntrainedModel() {}

  /**
   * The model of {@code shape} at {@code bits} (probabilities at {@code probabilityBits}, input
   * codes at {@code inputBits}) whose weights {@code seed} gives, its ranges observed on {@code
   * data}'s training windows.
   *
   * @throws IllegalArgumentException when {@code data} does not match the shape's window and features
   */
  public static QuantizedModel of(ModelConfig shape, int bits, int probabilityBits, int inputBits, long seed,
      ForecastData data) {
    WindowSet train = data.train();
    Preconditions.checkArgument(train.window() == shape.window() && train.features() == shape.features(),
        "data of window %s with %s features for a model of window %s with %s features", train.window(),
        train.features(), shape.window(), shape.features());
    ForecastModel model = new ForecastModel(shape, seed);
    model.quantize(bits, probabilityBits, inputBits);
    int windows = Math.min(CALIBRATION_WINDOWS, train.count());
    int[] order = IntStream.range(0, windows).toArray();
    for (int from = 0; from < windows; from += BATCH) {
      model.forward(Batches.inputs(train, order, from, Math.min(windows, from + BATCH)), Mode.QAT_TRAINING);
    }
    return QuantizedModel.fromQat(model);
  }
}
