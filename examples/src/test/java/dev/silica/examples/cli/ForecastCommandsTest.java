package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.transformer.model.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of {@code train} and {@code evaluate}, on a tiny configuration. */
class ForecastCommandsTest {

  @TempDir Path dir;

  @Test
  void trainWritesAModelThatEvaluateScoresOnItsLastLine() {
    Path model = dir.resolve("model.json");
    CliRun train = CliRun.of("train", "--data", "traffic", "--window", "4", "--d-model", "4", "--bits", "8",
        "--epochs", "1", "--seed", "3", "-o", model.toString());
    assertEquals(0, train.exitCode(), train.err());
    assertTrue(train.out().contains("float epoch 1/1"), train.out());
    assertTrue(train.out().contains("qat8 epoch 1/3"), train.out());
    assertTrue(Files.isRegularFile(model));

    CliRun evaluate = CliRun.of("evaluate", model.toString(), "--blocks", "8");
    assertEquals(0, evaluate.exitCode(), evaluate.err());
    assertTrue(evaluate.out().contains("integer vs QAT by block, first 8 test windows:"), evaluate.out());
    assertTrue(evaluate.out().matches("(?s).*\\n  layer0\\.norm2\\.out +\\d+ of +\\d+ values differ\\n.*"),
        evaluate.out());
    assertTrue(evaluate.out().contains("integer prediction equals QAT prediction in "), evaluate.out());
    List<String> lines = evaluate.out().lines().toList();
    Matcher last = Pattern.compile("rmse: float=([0-9.]+) qat=([0-9.]+) integer=([0-9.]+)")
        .matcher(lines.get(lines.size() - 1));
    assertTrue(last.matches(), lines.get(lines.size() - 1));
    double qat = Double.parseDouble(last.group(2));
    double integer = Double.parseDouble(last.group(3));
    assertTrue(qat > 0 && Math.abs(integer - qat) < 0.01 * qat, "integer " + integer + " vs qat " + qat);
  }

  @Test
  void trainFromAFloatModelRunsOnlyTheQuantizationAwarePhase() throws IOException {
    Path floatModel = dir.resolve("float.json");
    assertEquals(0, CliRun.of("train", "--data", "traffic", "--window", "3", "--d-model", "4", "--bits", "float",
        "--epochs", "1", "--seed", "1", "-o", floatModel.toString()).exitCode());
    Path model = dir.resolve("qat.json");
    CliRun train = CliRun.of("train", "--data", "traffic", "--window", "3", "--d-model", "4", "--bits", "6",
        "--from", floatModel.toString(), "--qat-epochs", "2", "--input-bits", "10", "--seed", "1", "-o",
        model.toString());
    assertEquals(0, train.exitCode(), train.err());
    assertEquals(10, ModelFile.read(model).quantized().inputBits());
    assertFalse(train.out().contains("float epoch"), train.out());
    assertTrue(train.out().contains("qat6 epoch 2/2"), train.out());
    List<String> lines = CliRun.of("evaluate", model.toString()).out().lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches("rmse: float=[0-9.]+ qat=[0-9.]+ integer=[0-9.]+"),
        lines.toString());

    CliRun otherShape = CliRun.of("train", "--data", "traffic", "--window", "3", "--d-model", "8", "--bits", "6",
        "--from", floatModel.toString(), "--qat-epochs", "1", "--seed", "1", "-o", model.toString());
    assertEquals(1, otherShape.exitCode());
    assertTrue(otherShape.err().startsWith("silica: --from " + floatModel + ": the float model has window 3, "),
        otherShape.err());
    CliRun withEpochs = CliRun.of("train", "--data", "traffic", "--window", "3", "--d-model", "4", "--bits", "6",
        "--from", floatModel.toString(), "--qat-epochs", "1", "--epochs", "3", "--seed", "1", "-o",
        model.toString());
    assertEquals(2, withEpochs.exitCode());
    assertEquals("silica: --epochs does not go with --from: the float model is already trained\n", withEpochs.err());
  }

  @Test
  void aFloatModelHasNoQuantizedFigures() {
    Path model = dir.resolve("float.json");
    assertEquals(0, CliRun.of("train", "--data", "traffic", "--window", "3", "--d-model", "2", "--bits", "float",
        "--epochs", "1", "--seed", "1", "-o", model.toString()).exitCode());
    List<String> lines = CliRun.of("evaluate", model.toString()).out().lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches("rmse: float=[0-9.]+ qat=- integer=-"), lines.toString());
    CliRun blocks = CliRun.of("evaluate", model.toString(), "--blocks", "4");
    assertEquals(1, blocks.exitCode());
    assertEquals("silica: --blocks: " + model + " is a float-only model with no integer inference\n", blocks.err());
  }

  @Test
  void aBlockCountBelowOneIsAUsageError() throws IOException {
    Path model = dir.resolve("any.json");
    Files.writeString(model, "{}");
    CliRun run = CliRun.of("evaluate", model.toString(), "--blocks", "0");
    assertEquals(2, run.exitCode());
    assertEquals("silica: --blocks must be >= 1, got 0\n", run.err());
  }

  @Test
  void aFileOfTheFirstFormatVersionIsRejectedByItsFormatField() throws IOException {
    Path model = dir.resolve("old.json");
    Files.writeString(model, "{\"format\": \"silica-forecaster/1\", \"dataset\": \"traffic\"}");
    CliRun run = CliRun.of("evaluate", model.toString());
    assertEquals(1, run.exitCode());
    assertEquals("silica: " + model + ": format: expected \"silica-forecaster/2\", found \"silica-forecaster/1\""
        + " (retrain the model with this version of silica)\n", run.err());
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    CliRun bits = CliRun.of("train", "--data", "traffic", "--window", "4", "--d-model", "4", "--bits", "5",
        "--epochs", "1", "--seed", "3", "-o", dir.resolve("m.json").toString());
    assertEquals(2, bits.exitCode());
    assertEquals("silica: --bits must be 4, 6, 8 or float, got '5'\n", bits.err());
    CliRun data = CliRun.of("train", "--data", "weather", "--window", "4", "--d-model", "4", "--bits", "8",
        "--epochs", "1", "--seed", "3", "-o", dir.resolve("m.json").toString());
    assertEquals(2, data.exitCode());
    assertTrue(data.err().startsWith("silica: --data: unknown data set \"weather\""), data.err());
    CliRun heads = CliRun.of("train", "--data", "traffic", "--window", "4", "--d-model", "6", "--heads", "4",
        "--bits", "8", "--epochs", "1", "--seed", "3", "-o", dir.resolve("m.json").toString());
    assertEquals(2, heads.exitCode());
    assertEquals("silica: --heads must divide --d-model 6, got 4\n", heads.err());
    CliRun inputBits = CliRun.of("train", "--data", "traffic", "--window", "4", "--d-model", "4", "--bits", "4",
        "--input-bits", "9", "--epochs", "1", "--seed", "3", "-o", dir.resolve("m.json").toString());
    assertEquals(2, inputBits.exitCode());
    assertEquals("silica: --input-bits must be 4 to 8 (--bits to twice --bits), got 9\n", inputBits.err());
  }

  @Test
  void aMalformedModelFileNamesTheField() throws IOException {
    Path model = dir.resolve("broken.json");
    Files.writeString(model, "{\"format\": \"silica-forecaster/2\", \"dataset\": \"traffic\","
        + " \"model\": {\"window\": 4, \"features\": 1, \"dModel\": \"wide\", \"ffnFactor\": 4}}");
    CliRun run = CliRun.of("evaluate", model.toString());
    assertEquals(1, run.exitCode());
    assertEquals("silica: " + model + ": model.dModel: expected an integer, found \"wide\"\n", run.err());
  }
}
