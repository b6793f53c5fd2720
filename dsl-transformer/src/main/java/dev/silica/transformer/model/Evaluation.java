package dev.silica.transformer.model;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;

/** Predictions over whole window sets and their error in the data's own units. */
public final class Evaluation {

  private static final int BATCH = 1024;

  private Evaluation() {}

  /** The model's standardized predictions for every window (statistics frozen). */
  public static float[] predict(Forecaster model, WindowSet windows) {
    model.setTraining(false);
    int perSample = windows.window() * windows.features();
    float[] predictions = new float[windows.size()];
    for (int start = 0; start < windows.size(); start += BATCH) {
      int count = Math.min(BATCH, windows.size() - start);
      float[] batch = new float[count * perSample];
      System.arraycopy(windows.inputs(), start * perSample, batch, 0, batch.length);
      System.arraycopy(model.forward(batch), 0, predictions, start, count);
    }
    return predictions;
  }

  /** Mean squared error in standardized units. */
  public static double mse(float[] predictions, float[] targets) {
    return Forecaster.meanSquaredError(predictions, targets, null);
  }

  /** Root mean squared error in the data's units. */
  public static double rmse(float[] predictions, WindowSet windows, ForecastData data) {
    return Math.sqrt(mse(predictions, windows.targets())) * data.targetStd();
  }
}
