package dev.silica.transformer.model;

import com.google.common.collect.ImmutableMap;
import dev.silica.transformer.golden.BatchNormParams;
import dev.silica.transformer.golden.QuantSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition of an integer-only forecaster, everything the hardware and {@link
 * IntegerForecaster} need, keyed by the names of the float model's tensors and layers: the
 * quantization spec of every materialized activation ({@code tensors}), integer weights with their
 * symmetric spec and integer biases at the accumulator scale for every linear layer ({@code
 * dense}), and the trained statistics of every BatchNorm ({@code norms}), which are folded into
 * integers when the forecaster is built. Every rescaling constant derives from these (see {@link
 * IntegerForecaster#derivedConstants()}).
 *
 * @param config the model's shape
 * @param bits weight and activation width
 * @param probabilityBits softmax probability width
 * @param tensors activation specs by tensor name
 * @param dense linear layers by name
 * @param norms BatchNorm parameters by name
 */
public record QuantizedModel(ModelConfig config, int bits, int probabilityBits, Map<String, QuantSpec> tensors,
    Map<String, DenseCodes> dense, Map<String, BatchNormParams> norms) {

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
    norms = ImmutableMap.copyOf(norms);
  }

  /** Exports a model after quantization-aware training: its observed specs, quantized weights and BatchNorms. */
  public static QuantizedModel fromQat(ForecastModel model) {
    if (model.bits() == 0) {
      throw new IllegalStateException("the model is not quantized");
    }
    Map<String, QuantSpec> tensors = new LinkedHashMap<>();
    Map<String, DenseCodes> dense = new LinkedHashMap<>();
    Map<String, BatchNormParams> norms = new LinkedHashMap<>();
    for (FakeQuant fq : List.of(model.input(), model.embedded())) {
      tensors.put(fq.name(), fq.spec());
    }
    put(dense, model.embedding(), model.input());
    int probabilityBits = 0;
    for (EncoderLayer layer : model.layers()) {
      for (FakeQuant fq : layer.fakeQuants()) {
        if (fq == layer.attention().probabilities()) {
          probabilityBits = fq.spec().format().bits();
        } else {
          tensors.put(fq.name(), fq.spec());
        }
      }
      FakeQuant in = inputOf(model, layer);
      put(dense, layer.query(), in);
      put(dense, layer.key(), in);
      put(dense, layer.value(), in);
      put(dense, layer.output(), layer.context());
      put(dense, layer.ffn1(), layer.norm1Out());
      put(dense, layer.ffn2(), layer.hidden());
      norms.put(layer.norm1().name(), layer.norm1().toParams());
      norms.put(layer.norm2().name(), layer.norm2().toParams());
    }
    put(dense, model.head(), model.lastNorm());
    tensors.put(model.prediction().name(), model.prediction().spec());
    return new QuantizedModel(model.config(), model.bits(), probabilityBits, tensors, dense, norms);
  }

  private static FakeQuant inputOf(ForecastModel model, EncoderLayer layer) {
    int index = model.layers().indexOf(layer);
    return index == 0 ? model.embedded() : model.layers().get(index - 1).norm2Out();
  }

  private static void put(Map<String, DenseCodes> dense, Dense layer, FakeQuant input) {
    QuantSpec weightSpec = layer.weightSpec();
    QuantSpec biasSpec = Quantization.biasSpec(input.spec(), weightSpec);
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
}
