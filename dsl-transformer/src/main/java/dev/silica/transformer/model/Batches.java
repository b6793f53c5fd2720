package dev.silica.transformer.model;

import dev.silica.transformer.data.WindowSet;

/** Assembles model inputs from windows and runs a model over a whole window set. */
public final class Batches {

  /** The batch size used for inference. */
  public static final int INFERENCE_BATCH = 1024;

  private Batches() {}

  /** The windows {@code indices[from, to)} as a {@code [batch, window, features]} tensor. */
  public static Tensor inputs(WindowSet set, int[] indices, int from, int to) {
    int size = set.window() * set.features();
    double[] data = new double[(to - from) * size];
    for (int i = from; i < to; i++) {
      set.copyWindow(indices[i], data, (i - from) * size);
    }
    return new Tensor(to - from, set.window(), set.features(), data);
  }

  /** The targets of {@code indices[from, to)}. */
  public static double[] targets(WindowSet set, int[] indices, int from, int to) {
    double[] targets = new double[to - from];
    for (int i = from; i < to; i++) {
      targets[i - from] = set.target(indices[i]);
    }
    return targets;
  }

  /** The model's prediction (scaled) for every window of {@code set}, in order. */
  public static double[] predict(ForecastModel model, WindowSet set, Mode mode) {
    int[] all = java.util.stream.IntStream.range(0, set.count()).toArray();
    double[] predictions = new double[set.count()];
    for (int from = 0; from < set.count(); from += INFERENCE_BATCH) {
      int to = Math.min(set.count(), from + INFERENCE_BATCH);
      System.arraycopy(model.forward(inputs(set, all, from, to), mode), 0, predictions, from, to - from);
    }
    return predictions;
  }

  /** The mean squared error of {@code predictions} against the targets of {@code set}. */
  public static double meanSquaredError(double[] predictions, WindowSet set) {
    double sum = 0;
    for (int i = 0; i < predictions.length; i++) {
      double e = predictions[i] - set.target(i);
      sum += e * e;
    }
    return sum / predictions.length;
  }
}
