package dev.silica.transformer.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.dsl.ParameterError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecaster generator's one-line errors for a wrong model or an array that does not fit it. */
class ForecasterGeneratorTest {

  private static String error(Map<String, String> params) {
    return assertThrows(ParameterError.class, () -> new ForecasterGenerator().generate(params)).getMessage();
  }

  @Test
  void anUnknownModelNamesTheBundledOnes() {
    assertEquals("model 'nope.json': no bundled model (air-12-32-4, traffic-12-32-4) and no model file named"
        + " 'nope.json'", error(Map.of("model", "nope.json")));
  }

  @Test
  void aFileThatIsNotAModelSaysWhatIsWrong(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"format\": \"something-else\"}");
    String message = error(Map.of("model", file.toString()));
    assertEquals(true, message.startsWith("model '" + file + "': "), message);
    assertEquals(1, message.lines().count());
  }

  @Test
  void anArrayThatDoesNotDivideTheModelIsNamed() {
    assertEquals("forecaster 12x5 lut: array columns 5 do not divide the head size 32 (d_model 32 / 1 heads)",
        error(Map.of("cols", "5")));
  }

  @Test
  void packedMultipliersThatCannotHoldTheSumsAreRefused() {
    assertEquals("forecaster 12x4 packed: two s5 operands 21 bits apart (the 128-term sum's width) need 27 bits,"
        + " the A port has 25", error(Map.of("multiplier", "packed")));
  }

  @Test
  void anUnknownStorageListsTheChoices() {
    assertEquals("parameter 'storage' = 'flash' is invalid: expected block or distributed",
        error(Map.of("storage", "flash")));
  }
}
