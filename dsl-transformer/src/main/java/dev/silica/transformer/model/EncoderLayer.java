package dev.silica.transformer.model;

import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One post-norm Transformer encoder layer as the published accelerator runs it: self-attention
 * with query, key, value and output projections, residual add, BatchNorm, then a ReLU feed-forward
 * network {@code d -> ffnFactor d -> d}, residual add, BatchNorm. Every intermediate tensor the
 * integer inference materializes has its own {@link FakeQuant}, so quantization-aware training
 * sees the same rounding points. In quantized modes both residual adds are the golden
 * single-rounding add of their operands' codes ({@link Quantization#residualAdd}), and both
 * BatchNorms, whenever they normalize with their running statistics, are the folded integer
 * BatchNorm of their input's codes ({@link Quantization#foldedNorm}), as integer inference
 * computes them; gradients pass straight through.
 */
public final class EncoderLayer {

  private final Dense query;
  private final Dense key;
  private final Dense value;
  private final Dense output;
  private final SelfAttention attention;
  private final BatchNorm norm1;
  private final Dense ffn1;
  private final Dense ffn2;
  private final BatchNorm norm2;
  private final FakeQuant queryOut;
  private final FakeQuant keyOut;
  private final FakeQuant valueOut;
  private final FakeQuant context;
  private final FakeQuant attentionOut;
  private final FakeQuant residual1;
  private final FakeQuant norm1Out;
  private final FakeQuant hidden;
  private final FakeQuant ffnOut;
  private final FakeQuant residual2;
  private final FakeQuant norm2Out;
  private FakeQuant input;
  private boolean[] hiddenPositive;

  EncoderLayer(String name, int dModel, int heads, int ffnFactor, Random random) {
    query = new Dense(name + ".query", dModel, dModel, random);
    key = new Dense(name + ".key", dModel, dModel, random);
    value = new Dense(name + ".value", dModel, dModel, random);
    output = new Dense(name + ".output", dModel, dModel, random);
    attention = new SelfAttention(name + ".attention", dModel, heads);
    norm1 = new BatchNorm(name + ".norm1", dModel);
    ffn1 = new Dense(name + ".ffn1", dModel, dModel * ffnFactor, random);
    ffn2 = new Dense(name + ".ffn2", dModel * ffnFactor, dModel, random);
    norm2 = new BatchNorm(name + ".norm2", dModel);
    queryOut = FakeQuant.observed(name + ".query.out");
    keyOut = FakeQuant.observed(name + ".key.out");
    valueOut = FakeQuant.observed(name + ".value.out");
    context = FakeQuant.observed(name + ".attention.context");
    attentionOut = FakeQuant.observed(name + ".output.out");
    residual1 = FakeQuant.observed(name + ".residual1");
    norm1Out = FakeQuant.observed(name + ".norm1.out");
    hidden = FakeQuant.observed(name + ".ffn1.out");
    ffnOut = FakeQuant.observed(name + ".ffn2.out");
    residual2 = FakeQuant.observed(name + ".residual2");
    norm2Out = FakeQuant.observed(name + ".norm2.out");
  }

  /** Enables quantization at {@code bits}; {@code input} quantizes this layer's input. */
  void quantize(int bits, int probabilityBits, FakeQuant input) {
    this.input = input;
    for (FakeQuant fq : fakeQuants()) {
      fq.setBits(fq == attention.probabilities() ? probabilityBits : bits);
    }
    query.quantize(bits, input);
    key.quantize(bits, input);
    value.quantize(bits, input);
    output.quantize(bits, context);
    ffn1.quantize(bits, norm1Out);
    ffn2.quantize(bits, hidden);
  }

  /** Makes every weight scale and activation range of the layer a trained parameter. */
  void learnScales() {
    for (Dense d : dense()) {
      d.learnWeightScale();
    }
    for (FakeQuant fq : fakeQuants()) {
      fq.learnRange();
    }
  }

  /** The layer's linear layers, in pipeline order. */
  List<Dense> dense() {
    return List.of(query, key, value, output, ffn1, ffn2);
  }

  /** Freezes both BatchNorms' statistics. */
  void freezeNorms() {
    norm1.freezeStatistics();
    norm2.freezeStatistics();
  }

  Tensor forward(Tensor x, Mode mode) {
    Tensor q = fq(queryOut, query.forward(x, mode), mode);
    Tensor k = fq(keyOut, key.forward(x, mode), mode);
    Tensor v = fq(valueOut, value.forward(x, mode), mode);
    Tensor c = fq(context, attention.forward(q, k, v, mode), mode);
    Tensor a = fq(attentionOut, output.forward(c, mode), mode);
    Tensor r1 = residual(residual1, x, input, a, attentionOut, mode);
    Tensor n1 = normalized(norm1, norm1Out, r1, residual1, mode);
    Tensor h = ffn1.forward(n1, mode);
    double[] relu = h.data().clone();
    hiddenPositive = new boolean[relu.length];
    for (int i = 0; i < relu.length; i++) {
      hiddenPositive[i] = relu[i] > 0;
      relu[i] = Math.max(relu[i], 0);
    }
    Tensor f = fq(hidden, h.withData(relu), mode);
    Tensor g = fq(ffnOut, ffn2.forward(f, mode), mode);
    Tensor r2 = residual(residual2, n1, norm1Out, g, ffnOut, mode);
    return normalized(norm2, norm2Out, r2, residual2, mode);
  }

  Tensor backward(Tensor dOut) {
    Tensor dr2 = back(residual2, norm2.backward(back(norm2Out, dOut)));
    Tensor df = ffn2.backward(back(ffnOut, dr2));
    double[] dh = back(hidden, df).data();
    for (int i = 0; i < dh.length; i++) {
      if (!hiddenPositive[i]) {
        dh[i] = 0;
      }
    }
    Tensor dn1 = ffn1.backward(df.withData(dh)).plus(dr2);
    Tensor dr1 = back(residual1, norm1.backward(back(norm1Out, dn1)));
    Tensor dc = back(context, output.backward(back(attentionOut, dr1)));
    Tensor[] dqkv = attention.backward(dc);
    Tensor dx = query.backward(back(queryOut, dqkv[0]));
    dx = dx.plus(key.backward(back(keyOut, dqkv[1])));
    dx = dx.plus(value.backward(back(valueOut, dqkv[2])));
    return dx.plus(dr1);
  }

  /** {@code x + y} quantized to {@code sum}; in quantized modes by the golden add of their codes. */
  private static Tensor residual(FakeQuant sum, Tensor x, FakeQuant xSpec, Tensor y, FakeQuant ySpec, Mode mode) {
    Tensor observed = fq(sum, x.plus(y), mode);
    if (!mode.quantized()) {
      return observed;
    }
    QuantSpec a = xSpec.spec();
    QuantSpec b = ySpec.spec();
    QuantSpec out = sum.spec();
    ResidualAdd add = Quantization.residualAdd(a, b, out);
    double[] xs = x.data();
    double[] ys = y.data();
    double[] result = new double[xs.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = out.dequantize(add.apply(a.quantize(xs[i]), b.quantize(ys[i])));
    }
    return observed.withData(sum.substitute(result));
  }

  /**
   * {@code norm} of {@code x} quantized to {@code out}; in quantized modes with running statistics
   * by the folded integer BatchNorm of {@code x}'s codes of {@code xSpec}.
   */
  private static Tensor normalized(BatchNorm norm, FakeQuant out, Tensor x, FakeQuant xSpec, Mode mode) {
    Tensor observed = fq(out, norm.forward(x, mode), mode);
    if (!mode.quantized() || !norm.usesRunningStatistics(mode)) {
      return observed;
    }
    QuantSpec in = xSpec.spec();
    QuantSpec spec = out.spec();
    FoldedBatchNorm folded = Quantization.foldedNorm(norm.toParams(), in, spec);
    double[] xs = x.data();
    int channels = x.channels();
    double[] result = new double[xs.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = spec.dequantize(folded.apply(in.quantize(xs[i]), i % channels));
    }
    return observed.withData(out.substitute(result));
  }

  static Tensor fq(FakeQuant quantizer, Tensor x, Mode mode) {
    return x.withData(quantizer.forward(x.data(), mode));
  }

  static Tensor back(FakeQuant quantizer, Tensor gradient) {
    return gradient.withData(quantizer.backward(gradient.data()));
  }

  List<FakeQuant> fakeQuants() {
    return List.of(queryOut, keyOut, valueOut, attention.scores(), attention.probabilities(), context, attentionOut,
        residual1, norm1Out, hidden, ffnOut, residual2, norm2Out);
  }

  List<Param> params() {
    List<Param> params = new ArrayList<>();
    for (Dense d : List.of(query, key, value, output)) {
      params.addAll(d.params());
    }
    params.addAll(norm1.params());
    params.addAll(ffn1.params());
    params.addAll(ffn2.params());
    params.addAll(norm2.params());
    for (FakeQuant fq : fakeQuants()) {
      if (fq.rangeState() != null) {
        params.add(fq.rangeState());
      }
    }
    return params;
  }

  public Dense query() {
    return query;
  }

  public Dense key() {
    return key;
  }

  public Dense value() {
    return value;
  }

  public Dense output() {
    return output;
  }

  public SelfAttention attention() {
    return attention;
  }

  public BatchNorm norm1() {
    return norm1;
  }

  public Dense ffn1() {
    return ffn1;
  }

  public Dense ffn2() {
    return ffn2;
  }

  public BatchNorm norm2() {
    return norm2;
  }

  public FakeQuant queryOut() {
    return queryOut;
  }

  public FakeQuant keyOut() {
    return keyOut;
  }

  public FakeQuant valueOut() {
    return valueOut;
  }

  public FakeQuant context() {
    return context;
  }

  public FakeQuant attentionOut() {
    return attentionOut;
  }

  public FakeQuant residual1() {
    return residual1;
  }

  public FakeQuant norm1Out() {
    return norm1Out;
  }

  public FakeQuant hidden() {
    return hidden;
  }

  public FakeQuant ffnOut() {
    return ffnOut;
  }

  public FakeQuant residual2() {
    return residual2;
  }

  public FakeQuant norm2Out() {
    return norm2Out;
  }
}
