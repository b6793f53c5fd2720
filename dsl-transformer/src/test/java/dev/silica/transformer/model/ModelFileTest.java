package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.silica.transformer.data.ForecastData;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

  private static final ForecastData DATA = TinyData.load(6, 400);
  private static final TrainedModel MODEL = TinyData.trained(DATA, 6);

  private static TrainedModel reread(JsonObject json) {
    return ModelFile.fromJson(new StringReader(json.toString()));
  }

  private static ModelFormatException rejected(Consumer<JsonObject> damage) {
    JsonObject json = ModelFile.toJson(MODEL);
    damage.accept(json);
    return assertThrows(ModelFormatException.class, () -> reread(json));
  }

  private static JsonObject integer(JsonObject root) {
    return root.getAsJsonObject("integer");
  }

  @Test
  void aWrittenFileReadsBackToTheSameModelAndTheSameIntegerOutputs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("model.json");
    ModelFile.write(file, MODEL);
    TrainedModel back = ModelFile.read(file);
    assertEquals(MODEL.config(), back.config());
    assertEquals(MODEL.summary(), back.summary());
    for (String name : MODEL.floatState().keySet()) {
      assertArrayEquals(MODEL.floatState().get(name), back.floatState().get(name), name);
      assertArrayEquals(MODEL.qatState().get(name), back.qatState().get(name), name);
    }
    assertEquals(MODEL.quantized().tensors(), back.quantized().tensors());
    assertArrayEquals(Evaluation.integerPredictions(new IntegerForecaster(MODEL.quantized()), DATA.test()),
        Evaluation.integerPredictions(new IntegerForecaster(back.quantized()), DATA.test()));
    assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
  }

  @Test
  void aFileWrittenBeforeLearnedWeightScalesReadsWithTheMaxAbsScales() {
    JsonObject json = ModelFile.toJson(MODEL);
    for (String state : new String[] {"float", "qat"}) {
      JsonObject object = json.getAsJsonObject(state);
      object.keySet().stream().filter(name -> name.endsWith(".weightScale")).toList().forEach(object::remove);
    }
    TrainedModel back = reread(json);
    ForecastModel qat = back.qatModel();
    assertEquals(0, qat.head().weightScale().value()[0]);
    assertEquals(Quantization.weightSpec(qat.head().weight().value(), 6), qat.head().weightSpec());
    assertArrayEquals(Batches.predict(MODEL.qatModel(), DATA.test(), Mode.QAT_INFERENCE),
        Batches.predict(qat, DATA.test(), Mode.QAT_INFERENCE));
  }

  @Test
  void aFloatOnlyModelHasNoQuantizedParts() {
    TrainedModel floatOnly = new TrainedModel(MODEL.dataset(), MODEL.config(), 0, 0, MODEL.summary(),
        MODEL.floatState(), null, null);
    TrainedModel back = reread(ModelFile.toJson(floatOnly));
    assertFalse(back.isQuantized());
  }

  @Test
  void aMissingLayerIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("dense").remove("layer0.query"));
    assertEquals("integer.dense.layer0.query", e.field());
    assertEquals("missing", e.problem());
  }

  @Test
  void aWeightMatrixOfTheWrongShapeIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("dense").getAsJsonObject("layer0.ffn1")
        .getAsJsonArray("weights").remove(0));
    assertEquals("integer.dense.layer0.ffn1.weights: expected 8 rows, found 7", e.getMessage());
  }

  @Test
  void aWeightCodeOutsideTheBitWidthIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("dense").getAsJsonObject("head")
        .getAsJsonArray("weights").get(2).getAsJsonArray().set(0, new JsonPrimitive(40)));
    assertEquals("integer.dense.head.weights[2][0]: 40 does not fit s6", e.getMessage());
  }

  @Test
  void aConstantOfTheWrongLengthIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("constants")
        .getAsJsonArray("layer0.norm1.offsets").remove(0));
    assertEquals("integer.constants.layer0.norm1.offsets: expected 8 values, found 7", e.getMessage());
  }

  @Test
  void anExponentialTableThatRisesIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("constants")
        .getAsJsonArray("layer0.attention.expTable").set(5, new JsonPrimitive(1 << 20)));
    assertEquals("integer.constants.layer0.attention.expTable", e.field());
  }

  @Test
  void anUnknownConstantIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("constants").add("layer9.norm1.shift",
        new JsonArray()));
    assertEquals("integer.constants.layer9.norm1.shift", e.field());
  }

  @Test
  void aResidualMultiplierThatWouldOverflowIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("constants")
        .getAsJsonArray("layer0.residual2.add").set(0, new JsonPrimitive(1L << 58)));
    assertEquals("integer.constants.layer0.residual2.add: a rescaled operand would overflow 62 bits", e.getMessage());
  }

  @Test
  void theHeadHasNoRequantizer() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("constants").add("head.requantizer",
        new JsonArray()));
    assertEquals("integer.constants.head.requantizer", e.field());
  }

  @Test
  void aRequantizerMultiplierOutsideInt32IsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("constants")
        .getAsJsonArray("layer0.ffn2.requantizer").set(0, new JsonPrimitive(1L << 32)));
    assertEquals("integer.constants.layer0.ffn2.requantizer", e.field());
  }

  @Test
  void anActivationSpecOfTheWrongWidthIsNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("tensors")
        .getAsJsonObject("layer0.residual1").addProperty("bits", 8));
    assertEquals("integer.tensors.layer0.residual1", e.field());
  }

  @Test
  void inputCodesNarrowerThanTheActivationsAreNamed() {
    ModelFormatException e = rejected(json -> integer(json).getAsJsonObject("tensors")
        .getAsJsonObject("input").addProperty("bits", 4));
    assertEquals("integer.tensors.input", e.field());
    assertEquals("integer.tensors.input: expected signed codes of 6 to 16 bits, found s4", e.getMessage());
  }

  @Test
  void aParameterThatIsNotANumberIsNamed() {
    ModelFormatException e = rejected(json -> json.getAsJsonObject("float").getAsJsonArray("embedding.weight")
        .set(3, new JsonPrimitive("x")));
    assertEquals("float.embedding.weight[3]", e.field());
  }

  @Test
  void aParameterOfTheWrongLengthIsNamed() {
    ModelFormatException e = rejected(json -> json.getAsJsonObject("qat").getAsJsonArray("head.bias").add(1.0));
    assertEquals("qat.head.bias: expected 1 values, found 2", e.getMessage());
  }

  @Test
  void anUnsupportedBitWidthIsNamed() {
    ModelFormatException e = rejected(json -> json.addProperty("bits", 1));
    assertEquals("bits", e.field());
  }

  @Test
  void anUnknownFormatIsRejected() {
    ModelFormatException e = rejected(json -> json.addProperty("format", "other/2"));
    assertEquals("format", e.field());
  }

  @Test
  void aVersionOneFileIsRejectedByItsFormatField() {
    ModelFormatException e = rejected(json -> json.addProperty("format", "silica-forecaster/1"));
    assertEquals("format", e.field());
    assertEquals("expected \"silica-forecaster/2\", found \"silica-forecaster/1\" (retrain the model with this "
        + "version of silica)", e.problem());
  }

  @Test
  void brokenJsonSyntaxIsReportedWithItsPosition() {
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> ModelFile.fromJson(new StringReader("{\"format\": \"silica-forecaster/2\",\n \"dataset\" \"traffic\"}")));
    assertEquals("(syntax)", e.field());
    assertEquals(true, e.problem().contains("line 2"), e.problem());
  }
}
