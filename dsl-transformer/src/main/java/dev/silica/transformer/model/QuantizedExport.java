package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.QuantizeMultiplier;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a quantization-aware-trained {@link Forecaster} into a {@link QuantizedModel}: activation
 * specs from its observers, weights and biases as codes, every rescaling as {@link
 * QuantizeMultiplier}'s (multiplier, shift), BatchNorm folded by the golden {@link
 * FoldedBatchNorm} (16-bit coefficients), the residual rescalings of the golden {@link ResidualAdd}
 * (16-bit multipliers, 4 guard bits), the attention's {@code 1/sqrt(d)} folded into the score
 * requantization, and the softmax's exponential table of the golden {@link ExpLut}.
 */
public final class QuantizedExport {

  static final int MULTIPLIER_BITS = 16;
  static final int GUARD_BITS = 4;
  static final int NORM_COEFFICIENT_BITS = 16;

  private QuantizedExport() {}

  public static QuantizedModel of(Forecaster model) {
    int bits = model.bits();
    Preconditions.checkArgument(bits > 0, "only a quantization-aware model can be exported");
    ModelConfig config = model.config();
    Map<String, QuantSpec> specs = new LinkedHashMap<>();
    for (FakeQuantizer q : model.quantizers()) {
      if (QuantizedModel.ACTIVATIONS.contains(q.name())) {
        specs.put(q.name(), q.spec());
      }
    }
    Map<String, QuantizedModel.LinearLayer> linears = new LinkedHashMap<>();
    Dense[] denses = model.denses().toArray(new Dense[0]);
    for (int i = 0; i < denses.length; i++) {
      String name = QuantizedModel.LINEARS.get(i);
      String[] ends = QuantizedModel.linearEnds(name);
      linears.put(name, linear(denses[i], bits, specs.get(ends[0]), specs.get(ends[1])));
    }
    QuantSpec embedding = specs.get("embedding");
    PositionalEncoding encoding = new PositionalEncoding(config.window(), config.dModel(), embedding);
    int[][] table = new int[config.window()][config.dModel()];
    for (int t = 0; t < config.window(); t++) {
      for (int c = 0; c < config.dModel(); c++) {
        table[t][c] = encoding.entry(t, c);
      }
    }
    QuantSpec scores = specs.get("scores");
    double scoreScale = specs.get("query").scale() * specs.get("key").scale()
        / (Math.sqrt(config.dModel()) * scores.scale());
    ExpLut lut = new ExpLut(scores.scale(), (1 << bits) - 1, QuantizedModel.EXP_ENTRY_BITS);
    long[] exp = new long[1 << bits];
    for (int k = 0; k < exp.length; k++) {
      exp[k] = lut.entry(k);
    }
    double contextScale = specs.get("probabilities").scale() * specs.get("value").scale()
        / specs.get("context").scale();
    return new QuantizedModel(bits, config.window(), config.features(), config.dModel(), config.hidden(),
        ImmutableMap.copyOf(specs), ImmutableMap.copyOf(linears), table, QuantizeMultiplier.of(scoreScale), exp,
        QuantizeMultiplier.of(contextScale),
        residual(specs.get("embedding"), specs.get("projection"), specs.get("residual1")),
        norm(model.norm1, specs.get("residual1"), specs.get("norm1")),
        residual(specs.get("norm1"), specs.get("ffn2"), specs.get("residual2")),
        norm(model.norm2, specs.get("residual2"), specs.get("norm2")));
  }

  private static QuantizedModel.LinearLayer linear(Dense dense, int bits, QuantSpec in, QuantSpec out) {
    QuantSpec w = dense.weightSpec(bits);
    float[] values = dense.weight.value;
    int[][] codes = new int[dense.in()][dense.out()];
    for (int k = 0; k < dense.in(); k++) {
      for (int j = 0; j < dense.out(); j++) {
        codes[k][j] = w.quantize(values[k * dense.out() + j]);
      }
    }
    double accumulatorScale = in.scale() * w.scale();
    long[] bias = new long[dense.out()];
    for (int j = 0; j < bias.length; j++) {
      bias[j] = (long) Math.rint(dense.bias.value[j] / accumulatorScale);
    }
    return new QuantizedModel.LinearLayer(codes, bias, bits, QuantizeMultiplier.of(accumulatorScale / out.scale()));
  }

  private static QuantizedModel.Residual residual(QuantSpec a, QuantSpec b, QuantSpec out) {
    ResidualAdd add = new ResidualAdd(a, b, out, MULTIPLIER_BITS, GUARD_BITS);
    return new QuantizedModel.Residual(add.multiplierA(), add.multiplierB(), add.guardBits());
  }

  private static QuantizedModel.Norm norm(BatchNorm norm, QuantSpec in, QuantSpec out) {
    FoldedBatchNorm folded = FoldedBatchNorm.fold(norm.params(), in, out, NORM_COEFFICIENT_BITS);
    return new QuantizedModel.Norm(folded.multipliers(), folded.offsets(), folded.shift());
  }
}
