package dev.silica.transformer.model;

/**
 * Cross-layer equalization (Nagel et al., "Data-Free Quantization Through Weight Equalization and
 * Bias Correction", 2019) of a float model before quantization-aware training: where one linear
 * layer's output channel {@code j} reaches the next linear layer's input row {@code j} through a
 * map that commutes with a positive per-channel scale, dividing the first layer's column (and bias)
 * by {@code s_j} and multiplying the second layer's row by {@code s_j} changes nothing the model
 * computes, and {@code s_j = sqrt(r1_j / r2_j)} (with {@code r} the channel's max-abs weight) gives
 * both the same range {@code sqrt(r1_j r2_j)}, so that one per-tensor weight scale suits every
 * channel. Per encoder layer: {@code ffn1 -> ReLU -> ffn2} (ReLU is positively homogeneous), {@code
 * value -> attention -> output} (the context is a per-channel weighted sum of the values), and
 * {@code query}, {@code key} (the score {@code sum_c q_c k_c} is unchanged when {@code q_c} is
 * divided and {@code k_c} multiplied by {@code s_c}). The hardware is untouched: it still sees one
 * scale per weight tensor.
 */
final class ChannelEqualization {

  private ChannelEqualization() {}

  /** Equalizes every pair of every layer of {@code model}, in place. */
  static void apply(ForecastModel model) {
    for (EncoderLayer layer : model.layers()) {
      equalize(layer.ffn1(), layer.ffn2(), true);
      equalize(layer.value(), layer.output(), true);
      equalize(layer.query(), layer.key(), false);
    }
  }

  /**
   * Balances output channel {@code j} of {@code first} against {@code second}'s input row {@code j}
   * ({@code secondByRow}) or its output column {@code j}; the first layer's bias scales with its
   * column, and, for a column, so does the second's bias, inversely.
   */
  private static void equalize(Dense first, Dense second, boolean secondByRow) {
    int channels = first.out();
    double[] w1 = first.weight().value();
    double[] w2 = second.weight().value();
    for (int j = 0; j < channels; j++) {
      double r1 = 0;
      for (int k = 0; k < first.in(); k++) {
        r1 = Math.max(r1, Math.abs(w1[k * channels + j]));
      }
      double r2 = 0;
      int count = secondByRow ? second.out() : second.in();
      for (int m = 0; m < count; m++) {
        r2 = Math.max(r2, Math.abs(w2[secondByRow ? j * second.out() + m : m * second.out() + j]));
      }
      if (r1 == 0 || r2 == 0) {
        continue;
      }
      double s = Math.sqrt(r1 / r2);
      for (int k = 0; k < first.in(); k++) {
        w1[k * channels + j] /= s;
      }
      first.bias().value()[j] /= s;
      for (int m = 0; m < count; m++) {
        w2[secondByRow ? j * second.out() + m : m * second.out() + j] *= s;
      }
      if (!secondByRow) {
        second.bias().value()[j] *= s;
      }
    }
  }
}
