package dev.silica.transformer.model;

import dev.silica.transformer.data.ForecastData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A complete training run, the entry point of {@code silica train}: loads the data, trains the
 * float model, then (unless float-only) fine-tunes it with quantization-aware training and exports
 * the integer-only model. The output file is rewritten after every epoch that improves the
 * validation loss, so an interrupted run leaves its best model so far (float-only until QAT has
 * improved once).
 */
public final class TrainingRun {

  private TrainingRun() {}

  /** Runs {@code config}, reporting progress to {@code progress}; returns what it wrote to {@code config.output()}. */
  public static TrainedModel run(TrainingConfig config, PrintWriter progress) {
    ForecastData data = config.dataset().load(config.window());
    data.report().forEach(line -> progress.println("data: " + line));
    ModelConfig shape = config.modelConfig(data.channels().size());
    ForecastModel model = new ForecastModel(shape, config.seed());
    long parameters = model.params().stream().filter(Param::isTrainable).mapToLong(Param::size).sum();
    progress.printf("model: window %d, %d features, d_model %d, FFN x%d, %d layer(s), %d head(s): %d parameters%n",
        shape.window(), shape.features(), shape.dModel(), shape.ffnFactor(), shape.layers(), shape.heads(),
        parameters);
    Trainer trainer = new Trainer(model, data, config, progress);
    Trainer.PhaseResult floatResult = trainer.train(Mode.FLOAT_TRAINING, config.epochs(), config.learningRate(),
        sofar -> save(config, floatOnly(config, shape, model.snapshot(), sofar)));
    Map<String, double[]> floatState = model.snapshot();
    TrainedModel result = floatOnly(config, shape, floatState, floatResult);
    save(config, result);
    if (config.quantized()) {
      model.quantize(config.bits(), config.probabilityBits());
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
