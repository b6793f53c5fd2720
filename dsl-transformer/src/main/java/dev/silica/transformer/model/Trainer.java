package dev.silica.transformer.model;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import java.io.PrintWriter;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Mini-batch training with MSE loss and {@link Adam}: shuffles the training windows each epoch
 * (deterministically from the seed), decays the learning rate in steps, evaluates the validation
 * loss after each epoch, hands every new best state to a callback at once (so an interrupted run
 * leaves its best model saved), stops early, and finally restores the best state into the model.
 * Prints one progress line per epoch.
 */
public final class Trainer {

  /** How a run went. */
  public record Result(double bestValidationLoss, int bestEpoch, int epochsRun, double seconds) {}

  private Trainer() {}

  public static Result train(Forecaster model, ForecastData data, TrainingOptions options, String label,
      PrintWriter progress, Consumer<ModelState> onImprovement) {
    WindowSet train = data.train();
    int perSample = train.window() * train.features();
    Adam adam = new Adam(model.params(), options.learningRate());
    Random random = new Random(options.seed());
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long start = System.nanoTime();
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    ModelState bestState = ModelState.of(model);
    int epoch = 0;
    while (epoch < options.maxEpochs() && epoch - bestEpoch < options.patience()) {
      epoch++;
      adam.setLearningRate(options.learningRate()
          * Math.pow(options.decayFactor(), (epoch - 1) / options.decayEvery()));
      shuffle(order, random);
      model.setTraining(true);
      double trainLoss = 0;
      for (int from = 0; from < order.length; from += options.batchSize()) {
        int count = Math.min(options.batchSize(), order.length - from);
        float[] x = new float[count * perSample];
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
          train.copyInputs(order[from + i], x, i * perSample);
          y[i] = train.targets()[order[from + i]];
        }
        model.zeroGrad();
        float[] grad = new float[count];
        trainLoss += Forecaster.meanSquaredError(model.forward(x), y, grad) * count;
        model.backward(grad);
        adam.step();
      }
      trainLoss /= order.length;
      double validation = Evaluation.mse(Evaluation.predict(model, data.validation()), data.validation().targets());
      boolean improved = validation < best;
      if (improved) {
        best = validation;
        bestEpoch = epoch;
        bestState = ModelState.of(model);
        onImprovement.accept(bestState);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      double left = elapsed / epoch * (options.maxEpochs() - epoch);
      progress.printf("%s epoch %d/%d  train %.5f  val %.5f%s  lr %.2g  %.1f s, at most %.0f s left%n", label, epoch,
          options.maxEpochs(), trainLoss, validation, improved ? " (best, saved)" : "", adam.learningRate(), elapsed,
          left);
      progress.flush();
    }
    bestState.restore(model);
    return new Result(best, bestEpoch, epoch, (System.nanoTime() - start) / 1e9);
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
