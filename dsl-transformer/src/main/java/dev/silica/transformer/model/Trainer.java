package dev.silica.transformer.model;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link ForecastModel} by minibatch Adam on the mean squared error of the scaled target,
 * with step learning-rate decay (or, for QAT by a {@link QatRecipe} that asks for it, a cosine one)
 * and early stopping on the validation loss; at the end the model holds its best-validation state,
 * which for QAT may be the calibrated model before any epoch (epoch 0), so that fine-tuning never
 * ends worse on validation than quantizing the float model as it is.
 * QAT first calibrates the activation observers, then applies the recipe's learned scales and
 * frozen BatchNorm statistics, and trains towards its mix of targets and float predictions ({@link Distillation}; the progress
 * line's train loss is against that mix). Shuffling is seeded, and the parallel loops reduce in a
 * fixed order, so a run is reproducible for a seed.
 */
public final class Trainer {

  /** What a phase achieved. */
  public record PhaseResult(double bestValidationLoss, int bestEpoch, int epochsRun, double seconds) {}

  /** Forward-only QAT batches run before fine-tuning to settle the observers. */
  static final int CALIBRATION_BATCHES = 40;

  private final ForecastModel model;
  private final ForecastData data;
  private final TrainingConfig config;
  private final PrintWriter progress;

  public Trainer(ForecastModel model, ForecastData data, TrainingConfig config, PrintWriter progress) {
    this.model = model;
    this.data = data;
    this.config = config;
    this.progress = progress;
  }

  /**
   * Trains in {@code mode} (float or QAT training) for up to {@code epochs} epochs from {@code
   * learningRate}; after every epoch that improves the validation loss, calls {@code onImprovement}
   * with the phase so far while the model holds that best state.
   */
  public PhaseResult train(Mode mode, int epochs, double learningRate, Consumer<PhaseResult> onImprovement) {
    String phase = mode.quantized() ? "qat" + model.bits() : "float";
    WindowSet train = data.train();
    Adam adam = Adam.published(model.params());
    Random random = new Random(config.seed() * 31 + (mode.quantized() ? 1 : 0));
    int[] order = java.util.stream.IntStream.range(0, train.count()).toArray();
    long start = System.nanoTime();
    QatRecipe recipe = mode.quantized() ? config.qatRecipe() : QatRecipe.OBSERVED;
    Distillation distillation = Distillation.of(model, train, recipe.distillation());
    if (mode.quantized()) {
      calibrate(order);
      if (recipe.learnedScales()) {
        model.learnScales();
      }
      if (recipe.frozenNorms()) {
        model.freezeNorms();
      }
    }
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    Map<String, double[]> bestState = model.snapshot();
    if (mode.quantized()) {
      best = validationLoss(mode);
      onImprovement.accept(new PhaseResult(best, 0, 0, (System.nanoTime() - start) / 1e9));
      progress.printf("%s calibrated (epoch 0)  validation %.5f *%n", phase, best);
    }
    int epoch = 0;
    while (epoch < epochs && epoch - bestEpoch < config.patience()) {
      epoch++;
      double rate = recipe.cosineSchedule()
          ? learningRate * 0.5 * (1 + Math.cos(Math.PI * (epoch - 1) / epochs))
          : learningRate * Math.pow(config.decayFactor(), (epoch - 1) / config.decayEvery());
      shuffle(order, random);
      double trainLoss = 0;
      for (int from = 0; from < order.length; from += config.batchSize()) {
        int to = Math.min(order.length, from + config.batchSize());
        double[] targets = distillation.targets(train, order, from, to);
        double[] predictions = model.forward(Batches.inputs(train, order, from, to), mode);
        double[] gradient = new double[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
          double error = predictions[i] - targets[i];
          trainLoss += error * error;
          gradient[i] = 2 * error / predictions.length;
        }
        model.zeroGradients();
        model.backward(gradient);
        adam.step(rate);
      }
      trainLoss /= order.length;
      double validationLoss = validationLoss(mode);
      boolean improved = validationLoss < best;
      if (improved) {
        best = validationLoss;
        bestEpoch = epoch;
        bestState = model.snapshot();
        onImprovement.accept(new PhaseResult(best, bestEpoch, epoch, (System.nanoTime() - start) / 1e9));
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      double left = elapsed / epoch * (epochs - epoch);
      progress.printf("%s epoch %d/%d  lr %.2e  train %.5f  validation %.5f%s  (%.1f s/epoch, at most %s left)%n", phase,
          epoch, epochs, rate, trainLoss, validationLoss, improved ? " *" : "", elapsed / epoch, minutes(left));
      progress.flush();
    }
    model.restore(bestState);
    if (epoch < epochs) {
      progress.printf("%s: stopped early, no better validation loss for %d epochs%n", phase, config.patience());
    }
    return new PhaseResult(best, bestEpoch, epoch, (System.nanoTime() - start) / 1e9);
  }

  private double validationLoss(Mode mode) {
    return Batches.meanSquaredError(Batches.predict(model, data.validation(), mode.inference()), data.validation());
  }

  /**
   * Runs up to {@link #CALIBRATION_BATCHES} training batches forward in QAT mode without updating
   * weights, so the activation observers start from settled ranges rather than one batch's.
   */
  private void calibrate(int[] order) {
    WindowSet train = data.train();
    for (int b = 0; b < CALIBRATION_BATCHES && b * config.batchSize() < order.length; b++) {
      int from = b * config.batchSize();
      model.forward(Batches.inputs(train, order, from, Math.min(order.length, from + config.batchSize())),
          Mode.QAT_TRAINING);
    }
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  private static String minutes(double seconds) {
    return String.format("%d:%02d", (long) seconds / 60, (long) seconds % 60);
  }
}
