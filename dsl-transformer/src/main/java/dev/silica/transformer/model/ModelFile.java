package dev.silica.transformer.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.silica.transformer.data.Dataset;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.QuantSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes a {@link TrainedModel} as JSON (format {@value #FORMAT}). The document:
 *
 * <pre>{@code
 * {
 *   "format": "silica-forecaster/2",
 *   "dataset": "airquality" | "traffic",
 *   "model": {"window": n, "features": m, "dModel": d, "ffnFactor": 4, "layers": 1, "heads": 1},
 *   "bits": 4 | 6 | 8 | 0 (float only),
 *   "probabilityBits": softmax probability width,
 *   "training": {"seed", "floatEpochs", "qatEpochs", "floatSeconds", "qatSeconds",
 *                "floatValidationLoss", "qatValidationLoss" (QAT fields absent for float runs)},
 *   "float": {parameter name: [values...]},          // best float model, row-major tensors
 *   "qat": {parameter name: [values...]},            // best QAT model incl. "<tensor>.range" = [min, max, seen]
 *                                                    // and "<dense>.weightScale" = [S] (0: max-abs; may be absent)
 *   "integer": {                                     // integer-only export, absent for float runs
 *     "tensors": {name: {"scale", "zeroPoint", "bits", "signed"}},   // real = scale * (code - zeroPoint)
 *     "dense": {name: {"weightScale", "weights": [[in x out codes]], "bias": [out codes]}},
 *     "constants": {name: [integers...]}             // see QuantizedModel
 *   }
 * }
 * }</pre>
 *
 * <p>Weights are symmetric (zero point 0) with {@code bits} bits; biases are int32 codes at scale
 * {@code inputScale * weightScale}. {@code constants} holds every other integer of the integer-only
 * model: requantizer {@code [multiplier, shift]} pairs from {@code QuantizeMultiplier} for every
 * linear layer but the head, whose accumulator is the forecast (the attention scale folded into
 * the score requantizer), the positional-encoding ROM, the softmax
 * exponential tables, the residual adds' rescalings and the folded BatchNorm multipliers, offsets
 * and shift ({@link QuantizedModel} lists the names). Reading builds the {@link
 * IntegerForecaster}, so a file whose integers do not fit their shapes or widths is rejected. Any
 * malformed or inconsistent field raises a {@link ModelFormatException} whose message starts with
 * the field's path.
 */
public final class ModelFile {

  /**
   * The format tag this class writes and accepts. Version 2: the head keeps its accumulator (no
   * {@code head.out} tensor or head requantizer), residual adds round once, BatchNorm multipliers
   * are wider; version 1 files must be retrained.
   */
  public static final String FORMAT = "silica-forecaster/2";

  private ModelFile() {}

  /** Writes atomically: a reader never sees a half-written file, and an interrupted run keeps the last one. */
  public static void write(Path path, TrainedModel model) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      writer.write(toJson(model).toString());
      writer.write('\n');
    }
    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads and checks a model file. */
  public static TrainedModel read(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return fromJson(reader);
    }
  }

  /** Parses and checks a model document. */
  public static TrainedModel fromJson(Reader reader) {
    JsonElement root;
    try {
      root = JsonParser.parseReader(reader);
    } catch (JsonParseException e) {
      throw new ModelFormatException("(syntax)", e.getMessage());
    }
    return fromJson(JsonFields.root(root));
  }

  /** The JSON tree of {@code model}. */
  public static JsonObject toJson(TrainedModel model) {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("dataset", model.dataset().cliName());
    ModelConfig c = model.config();
    JsonObject shape = new JsonObject();
    shape.addProperty("window", c.window());
    shape.addProperty("features", c.features());
    shape.addProperty("dModel", c.dModel());
    shape.addProperty("ffnFactor", c.ffnFactor());
    shape.addProperty("layers", c.layers());
    shape.addProperty("heads", c.heads());
    root.add("model", shape);
    root.addProperty("bits", model.bits());
    root.addProperty("probabilityBits", model.probabilityBits());
    TrainedModel.TrainingSummary s = model.summary();
    JsonObject training = new JsonObject();
    training.addProperty("seed", s.seed());
    training.addProperty("floatEpochs", s.floatEpochs());
    training.addProperty("floatSeconds", s.floatSeconds());
    training.addProperty("floatValidationLoss", s.floatValidationLoss());
    if (model.isQuantized()) {
      training.addProperty("qatEpochs", s.qatEpochs());
      training.addProperty("qatSeconds", s.qatSeconds());
      training.addProperty("qatValidationLoss", s.qatValidationLoss());
    }
    root.add("training", training);
    root.add("float", state(model.floatState()));
    if (model.isQuantized()) {
      root.add("qat", state(model.qatState()));
      root.add("integer", integer(model.quantized()));
    }
    return root;
  }

  private static JsonObject state(Map<String, double[]> state) {
    JsonObject object = new JsonObject();
    state.forEach((name, values) -> object.add(name, numbers(values)));
    return object;
  }

  private static JsonArray numbers(double[] values) {
    JsonArray array = new JsonArray(values.length);
    for (double v : values) {
      array.add(v);
    }
    return array;
  }

  private static JsonArray integers(long[] values) {
    JsonArray array = new JsonArray(values.length);
    for (long v : values) {
      array.add(v);
    }
    return array;
  }

  private static JsonObject integer(QuantizedModel q) {
    JsonObject integer = new JsonObject();
    JsonObject tensors = new JsonObject();
    q.tensors().forEach((name, spec) -> {
      JsonObject t = new JsonObject();
      t.addProperty("scale", spec.scale());
      t.addProperty("zeroPoint", spec.zeroPoint());
      t.addProperty("bits", spec.format().bits());
      t.addProperty("signed", spec.format().signed());
      tensors.add(name, t);
    });
    integer.add("tensors", tensors);
    JsonObject dense = new JsonObject();
    q.dense().forEach((name, codes) -> {
      JsonObject d = new JsonObject();
      d.addProperty("weightScale", codes.weightSpec().scale());
      JsonArray rows = new JsonArray();
      for (int[] row : codes.weights()) {
        rows.add(integers(Arrays.stream(row).asLongStream().toArray()));
      }
      d.add("weights", rows);
      d.add("bias", integers(codes.bias()));
      dense.add(name, d);
    });
    integer.add("dense", dense);
    JsonObject constants = new JsonObject();
    q.constants().forEach((name, values) -> constants.add(name, integers(values)));
    integer.add("constants", constants);
    return integer;
  }

  private static TrainedModel fromJson(JsonFields root) {
    String format = root.string("format");
    if (!format.equals(FORMAT)) {
      throw new ModelFormatException("format",
          "expected \"" + FORMAT + "\", found \"" + format + "\" (retrain the model with this version of silica)");
    }
    Dataset dataset;
    try {
      dataset = Dataset.fromCliName(root.string("dataset"));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("dataset", e.getMessage());
    }
    JsonFields shape = root.object("model");
    ModelConfig config;
    try {
      config = new ModelConfig(shape.smallInteger("window"), shape.smallInteger("features"),
          shape.smallInteger("dModel"), shape.smallInteger("ffnFactor"), shape.smallInteger("layers"),
          shape.smallInteger("heads"));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model", e.getMessage());
    }
    int bits = root.smallInteger("bits");
    if (bits != 0 && (bits < 2 || bits > 16)) {
      throw new ModelFormatException("bits", "expected 0 (float) or 2..16, found " + bits);
    }
    int probabilityBits = root.smallInteger("probabilityBits");
    if (bits != 0 && (probabilityBits < 2 || probabilityBits > 16)) {
      throw new ModelFormatException("probabilityBits", "expected 2..16, found " + probabilityBits);
    }
    JsonFields t = root.object("training");
    boolean quantized = bits != 0;
    TrainedModel.TrainingSummary summary = new TrainedModel.TrainingSummary(t.integer("seed"),
        t.smallInteger("floatEpochs"), quantized ? t.smallInteger("qatEpochs") : 0, t.number("floatSeconds"),
        quantized ? t.number("qatSeconds") : Double.NaN, t.number("floatValidationLoss"),
        quantized ? t.number("qatValidationLoss") : Double.NaN);
    ForecastModel reference = new ForecastModel(config, 0);
    Map<String, double[]> floatState = state(root.object("float"), reference);
    if (!quantized) {
      return new TrainedModel(dataset, config, 0, 0, summary, floatState, null, null);
    }
    Map<String, double[]> qatState = state(root.object("qat"), reference);
    QuantizedModel q = integer(root.object("integer"), config, bits, probabilityBits);
    return new TrainedModel(dataset, config, bits, probabilityBits, summary, floatState, qatState, q);
  }

  private static Map<String, double[]> state(JsonFields object, ForecastModel reference) {
    Map<String, double[]> state = new LinkedHashMap<>();
    for (Param p : reference.params()) {
      if (p.isOptional() && !object.has(p.name())) {
        state.put(p.name(), new double[p.size()]);
        continue;
      }
      double[] values = object.numbers(p.name());
      if (values.length != p.size()) {
        throw new ModelFormatException(object.path(p.name()),
            "expected " + p.size() + " values, found " + values.length);
      }
      state.put(p.name(), values);
    }
    for (String name : object.keys()) {
      if (!state.containsKey(name)) {
        throw new ModelFormatException(object.path(name), "no such parameter in this model shape");
      }
    }
    return state;
  }

  private static QuantizedModel integer(JsonFields integer, ModelConfig config, int bits, int probabilityBits) {
    JsonFields tensorsField = integer.object("tensors");
    Map<String, QuantSpec> tensors = new LinkedHashMap<>();
    for (String name : tensorsField.keys()) {
      JsonFields t = tensorsField.object(name);
      try {
        IntFormat format = new IntFormat(t.smallInteger("bits"), t.bool("signed"));
        tensors.put(name, new QuantSpec(t.number("scale"), t.smallInteger("zeroPoint"), format));
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(tensorsField.path(name), e.getMessage());
      }
    }
    JsonFields denseField = integer.object("dense");
    Map<String, QuantizedModel.DenseCodes> dense = new LinkedHashMap<>();
    for (String name : denseField.keys()) {
      JsonFields d = denseField.object(name);
      QuantSpec weightSpec;
      try {
        weightSpec = QuantSpec.symmetric(d.number("weightScale"), bits);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(d.path("weightScale"), e.getMessage());
      }
      dense.put(name, new QuantizedModel.DenseCodes(weightSpec, d.integerMatrix("weights"), d.integers("bias")));
    }
    JsonFields constantsField = integer.object("constants");
    Map<String, long[]> constants = new LinkedHashMap<>();
    for (String name : constantsField.keys()) {
      constants.put(name, constantsField.integers(name));
    }
    QuantizedModel model = new QuantizedModel(config, bits, probabilityBits, tensors, dense, constants);
    try {
      new IntegerForecaster(model);
    } catch (ModelFormatException e) {
      throw e.within("integer");
    }
    return model;
  }
}
