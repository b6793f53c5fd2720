package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import dev.silica.transformer.data.Dataset;
import java.util.Map;

/**
 * Everything a training run leaves behind: the data set and model shape, the best float model's
 * state, and for a quantized run the best QAT state and its integer-only export. {@link ModelFile}
 * stores it as JSON.
 *
 * @param dataset the data the model forecasts
 * @param config the model's shape
 * @param bits weight and activation width, 0 for a float-only run
 * @param probabilityBits softmax probability width (0 for a float-only run)
 * @param summary what training took
 * @param floatState the best float model's parameters and buffers
 * @param qatState the best QAT model's parameters, buffers and observer ranges, or null
 * @param quantized the integer-only export of the QAT model, or null
 */
public record TrainedModel(Dataset dataset, ModelConfig config, int bits, int probabilityBits,
    TrainingSummary summary, Map<String, double[]> floatState, Map<String, double[]> qatState,
    QuantizedModel quantized) {

  /**
   * What training took and achieved; QAT figures are NaN for a float-only run.
   *
   * @param seed the seed of initialization and shuffling
   * @param floatEpochs float epochs run
   * @param qatEpochs QAT epochs run
   * @param floatSeconds float training time
   * @param qatSeconds QAT training time
   * @param floatValidationLoss best float validation MSE (scaled)
   * @param qatValidationLoss best QAT validation MSE (scaled)
   */
  public record TrainingSummary(long seed, int floatEpochs, int qatEpochs, double floatSeconds, double qatSeconds,
      double floatValidationLoss, double qatValidationLoss) {}

  public TrainedModel {
    Preconditions.checkArgument((qatState == null) == (quantized == null), "QAT state and export come together");
    floatState = ImmutableMap.copyOf(floatState);
    qatState = qatState == null ? null : ImmutableMap.copyOf(qatState);
  }

  /** Whether the run was quantized. */
  public boolean isQuantized() {
    return quantized != null;
  }

  /** The widths for a summary line: {@code float}, {@code 4 bits} or {@code 4 bits, 8-bit inputs}. */
  public String widths() {
    if (!isQuantized()) {
      return "float";
    }
    int inputBits = quantized.inputBits();
    return bits + " bits" + (inputBits == bits ? "" : ", " + inputBits + "-bit inputs");
  }

  /** The float model, ready for inference. */
  public ForecastModel floatModel() {
    ForecastModel model = new ForecastModel(config, summary.seed());
    model.restore(floatState);
    return model;
  }

  /** The fake-quantized QAT model, ready for inference. */
  public ForecastModel qatModel() {
    Preconditions.checkState(isQuantized(), "a float-only run has no QAT model");
    ForecastModel model = new ForecastModel(config, summary.seed());
    model.quantize(bits, probabilityBits, quantized.inputBits());
    model.restore(qatState);
    return model;
  }
}
