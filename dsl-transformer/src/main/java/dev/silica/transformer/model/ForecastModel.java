package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.silica.transformer.golden.PositionalEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The one-step-ahead forecasting Transformer: input linear {@code features -> d_model}, sinusoidal
 * positional encoding added, encoder layers ({@link EncoderLayer}), global average pooling over
 * the window, output linear {@code d_model -> 1}. Forward and backward passes work on whole
 * batches; {@link #quantize} switches on fake quantization for QAT.
 */
public final class ForecastModel {

  private final ModelConfig config;
  private final FakeQuant input;
  private final Dense embedding;
  private final FakeQuant embedded;
  private final List<EncoderLayer> layers;
  private final FakeQuant pooled;
  private final Dense head;
  private final FakeQuant prediction;
  private final double[] positional;
  private int bits;
  private int steps;

  /** A freshly initialized model; the same seed gives the same weights. */
  public ForecastModel(ModelConfig config, long seed) {
    this.config = config;
    Random random = new Random(seed);
    int d = config.dModel();
    input = FakeQuant.observed("input");
    embedding = new Dense("embedding", config.features(), d, random);
    embedded = FakeQuant.observed("embedding.out");
    List<EncoderLayer> stack = new ArrayList<>();
    for (int l = 0; l < config.layers(); l++) {
      stack.add(new EncoderLayer("layer" + l, d, config.heads(), config.ffnFactor(), random));
    }
    layers = ImmutableList.copyOf(stack);
    pooled = FakeQuant.sharing("pool.out", layers.get(layers.size() - 1).norm2Out());
    head = new Dense("head", d, 1, random);
    prediction = FakeQuant.observed("head.out");
    positional = new double[config.window() * d];
    for (int t = 0; t < config.window(); t++) {
      for (int c = 0; c < d; c++) {
        positional[t * d + c] = PositionalEncoding.reference(t, c, d);
      }
    }
  }

  /**
   * Enables fake quantization of weights and activations at {@code bits} (softmax probabilities
   * at {@code probabilityBits}), used by the quantized modes.
   */
  public void quantize(int bits, int probabilityBits) {
    this.bits = bits;
    input.setBits(bits);
    embedded.setBits(bits);
    prediction.setBits(bits);
    pooled.setBits(bits);
    embedding.quantize(bits, input);
    FakeQuant previous = embedded;
    for (EncoderLayer layer : layers) {
      layer.quantize(bits, probabilityBits, previous);
      previous = layer.norm2Out();
    }
    head.quantize(bits, pooled);
  }

  /** The fake-quantization width, 0 before {@link #quantize}. */
  public int bits() {
    return bits;
  }

  /** One prediction (scaled target) per example of {@code x}, {@code [batch, window, features]}. */
  public double[] forward(Tensor x, Mode mode) {
    Preconditions.checkArgument(x.steps() <= config.window() && x.channels() == config.features(),
        "expected up to %s steps of %s features, got %s x %s", config.window(), config.features(), x.steps(),
        x.channels());
    Preconditions.checkArgument(!mode.quantized() || bits > 0, "quantization is not enabled");
    steps = x.steps();
    int d = config.dModel();
    Tensor e = embedding.forward(EncoderLayer.fq(input, x, mode), mode);
    double[] withPosition = e.data().clone();
    for (int r = 0; r < e.rows(); r++) {
      int t = r % steps;
      for (int c = 0; c < d; c++) {
        withPosition[r * d + c] += positional[t * d + c];
      }
    }
    Tensor h = EncoderLayer.fq(embedded, e.withData(withPosition), mode);
    for (EncoderLayer layer : layers) {
      h = layer.forward(h, mode);
    }
    double[] mean = new double[h.batch() * d];
    for (int r = 0; r < h.rows(); r++) {
      int b = r / steps;
      for (int c = 0; c < d; c++) {
        mean[b * d + c] += h.data()[r * d + c] / steps;
      }
    }
    Tensor p = EncoderLayer.fq(pooled, new Tensor(h.batch(), 1, d, mean), mode);
    return EncoderLayer.fq(prediction, head.forward(p, mode), mode).data();
  }

  /** Accumulates every parameter gradient for {@code dPrediction}, the loss gradient of the last forward pass. */
  public void backward(double[] dPrediction) {
    int d = config.dModel();
    int batch = dPrediction.length;
    Tensor dp = head.backward(EncoderLayer.back(prediction, new Tensor(batch, 1, 1, dPrediction.clone())));
    double[] dMean = pooled.backward(dp.data());
    double[] dh = new double[batch * steps * d];
    for (int r = 0; r < batch * steps; r++) {
      int b = r / steps;
      for (int c = 0; c < d; c++) {
        dh[r * d + c] = dMean[b * d + c] / steps;
      }
    }
    Tensor g = new Tensor(batch, steps, d, dh);
    for (int l = layers.size() - 1; l >= 0; l--) {
      g = layers.get(l).backward(g);
    }
    embedding.backward(EncoderLayer.back(embedded, g));
  }

  /** Every trainable tensor and buffer, in a fixed order. */
  public List<Param> params() {
    List<Param> params = new ArrayList<>(embedding.params());
    for (EncoderLayer layer : layers) {
      params.addAll(layer.params());
    }
    params.addAll(head.params());
    for (FakeQuant fq : List.of(input, embedded, prediction)) {
      params.add(fq.rangeState());
    }
    return params;
  }

  /** A copy of every parameter and buffer, by name. */
  public Map<String, double[]> snapshot() {
    Map<String, double[]> state = new LinkedHashMap<>();
    for (Param p : params()) {
      state.put(p.name(), p.value().clone());
    }
    return state;
  }

  /** Restores a {@link #snapshot}; every name must be present with the right length. */
  public void restore(Map<String, double[]> state) {
    for (Param p : params()) {
      double[] saved = state.get(p.name());
      if (saved == null) {
        throw new IllegalArgumentException("missing parameter " + p.name());
      }
      if (saved.length != p.size()) {
        throw new IllegalArgumentException(
            String.format("parameter %s has %d values, expected %d", p.name(), saved.length, p.size()));
      }
      System.arraycopy(saved, 0, p.value(), 0, saved.length);
    }
  }

  /** Sets every gradient to zero. */
  public void zeroGradients() {
    for (Param p : params()) {
      if (p.isTrainable()) {
        java.util.Arrays.fill(p.grad(), 0);
      }
    }
  }

  public ModelConfig config() {
    return config;
  }

  public FakeQuant input() {
    return input;
  }

  public Dense embedding() {
    return embedding;
  }

  public FakeQuant embedded() {
    return embedded;
  }

  public List<EncoderLayer> layers() {
    return layers;
  }

  public FakeQuant pooled() {
    return pooled;
  }

  public Dense head() {
    return head;
  }

  public FakeQuant prediction() {
    return prediction;
  }
}
