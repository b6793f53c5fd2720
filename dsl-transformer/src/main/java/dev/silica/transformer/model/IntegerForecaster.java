package dev.silica.transformer.model;

import dev.silica.transformer.golden.BatchNormParams;
import dev.silica.transformer.golden.DyadicMultiplier;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.GlobalAvgPool;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntSoftmax;
import dev.silica.transformer.golden.Linear;
import dev.silica.transformer.golden.MatMul;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.QuantizeMultiplier;
import dev.silica.transformer.golden.QuantizedMultiplier;
import dev.silica.transformer.golden.Relu;
import dev.silica.transformer.golden.Requantizer;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Integer-only inference of a {@link QuantizedModel}, built from the golden models of the
 * Transformer blocks: {@link Linear} layers whose requantizers use TFLite's {@link
 * QuantizeMultiplier} (single rounding, {@code (acc m + 2^(s-1)) >> s}), the {@link
 * PositionalEncoding} ROM, score and context requantizers with the attention scale {@code
 * 1/sqrt(d_k)} folded into the score multiplier, {@link IntSoftmax} over an {@link ExpLut} of
 * {@value #EXP_ENTRY_BITS}-bit entries with one division per probability, {@link ResidualAdd}
 * with {@value #RESIDUAL_MULTIPLIER_BITS}-bit multipliers and {@value #RESIDUAL_GUARD_BITS} guard
 * bits, {@link FoldedBatchNorm} with {@value #NORM_COEFFICIENT_BITS}-bit coefficients, {@link Relu}
 * and {@link GlobalAvgPool}. Real-valued constants become integers once, here in the constructor;
 * {@link #predictCode} uses integer arithmetic only. The only floating point at run time is at the
 * boundary: quantizing the sensor inputs and dequantizing the one output code.
 *
 * <p>Where it differs from the QAT model's fake-quantized arithmetic (all at the LSB level): the
 * embedding output is rounded before the positional encoding is added (QAT rounds the sum); the
 * residual adds round each operand's rescaling to {@value #RESIDUAL_GUARD_BITS} guard bits; folded
 * BatchNorm coefficients are rounded to {@value #NORM_COEFFICIENT_BITS} bits; the softmax uses
 * table exponentials; pooling rounds ties up where QAT rounds them away from zero; every
 * requantization multiplier is rounded to 31 bits.
 */
public final class IntegerForecaster {

  /** Width of the softmax exponential table entries. */
  public static final int EXP_ENTRY_BITS = 16;
  /** Width of the residual adds' rescaling multipliers. */
  public static final int RESIDUAL_MULTIPLIER_BITS = 16;
  /** Guard bits of the residual adds. */
  public static final int RESIDUAL_GUARD_BITS = 4;
  /** Width of the folded BatchNorm multipliers. */
  public static final int NORM_COEFFICIENT_BITS = 16;

  private final ModelConfig config;
  private final QuantSpec inputSpec;
  private final Linear embedding;
  private final PositionalEncoding positional;
  private final List<Layer> layers = new ArrayList<>();
  private final Linear head;
  private final QuantSpec outputSpec;
  private final Map<String, long[]> derived = new LinkedHashMap<>();
  private final QuantizedModel model;

  /** Builds the integer pipeline; a missing or inconsistent entry raises {@link ModelFormatException}. */
  public IntegerForecaster(QuantizedModel model) {
    this.model = model;
    this.config = model.config();
    inputSpec = tensor("input");
    QuantSpec embedded = tensor("embedding.out");
    embedding = linear("embedding", inputSpec, embedded, config.features(), config.dModel());
    positional = new PositionalEncoding(config.window(), config.dModel(), embedded);
    long[] table = new long[config.window() * config.dModel()];
    for (int t = 0; t < config.window(); t++) {
      for (int c = 0; c < config.dModel(); c++) {
        table[t * config.dModel() + c] = positional.entry(t, c);
      }
    }
    derived.put("positional.table", table);
    QuantSpec in = embedded;
    for (int l = 0; l < config.layers(); l++) {
      Layer layer = new Layer("layer" + l, in);
      layers.add(layer);
      in = layer.norm2Out;
    }
    outputSpec = tensor("head.out");
    head = linear("head", in, outputSpec, config.dModel(), 1);
  }

  /**
   * Every integer constant derived from the model's definition, by name: requantizer multipliers
   * as {@code [multiplier, shift]} (TFLite's Q31 form), the positional-encoding ROM, the
   * exponential tables, the residual adds' {@code [m_a, n_a, m_b, n_b]} and the folded BatchNorm
   * multipliers, offsets and shift.
   */
  public Map<String, long[]> derivedConstants() {
    return Collections.unmodifiableMap(derived);
  }

  /** The scaled forecast for one window of scaled inputs ({@code [step][feature]}, flattened). */
  public double predict(double[] window) {
    int[][] codes = new int[config.window()][config.features()];
    for (int t = 0; t < config.window(); t++) {
      for (int f = 0; f < config.features(); f++) {
        codes[t][f] = inputSpec.quantize(window[t * config.features() + f]);
      }
    }
    return outputSpec.dequantize(predictCode(codes));
  }

  /** The output code for one window of input codes, integer arithmetic only. */
  public int predictCode(int[][] inputCodes) {
    int[][] x = new int[inputCodes.length][];
    for (int t = 0; t < x.length; t++) {
      x[t] = embedding.apply(inputCodes[t]);
    }
    x = positional.apply(x);
    for (Layer layer : layers) {
      x = layer.apply(x);
    }
    return head.apply(GlobalAvgPool.apply(x))[0];
  }

  private QuantSpec tensor(String name) {
    QuantSpec spec = model.tensors().get(name);
    if (spec == null) {
      throw new ModelFormatException("tensors." + name, "missing");
    }
    if (spec.format().bits() != model.bits() || !spec.format().signed()) {
      throw new ModelFormatException("tensors." + name,
          "expected signed " + model.bits() + "-bit codes, found " + spec.format());
    }
    return spec;
  }

  private Requantizer requantizer(String name, double realScale, QuantSpec output) {
    QuantizedMultiplier q31 = QuantizeMultiplier.of(realScale);
    derived.put(name, new long[] {q31.multiplier(), q31.shift()});
    return Requantizer.roundHalfUpShift(DyadicMultiplier.fromQ31(q31), output.zeroPoint(), output.format());
  }

  private Linear linear(String name, QuantSpec input, QuantSpec output, int in, int out) {
    QuantizedModel.DenseCodes codes = model.dense().get(name);
    String path = "dense." + name;
    if (codes == null) {
      throw new ModelFormatException(path, "missing");
    }
    IntFormat weightFormat = codes.weightSpec().format();
    if (weightFormat.bits() != model.bits() || codes.weightSpec().zeroPoint() != 0) {
      throw new ModelFormatException(path + ".weightSpec",
          "expected symmetric signed " + model.bits() + "-bit weights, found " + weightFormat + " with zero point "
              + codes.weightSpec().zeroPoint());
    }
    int[][] w = codes.weights();
    if (w.length != in) {
      throw new ModelFormatException(path + ".weights", "expected " + in + " rows, found " + w.length);
    }
    for (int k = 0; k < in; k++) {
      if (w[k].length != out) {
        throw new ModelFormatException(path + ".weights[" + k + "]", "expected " + out + " columns, found " + w[k].length);
      }
      for (int j = 0; j < out; j++) {
        if (!weightFormat.contains(w[k][j])) {
          throw new ModelFormatException(path + ".weights[" + k + "][" + j + "]",
              w[k][j] + " does not fit " + weightFormat);
        }
      }
    }
    if (codes.bias().length != out) {
      throw new ModelFormatException(path + ".bias", "expected " + out + " values, found " + codes.bias().length);
    }
    IntFormat biasFormat = IntFormat.signed(Quantization.BIAS_BITS);
    for (int j = 0; j < out; j++) {
      if (!biasFormat.contains(codes.bias()[j])) {
        throw new ModelFormatException(path + ".bias[" + j + "]", codes.bias()[j] + " does not fit " + biasFormat);
      }
    }
    Requantizer requantizer = requantizer(name + ".requantizer",
        input.scale() * codes.weightSpec().scale() / output.scale(), output);
    return new Linear(w, codes.bias(), input.format(), input.zeroPoint(), weightFormat, requantizer);
  }

  private ResidualAdd residual(String name, QuantSpec a, QuantSpec b, QuantSpec output) {
    ResidualAdd add = new ResidualAdd(a, b, output, RESIDUAL_MULTIPLIER_BITS, RESIDUAL_GUARD_BITS);
    derived.put(name, new long[] {add.multiplierA().multiplier(), add.multiplierA().shift(),
        add.multiplierB().multiplier(), add.multiplierB().shift()});
    return add;
  }

  private FoldedBatchNorm norm(String name, QuantSpec input, QuantSpec output) {
    BatchNormParams params = model.norms().get(name);
    if (params == null) {
      throw new ModelFormatException("norms." + name, "missing");
    }
    if (params.channels() != config.dModel()) {
      throw new ModelFormatException("norms." + name, "expected " + config.dModel() + " channels, found "
          + params.channels());
    }
    FoldedBatchNorm folded;
    try {
      folded = FoldedBatchNorm.fold(params, input, output, NORM_COEFFICIENT_BITS);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("norms." + name, "cannot be folded: " + e.getMessage());
    }
    derived.put(name + ".multipliers", folded.multipliers());
    derived.put(name + ".offsets", folded.offsets());
    derived.put(name + ".shift", new long[] {folded.shift()});
    return folded;
  }

  /** One encoder layer's golden blocks. */
  private final class Layer {
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private final Requantizer scores;
    private final IntSoftmax softmax;
    private final Requantizer context;
    private final ResidualAdd residual1;
    private final FoldedBatchNorm norm1;
    private final Linear ffn1;
    private final int hiddenZeroPoint;
    private final Linear ffn2;
    private final ResidualAdd residual2;
    private final FoldedBatchNorm norm2;
    private final QuantSpec queryOut;
    private final QuantSpec keyOut;
    private final QuantSpec valueOut;
    private final QuantSpec norm2Out;
    private final int headSize;

    Layer(String name, QuantSpec in) {
      int d = config.dModel();
      headSize = d / config.heads();
      queryOut = tensor(name + ".query.out");
      keyOut = tensor(name + ".key.out");
      valueOut = tensor(name + ".value.out");
      QuantSpec scoreSpec = tensor(name + ".attention.scores");
      QuantSpec contextSpec = tensor(name + ".attention.context");
      QuantSpec attentionOut = tensor(name + ".output.out");
      QuantSpec residual1Out = tensor(name + ".residual1");
      QuantSpec norm1Out = tensor(name + ".norm1.out");
      QuantSpec hidden = tensor(name + ".ffn1.out");
      QuantSpec ffnOut = tensor(name + ".ffn2.out");
      QuantSpec residual2Out = tensor(name + ".residual2");
      norm2Out = tensor(name + ".norm2.out");
      QuantSpec probabilities = Quantization.probabilitySpec(model.probabilityBits());
      query = linear(name + ".query", in, queryOut, d, d);
      key = linear(name + ".key", in, keyOut, d, d);
      value = linear(name + ".value", in, valueOut, d, d);
      scores = requantizer(name + ".attention.scores.requantizer",
          queryOut.scale() * keyOut.scale() / Math.sqrt(headSize) / scoreSpec.scale(), scoreSpec);
      softmax = IntSoftmax.withLut(scoreSpec.format(), scoreSpec.scale(), EXP_ENTRY_BITS, model.probabilityBits(),
          config.window(), IntSoftmax.Normalizer.DIVIDER);
      ExpLut table = (ExpLut) softmax.exp();
      long[] entries = new long[table.maxDelta() + 1];
      for (int k = 0; k < entries.length; k++) {
        entries[k] = table.entry(k);
      }
      derived.put(name + ".attention.expTable", entries);
      context = requantizer(name + ".attention.context.requantizer",
          probabilities.scale() * valueOut.scale() / contextSpec.scale(), contextSpec);
      output = linear(name + ".output", contextSpec, attentionOut, d, d);
      residual1 = residual(name + ".residual1.add", in, attentionOut, residual1Out);
      norm1 = norm(name + ".norm1", residual1Out, norm1Out);
      ffn1 = linear(name + ".ffn1", norm1Out, hidden, d, d * config.ffnFactor());
      hiddenZeroPoint = hidden.zeroPoint();
      ffn2 = linear(name + ".ffn2", hidden, ffnOut, d * config.ffnFactor(), d);
      residual2 = residual(name + ".residual2.add", norm1Out, ffnOut, residual2Out);
      norm2 = norm(name + ".norm2", residual2Out, norm2Out);
    }

    int[][] apply(int[][] x) {
      int steps = x.length;
      int[][] q = new int[steps][];
      int[][] k = new int[steps][];
      int[][] v = new int[steps][];
      for (int t = 0; t < steps; t++) {
        q[t] = query.apply(x[t]);
        k[t] = key.apply(x[t]);
        v[t] = value.apply(x[t]);
      }
      int[][] c = attend(q, k, v);
      int[][] result = new int[steps][];
      for (int t = 0; t < steps; t++) {
        int[] r1 = residual1.apply(x[t], output.apply(c[t]));
        int[] n1 = norm1.apply(r1);
        int[] f = Relu.apply(ffn1.apply(n1), hiddenZeroPoint);
        result[t] = norm2.apply(residual2.apply(n1, ffn2.apply(f)));
      }
      return result;
    }

    private int[][] attend(int[][] q, int[][] k, int[][] v) {
      int steps = q.length;
      int[][] c = new int[steps][config.dModel()];
      for (int h = 0; h < config.heads(); h++) {
        int[][] qc = new int[steps][headSize];
        int[][] kcTransposed = new int[headSize][steps];
        int[][] vc = new int[steps][headSize];
        for (int t = 0; t < steps; t++) {
          for (int d = 0; d < headSize; d++) {
            qc[t][d] = q[t][h * headSize + d] - queryOut.zeroPoint();
            kcTransposed[d][t] = k[t][h * headSize + d] - keyOut.zeroPoint();
            vc[t][d] = v[t][h * headSize + d] - valueOut.zeroPoint();
          }
        }
        long[][] raw = MatMul.multiply(qc, kcTransposed);
        int[][] probabilities = new int[steps][];
        for (int i = 0; i < steps; i++) {
          int[] row = new int[steps];
          for (int j = 0; j < steps; j++) {
            row[j] = scores.apply(raw[i][j]);
          }
          probabilities[i] = softmax.apply(row);
        }
        long[][] weighted = MatMul.multiply(probabilities, vc);
        for (int i = 0; i < steps; i++) {
          for (int d = 0; d < headSize; d++) {
            c[i][h * headSize + d] = context.apply(weighted[i][d]);
          }
        }
      }
      return c;
    }
  }
}
