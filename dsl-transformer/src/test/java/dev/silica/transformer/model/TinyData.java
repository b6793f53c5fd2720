package dev.silica.transformer.model;

import dev.silica.transformer.data.ChronologicalSplit;
import dev.silica.transformer.data.Dataset;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.TimeSeries;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small synthetic two-channel series (a noisy daily cycle and a lagged copy) for fast training tests. */
final class TinyData {

  private TinyData() {}

  static ForecastData load(int window, int hours) {
    Random random = new Random(11);
    LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
    LocalDateTime[] times = new LocalDateTime[hours];
    double[][] values = new double[hours][2];
    for (int i = 0; i < hours; i++) {
      times[i] = start.plusHours(i);
      values[i][0] = 10 * Math.sin(2 * Math.PI * i / 24) + 20 + random.nextGaussian();
      values[i][1] = i == 0 ? 20 : values[i - 1][0] + random.nextGaussian();
    }
    TimeSeries series = new TimeSeries(List.of("y", "lagged"), times, values, Duration.ofHours(1));
    ChronologicalSplit split = new ChronologicalSplit(start.plusHours(hours * 6 / 10), start.plusHours(hours * 8 / 10));
    return split.apply(Dataset.AIRQUALITY, series, window, 0, "units", new ArrayList<>());
  }

  /** Two layers of two heads, FFN factor 2, d_model 8, window 6, batch 32. */
  static TrainingConfig config(int bits, int epochs, int qatEpochs) {
    return new TrainingConfig(Dataset.AIRQUALITY, 6, 8, 2, 2, 2, bits, 8, bits, epochs, qatEpochs, 3, 32, 3e-3, 1e-3,
        QatRecipe.OBSERVED, 10, 0.5, 50, null);
  }

  /** A tiny model trained for a few float and QAT epochs at {@code bits}, as a training run leaves it. */
  static TrainedModel trained(ForecastData data, int bits) {
    return trained(data, config(bits, 3, 3));
  }

  /** A model trained by {@code config}'s float and QAT phases. */
  static TrainedModel trained(ForecastData data, TrainingConfig config) {
    int bits = config.bits();
    ForecastModel model = new ForecastModel(config.modelConfig(2), config.seed());
    java.io.PrintWriter quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
    Trainer trainer = new Trainer(model, data, config, quiet);
    Trainer.PhaseResult floatPhase =
        trainer.train(Mode.FLOAT_TRAINING, config.epochs(), config.learningRate(), phase -> { });
    java.util.Map<String, double[]> floatState = model.snapshot();
    model.quantize(bits, config.probabilityBits(), config.inputBits());
    Trainer.PhaseResult qat = trainer.train(Mode.QAT_TRAINING, config.qatEpochs(), config.qatLearningRate(), p -> { });
    TrainedModel.TrainingSummary summary = new TrainedModel.TrainingSummary(config.seed(), floatPhase.epochsRun(),
        qat.epochsRun(), floatPhase.seconds(), qat.seconds(), floatPhase.bestValidationLoss(),
        qat.bestValidationLoss());
    return new TrainedModel(config.dataset(), model.config(), bits, config.probabilityBits(), summary, floatState,
        model.snapshot(), QuantizedModel.fromQat(model));
  }
}
