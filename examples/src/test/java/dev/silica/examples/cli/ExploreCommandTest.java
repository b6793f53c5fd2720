package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.examples.explore.PointsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of {@code explore}, on a grid of two points of a tiny untrained model. */
class ExploreCommandTest {

  @TempDir Path dir;

  private static List<String> lastLines(String out, int count) {
    List<String> lines = out.lines().toList();
    return lines.subList(lines.size() - count, lines.size());
  }

  @Test
  void aTinyGridReportsItsInvalidPointAndWritesCsvPlotAndSummaryIntoTheOutputDirectory() throws IOException {
    Path output = dir.resolve("explore");
    CliRun run = CliRun.of("explore", "--bits", "8", "--window", "6", "--d-model", "8", "--rows", "3,4", "--cols",
        "2", "--multiplier", "dsp", "--storage", "distributed", "--check", "0", "--threads", "2", "--clock-mhz", "50",
        "-o", output.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("(6,8,8)      untrained (seed 1, airquality ranges): for resources and cycles only,"
        + " no RMSE"), run.out());
    assertTrue(run.out().contains("  invalid x1: array rows 4 do not divide the window 6"), run.out());
    assertEquals("explore: points=2 valid=1 fit=1 front=1 checked=0", lastLines(run.out(), 1).get(0));

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(Set.of("explore"), files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()),
          "no partial directory left beside the output");
    }
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(Set.of("points.csv", "latency-lut.svg", "summary.txt"),
          files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
    }
    List<String> csv = Files.readAllLines(output.resolve("points.csv"));
    assertEquals(3, csv.size());
    String model = "\"untrained (seed 1, airquality ranges)\"";
    assertTrue(csv.get(1).startsWith("8,6,8,3,2,dsp,distributed," + model + ",ok,"), csv.get(1));
    List<String> valid = List.of(csv.get(1).replace(model, "untrained").split(",", -1));
    long cycles = Long.parseLong(valid.get(PointsCsv.COLUMNS.indexOf("cycles")));
    assertEquals(String.format(Locale.ROOT, "%.3f", cycles / 50.0), valid.get(PointsCsv.COLUMNS.indexOf("latency_us")),
        "latency at 50 MHz");
    assertTrue(csv.get(2).contains("invalid: array rows 4 do not divide the window 6"), csv.get(2));
    assertTrue(Files.readString(output.resolve("summary.txt")).startsWith("2 points: 1 valid (1 fit the XC7S15),"
        + " 1 invalid\n"));
  }

  @Test
  void unknownAxisValuesAndNegativeCountsAreUsageErrors() {
    CliRun kind = CliRun.of("explore", "--multiplier", "lut,fancy", "-o", dir.resolve("x").toString());
    assertEquals(2, kind.exitCode());
    assertEquals("silica: --multiplier: unknown kind 'fancy'; valid kinds: lut, dsp, packed\n", kind.err());
    CliRun rows = CliRun.of("explore", "--rows", "0", "-o", dir.resolve("x").toString());
    assertEquals(2, rows.exitCode());
    assertEquals("silica: --rows values must be in 1..64, got 0\n", rows.err());
    CliRun check = CliRun.of("explore", "--check", "-1", "-o", dir.resolve("x").toString());
    assertEquals(2, check.exitCode());
    assertEquals("silica: --check must not be negative, got -1\n", check.err());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void aMissingModelFileIsAOneLineError() {
    CliRun run = CliRun.of("explore", "--model", dir.resolve("none.json").toString(), "-o", dir.resolve("x").toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("silica: --model '" + dir.resolve("none.json") + "': no bundled model"), run.err());
    assertEquals(1, run.err().lines().count());
  }
}
