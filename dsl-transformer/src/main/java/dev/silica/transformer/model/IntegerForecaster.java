package dev.silica.transformer.model;

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
import dev.silica.transformer.golden.QuantizedMultiplier;
import dev.silica.transformer.golden.Relu;
import dev.silica.transformer.golden.Requantizer;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Integer-only inference of a {@link QuantizedModel}, assembled from its stored integers and the
 * golden models of the Transformer blocks: {@link Linear} layers with single-rounding requantizers
 * of TFLite's Q31 multipliers, the {@link PositionalEncoding} ROM, score and context requantizers,
 * {@link IntSoftmax} over an {@link ExpLut} with one division per probability, {@link ResidualAdd},
 * {@link FoldedBatchNorm}, {@link Relu}, {@link GlobalAvgPool} and the head's accumulator.
 * {@link #predictAccumulator} uses integer arithmetic only; the only floating point is at the
 * boundary ({@link #predict} quantizes the sensor inputs and dequantizes the head's accumulator).
 *
 * <p>Positional encoding, softmax, residual adds, the folded BatchNorms and pooling are the same
 * golden models QAT runs on its codes (BatchNorm whenever it normalizes with its running
 * statistics: always in inference, and in training by a recipe that freezes them), and the head is
 * not requantized in either, so the two agree exactly there. What remains is rounding the QAT model
 * does in floating point: every requantization multiplier is a 31-bit Q31, so a code differs only
 * where the real value lies within about {@code 2^-24} of a step of a rounding tie. {@link
 * #trace} gives every block's output codes, which {@link BlockComparison} compares with the QAT
 * model's.
 */
public final class IntegerForecaster {

  /** The {@link #trace} key of the head's accumulator. */
  public static final String HEAD_ACCUMULATOR = "head.accumulator";

  private final QuantizedModel model;
  private final ModelConfig config;
  private final QuantSpec inputSpec;
  private final Linear embedding;
  private final PositionalEncoding positional;
  private final List<Layer> layers = new ArrayList<>();
  private final Linear head;
  private final double accumulatorScale;
  private final Set<String> used = new HashSet<>();

  /** Builds the integer pipeline; a missing, misshapen or out-of-range entry raises {@link ModelFormatException}. */
  public IntegerForecaster(QuantizedModel model) {
    this.model = model;
    this.config = model.config();
    inputSpec = inputTensor();
    QuantSpec embedded = tensor("embedding.out");
    embedding = linear("embedding", inputSpec, embedded, config.features(), config.dModel());
    long[] table = constant("positional.table", config.window() * config.dModel());
    int[][] rom = new int[config.window()][config.dModel()];
    for (int t = 0; t < config.window(); t++) {
      for (int c = 0; c < config.dModel(); c++) {
        rom[t][c] = (int) table[t * config.dModel() + c];
      }
    }
    positional = new PositionalEncoding(rom, embedded);
    QuantSpec in = embedded;
    for (int l = 0; l < config.layers(); l++) {
      Layer layer = new Layer("layer" + l, in);
      layers.add(layer);
      in = layer.norm2Out;
    }
    QuantSpec pooled = in;
    QuantizedModel.DenseCodes headCodes = denseCodes("head", config.dModel(), 1);
    head = build("dense.head", () -> new Linear(headCodes.weights(), headCodes.bias(), pooled.format(),
        pooled.zeroPoint(), headCodes.weightSpec().format(), null));
    accumulatorScale = pooled.scale() * headCodes.weightSpec().scale();
    rejectUnused("tensors", model.tensors());
    rejectUnused("dense", model.dense());
    rejectUnused("constants", model.constants());
  }

  private void rejectUnused(String section, Map<String, ?> entries) {
    for (String name : entries.keySet()) {
      if (!used.contains(section + "." + name)) {
        throw new ModelFormatException(section + "." + name, "not part of a model of this shape");
      }
    }
  }

  /** The scaled forecast for one window of scaled inputs ({@code [step][feature]}, flattened). */
  public double predict(double[] window) {
    return accumulatorScale * predictAccumulator(inputCodes(window));
  }

  /** The input codes of one window of scaled inputs ({@code [step][feature]}, flattened). */
  public int[][] inputCodes(double[] window) {
    int[][] codes = new int[config.window()][config.features()];
    for (int t = 0; t < config.window(); t++) {
      for (int f = 0; f < config.features(); f++) {
        codes[t][f] = inputSpec.quantize(window[t * config.features() + f]);
      }
    }
    return codes;
  }

  /** The head's accumulator for one window of input codes, integer arithmetic only. */
  public long predictAccumulator(int[][] inputCodes) {
    return run(inputCodes, null);
  }

  /**
   * Every block's integer output for one window of input codes, in pipeline order, keyed by the
   * QAT model's tensor names ({@code embedding.out} with the positional encoding added, {@code
   * layerN.query.out} ... {@code layerN.norm2.out}) and flattened in the QAT model's order ({@code
   * [step][channel]}; scores and probabilities {@code [head][query][key]}), ending with {@code
   * head.accumulator}.
   */
  public Map<String, long[]> trace(int[][] inputCodes) {
    Map<String, long[]> trace = new LinkedHashMap<>();
    trace.put(HEAD_ACCUMULATOR, new long[] {run(inputCodes, trace)});
    return trace;
  }

  /** The real value of one unit of the head's accumulator: the forecast's step. */
  public double accumulatorScale() {
    return accumulatorScale;
  }

  private long run(int[][] inputCodes, Map<String, long[]> trace) {
    int[][] x = new int[inputCodes.length][];
    for (int t = 0; t < x.length; t++) {
      x[t] = embedding.apply(inputCodes[t]);
    }
    x = positional.apply(x);
    record(trace, "embedding.out", x);
    for (Layer layer : layers) {
      x = layer.apply(x, trace);
    }
    return head.accumulate(GlobalAvgPool.apply(x))[0];
  }

  /** Adds {@code rows} flattened to {@code trace} (when tracing). */
  private static void record(Map<String, long[]> trace, String name, int[][] rows) {
    if (trace == null) {
      return;
    }
    int width = rows[0].length;
    long[] flat = new long[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < width; c++) {
        flat[r * width + c] = rows[r][c];
      }
    }
    trace.put(name, flat);
  }

  /** A tensor's spec, marked used. */
  private QuantSpec present(String name) {
    QuantSpec spec = model.tensors().get(name);
    used.add("tensors." + name);
    if (spec == null) {
      throw new ModelFormatException("tensors." + name, "missing");
    }
    return spec;
  }

  /** An activation's spec: signed codes of the model's width. */
  private QuantSpec tensor(String name) {
    QuantSpec spec = present(name);
    if (spec.format().bits() != model.bits() || !spec.format().signed()) {
      throw new ModelFormatException("tensors." + name,
          "expected signed " + model.bits() + "-bit codes, found " + spec.format());
    }
    return spec;
  }

  /** The input codes: signed, of any width from the activations' to 16 bits. */
  private QuantSpec inputTensor() {
    QuantSpec spec = present("input");
    IntFormat format = spec.format();
    if (!format.signed() || format.bits() < model.bits()) {
      throw new ModelFormatException("tensors.input",
          "expected signed codes of " + model.bits() + " to 16 bits, found " + format);
    }
    return spec;
  }

  private long[] constant(String name, int length) {
    long[] values = model.constants().get(name);
    used.add("constants." + name);
    if (values == null) {
      throw new ModelFormatException("constants." + name, "missing");
    }
    if (values.length != length) {
      throw new ModelFormatException("constants." + name, "expected " + length + " values, found " + values.length);
    }
    return values;
  }

  /** Runs a golden constructor, turning its argument checks into errors that name {@code field}. */
  private static <T> T build(String field, java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(field, e.getMessage());
    }
  }

  private Requantizer requantizer(String name, QuantSpec output) {
    long[] pair = constant(name, 2);
    String field = "constants." + name;
    if (pair[0] <= 0 || pair[0] > Integer.MAX_VALUE || pair[1] < -31 || pair[1] > 31) {
      throw new ModelFormatException(field, "expected a positive int32 multiplier and a shift in -31..31");
    }
    DyadicMultiplier multiplier =
        build(field, () -> DyadicMultiplier.fromQ31(new QuantizedMultiplier((int) pair[0], (int) pair[1])));
    return Requantizer.roundHalfUpShift(multiplier, output.zeroPoint(), output.format());
  }

  private Linear linear(String name, QuantSpec input, QuantSpec output, int in, int out) {
    QuantizedModel.DenseCodes codes = denseCodes(name, in, out);
    Requantizer requantizer = requantizer(name + ".requantizer", output);
    return build("dense." + name, () -> new Linear(codes.weights(), codes.bias(), input.format(), input.zeroPoint(),
        codes.weightSpec().format(), requantizer));
  }

  /** A linear layer's checked integers. */
  private QuantizedModel.DenseCodes denseCodes(String name, int in, int out) {
    QuantizedModel.DenseCodes codes = model.dense().get(name);
    String path = "dense." + name;
    used.add(path);
    if (codes == null) {
      throw new ModelFormatException(path, "missing");
    }
    IntFormat weightFormat = codes.weightSpec().format();
    if (weightFormat.bits() != model.bits() || codes.weightSpec().zeroPoint() != 0) {
      throw new ModelFormatException(path + ".weightScale", "expected symmetric signed " + model.bits()
          + "-bit weights, found " + weightFormat + " with zero point " + codes.weightSpec().zeroPoint());
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
    return codes;
  }

  private ResidualAdd residual(String name, QuantSpec a, QuantSpec b, QuantSpec output) {
    long[] v = constant(name, 5);
    String field = "constants." + name;
    return build(field, () -> new ResidualAdd(a, b, output, new DyadicMultiplier(v[0], Math.toIntExact(v[1])),
        new DyadicMultiplier(v[2], Math.toIntExact(v[3])), Math.toIntExact(v[4])));
  }

  private FoldedBatchNorm norm(String name, QuantSpec input, QuantSpec output) {
    long[] multipliers = constant(name + ".multipliers", config.dModel());
    long[] offsets = constant(name + ".offsets", config.dModel());
    long shift = constant(name + ".shift", 1)[0];
    return build("constants." + name, () -> FoldedBatchNorm.of(multipliers, offsets, Math.toIntExact(shift), input,
        output));
  }

  /** The traced tensors after attention, in {@link Layer#apply} order. */
  private static final List<String> STAGES =
      List.of("output.out", "residual1", "norm1.out", "ffn1.out", "ffn2.out", "residual2", "norm2.out");

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
    private final String name;

    Layer(String name, QuantSpec in) {
      this.name = name;
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
      query = linear(name + ".query", in, queryOut, d, d);
      key = linear(name + ".key", in, keyOut, d, d);
      value = linear(name + ".value", in, valueOut, d, d);
      scores = requantizer(name + ".attention.scores.requantizer", scoreSpec);
      String table = name + ".attention.expTable";
      long[] entries = constant(table, (int) (scoreSpec.format().max() - scoreSpec.format().min()) + 1);
      softmax = build("constants." + table, () -> new IntSoftmax(scoreSpec.format(), ExpLut.ofTable(entries),
          model.probabilityBits(), config.window(), IntSoftmax.Normalizer.DIVIDER));
      context = requantizer(name + ".attention.context.requantizer", contextSpec);
      output = linear(name + ".output", contextSpec, attentionOut, d, d);
      residual1 = residual(name + ".residual1.add", in, attentionOut, residual1Out);
      norm1 = norm(name + ".norm1", residual1Out, norm1Out);
      ffn1 = linear(name + ".ffn1", norm1Out, hidden, d, d * config.ffnFactor());
      hiddenZeroPoint = hidden.zeroPoint();
      ffn2 = linear(name + ".ffn2", hidden, ffnOut, d * config.ffnFactor(), d);
      residual2 = residual(name + ".residual2.add", norm1Out, ffnOut, residual2Out);
      norm2 = norm(name + ".norm2", residual2Out, norm2Out);
    }

    int[][] apply(int[][] x, Map<String, long[]> trace) {
      int steps = x.length;
      int[][] q = new int[steps][];
      int[][] k = new int[steps][];
      int[][] v = new int[steps][];
      for (int t = 0; t < steps; t++) {
        q[t] = query.apply(x[t]);
        k[t] = key.apply(x[t]);
        v[t] = value.apply(x[t]);
      }
      record(trace, name + ".query.out", q);
      record(trace, name + ".key.out", k);
      record(trace, name + ".value.out", v);
      int[][] c = attend(q, k, v, trace);
      int[][][] stages = new int[7][steps][];
      for (int t = 0; t < steps; t++) {
        stages[0][t] = output.apply(c[t]);
        stages[1][t] = residual1.apply(x[t], stages[0][t]);
        stages[2][t] = norm1.apply(stages[1][t]);
        stages[3][t] = Relu.apply(ffn1.apply(stages[2][t]), hiddenZeroPoint);
        stages[4][t] = ffn2.apply(stages[3][t]);
        stages[5][t] = residual2.apply(stages[2][t], stages[4][t]);
        stages[6][t] = norm2.apply(stages[5][t]);
      }
      for (int s = 0; s < STAGES.size(); s++) {
        record(trace, name + "." + STAGES.get(s), stages[s]);
      }
      return stages[6];
    }

    private int[][] attend(int[][] q, int[][] k, int[][] v, Map<String, long[]> trace) {
      int steps = q.length;
      int[][] c = new int[steps][config.dModel()];
      int[][] allScores = new int[config.heads() * steps][];
      int[][] allProbabilities = new int[config.heads() * steps][];
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
          allScores[h * steps + i] = row;
          allProbabilities[h * steps + i] = probabilities[i];
        }
        long[][] weighted = MatMul.multiply(probabilities, vc);
        for (int i = 0; i < steps; i++) {
          for (int d = 0; d < headSize; d++) {
            c[i][h * headSize + d] = context.apply(weighted[i][d]);
          }
        }
      }
      record(trace, name + ".attention.scores", allScores);
      record(trace, name + ".attention.probabilities", allProbabilities);
      record(trace, name + ".attention.context", c);
      return c;
    }
  }
}
