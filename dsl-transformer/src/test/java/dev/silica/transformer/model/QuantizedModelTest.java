package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The integer export: its JSON round-trips, bad files name the field, and it computes what QAT computes. */
class QuantizedModelTest {

  @Test
  void theJsonFormReadsBackToTheSameModel() {
    QuantizedModel model = QuantizedExport.of(TinyModels.qat(8, 1));
    JsonObject json = model.toJson();
    assertEquals(json, QuantizedModel.fromJson(json, "").toJson());
  }

  @Test
  void aWeightOutsideItsWidthNamesTheField() {
    JsonObject json = QuantizedExport.of(TinyModels.qat(4, 2)).toJson();
    JsonArray row = json.getAsJsonObject("linears").getAsJsonObject("ffn1").getAsJsonArray("weights").get(1)
        .getAsJsonArray();
    row.set(2, new JsonPrimitive(8));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> QuantizedModel.fromJson(json, ""));
    assertEquals("linears.ffn1.weights[1][2]: 8 is outside [-8, 7]", e.getMessage());
  }

  @Test
  void aWrongShapeOrAMissingFieldNamesTheField() {
    JsonObject json = QuantizedExport.of(TinyModels.qat(6, 3)).toJson();
    json.getAsJsonObject("norm2").getAsJsonArray("offsets").remove(0);
    assertEquals("norm2.offsets: expected 4 values, got 3",
        assertThrows(ModelFormatException.class, () -> QuantizedModel.fromJson(json, "")).getMessage());
    JsonObject other = QuantizedExport.of(TinyModels.qat(6, 3)).toJson();
    other.getAsJsonObject("attention").remove("contextRequant");
    assertEquals("q.attention.contextRequant: missing",
        assertThrows(ModelFormatException.class, () -> QuantizedModel.fromJson(other, "q")).getMessage());
    JsonObject bits = QuantizedExport.of(TinyModels.qat(6, 3)).toJson();
    bits.getAsJsonObject("activations").getAsJsonObject("key").addProperty("bits", 8);
    assertEquals("activations.key.bits: expected the model's 6 bits, got 8",
        assertThrows(ModelFormatException.class, () -> QuantizedModel.fromJson(bits, "")).getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void integerInferenceIsWithinAFewOutputCodesOfTheFakeQuantizedModel(int bits) {
    Forecaster qat = TinyModels.qat(bits, 10 + bits);
    IntegerForecaster integer = new IntegerForecaster(QuantizedExport.of(qat));
    float[] windows = TinyModels.windows(new Random(7), 200);
    float[] expected = qat.forward(windows);
    double step = qat.outputQ.spec().scale();
    int perSample = TinyModels.CONFIG.window() * TinyModels.CONFIG.features();
    double sum = 0;
    for (int i = 0; i < expected.length; i++) {
      double gap = Math.abs(integer.predict(windows, i * perSample) - expected[i]) / step;
      // roundings differ by about half a code per block, and later blocks amplify them; a wrong
      // multiplier, zero point or table would be off by far more than these bounds
      assertTrue(gap <= 16 + 1e-6, "window " + i + " differs by " + gap + " output codes");
      sum += gap;
    }
    assertTrue(sum / expected.length <= 3, "mean difference " + sum / expected.length + " output codes");
  }
}
