package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.silica.transformer.golden.GlobalAvgPool;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The one-step-ahead forecasting Transformer: input linear {@code features -> d_model}, sinusoidal
 * positional encoding added, encoder layers ({@link EncoderLayer}), global average pooling over
 * the window, output linear {@code d_model -> 1}. Forward and backward passes work on whole
 * batches; {@link #quantize} switches on fake quantization for QAT. The head's output is not
 * quantized: integer inference keeps its accumulator and dequantizes it with the accumulator scale,
 * which is exactly the fake-quantized weights and inputs multiplied out.
 *
 * <p>In quantized modes the steps that integer inference performs on codes with their own
 * rounding are computed on codes by the same golden models, so QAT sees exactly their rounding:
 * here the positional encoding is added from the {@link PositionalEncoding} ROM to the quantized
 * embedding and pooling is {@link GlobalAvgPool}'s rounded mean of the last layer's codes; the
 * layers do the same for the softmax and the residual adds. Gradients pass straight through.
 */
public final class ForecastModel {

  private final ModelConfig config;
  private final FakeQuant input;
  private final Dense embedding;
  private final FakeQuant embedded;
  private final List<EncoderLayer> layers;
  private final Dense head;
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
    head = new Dense("head", d, 1, random);
    positional = new double[config.window() * d];
    for (int t = 0; t < config.window(); t++) {
      for (int c = 0; c < d; c++) {
        positional[t * d + c] = PositionalEncoding.reference(t, c, d);
      }
    }
  }

  /**
   * Enables fake quantization of weights and activations at {@code bits} (softmax probabilities
   * at {@code probabilityBits}, input codes at {@code inputBits}), used by the quantized modes.
   */
  public void quantize(int bits, int probabilityBits, int inputBits) {
    this.bits = bits;
    input.setBits(inputBits);
    embedded.setBits(bits);
    embedding.quantize(bits, input);
    FakeQuant previous = embedded;
    for (EncoderLayer layer : layers) {
      layer.quantize(bits, probabilityBits, previous);
      previous = layer.norm2Out();
    }
    head.quantize(bits, lastNorm());
  }

  /**
   * Makes every weight scale and activation range a trained parameter (LSQ), each starting from
   * its current value: the weights' least-rounding-error scale and the observed ranges, which must
   * have seen data.
   */
  public void learnScales() {
    Preconditions.checkState(bits > 0, "quantization is not enabled");
    embedding.learnWeightScale();
    head.learnWeightScale();
    input.learnRange();
    embedded.learnRange();
    for (EncoderLayer layer : layers) {
      layer.learnScales();
    }
  }

  /** Freezes every BatchNorm's statistics: training normalizes as inference does. */
  public void freezeNorms() {
    for (EncoderLayer layer : layers) {
      layer.freezeNorms();
    }
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
    Tensor h = e.withData(embedded.forward(withPosition, mode));
    if (mode.quantized()) {
      h = addPositionalRom(e, h);
    }
    for (EncoderLayer layer : layers) {
      h = layer.forward(h, mode);
    }
    Tensor p = mode.quantized() ? poolCodes(h) : pool(h);
    return head.forward(p, mode).data();
  }

  /** The embedding quantized to the observed spec plus the golden ROM's codes, as the integer inference computes it. */
  private Tensor addPositionalRom(Tensor embeddingOut, Tensor observed) {
    int d = config.dModel();
    QuantSpec spec = embedded.spec();
    PositionalEncoding rom = new PositionalEncoding(steps, d, spec);
    double[] lin = embeddingOut.data();
    double[] result = new double[lin.length];
    for (int r = 0; r < embeddingOut.rows(); r++) {
      for (int c = 0; c < d; c++) {
        result[r * d + c] = spec.dequantize(rom.apply(spec.quantize(lin[r * d + c]), r % steps, c));
      }
    }
    return observed.withData(embedded.substitute(result));
  }

  private Tensor pool(Tensor h) {
    int d = config.dModel();
    double[] mean = new double[h.batch() * d];
    for (int r = 0; r < h.rows(); r++) {
      for (int c = 0; c < d; c++) {
        mean[r / steps * d + c] += h.data()[r * d + c] / steps;
      }
    }
    return new Tensor(h.batch(), 1, d, mean);
  }

  /** Pooling of fake-quantized values by the golden rounded mean of their codes. */
  private Tensor poolCodes(Tensor h) {
    int d = config.dModel();
    QuantSpec spec = lastNorm().spec();
    double[] mean = new double[h.batch() * d];
    int[] codes = new int[steps];
    for (int b = 0; b < h.batch(); b++) {
      for (int c = 0; c < d; c++) {
        for (int t = 0; t < steps; t++) {
          codes[t] = spec.quantize(h.data()[(b * steps + t) * d + c]);
        }
        mean[b * d + c] = spec.dequantize(GlobalAvgPool.mean(codes));
      }
    }
    return new Tensor(h.batch(), 1, d, mean);
  }

  /** The quantizer of the last encoder layer's output, which pooling keeps. */
  FakeQuant lastNorm() {
    return layers.get(layers.size() - 1).norm2Out();
  }

  /** Every activation quantizer by tensor name, in pipeline order. */
  Map<String, FakeQuant> fakeQuants() {
    Map<String, FakeQuant> all = new LinkedHashMap<>();
    all.put(input.name(), input);
    all.put(embedded.name(), embedded);
    for (EncoderLayer layer : layers) {
      for (FakeQuant fq : layer.fakeQuants()) {
        all.put(fq.name(), fq);
      }
    }
    return all;
  }

  /** Accumulates every parameter gradient for {@code dPrediction}, the loss gradient of the last forward pass. */
  public void backward(double[] dPrediction) {
    int d = config.dModel();
    int batch = dPrediction.length;
    double[] dMean = head.backward(new Tensor(batch, 1, 1, dPrediction.clone())).data();
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
    for (FakeQuant fq : List.of(input, embedded)) {
      params.add(fq.rangeState());
    }
    return params;
  }

  /** The parameters of quantization alone: every activation range and learned weight scale. */
  public List<Param> quantizationParams() {
    List<Param> params = new ArrayList<>();
    for (FakeQuant fq : fakeQuants().values()) {
      if (fq.rangeState() != null) {
        params.add(fq.rangeState());
      }
    }
    List<Dense> dense = new ArrayList<>(List.of(embedding, head));
    for (EncoderLayer layer : layers) {
      dense.addAll(layer.dense());
    }
    for (Dense d : dense) {
      params.add(d.weightScale());
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

  public Dense head() {
    return head;
  }
}
