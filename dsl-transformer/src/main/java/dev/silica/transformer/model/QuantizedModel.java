package dev.silica.transformer.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.silica.transformer.golden.DyadicMultiplier;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.QuantizedMultiplier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The integer-only forecasting Transformer: everything {@link IntegerForecaster} (and the hardware)
 * needs, as integers, plus each activation's scale for documentation and for turning the output
 * code back into a value. It is written to and read from JSON; reading checks every shape, width
 * and range against the header and names the offending field.
 *
 * <h2>JSON layout</h2>
 *
 * <pre>
 * { "format": "silica-quantized-forecaster/1",
 *   "bits": b, "window": n, "features": m, "dModel": d, "hidden": h,
 *   "activations": { NAME: {"scale": S, "zeroPoint": z, "bits": b, "signed": true}, ... },
 *       // NAME in ACTIVATIONS; real = S (code - z); "probabilities" is unsigned with z = 0, S = 1/(2^b - 1)
 *   "linears": { LAYER: {"weights": [[in x out codes]], "bias": [out], "weightBits": b,
 *                        "requant": {"multiplier": M0, "shift": s}}, ... },
 *       // LAYER in LINEARS; weights symmetric signed (zero point 0); bias in accumulator units
 *       // S_in S_w (the input zero point is folded in at load); requant is QuantizeMultiplier's
 *       // Q31 pair for S_in S_w / S_out, applied with TFLite double rounding
 *   "positionalEncoding": [[n x d codes at the embedding scale]],
 *   "attention": {"scoreRequant": {"multiplier", "shift"},     // S_q S_k / (sqrt(d) S_scores)
 *                 "expTable": [2^b entries, exp(-k S_scores) (2^16 - 1) rounded],
 *                 "contextRequant": {"multiplier", "shift"}},  // S_p S_v / S_context
 *   "residual1" / "residual2": {"multiplierA", "shiftA", "multiplierB", "shiftB", "guardBits"},
 *       // dyadic m / 2^shift for S_a / S_y 2^G and S_b / S_y 2^G (golden ResidualAdd)
 *   "norm1" / "norm2": {"multipliers": [d], "offsets": [d], "shift": n} }
 *       // BatchNorm folded: y = clamp((x A_c + B_c + 2^(n-1)) &gt;&gt; n) (golden FoldedBatchNorm)
 * </pre>
 */
public record QuantizedModel(int bits, int window, int features, int dModel, int hidden,
    ImmutableMap<String, QuantSpec> activations, ImmutableMap<String, LinearLayer> linears,
    int[][] positionalEncoding, QuantizedMultiplier scoreRequant, long[] expTable, QuantizedMultiplier contextRequant,
    Residual residual1, Norm norm1, Residual residual2, Norm norm2) {

  public static final String FORMAT = "silica-quantized-forecaster/1";

  /** The quantized activations, in data-flow order. */
  public static final ImmutableList<String> ACTIVATIONS = ImmutableList.of("input", "embedding", "query", "key",
      "value", "scores", "probabilities", "context", "projection", "residual1", "norm1", "ffn1", "ffn2", "residual2",
      "norm2", "output");

  /** The dense layers, in data-flow order. */
  public static final ImmutableList<String> LINEARS =
      ImmutableList.of("input", "query", "key", "value", "projection", "ffn1", "ffn2", "output");

  /** The entry width of the softmax's exponential table. */
  public static final int EXP_ENTRY_BITS = 16;

  /** A dense layer's integers. */
  public record LinearLayer(int[][] weights, long[] bias, int weightBits, QuantizedMultiplier requant) {}

  /** A residual add's two dyadic rescalings and guard bits. */
  public record Residual(DyadicMultiplier a, DyadicMultiplier b, int guardBits) {}

  /** A folded BatchNorm's per-channel multipliers and offsets and shared shift. */
  public record Norm(long[] multipliers, long[] offsets, int shift) {}

  /** The input and output activations of dense layer {@code layer}. */
  public static String[] linearEnds(String layer) {
    return switch (layer) {
      case "input" -> new String[] {"input", "embedding"};
      case "query", "key", "value" -> new String[] {"embedding", layer};
      case "projection" -> new String[] {"context", "projection"};
      case "ffn1" -> new String[] {"norm1", "ffn1"};
      case "ffn2" -> new String[] {"ffn1", "ffn2"};
      case "output" -> new String[] {"norm2", "output"};
      default -> throw new IllegalArgumentException("no dense layer " + layer);
    };
  }

  /** The shape {@code {in, out}} of dense layer {@code layer}. */
  public int[] linearShape(String layer) {
    return switch (layer) {
      case "input" -> new int[] {features, dModel};
      case "ffn1" -> new int[] {dModel, hidden};
      case "ffn2" -> new int[] {hidden, dModel};
      case "output" -> new int[] {dModel, 1};
      default -> new int[] {dModel, dModel};
    };
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("format", FORMAT);
    json.addProperty("bits", bits);
    json.addProperty("window", window);
    json.addProperty("features", features);
    json.addProperty("dModel", dModel);
    json.addProperty("hidden", hidden);
    JsonObject specs = new JsonObject();
    activations.forEach((name, spec) -> {
      JsonObject s = new JsonObject();
      s.addProperty("scale", spec.scale());
      s.addProperty("zeroPoint", spec.zeroPoint());
      s.addProperty("bits", spec.format().bits());
      s.addProperty("signed", spec.format().signed());
      specs.add(name, s);
    });
    json.add("activations", specs);
    JsonObject layers = new JsonObject();
    linears.forEach((name, layer) -> {
      JsonObject l = new JsonObject();
      l.add("weights", JsonFields.toJson(layer.weights()));
      l.add("bias", JsonFields.toJson(layer.bias()));
      l.addProperty("weightBits", layer.weightBits());
      l.add("requant", toJson(layer.requant()));
      layers.add(name, l);
    });
    json.add("linears", layers);
    json.add("positionalEncoding", JsonFields.toJson(positionalEncoding));
    JsonObject attention = new JsonObject();
    attention.add("scoreRequant", toJson(scoreRequant));
    attention.add("expTable", JsonFields.toJson(expTable));
    attention.add("contextRequant", toJson(contextRequant));
    json.add("attention", attention);
    json.add("residual1", toJson(residual1));
    json.add("norm1", toJson(norm1));
    json.add("residual2", toJson(residual2));
    json.add("norm2", toJson(norm2));
    return json;
  }

  private static JsonObject toJson(QuantizedMultiplier m) {
    JsonObject json = new JsonObject();
    json.add("multiplier", new JsonPrimitive(m.multiplier()));
    json.add("shift", new JsonPrimitive(m.shift()));
    return json;
  }

  private static JsonObject toJson(Residual r) {
    JsonObject json = new JsonObject();
    json.addProperty("multiplierA", r.a().multiplier());
    json.addProperty("shiftA", r.a().shift());
    json.addProperty("multiplierB", r.b().multiplier());
    json.addProperty("shiftB", r.b().shift());
    json.addProperty("guardBits", r.guardBits());
    return json;
  }

  private static JsonObject toJson(Norm n) {
    JsonObject json = new JsonObject();
    json.add("multipliers", JsonFields.toJson(n.multipliers()));
    json.add("offsets", JsonFields.toJson(n.offsets()));
    json.addProperty("shift", n.shift());
    return json;
  }

  /** Reads and checks a model; a malformed or inconsistent field throws {@link ModelFormatException} naming it. */
  public static QuantizedModel fromJson(JsonObject json, String path) {
    JsonFields f = new JsonFields(json, path);
    String format = f.string("format");
    if (!format.equals(FORMAT)) {
      throw new ModelFormatException(f.path("format"), "expected \"" + FORMAT + "\", got \"" + format + "\"");
    }
    int bits = f.integer("bits", 2, 16);
    int window = f.integer("window", 1, 4096);
    int features = f.integer("features", 1, 4096);
    int dModel = f.integer("dModel", 2, 4096);
    int hidden = f.integer("hidden", 1, 65536);
    JsonFields specs = f.object("activations");
    Map<String, QuantSpec> activations = new LinkedHashMap<>();
    for (String name : ACTIVATIONS) {
      activations.put(name, spec(specs.object(name), bits, name.equals("probabilities")));
    }
    for (String key : specs.keys()) {
      if (!ACTIVATIONS.contains(key)) {
        throw new ModelFormatException(specs.path(key), "unknown activation; expected one of " + ACTIVATIONS);
      }
    }
    QuantizedModel shape = new QuantizedModel(bits, window, features, dModel, hidden, null, null, null, null, null,
        null, null, null, null, null);
    JsonFields layers = f.object("linears");
    Map<String, LinearLayer> linears = new LinkedHashMap<>();
    for (String name : LINEARS) {
      JsonFields l = layers.object(name);
      int[] inOut = shape.linearShape(name);
      int weightBits = l.integer("weightBits", 2, 16);
      IntFormat w = IntFormat.signed(weightBits);
      int[][] weights = l.intMatrix("weights", inOut[0], inOut[1], w.min(), w.max());
      long[] bias = l.longs("bias", inOut[1], Integer.MIN_VALUE, Integer.MAX_VALUE);
      linears.put(name, new LinearLayer(weights, bias, weightBits, multiplier(l.object("requant"))));
    }
    IntFormat embedding = activations.get("embedding").format();
    int[][] encoding = f.intMatrix("positionalEncoding", window, dModel, -embedding.max() - 1,
        embedding.max() - embedding.min());
    JsonFields attention = f.object("attention");
    long[] expTable = attention.longs("expTable", 1 << bits, 0, (1L << EXP_ENTRY_BITS) - 1);
    for (int k = 1; k < expTable.length; k++) {
      if (expTable[k] > expTable[k - 1]) {
        throw new ModelFormatException(attention.path("expTable") + "[" + k + "]", "the table must not increase");
      }
    }
    return new QuantizedModel(bits, window, features, dModel, hidden, ImmutableMap.copyOf(activations),
        ImmutableMap.copyOf(linears), encoding, multiplier(attention.object("scoreRequant")), expTable,
        multiplier(attention.object("contextRequant")), residual(f.object("residual1")), norm(f.object("norm1"), dModel),
        residual(f.object("residual2")), norm(f.object("norm2"), dModel));
  }

  private static QuantSpec spec(JsonFields s, int bits, boolean probabilities) {
    double scale = s.number("scale");
    if (scale <= 0) {
      throw new ModelFormatException(s.path("scale"), "must be positive, got " + scale);
    }
    int width = s.integer("bits", 1, 16);
    if (width != bits) {
      throw new ModelFormatException(s.path("bits"), "expected the model's " + bits + " bits, got " + width);
    }
    boolean signed = s.bool("signed");
    if (signed == probabilities) {
      throw new ModelFormatException(s.path("signed"), probabilities ? "probabilities are unsigned" : "expected signed");
    }
    IntFormat format = new IntFormat(width, signed);
    int zeroPoint = (int) s.integer("zeroPoint", format.min(), format.max());
    return new QuantSpec(scale, zeroPoint, format);
  }

  private static QuantizedMultiplier multiplier(JsonFields m) {
    return new QuantizedMultiplier(m.integer("multiplier", 0, Integer.MAX_VALUE), m.integer("shift", -31, 30));
  }

  private static Residual residual(JsonFields r) {
    return new Residual(
        new DyadicMultiplier(r.integer("multiplierA", 0L, 1L << 32), r.integer("shiftA", 0, 62)),
        new DyadicMultiplier(r.integer("multiplierB", 0L, 1L << 32), r.integer("shiftB", 0, 62)),
        r.integer("guardBits", 0, 16));
  }

  private static Norm norm(JsonFields n, int channels) {
    return new Norm(n.longs("multipliers", channels, -(1L << 31), 1L << 31),
        n.longs("offsets", channels, -(1L << 52), 1L << 52), n.integer("shift", 0, 30));
  }
}
