package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.IntSoftmax;
import dev.silica.transformer.golden.QuantSpec;

/**
 * Scaled dot-product attention over already projected queries, keys and values, split into
 * {@code heads} heads of {@code d_model / heads} channels: per head {@code softmax(Q K^T / sqrt(d_k))
 * V}. In quantized modes the scaled scores and the probabilities are fake-quantized (the scale
 * {@code 1 / sqrt(d_k)} is applied before the score quantizer, as integer inference folds it into
 * the score requantization), and the probabilities are those of the golden integer softmax
 * ({@link Quantization#softmax}) over the score codes, so QAT and integer inference agree on them
 * exactly; gradients pass straight through it to the float softmax of the same scores.
 */
public final class SelfAttention {

  private final int dModel;
  private final int heads;
  private final int headSize;
  private final double scale;
  private final FakeQuant scores;
  private final FakeQuant probabilities;
  private Tensor q;
  private Tensor k;
  private Tensor v;
  private double[] softmax;
  private double[] usedProbabilities;

  public SelfAttention(String name, int dModel, int heads) {
    Preconditions.checkArgument(heads >= 1 && dModel % heads == 0, "d_model %s is not divisible by %s heads",
        dModel, heads);
    this.dModel = dModel;
    this.heads = heads;
    this.headSize = dModel / heads;
    this.scale = 1 / Math.sqrt(headSize);
    this.scores = FakeQuant.observed(name + ".scores");
    this.probabilities = FakeQuant.probabilities(name + ".probabilities");
  }

  /** The attention output {@code [batch, steps, d_model]}. */
  Tensor forward(Tensor query, Tensor key, Tensor value, Mode mode) {
    this.q = query;
    this.k = key;
    this.v = value;
    int batch = query.batch();
    int steps = query.steps();
    int block = steps * steps;
    double[] raw = new double[batch * heads * block];
    Shards.run(batch, (shard, from, to) -> {
      for (int b = from; b < to; b++) {
        for (int h = 0; h < heads; h++) {
          int base = (b * heads + h) * block;
          for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
              raw[base + i * steps + j] = scale * dot(query.data(), key.data(), (b * steps + i) * dModel + h * headSize,
                  (b * steps + j) * dModel + h * headSize);
            }
          }
        }
      }
    });
    double[] s = scores.forward(raw, mode);
    softmax = new double[s.length];
    for (int row = 0; row < s.length / steps; row++) {
      softmaxRow(s, softmax, row * steps, steps);
    }
    usedProbabilities = probabilities.forward(softmax, mode);
    if (mode.quantized()) {
      usedProbabilities = probabilities.substitute(integerSoftmax(s, steps));
    }
    double[] p = usedProbabilities;
    double[] out = new double[query.data().length];
    Shards.run(batch, (shard, from, to) -> {
      for (int b = from; b < to; b++) {
        for (int h = 0; h < heads; h++) {
          int base = (b * heads + h) * block;
          for (int i = 0; i < steps; i++) {
            int o = (b * steps + i) * dModel + h * headSize;
            for (int j = 0; j < steps; j++) {
              double pij = p[base + i * steps + j];
              int vo = (b * steps + j) * dModel + h * headSize;
              for (int d = 0; d < headSize; d++) {
                out[o + d] += pij * value.data()[vo + d];
              }
            }
          }
        }
      }
    });
    return query.withData(out);
  }

  /** The golden integer softmax of every row of fake-quantized scores, as probability values. */
  private double[] integerSoftmax(double[] fakeScores, int steps) {
    QuantSpec scoreSpec = scores.spec();
    QuantSpec probabilitySpec = probabilities.spec();
    IntSoftmax golden = Quantization.softmax(scoreSpec, probabilitySpec.format().bits(), steps);
    double[] result = new double[fakeScores.length];
    int[] row = new int[steps];
    for (int offset = 0; offset < fakeScores.length; offset += steps) {
      for (int j = 0; j < steps; j++) {
        row[j] = scoreSpec.quantize(fakeScores[offset + j]);
      }
      int[] codes = golden.apply(row);
      for (int j = 0; j < steps; j++) {
        result[offset + j] = probabilitySpec.dequantize(codes[j]);
      }
    }
    return result;
  }

  /** The gradients of the query, key and value, in that order. */
  Tensor[] backward(Tensor dOut) {
    int batch = q.batch();
    int steps = q.steps();
    int block = steps * steps;
    double[] go = dOut.data();
    double[] dp = new double[usedProbabilities.length];
    double[] dv = new double[go.length];
    Shards.run(batch, (shard, from, to) -> {
      for (int b = from; b < to; b++) {
        for (int h = 0; h < heads; h++) {
          int base = (b * heads + h) * block;
          for (int i = 0; i < steps; i++) {
            int o = (b * steps + i) * dModel + h * headSize;
            for (int j = 0; j < steps; j++) {
              int vo = (b * steps + j) * dModel + h * headSize;
              dp[base + i * steps + j] = dot(go, v.data(), o, vo);
              double pij = usedProbabilities[base + i * steps + j];
              for (int d = 0; d < headSize; d++) {
                dv[vo + d] += pij * go[o + d];
              }
            }
          }
        }
      }
    });
    double[] dSoftmax = probabilities.backward(dp);
    double[] dScores = new double[dSoftmax.length];
    for (int row = 0; row < dScores.length / steps; row++) {
      int o = row * steps;
      double inner = 0;
      for (int j = 0; j < steps; j++) {
        inner += softmax[o + j] * dSoftmax[o + j];
      }
      for (int j = 0; j < steps; j++) {
        dScores[o + j] = softmax[o + j] * (dSoftmax[o + j] - inner);
      }
    }
    double[] dRaw = scores.backward(dScores);
    double[] dq = new double[go.length];
    double[] dk = new double[go.length];
    Shards.run(batch, (shard, from, to) -> {
      for (int b = from; b < to; b++) {
        for (int h = 0; h < heads; h++) {
          int base = (b * heads + h) * block;
          for (int i = 0; i < steps; i++) {
            int qo = (b * steps + i) * dModel + h * headSize;
            for (int j = 0; j < steps; j++) {
              int ko = (b * steps + j) * dModel + h * headSize;
              double g = scale * dRaw[base + i * steps + j];
              for (int d = 0; d < headSize; d++) {
                dq[qo + d] += g * k.data()[ko + d];
                dk[ko + d] += g * q.data()[qo + d];
              }
            }
          }
        }
      }
    });
    return new Tensor[] {q.withData(dq), k.withData(dk), v.withData(dv)};
  }

  private double dot(double[] a, double[] b, int aOffset, int bOffset) {
    double sum = 0;
    for (int d = 0; d < headSize; d++) {
      sum += a[aOffset + d] * b[bOffset + d];
    }
    return sum;
  }

  private static void softmaxRow(double[] in, double[] out, int offset, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < length; j++) {
      max = Math.max(max, in[offset + j]);
    }
    double sum = 0;
    for (int j = 0; j < length; j++) {
      out[offset + j] = Math.exp(in[offset + j] - max);
      sum += out[offset + j];
    }
    for (int j = 0; j < length; j++) {
      out[offset + j] /= sum;
    }
  }

  public int heads() {
    return heads;
  }

  /** {@code 1 / sqrt(d_k)}. */
  public double scale() {
    return scale;
  }

  public FakeQuant scores() {
    return scores;
  }

  public FakeQuant probabilities() {
    return probabilities;
  }
}
