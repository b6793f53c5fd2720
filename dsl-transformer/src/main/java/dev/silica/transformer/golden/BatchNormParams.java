package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * A trained BatchNorm layer's per-channel parameters: running mean and variance, scale {@code
 * gamma}, shift {@code beta}, and the {@code epsilon} added to the variance.
 */
public record BatchNormParams(double[] gamma, double[] beta, double[] mean, double[] variance, double epsilon) {

  public BatchNormParams {
    Preconditions.checkArgument(gamma.length == beta.length && gamma.length == mean.length
        && gamma.length == variance.length && gamma.length > 0, "per-channel arrays must have one equal length");
    Preconditions.checkArgument(epsilon >= 0, "epsilon must be >= 0");
    for (double v : variance) {
      Preconditions.checkArgument(v + epsilon > 0, "variance + epsilon must be positive, got %s", v + epsilon);
    }
    gamma = gamma.clone();
    beta = beta.clone();
    mean = mean.clone();
    variance = variance.clone();
  }

  /** The number of channels. */
  public int channels() {
    return gamma.length;
  }

  @Override
  public double[] gamma() {
    return gamma.clone();
  }

  @Override
  public double[] beta() {
    return beta.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] variance() {
    return variance.clone();
  }
}
