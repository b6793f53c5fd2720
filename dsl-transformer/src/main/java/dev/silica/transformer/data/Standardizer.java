package dev.silica.transformer.data;

import com.google.common.base.Preconditions;

/**
 * Per-feature z-scoring {@code (x - mean) / std}, fitted on the rows of the training period only
 * (ignoring missing values) so that nothing about validation or test leaks into training.
 */
public record Standardizer(float[] mean, float[] std) {

  /** Fits one mean and standard deviation per feature over {@code values[rows]} where {@code inTrain[row]}. */
  public static Standardizer fit(float[][] values, boolean[] inTrain) {
    int features = values[0].length;
    float[] mean = new float[features];
    float[] std = new float[features];
    for (int f = 0; f < features; f++) {
      double sum = 0;
      double squares = 0;
      long n = 0;
      for (int r = 0; r < values.length; r++) {
        float v = values[r][f];
        if (inTrain[r] && !Float.isNaN(v)) {
          sum += v;
          squares += (double) v * v;
          n++;
        }
      }
      Preconditions.checkArgument(n > 1, "feature %s has fewer than two training values", f);
      double m = sum / n;
      double variance = Math.max(squares / n - m * m, 0);
      mean[f] = (float) m;
      std[f] = (float) Math.max(Math.sqrt(variance), 1e-6);
    }
    return new Standardizer(mean, std);
  }

  /** {@code values} standardized (a new array; NaN stays NaN). */
  public float[][] apply(float[][] values) {
    float[][] result = new float[values.length][];
    for (int r = 0; r < values.length; r++) {
      result[r] = new float[values[r].length];
      for (int f = 0; f < values[r].length; f++) {
        result[r][f] = (values[r][f] - mean[f]) / std[f];
      }
    }
    return result;
  }

  /** A standardized value of {@code feature} back in the data's own units. */
  public double toUnits(double standardized, int feature) {
    return standardized * std[feature] + mean[feature];
  }
}
