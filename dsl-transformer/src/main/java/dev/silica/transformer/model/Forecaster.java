package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;
import java.util.Random;

/**
 * The published tiny forecasting Transformer, trainable in float and with quantization-aware
 * training: input linear {@code m -> d}, sinusoidal positional encoding added, one post-norm
 * encoder layer (single-head attention with Q/K/V/output projections, residual add, BatchNorm, FFN
 * {@code d -> 4d} ReLU {@code -> d}, residual add, BatchNorm), global average pooling over the
 * window, output linear {@code d -> 1}.
 *
 * <p>With quantization enabled, every tensor the integer inference holds as codes passes through a
 * {@link FakeQuantizer} at the same place (input, embedding after the encoding add, Q, K, V, scores,
 * probabilities, context, projection, both residual sums, both BatchNorm outputs, both FFN
 * outputs, pooled, output), dense layers compute with fake-quantized parameters, and BatchNorm is
 * frozen to its running statistics, so the float graph computes what {@link IntegerForecaster}
 * computes up to documented rounding differences.
 */
public final class Forecaster {

  private final ModelConfig config;
  final Dense input;
  final Dense query;
  final Dense key;
  final Dense value;
  final Dense projection;
  final Dense ffn1;
  final Dense ffn2;
  final Dense output;
  final BatchNorm norm1;
  final BatchNorm norm2;
  final Attention attention;
  final FakeQuantizer inputQ = FakeQuantizer.observed("input");
  final FakeQuantizer embeddingQ = FakeQuantizer.observed("embedding");
  final FakeQuantizer queryQ = FakeQuantizer.observed("query");
  final FakeQuantizer keyQ = FakeQuantizer.observed("key");
  final FakeQuantizer valueQ = FakeQuantizer.observed("value");
  final FakeQuantizer scoresQ = FakeQuantizer.observed("scores");
  final FakeQuantizer probabilitiesQ = FakeQuantizer.fixed("probabilities", Forecaster::probabilitySpec);
  final FakeQuantizer contextQ = FakeQuantizer.observed("context");
  final FakeQuantizer projectionQ = FakeQuantizer.observed("projection");
  final FakeQuantizer residual1Q = FakeQuantizer.observed("residual1");
  final FakeQuantizer norm1Q = FakeQuantizer.observed("norm1");
  final FakeQuantizer ffn1Q = FakeQuantizer.observed("ffn1");
  final FakeQuantizer ffn2Q = FakeQuantizer.observed("ffn2");
  final FakeQuantizer residual2Q = FakeQuantizer.observed("residual2");
  final FakeQuantizer norm2Q = FakeQuantizer.observed("norm2");
  final FakeQuantizer pooledQ = FakeQuantizer.sharing("pooled", norm2Q);
  final FakeQuantizer outputQ = FakeQuantizer.observed("output");
  private final float[] encoding;
  private int bits;
  private boolean training;
  private float[] reluInput;
  private int batch;

  /** A freshly initialized model (Xavier-uniform weights from {@code seed}). */
  public Forecaster(ModelConfig config, long seed) {
    this.config = config;
    Random random = new Random(seed);
    int d = config.dModel();
    input = new Dense("input", config.features(), d, random);
    query = new Dense("query", d, d, random);
    key = new Dense("key", d, d, random);
    value = new Dense("value", d, d, random);
    projection = new Dense("projection", d, d, random);
    ffn1 = new Dense("ffn1", d, config.hidden(), random);
    ffn2 = new Dense("ffn2", config.hidden(), d, random);
    output = new Dense("output", d, 1, random);
    norm1 = new BatchNorm("norm1", d);
    norm2 = new BatchNorm("norm2", d);
    attention = new Attention(config.window(), d, scoresQ, probabilitiesQ);
    encoding = new float[config.window() * d];
    for (int t = 0; t < config.window(); t++) {
      for (int c = 0; c < d; c++) {
        encoding[t * d + c] = (float) PositionalEncoding.reference(t, c, d);
      }
    }
  }

  /** Softmax probabilities: unsigned {@code bits}-bit, code {@code 2^bits - 1} is 1.0. */
  static QuantSpec probabilitySpec(int bits) {
    return new QuantSpec(1.0 / ((1 << bits) - 1), 0, IntFormat.unsigned(bits));
  }

  public ModelConfig config() {
    return config;
  }

  /** Every trainable parameter, in a fixed order. */
  public ImmutableList<Param> params() {
    ImmutableList.Builder<Param> all = ImmutableList.builder();
    for (Dense dense : denses()) {
      all.add(dense.weight, dense.bias);
    }
    return all.add(norm1.gamma, norm1.beta, norm2.gamma, norm2.beta).build();
  }

  ImmutableList<Dense> denses() {
    return ImmutableList.of(input, query, key, value, projection, ffn1, ffn2, output);
  }

  /** Every activation quantizer, in data-flow order. */
  public ImmutableList<FakeQuantizer> quantizers() {
    return ImmutableList.of(inputQ, embeddingQ, queryQ, keyQ, valueQ, scoresQ, probabilitiesQ, contextQ, projectionQ,
        residual1Q, norm1Q, ffn1Q, ffn2Q, residual2Q, norm2Q, pooledQ, outputQ);
  }

  /** Turns on quantization-aware computation at {@code bits} bits (4 to 16); BatchNorm freezes. */
  public void enableQuantization(int bits) {
    Preconditions.checkArgument(bits >= 2 && bits <= 16, "bits must be 2..16, got %s", bits);
    this.bits = bits;
    for (FakeQuantizer q : quantizers()) {
      q.enable(bits, training);
    }
    setTraining(training);
  }

  /** The quantization width, or 0 for a float model. */
  public int bits() {
    return bits;
  }

  /**
   * Training mode: BatchNorm uses batch statistics (float model only) and quantizers observe
   * ranges; otherwise every statistic is frozen.
   */
  public void setTraining(boolean training) {
    this.training = training;
    norm1.setFrozen(!training || bits > 0);
    norm2.setFrozen(!training || bits > 0);
    for (FakeQuantizer q : quantizers()) {
      q.setObserving(training);
    }
  }

  /** Standardized predictions for a batch of windows ({@code batch x window x features}, row-major). */
  public float[] forward(float[] windows) {
    int perSample = config.window() * config.features();
    Preconditions.checkArgument(windows.length % perSample == 0, "inputs must hold whole windows");
    batch = windows.length / perSample;
    int d = config.dModel();
    int n = config.window();
    float[] x = inputQ.forward(windows);
    float[] embedded = dense(input, inputQ, x);
    float[] tiledEncoding = new float[embedded.length];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(encoding, 0, tiledEncoding, b * n * d, n * d);
    }
    float[] z = embeddingQ.forwardPlusCodes(embedded, tiledEncoding);
    float[] q = queryQ.forward(dense(query, embeddingQ, z));
    float[] k = keyQ.forward(dense(key, embeddingQ, z));
    float[] v = valueQ.forward(dense(value, embeddingQ, z));
    float[] context = contextQ.forward(attention.forward(q, k, v));
    float[] projected = projectionQ.forward(dense(projection, contextQ, context));
    float[] residual1 = residual1Q.forward(add(z, projected));
    float[] normed1 = norm1Q.forward(norm1.forward(residual1));
    reluInput = ffn1Q.forward(dense(ffn1, norm1Q, normed1));
    float[] hidden = new float[reluInput.length];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = Math.max(reluInput[i], 0f);
    }
    float[] ffnOut = ffn2Q.forward(dense(ffn2, ffn1Q, hidden));
    float[] residual2 = residual2Q.forward(add(normed1, ffnOut));
    float[] normed2 = norm2Q.forward(norm2.forward(residual2));
    float[] pooled = new float[batch * d];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < n; t++) {
        for (int c = 0; c < d; c++) {
          pooled[b * d + c] += normed2[(b * n + t) * d + c];
        }
      }
    }
    for (int i = 0; i < pooled.length; i++) {
      pooled[i] /= n;
    }
    return outputQ.forward(dense(output, pooledQ, pooledQ.forward(pooled)));
  }

  private float[] dense(Dense layer, FakeQuantizer inputQuantizer, float[] x) {
    if (bits > 0) {
      layer.useQuantizedParameters(bits, inputQuantizer.spec());
    } else {
      layer.useFloatParameters();
    }
    return layer.forward(x);
  }

  private static float[] add(float[] a, float[] b) {
    float[] sum = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  /**
   * Back-propagates {@code dL/dprediction} of the last {@link #forward} and accumulates every
   * parameter's gradient.
   */
  public void backward(float[] dPrediction) {
    int d = config.dModel();
    int n = config.window();
    float[] dPooled = pooledQ.backward(output.backward(outputQ.backward(dPrediction)));
    float[] dNormed2 = new float[batch * n * d];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < n; t++) {
        for (int c = 0; c < d; c++) {
          dNormed2[(b * n + t) * d + c] = dPooled[b * d + c] / n;
        }
      }
    }
    float[] dResidual2 = residual2Q.backward(norm2.backward(norm2Q.backward(dNormed2)));
    float[] dHidden = ffn2.backward(ffn2Q.backward(dResidual2));
    for (int i = 0; i < dHidden.length; i++) {
      if (reluInput[i] <= 0) {
        dHidden[i] = 0;
      }
    }
    float[] dNormed1 = add(dResidual2, ffn1.backward(ffn1Q.backward(dHidden)));
    float[] dResidual1 = residual1Q.backward(norm1.backward(norm1Q.backward(dNormed1)));
    float[] dContext = projection.backward(projectionQ.backward(dResidual1));
    float[][] dqkv = attention.backward(contextQ.backward(dContext));
    float[] dz = dResidual1.clone();
    Dense[] projections = {query, key, value};
    FakeQuantizer[] quantizers = {queryQ, keyQ, valueQ};
    for (int i = 0; i < 3; i++) {
      float[] g = projections[i].backward(quantizers[i].backward(dqkv[i]));
      for (int j = 0; j < dz.length; j++) {
        dz[j] += g[j];
      }
    }
    inputQ.backward(input.backward(embeddingQ.backward(dz)));
  }

  /** Clears every parameter's gradient. */
  public void zeroGrad() {
    for (Param p : params()) {
      p.zeroGrad();
    }
  }

  /** Mean squared error of the last forward's predictions against {@code targets}, and its gradient into {@code grad}. */
  public static double meanSquaredError(float[] predictions, float[] targets, float[] grad) {
    double sum = 0;
    for (int i = 0; i < predictions.length; i++) {
      double e = predictions[i] - targets[i];
      sum += e * e;
      if (grad != null) {
        grad[i] = (float) (2 * e / predictions.length);
      }
    }
    return sum / predictions.length;
  }
}
