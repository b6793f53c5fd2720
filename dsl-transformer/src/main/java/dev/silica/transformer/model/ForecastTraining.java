package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.data.Datasets;
import dev.silica.transformer.data.ForecastData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole training run behind {@code silica train}: load the data, train the float model, and
 * for a quantized width fine-tune it with quantization-aware training for half as many epochs
 * (at least one) and export the integer model. The output file is rewritten atomically on every
 * improvement of the validation loss, so an interrupted run leaves its best model.
 */
public final class ForecastTraining {

  /**
   * @param bits 4, 6 or 8 for a quantized model, 0 for float only
   */
  public record Request(Datasets data, int window, int dModel, int bits, int epochs, long seed, Path output) {
    public Request {
      Preconditions.checkArgument(bits == 0 || bits >= 2 && bits <= 16, "bits must be 0 (float) or 2..16");
    }
  }

  private ForecastTraining() {}

  public static ModelFile run(Request request, PrintWriter progress) {
    ForecastData data = request.data().load(request.window());
    progress.print(data.summary());
    ModelConfig config = ModelConfig.of(request.window(), data.train().features(), request.dModel());
    Forecaster model = new Forecaster(config, request.seed());
    ModelFile[] saved = new ModelFile[1];
    Trainer.Result floatRun = Trainer.train(model, data, TrainingOptions.floatTraining(request.epochs(), request.seed()),
        "float", progress, state -> saved[0] = save(request, new ModelFile(request.data().id(), request.seed(), config,
            state, 0, Optional.empty(), Optional.empty())));
    progress.printf("float: best validation MSE %.5f at epoch %d, %.1f s%n", floatRun.bestValidationLoss(),
        floatRun.bestEpoch(), floatRun.seconds());
    if (request.bits() == 0) {
      return saved[0];
    }
    ModelState floatState = ModelState.of(model);
    model.enableQuantization(request.bits());
    int qatEpochs = Math.max(1, (request.epochs() + 1) / 2);
    Trainer.Result qatRun = Trainer.train(model, data, TrainingOptions.quantizationAware(qatEpochs, request.seed()),
        "qat" + request.bits(), progress, state -> saved[0] = save(request, new ModelFile(request.data().id(),
            request.seed(), config, floatState, request.bits(), Optional.of(state),
            Optional.of(QuantizedExport.of(model)))));
    progress.printf("qat%d: best validation MSE %.5f at epoch %d, %.1f s%n", request.bits(),
        qatRun.bestValidationLoss(), qatRun.bestEpoch(), qatRun.seconds());
    return saved[0];
  }

  private static ModelFile save(Request request, ModelFile file) {
    try {
      file.write(request.output());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + request.output() + ": " + e.getMessage(), e);
    }
  }
}
