package dev.silica.transformer.model;

import com.google.common.collect.ImmutableMap;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trained forecaster on disk (JSON): which data it was trained on, its shape, the float model's
 * state, and, for a quantized run, the QAT model's state and its integer-only {@link
 * QuantizedModel} export. Written atomically (a temporary file moved over the target), so a run
 * interrupted at any moment leaves the previous complete file.
 *
 * <pre>
 * { "format": "silica-forecaster/1", "data": "airquality", "seed": 1,
 *   "config": {"window": n, "features": m, "dModel": d, "ffnFactor": 4},
 *   "float": {TENSOR: [values], ...},               // ModelState: parameters and BatchNorm statistics
 *   "qat": {"bits": b, "state": {TENSOR: [...], "range.NAME": [min, max], ...}},   // optional
 *   "quantized": QuantizedModel }                    // optional, with "qat"
 * </pre>
 */
public record ModelFile(String data, long seed, ModelConfig config, ModelState floatState, int bits,
    Optional<ModelState> qatState, Optional<QuantizedModel> quantized) {

  public static final String FORMAT = "silica-forecaster/1";

  private static final Gson GSON = new GsonBuilder().create();

  /** The float model rebuilt from this file. */
  public Forecaster floatModel() {
    Forecaster model = new Forecaster(config, seed);
    floatState.restore(model);
    return model;
  }

  /** The QAT model rebuilt from this file, if it has one. */
  public Optional<Forecaster> qatModel() {
    return qatState.map(state -> {
      Forecaster model = new Forecaster(config, seed);
      model.enableQuantization(bits);
      state.restore(model);
      return model;
    });
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("format", FORMAT);
    json.addProperty("data", data);
    json.addProperty("seed", seed);
    JsonObject c = new JsonObject();
    c.addProperty("window", config.window());
    c.addProperty("features", config.features());
    c.addProperty("dModel", config.dModel());
    c.addProperty("ffnFactor", config.ffnFactor());
    json.add("config", c);
    json.add("float", toJson(floatState));
    qatState.ifPresent(state -> {
      JsonObject qat = new JsonObject();
      qat.addProperty("bits", bits);
      qat.add("state", toJson(state));
      json.add("qat", qat);
    });
    quantized.ifPresent(q -> json.add("quantized", q.toJson()));
    return json;
  }

  private static JsonObject toJson(ModelState state) {
    JsonObject json = new JsonObject();
    state.tensors().forEach((name, values) -> json.add(name, JsonFields.toJson(values)));
    return json;
  }

  /** Writes the file atomically. */
  public void write(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temporary, GSON.toJson(toJson()), StandardCharsets.UTF_8);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Reads and checks a file; malformed or inconsistent content throws {@link ModelFormatException} naming the field. */
  public static ModelFile read(Path path) throws IOException {
    JsonObject json;
    try {
      var element = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
      if (!element.isJsonObject()) {
        throw new ModelFormatException("(root)", "expected a JSON object");
      }
      json = element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new ModelFormatException("(root)", "not valid JSON: " + e.getMessage());
    }
    return fromJson(json);
  }

  public static ModelFile fromJson(JsonObject json) {
    JsonFields f = new JsonFields(json, "");
    String format = f.string("format");
    if (!format.equals(FORMAT)) {
      throw new ModelFormatException("format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
    }
    JsonFields c = f.object("config");
    ModelConfig config = new ModelConfig(c.integer("window", 1, 4096), c.integer("features", 1, 4096),
        c.integer("dModel", 2, 4096), c.integer("ffnFactor", 1, 64));
    if (config.dModel() % 2 != 0) {
      throw new ModelFormatException("config.dModel", "must be even");
    }
    Forecaster shape = new Forecaster(config, 0);
    ModelState floatState = state(f.object("float"), shape);
    int bits = 0;
    Optional<ModelState> qat = Optional.empty();
    Optional<QuantizedModel> quantized = Optional.empty();
    if (f.has("qat")) {
      JsonFields q = f.object("qat");
      bits = q.integer("bits", 2, 16);
      shape.enableQuantization(bits);
      qat = Optional.of(state(q.object("state"), shape));
      QuantizedModel model = QuantizedModel.fromJson(f.object("quantized").toObject(), "quantized");
      checkMatches(model, config, bits);
      quantized = Optional.of(model);
    }
    return new ModelFile(f.string("data"), f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE), config, floatState,
        bits, qat, quantized);
  }

  private static void checkMatches(QuantizedModel model, ModelConfig config, int bits) {
    int[][] pairs = {{model.bits(), bits}, {model.window(), config.window()}, {model.features(), config.features()},
        {model.dModel(), config.dModel()}, {model.hidden(), config.hidden()}};
    String[] names = {"bits", "window", "features", "dModel", "hidden"};
    for (int i = 0; i < pairs.length; i++) {
      if (pairs[i][0] != pairs[i][1]) {
        throw new ModelFormatException("quantized." + names[i],
            pairs[i][0] + " disagrees with the model's " + pairs[i][1]);
      }
    }
  }

  private static ModelState state(JsonFields json, Forecaster shape) {
    ModelState template = ModelState.of(shape);
    Map<String, float[]> tensors = new LinkedHashMap<>();
    template.tensors().forEach((name, values) -> tensors.put(name, json.floats(name, values.length)));
    return new ModelState(ImmutableMap.copyOf(tensors));
  }
}
