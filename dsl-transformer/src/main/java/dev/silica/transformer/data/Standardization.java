package dev.silica.transformer.data;

import com.google.common.base.Preconditions;

/**
 * Per-channel z-scaling {@code (x - mean) / std}, fitted on the training rows only, so that
 * validation and test data never influence the model's inputs.
 *
 * @param mean per channel
 * @param std per channel, positive
 */
public record Standardization(double[] mean, double[] std) {

  public Standardization {
    Preconditions.checkArgument(mean.length == std.length, "mean and std lengths differ");
    for (double s : std) {
      Preconditions.checkArgument(s > 0, "a channel has no spread");
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** Fits mean and standard deviation of each channel over the present values of rows [from, to). */
  public static Standardization fit(TimeSeries series, int from, int to) {
    int channels = series.channels().size();
    double[] mean = new double[channels];
    double[] std = new double[channels];
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      double squares = 0;
      int count = 0;
      for (int row = from; row < to; row++) {
        double v = series.value(row, c);
        if (!Double.isNaN(v)) {
          sum += v;
          squares += v * v;
          count++;
        }
      }
      Preconditions.checkArgument(count > 1, "channel %s has no training values", series.channels().get(c));
      mean[c] = sum / count;
      std[c] = Math.sqrt(Math.max(squares / count - mean[c] * mean[c], 0));
    }
    return new Standardization(mean, std);
  }

  public double scale(double value, int channel) {
    return (value - mean[channel]) / std[channel];
  }


  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }
}
