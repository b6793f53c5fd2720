package dev.silica.transformer.model;

import dev.silica.transformer.golden.BatchNormParams;

/**
 * BatchNorm over the channels of a row-major {@code rows x channels} matrix (every position of
 * every sample is a row, as BatchNorm1d over a sequence). In training it normalizes with the
 * batch's statistics and updates running ones (momentum 0.1); frozen, it is the per-channel affine
 * map of the running statistics, which is what quantization-aware training fine-tunes and what
 * the golden {@code FoldedBatchNorm} folds into integers.
 */
public final class BatchNorm {

  static final float EPSILON = 1e-5f;
  static final float MOMENTUM = 0.1f;

  private final int channels;
  final Param gamma;
  final Param beta;
  final float[] runningMean;
  final float[] runningVariance;
  private boolean frozen;
  private float[] normalized;
  private float[] inverseStd;

  BatchNorm(String name, int channels) {
    this.channels = channels;
    this.gamma = new Param(name + ".gamma", channels);
    this.beta = new Param(name + ".beta", channels);
    this.runningMean = new float[channels];
    this.runningVariance = new float[channels];
    java.util.Arrays.fill(gamma.value, 1f);
    java.util.Arrays.fill(runningVariance, 1f);
  }

  /** Whether the running statistics are used (and left unchanged) instead of the batch's. */
  void setFrozen(boolean frozen) {
    this.frozen = frozen;
  }

  /** The trained parameters in the golden models' form. */
  public BatchNormParams params() {
    double[] g = new double[channels];
    double[] b = new double[channels];
    double[] m = new double[channels];
    double[] v = new double[channels];
    for (int c = 0; c < channels; c++) {
      g[c] = gamma.value[c];
      b[c] = beta.value[c];
      m[c] = runningMean[c];
      v[c] = runningVariance[c];
    }
    return new BatchNormParams(g, b, m, v, EPSILON);
  }

  float[] forward(float[] x) {
    int rows = x.length / channels;
    float[] mean = new float[channels];
    inverseStd = new float[channels];
    if (frozen) {
      for (int c = 0; c < channels; c++) {
        mean[c] = runningMean[c];
        inverseStd[c] = (float) (1 / Math.sqrt(runningVariance[c] + EPSILON));
      }
    } else {
      double[] sum = new double[channels];
      double[] squares = new double[channels];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < channels; c++) {
          double v = x[r * channels + c];
          sum[c] += v;
          squares[c] += v * v;
        }
      }
      for (int c = 0; c < channels; c++) {
        double m = sum[c] / rows;
        double variance = Math.max(squares[c] / rows - m * m, 0);
        mean[c] = (float) m;
        inverseStd[c] = (float) (1 / Math.sqrt(variance + EPSILON));
        double unbiased = rows > 1 ? variance * rows / (rows - 1) : variance;
        runningMean[c] += MOMENTUM * (float) (m - runningMean[c]);
        runningVariance[c] += MOMENTUM * (float) (unbiased - runningVariance[c]);
      }
    }
    normalized = new float[x.length];
    float[] y = new float[x.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < channels; c++) {
        int i = r * channels + c;
        normalized[i] = (x[i] - mean[c]) * inverseStd[c];
        y[i] = gamma.value[c] * normalized[i] + beta.value[c];
      }
    }
    return y;
  }

  float[] backward(float[] dy) {
    int rows = dy.length / channels;
    double[] dGamma = new double[channels];
    double[] dBeta = new double[channels];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < channels; c++) {
        int i = r * channels + c;
        dGamma[c] += dy[i] * normalized[i];
        dBeta[c] += dy[i];
      }
    }
    for (int c = 0; c < channels; c++) {
      gamma.grad[c] += (float) dGamma[c];
      beta.grad[c] += (float) dBeta[c];
    }
    float[] dx = new float[dy.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < channels; c++) {
        int i = r * channels + c;
        float scale = gamma.value[c] * inverseStd[c];
        dx[i] = frozen ? dy[i] * scale
            : scale * (dy[i] - (float) (dBeta[c] / rows) - normalized[i] * (float) (dGamma[c] / rows));
      }
    }
    return dx;
  }
}
