package dev.silica.transformer.model;

import com.google.common.collect.ImmutableMap;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.QuantizeMultiplier;
import dev.silica.transformer.golden.QuantizedMultiplier;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An integer-only forecaster: everything the hardware and {@link IntegerForecaster} need, keyed by
 * the names of the float model's tensors and layers. {@code tensors} gives every materialized
 * activation's spec (its zero point and width are used at run time, its scale only to quantize the
 * inputs); {@code dense} gives each linear layer's integer weights (symmetric, with their scale)
 * and int32 biases at the accumulator scale. The output head ({@code d_model -> 1}) has no
 * requantizer: its accumulator is the forecast, dequantized with the accumulator scale (the last
 * encoder output's scale times the head's weight scale). {@code constants} gives every other
 * integer, by name:
 *
 * <ul>
 *   <li>{@code <dense>.requantizer} (every linear layer but the head), {@code <layer>.attention.scores.requantizer} (attention scale
 *       {@code 1/sqrt(d_k)} folded in), {@code <layer>.attention.context.requantizer}: {@code
 *       [multiplier, shift]}, TFLite's Q31 form from {@link QuantizeMultiplier}, applied with single
 *       rounding {@code (acc m + 2^(s-1)) >> s}, {@code s = 31 - shift};
 *   <li>{@code positional.table}: the positional-encoding ROM, {@code window x d_model} codes;
 *   <li>{@code <layer>.attention.expTable}: the softmax's {@value Quantization#EXP_ENTRY_BITS}-bit
 *       {@code exp(-k S)} table over every score difference {@code k};
 *   <li>{@code <layer>.residual1.add}, {@code <layer>.residual2.add}: {@code [m_a, n_a, m_b, n_b,
 *       G]}, each operand's dyadic rescaling and the guard bits; exported with single rounding
 *       ({@link Quantization#residualAdd}: {@code n_a = n_b = 0}, {@code G = }{@value
 *       Quantization#RESIDUAL_GUARD_BITS}), as QAT computes the sums;
 *   <li>{@code <layer>.norm1.multipliers|offsets|shift}, {@code <layer>.norm2...}: BatchNorm folded
 *       to {@code (x A_c + B_c + 2^(n-1)) >> n} with {@value Quantization#NORM_COEFFICIENT_BITS}-bit {@code A_c}
 *       ({@link Quantization#foldedNorm}), as QAT computes the normalized codes.
 * </ul>
 *
 * @param config the model's shape
 * @param bits weight and activation width
 * @param probabilityBits softmax probability width
 * @param tensors activation specs by tensor name
 * @param dense linear layers by name
 * @param constants every other integer by name
 */
public record QuantizedModel(ModelConfig config, int bits, int probabilityBits, Map<String, QuantSpec> tensors,
    Map<String, DenseCodes> dense, Map<String, long[]> constants) {

  /**
   * One linear layer's integers.
   *
   * @param weightSpec the symmetric spec of the weights
   * @param weights {@code in x out} codes
   * @param bias {@code out} codes at the accumulator scale (input scale times weight scale)
   */
  public record DenseCodes(QuantSpec weightSpec, int[][] weights, long[] bias) {}

  public QuantizedModel {
    tensors = ImmutableMap.copyOf(tensors);
    dense = ImmutableMap.copyOf(dense);
    constants = ImmutableMap.copyOf(constants);
  }

  /** The width of the input codes, from the activations' {@link #bits} up (the {@code input} tensor's). */
  public int inputBits() {
    return tensors.get("input").format().bits();
  }

  /**
   * Exports a model after quantization-aware training: its observed specs and quantized weights as
   * they are, and every other integer derived from them once, by the golden models' own
   * derivations (TFLite's multiplier, the BatchNorm fold, the residual rescaling, the ROM and table
   * fills).
   */
  public static QuantizedModel fromQat(ForecastModel model) {
    if (model.bits() == 0) {
      throw new IllegalStateException("the model is not quantized");
    }
    Export export = new Export();
    ModelConfig config = model.config();
    export.tensor(model.input());
    export.tensor(model.embedded());
    QuantSpec embedded = model.embedded().spec();
    export.dense(model.embedding(), model.input().spec(), embedded);
    PositionalEncoding rom = new PositionalEncoding(config.window(), config.dModel(), embedded);
    long[] table = new long[config.window() * config.dModel()];
    for (int t = 0; t < config.window(); t++) {
      for (int c = 0; c < config.dModel(); c++) {
        table[t * config.dModel() + c] = rom.entry(t, c);
      }
    }
    export.constants.put("positional.table", table);
    int probabilityBits = 0;
    QuantSpec in = embedded;
    for (EncoderLayer layer : model.layers()) {
      for (FakeQuant fq : layer.fakeQuants()) {
        if (fq != layer.attention().probabilities()) {
          export.tensor(fq);
        }
      }
      probabilityBits = layer.attention().probabilities().spec().format().bits();
      export.layer(layer, in, probabilityBits);
      in = layer.norm2Out().spec();
    }
    export.dense(model.head(), in);
    return new QuantizedModel(config, model.bits(), probabilityBits, export.tensors, export.dense, export.constants);
  }

  /** Collects one export's maps. */
  private static final class Export {
    final Map<String, QuantSpec> tensors = new LinkedHashMap<>();
    final Map<String, DenseCodes> dense = new LinkedHashMap<>();
    final Map<String, long[]> constants = new LinkedHashMap<>();

    void tensor(FakeQuant fq) {
      tensors.put(fq.name(), fq.spec());
    }

    void layer(EncoderLayer layer, QuantSpec in, int probabilityBits) {
      String name = layer.query().name().substring(0, layer.query().name().indexOf('.'));
      QuantSpec query = layer.queryOut().spec();
      QuantSpec key = layer.keyOut().spec();
      QuantSpec value = layer.valueOut().spec();
      QuantSpec scores = layer.attention().scores().spec();
      QuantSpec context = layer.context().spec();
      dense(layer.query(), in, query);
      dense(layer.key(), in, key);
      dense(layer.value(), in, value);
      multiplier(name + ".attention.scores.requantizer",
          query.scale() * key.scale() * layer.attention().scale() / scores.scale());
      ExpLut exp = Quantization.expTable(scores);
      long[] entries = new long[exp.maxDelta() + 1];
      for (int k = 0; k < entries.length; k++) {
        entries[k] = exp.entry(k);
      }
      constants.put(name + ".attention.expTable", entries);
      multiplier(name + ".attention.context.requantizer",
          Quantization.probabilitySpec(probabilityBits).scale() * value.scale() / context.scale());
      dense(layer.output(), context, layer.attentionOut().spec());
      residual(name + ".residual1.add", in, layer.attentionOut().spec(), layer.residual1().spec());
      norm(layer.norm1(), layer.residual1().spec(), layer.norm1Out().spec());
      dense(layer.ffn1(), layer.norm1Out().spec(), layer.hidden().spec());
      dense(layer.ffn2(), layer.hidden().spec(), layer.ffnOut().spec());
      residual(name + ".residual2.add", layer.norm1Out().spec(), layer.ffnOut().spec(), layer.residual2().spec());
      norm(layer.norm2(), layer.residual2().spec(), layer.norm2Out().spec());
    }

    void dense(Dense layer, QuantSpec input, QuantSpec output) {
      dense(layer, input);
      multiplier(layer.name() + ".requantizer", input.scale() * layer.weightSpec().scale() / output.scale());
    }

    /** The layer's weight and bias codes, without a requantizer. */
    void dense(Dense layer, QuantSpec input) {
      QuantSpec weightSpec = layer.weightSpec();
      QuantSpec biasSpec = Quantization.biasSpec(input, weightSpec);
      double[] w = layer.weight().value();
      int[][] codes = new int[layer.in()][layer.out()];
      for (int k = 0; k < layer.in(); k++) {
        for (int j = 0; j < layer.out(); j++) {
          codes[k][j] = weightSpec.quantize(w[k * layer.out() + j]);
        }
      }
      double[] b = layer.bias().value();
      long[] bias = new long[b.length];
      for (int j = 0; j < b.length; j++) {
        bias[j] = biasSpec.quantize(b[j]);
      }
      dense.put(layer.name(), new DenseCodes(weightSpec, codes, bias));
    }

    void multiplier(String name, double realScale) {
      QuantizedMultiplier q31 = QuantizeMultiplier.of(realScale);
      constants.put(name, new long[] {q31.multiplier(), q31.shift()});
    }

    void residual(String name, QuantSpec a, QuantSpec b, QuantSpec output) {
      ResidualAdd add = Quantization.residualAdd(a, b, output);
      constants.put(name, new long[] {add.multiplierA().multiplier(), add.multiplierA().shift(),
          add.multiplierB().multiplier(), add.multiplierB().shift(), add.guardBits()});
    }

    void norm(BatchNorm norm, QuantSpec input, QuantSpec output) {
      FoldedBatchNorm folded = Quantization.foldedNorm(norm.toParams(), input, output);
      constants.put(norm.name() + ".multipliers", folded.multipliers());
      constants.put(norm.name() + ".offsets", folded.offsets());
      constants.put(norm.name() + ".shift", new long[] {folded.shift()});
    }
  }
}
