package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.data.ForecastData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A complete training run, the entry point of {@code silica train}: loads the data, trains the
 * float model, then (unless float-only) fine-tunes it with quantization-aware training and exports
 * the integer-only model. The output file is rewritten after every epoch that improves the
 * validation loss, so an interrupted run leaves its best model so far (float-only until QAT has
 * improved once). {@link #fineTune} starts from the float model of an earlier run instead.
 */
public final class TrainingRun {

  private TrainingRun() {}

  /** Runs {@code config}, reporting progress to {@code progress}; returns what it wrote to {@code config.output()}. */
  public static TrainedModel run(TrainingConfig config, PrintWriter progress) {
    ForecastData data = config.dataset().load(config.window());
    data.report().forEach(line -> progress.println("data: " + line));
    ModelConfig shape = config.modelConfig(data.channels().size());
    ForecastModel model = new ForecastModel(shape, config.seed());
    List<Param> quantizers = model.quantizationParams();
    long parameters = model.params().stream().filter(p -> p.isTrainable() && !quantizers.contains(p))
        .mapToLong(Param::size).sum();
    progress.printf("model: %s: %d parameters%n", shape, parameters);
    Trainer trainer = new Trainer(model, data, config, progress);
    Trainer.PhaseResult floatResult = trainer.train(Mode.FLOAT_TRAINING, config.epochs(), config.learningRate(),
        sofar -> save(config, floatOnly(config, shape, model.snapshot(), sofar)));
    save(config, floatOnly(config, shape, model.snapshot(), floatResult));
    return fineTune(config, data, model, floatResult, progress);
  }

  /**
   * Runs {@code config}'s quantization-aware phase (and integer export) from the float model of
   * {@code start}, a model file of the same data set and shape, without training in float again;
   * reports progress to {@code progress} and returns what it wrote to {@code config.output()}.
   *
   * @throws IllegalArgumentException naming the difference when {@code start} does not fit {@code config}
   */
  public static TrainedModel fineTune(TrainingConfig config, TrainedModel start, PrintWriter progress) {
    ForecastData data = config.dataset().load(config.window());
    ModelConfig shape = config.modelConfig(data.channels().size());
    Preconditions.checkArgument(start.dataset() == config.dataset(), "the float model was trained on %s, not %s",
        start.dataset().cliName(), config.dataset().cliName());
    Preconditions.checkArgument(start.config().equals(shape), "the float model has %s, not %s",
        start.config(), shape);
    progress.printf("float model: %d epochs, validation MSE (scaled) %.5f, from the given model file%n",
        start.summary().floatEpochs(), start.summary().floatValidationLoss());
    Trainer.PhaseResult floatResult = new Trainer.PhaseResult(start.summary().floatValidationLoss(),
        start.summary().floatEpochs(), start.summary().floatEpochs(), start.summary().floatSeconds());
    return fineTune(config, data, start.floatModel(), floatResult, progress);
  }

  /** The QAT phase and export from {@code model} holding the best float state, then the summary lines. */
  private static TrainedModel fineTune(TrainingConfig config, ForecastData data, ForecastModel model,
      Trainer.PhaseResult floatResult, PrintWriter progress) {
    ModelConfig shape = model.config();
    Trainer trainer = new Trainer(model, data, config, progress);
    Map<String, double[]> floatState = model.snapshot();
    TrainedModel result = floatOnly(config, shape, floatState, floatResult);
    if (config.quantized()) {
      model.quantize(config.bits(), config.probabilityBits(), config.inputBits());
      Trainer.PhaseResult qat = trainer.train(Mode.QAT_TRAINING, config.qatEpochs(), config.qatLearningRate(),
          sofar -> save(config, quantized(config, shape, floatState, floatResult, model, sofar)));
      result = quantized(config, shape, floatState, floatResult, model, qat);
      save(config, result);
    }
    progress.printf("training time: float %.1f s, QAT %.1f s; best validation MSE (scaled): float %.5f%s%n",
        floatResult.seconds(), config.quantized() ? result.summary().qatSeconds() : 0.0,
        floatResult.bestValidationLoss(),
        config.quantized() ? String.format(", QAT %.5f", result.summary().qatValidationLoss()) : "");
    progress.println("wrote " + config.output());
    return result;
  }

  private static TrainedModel floatOnly(TrainingConfig config, ModelConfig shape, Map<String, double[]> state,
      Trainer.PhaseResult phase) {
    TrainedModel.TrainingSummary summary = new TrainedModel.TrainingSummary(config.seed(), phase.epochsRun(), 0,
        phase.seconds(), Double.NaN, phase.bestValidationLoss(), Double.NaN);
    return new TrainedModel(config.dataset(), shape, 0, 0, summary, state, null, null);
  }

  private static TrainedModel quantized(TrainingConfig config, ModelConfig shape, Map<String, double[]> floatState,
      Trainer.PhaseResult floatResult, ForecastModel model, Trainer.PhaseResult qat) {
    TrainedModel.TrainingSummary summary = new TrainedModel.TrainingSummary(config.seed(), floatResult.epochsRun(),
        qat.epochsRun(), floatResult.seconds(), qat.seconds(), floatResult.bestValidationLoss(),
        qat.bestValidationLoss());
    return new TrainedModel(config.dataset(), shape, config.bits(), config.probabilityBits(), summary, floatState,
        model.snapshot(), QuantizedModel.fromQat(model));
  }

  private static void save(TrainingConfig config, TrainedModel model) {
    try {
      ModelFile.write(config.output(), model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config.output(), e);
    }
  }
}
