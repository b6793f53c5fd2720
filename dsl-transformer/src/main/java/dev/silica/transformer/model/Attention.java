package dev.silica.transformer.model;

/**
 * Single-head scaled dot-product attention over each sample's sequence: {@code P = softmax(Q K^T /
 * sqrt(d))}, {@code context = P V}, with {@code Q, K, V} row-major {@code (batch * window) x d}. The
 * scores and the probabilities pass through fake quantizers (identity in float training), so
 * quantization-aware training sees the integer softmax's input and output grids.
 */
public final class Attention {

  private final int window;
  private final int dModel;
  final FakeQuantizer scores;
  final FakeQuantizer probabilities;
  private float[] q;
  private float[] k;
  private float[] v;
  private float[] p;
  private float[] pQuantized;

  Attention(int window, int dModel, FakeQuantizer scores, FakeQuantizer probabilities) {
    this.window = window;
    this.dModel = dModel;
    this.scores = scores;
    this.probabilities = probabilities;
  }

  float[] forward(float[] q, float[] k, float[] v) {
    this.q = q;
    this.k = k;
    this.v = v;
    int batch = q.length / (window * dModel);
    int n = window;
    float scale = (float) (1 / Math.sqrt(dModel));
    float[] s = new float[batch * n * n];
    Parallel.forRange(batch, (from, to) -> {
      for (int b = from; b < to; b++) {
        int base = b * n * dModel;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            float dot = 0;
            for (int c = 0; c < dModel; c++) {
              dot += q[base + i * dModel + c] * k[base + j * dModel + c];
            }
            s[(b * n + i) * n + j] = dot * scale;
          }
        }
      }
    });
    float[] sq = scores.forward(s);
    float[] soft = new float[sq.length];
    for (int row = 0; row < batch * n; row++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, sq[row * n + j]);
      }
      float sum = 0;
      for (int j = 0; j < n; j++) {
        soft[row * n + j] = (float) Math.exp(sq[row * n + j] - max);
        sum += soft[row * n + j];
      }
      for (int j = 0; j < n; j++) {
        soft[row * n + j] /= sum;
      }
    }
    float[] pq = probabilities.forward(soft);
    this.p = soft;
    float[] pUsed = pq;
    float[] context = new float[q.length];
    Parallel.forRange(batch, (from, to) -> {
      for (int b = from; b < to; b++) {
        int base = b * n * dModel;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            float weight = pUsed[(b * n + i) * n + j];
            for (int c = 0; c < dModel; c++) {
              context[base + i * dModel + c] += weight * v[base + j * dModel + c];
            }
          }
        }
      }
    });
    this.pQuantized = pUsed;
    return context;
  }

  /** Returns {@code {dQ, dK, dV}}. */
  float[][] backward(float[] dContext) {
    int n = window;
    int batch = q.length / (n * dModel);
    float scale = (float) (1 / Math.sqrt(dModel));
    float[] dv = new float[v.length];
    float[] dpQuantized = new float[batch * n * n];
    Parallel.forRange(batch, (from, to) -> {
      for (int b = from; b < to; b++) {
        int base = b * n * dModel;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            float weight = pQuantized[(b * n + i) * n + j];
            float dot = 0;
            for (int c = 0; c < dModel; c++) {
              float g = dContext[base + i * dModel + c];
              dot += g * v[base + j * dModel + c];
              dv[base + j * dModel + c] += weight * g;
            }
            dpQuantized[(b * n + i) * n + j] = dot;
          }
        }
      }
    });
    float[] dp = probabilities.backward(dpQuantized);
    float[] ds = new float[dp.length];
    for (int row = 0; row < batch * n; row++) {
      float dot = 0;
      for (int j = 0; j < n; j++) {
        dot += dp[row * n + j] * p[row * n + j];
      }
      for (int j = 0; j < n; j++) {
        ds[row * n + j] = p[row * n + j] * (dp[row * n + j] - dot);
      }
    }
    float[] dsRaw = scores.backward(ds);
    float[] dq = new float[q.length];
    float[] dk = new float[k.length];
    Parallel.forRange(batch, (from, to) -> {
      for (int b = from; b < to; b++) {
        int base = b * n * dModel;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            float g = dsRaw[(b * n + i) * n + j] * scale;
            for (int c = 0; c < dModel; c++) {
              dq[base + i * dModel + c] += g * k[base + j * dModel + c];
              dk[base + j * dModel + c] += g * q[base + i * dModel + c];
            }
          }
        }
      }
    });
    return new float[][] {dq, dk, dv};
  }
}
