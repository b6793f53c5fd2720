package dev.silica.transformer.model;

import dev.silica.transformer.golden.BatchNormParams;
import java.util.List;

/**
 * BatchNorm over channels, statistics taken over every step of every example of a batch. In
 * training (float and QAT) it normalizes with the batch's statistics and tracks running ones
 * (momentum 0.1, unbiased variance); in inference it uses the running statistics, which are what
 * folding into integers uses. Letting QAT update the statistics matters: quantization noise
 * changes the variance a channel sees, and statistics frozen at their float values amplify that
 * noise in low-variance channels. {@link #freezeStatistics} makes training use and keep the running
 * statistics instead, so that the training forward pass is the inference one. Whenever it
 * normalizes with the running statistics in a quantized mode ({@link #usesRunningStatistics}), the
 * encoder layer replaces its output by the folded integer BatchNorm of the input's codes, as integer
 * inference computes it; the backward pass here is then the straight-through gradient.
 */
public final class BatchNorm {

  /** Added to the variance. */
  public static final double EPSILON = 1e-5;
  /** The weight of a batch's statistics in the running ones. */
  public static final double MOMENTUM = 0.1;

  private final String name;
  private final int channels;
  private final Param gamma;
  private final Param beta;
  private final Param runningMean;
  private final Param runningVariance;
  private double[] normalized;
  private double[] inverseStd;
  private boolean batchStatistics;
  private boolean frozen;

  public BatchNorm(String name, int channels) {
    this.name = name;
    this.channels = channels;
    this.gamma = Param.trainable(name + ".gamma", channels);
    this.beta = Param.trainable(name + ".beta", channels);
    this.runningMean = Param.buffer(name + ".runningMean", channels);
    this.runningVariance = Param.buffer(name + ".runningVariance", channels);
    java.util.Arrays.fill(gamma.value(), 1);
    java.util.Arrays.fill(runningVariance.value(), 1);
  }

  Tensor forward(Tensor x, Mode mode) {
    int rows = x.rows();
    double[] xs = x.data();
    batchStatistics = !usesRunningStatistics(mode);
    double[] mean = runningMean.value().clone();
    double[] variance = runningVariance.value().clone();
    if (batchStatistics) {
      mean = new double[channels];
      variance = new double[channels];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < channels; c++) {
          mean[c] += xs[r * channels + c];
        }
      }
      for (int c = 0; c < channels; c++) {
        mean[c] /= rows;
      }
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < channels; c++) {
          double d = xs[r * channels + c] - mean[c];
          variance[c] += d * d;
        }
      }
      for (int c = 0; c < channels; c++) {
        variance[c] /= rows;
        runningMean.value()[c] += MOMENTUM * (mean[c] - runningMean.value()[c]);
        double unbiased = rows > 1 ? variance[c] * rows / (rows - 1) : variance[c];
        runningVariance.value()[c] += MOMENTUM * (unbiased - runningVariance.value()[c]);
      }
    }
    inverseStd = new double[channels];
    for (int c = 0; c < channels; c++) {
      inverseStd[c] = 1 / Math.sqrt(variance[c] + EPSILON);
    }
    double[] g = gamma.value();
    double[] b = beta.value();
    normalized = new double[xs.length];
    double[] ys = new double[xs.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < channels; c++) {
        int i = r * channels + c;
        normalized[i] = (xs[i] - mean[c]) * inverseStd[c];
        ys[i] = g[c] * normalized[i] + b[c];
      }
    }
    return x.withData(ys);
  }

  Tensor backward(Tensor dy) {
    double[] gs = dy.data();
    int rows = dy.rows();
    double[] g = gamma.value();
    double[] sumDy = new double[channels];
    double[] sumDyNormalized = new double[channels];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < channels; c++) {
        int i = r * channels + c;
        sumDy[c] += gs[i];
        sumDyNormalized[c] += gs[i] * normalized[i];
      }
    }
    for (int c = 0; c < channels; c++) {
      gamma.grad()[c] += sumDyNormalized[c];
      beta.grad()[c] += sumDy[c];
    }
    double[] dx = new double[gs.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < channels; c++) {
        int i = r * channels + c;
        double scale = g[c] * inverseStd[c];
        dx[i] = batchStatistics
            ? scale * (gs[i] - sumDy[c] / rows - normalized[i] * sumDyNormalized[c] / rows)
            : scale * gs[i];
      }
    }
    return dy.withData(dx);
  }

  /** Whether a forward pass in {@code mode} normalizes with the running statistics (as inference folds them). */
  boolean usesRunningStatistics(Mode mode) {
    return !mode.training() || frozen;
  }

  /** From now on, training normalizes with the running statistics and leaves them as they are. */
  void freezeStatistics() {
    frozen = true;
  }

  /** The trained parameters and running statistics, for folding into integers. */
  public BatchNormParams toParams() {
    return new BatchNormParams(gamma.value(), beta.value(), runningMean.value(), runningVariance.value(), EPSILON);
  }

  /** The layer's name, the prefix of its parameters' names. */
  public String name() {
    return name;
  }

  List<Param> params() {
    return List.of(gamma, beta, runningMean, runningVariance);
  }
}
