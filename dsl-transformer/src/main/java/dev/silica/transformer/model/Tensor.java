package dev.silica.transformer.model;

import com.google.common.base.Preconditions;

/**
 * A batch of sequences, {@code batch x steps x channels} doubles, row-major: the value of
 * example {@code b}, step {@code t}, channel {@code c} is at {@code (b * steps + t) * channels + c}.
 * A pooled batch has one step.
 */
public record Tensor(int batch, int steps, int channels, double[] data) {

  public Tensor {
    Preconditions.checkArgument(data.length == batch * steps * channels, "%s values for %s x %s x %s",
        data.length, batch, steps, channels);
  }

  /** A tensor of the same shape holding {@code values}. */
  public Tensor withData(double[] values) {
    return new Tensor(batch, steps, channels, values);
  }

  /** The number of channel vectors, {@code batch * steps}. */
  public int rows() {
    return batch * steps;
  }

  /** The elementwise sum with a tensor of the same shape. */
  public Tensor plus(Tensor other) {
    Preconditions.checkArgument(other.data.length == data.length, "shape mismatch");
    double[] sum = data.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.data[i];
    }
    return withData(sum);
  }
}
