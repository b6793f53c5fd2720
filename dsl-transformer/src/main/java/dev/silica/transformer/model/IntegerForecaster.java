package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.GlobalAvgPool;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntSoftmax;
import dev.silica.transformer.golden.Linear;
import dev.silica.transformer.golden.MatMul;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.Relu;
import dev.silica.transformer.golden.Requantizer;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.HashMap;
import java.util.Map;

/**
 * Integer-only inference of a {@link QuantizedModel}, composed of the golden models of the blocks
 * ({@link Linear}, {@link PositionalEncoding}, {@link MatMul} with {@link Requantizer}s, {@link
 * IntSoftmax} over an {@link ExpLut}, {@link ResidualAdd}, {@link FoldedBatchNorm}, {@link Relu},
 * {@link GlobalAvgPool}): what the hardware must reproduce bit for bit. Quantizing the input window
 * and dequantizing the output code are the only real-valued steps, at the model's boundary.
 *
 * <p>Against the QAT model's fake-quantized output it differs only by rounding: the rounded Q31
 * multipliers and double rounding of the requantizers, the residual adds' 16-bit rescalings, the
 * folded BatchNorm's 16-bit coefficients, the softmax's 16-bit exponential table and rounded
 * division, and the pooling's half-up mean (each measured in the golden models' javadocs).
 */
public final class IntegerForecaster {

  private final QuantizedModel model;
  private final Map<String, Linear> linears = new HashMap<>();
  private final PositionalEncoding encoding;
  private final Requantizer scores;
  private final IntSoftmax softmax;
  private final Requantizer context;
  private final ResidualAdd residual1;
  private final FoldedBatchNorm norm1;
  private final ResidualAdd residual2;
  private final FoldedBatchNorm norm2;

  public IntegerForecaster(QuantizedModel model) {
    this.model = model;
    for (String name : QuantizedModel.LINEARS) {
      QuantizedModel.LinearLayer layer = model.linears().get(name);
      String[] ends = QuantizedModel.linearEnds(name);
      QuantSpec in = spec(ends[0]);
      QuantSpec out = spec(ends[1]);
      linears.put(name, new Linear(layer.weights(), layer.bias(), in.format(), in.zeroPoint(),
          IntFormat.signed(layer.weightBits()), Requantizer.doubleRounding(layer.requant(), out.zeroPoint(),
              out.format())));
    }
    encoding = new PositionalEncoding(model.positionalEncoding(), spec("embedding"));
    QuantSpec scoreSpec = spec("scores");
    scores = Requantizer.doubleRounding(model.scoreRequant(), scoreSpec.zeroPoint(), scoreSpec.format());
    softmax = new IntSoftmax(scoreSpec.format(), ExpLut.ofTable(model.expTable()), model.bits(), model.window(),
        IntSoftmax.Normalizer.DIVIDER);
    QuantSpec contextSpec = spec("context");
    context = Requantizer.doubleRounding(model.contextRequant(), contextSpec.zeroPoint(), contextSpec.format());
    residual1 = new ResidualAdd(spec("embedding"), spec("projection"), spec("residual1"), model.residual1().a(),
        model.residual1().b(), model.residual1().guardBits());
    norm1 = FoldedBatchNorm.of(model.norm1().multipliers(), model.norm1().offsets(), model.norm1().shift(),
        spec("residual1"), spec("norm1"));
    residual2 = new ResidualAdd(spec("norm1"), spec("ffn2"), spec("residual2"), model.residual2().a(),
        model.residual2().b(), model.residual2().guardBits());
    norm2 = FoldedBatchNorm.of(model.norm2().multipliers(), model.norm2().offsets(), model.norm2().shift(),
        spec("residual2"), spec("norm2"));
  }

  private QuantSpec spec(String name) {
    return model.activations().get(name);
  }

  /** The output code for one window of input codes, {@code codes[position][feature]}. */
  public int forwardCodes(int[][] codes) {
    int n = model.window();
    Preconditions.checkArgument(codes.length == n, "expected %s positions, got %s", n, codes.length);
    int[][] embedded = new int[n][];
    for (int t = 0; t < n; t++) {
      embedded[t] = linears.get("input").apply(codes[t]);
    }
    int[][] z = encoding.apply(embedded);
    int[][] q = centered(applyRows("query", z), spec("query").zeroPoint());
    int[][] k = centered(applyRows("key", z), spec("key").zeroPoint());
    int[][] v = centered(applyRows("value", z), spec("value").zeroPoint());
    long[][] scoreAcc = MatMul.multiply(q, transpose(k));
    int[][] probabilities = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] row = new int[n];
      for (int j = 0; j < n; j++) {
        row[j] = scores.apply(scoreAcc[i][j]);
      }
      probabilities[i] = softmax.apply(row);
    }
    long[][] contextAcc = MatMul.multiply(probabilities, v);
    int[][] attended = new int[n][model.dModel()];
    for (int t = 0; t < n; t++) {
      for (int c = 0; c < model.dModel(); c++) {
        attended[t][c] = context.apply(contextAcc[t][c]);
      }
    }
    int[][] projected = applyRows("projection", attended);
    int[][] normed1 = new int[n][];
    int[][] normed2 = new int[n][];
    int ffn1Zero = spec("ffn1").zeroPoint();
    for (int t = 0; t < n; t++) {
      normed1[t] = norm1.apply(residual1.apply(z[t], projected[t]));
      int[] hidden = Relu.apply(linears.get("ffn1").apply(normed1[t]), ffn1Zero);
      int[] ffn = linears.get("ffn2").apply(hidden);
      normed2[t] = norm2.apply(residual2.apply(normed1[t], ffn));
    }
    return linears.get("output").apply(GlobalAvgPool.apply(normed2))[0];
  }

  /** The standardized prediction for one window of standardized inputs ({@code window x features}, row-major). */
  public double predict(float[] window, int offset) {
    QuantSpec input = spec("input");
    int[][] codes = new int[model.window()][model.features()];
    for (int t = 0; t < model.window(); t++) {
      for (int f = 0; f < model.features(); f++) {
        codes[t][f] = input.quantize(window[offset + t * model.features() + f]);
      }
    }
    return spec("output").dequantize(forwardCodes(codes));
  }

  private int[][] applyRows(String layer, int[][] rows) {
    int[][] result = new int[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      result[t] = linears.get(layer).apply(rows[t]);
    }
    return result;
  }

  private static int[][] centered(int[][] codes, int zeroPoint) {
    int[][] result = new int[codes.length][codes[0].length];
    for (int i = 0; i < codes.length; i++) {
      for (int j = 0; j < codes[i].length; j++) {
        result[i][j] = codes[i][j] - zeroPoint;
      }
    }
    return result;
  }

  private static int[][] transpose(int[][] m) {
    int[][] t = new int[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }
}
