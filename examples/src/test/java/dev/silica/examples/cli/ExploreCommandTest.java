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

/**
 * The command-line contract of {@code explore}, on small grids of a tiny untrained model and one
 * point of the bundled trained model.
 */
class ExploreCommandTest {

  @TempDir Path dir;

  private static List<String> lastLines(String out, int count) {
    List<String> lines = out.lines().toList();
    return lines.subList(lines.size() - count, lines.size());
  }

  /** The rows of a CSV whose only quoted fields are the model's source, split into fields. */
  private static List<List<String>> rows(Path csv, String model) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).map(l -> List.of(l.replace(model, "untrained").split(",", -1)))
        .toList();
  }

  private static String column(List<String> row, String name) {
    return row.get(PointsCsv.COLUMNS.indexOf(name));
  }

  @Test
  void aTinyGridReportsItsInvalidPointsSimulatesTheFittingOneAndWritesCsvPlotAndSummary() throws IOException {
    Path output = dir.resolve("explore");
    CliRun run = CliRun.of("explore", "--bits", "8", "--window", "6", "--d-model", "8", "--rows", "3,4", "--cols",
        "2,8", "--multiplier", "dsp", "--storage", "distributed", "--check", "0", "--threads", "2", "--clock-mhz", "50",
        "-o", output.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("(6,8,8)      untrained (seed 1, airquality ranges): for resources and cycles only,"
        + " no RMSE"), run.out());
    assertTrue(run.out().contains("  invalid x2: array rows 4 do not divide the window 6"), run.out());
    assertEquals("explore: points=4 valid=2 fit=1 front=1 checked=0 energy=1", lastLines(run.out(), 1).get(0));

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(Set.of("explore"), files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()),
          "no partial directory left beside the output");
    }
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(Set.of("points.csv", "latency-lut.svg", "summary.txt"),
          files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()), "no RMSE, so no RMSE plots");
    }
    String model = "\"untrained (seed 1, airquality ranges)\"";
    assertTrue(Files.readAllLines(output.resolve("points.csv")).get(1)
        .startsWith("8,6,8,3,2,dsp,distributed," + model + ",ok,"));
    List<List<String>> rows = rows(output.resolve("points.csv"), model);
    assertEquals(4, rows.size());
    List<String> fitting = rows.get(0);
    assertEquals("yes", column(fitting, "fits"));
    long cycles = Long.parseLong(column(fitting, "cycles"));
    assertEquals(String.format(Locale.ROOT, "%.3f", cycles / 50.0), column(fitting, "latency_us"), "latency at 50 MHz");
    assertTrue(Double.parseDouble(column(fitting, "energy_mj")) > 0, fitting.toString());
    assertEquals("1/1", column(fitting, "energy_exact"), "one test window, bit-exact");
    List<String> tooBig = rows.get(1);
    assertEquals("8", column(tooBig, "cols"));
    assertEquals("no", column(tooBig, "fits"));
    for (List<String> row : rows) {
      assertEquals(column(row, "fits").equals("yes"), !column(row, "energy_mj").isEmpty(),
          "energy exactly for the fitting points: " + row);
    }
    assertTrue(column(rows.get(2), "status").contains("invalid: array rows 4 do not divide the window 6"));
    String summary = Files.readString(output.resolve("summary.txt"));
    assertTrue(summary.startsWith("4 points: 2 valid (1 fit the XC7S15), 2 invalid\n"), summary);
    assertTrue(summary.contains(String.format(Locale.ROOT, "energy per inference (as silica energy) simulated for 1 of"
        + " 1 fitting point: %1$s to %1$s mJ, median %1$s; 1 of 1 simulated inferences bit-exact\n",
        column(fitting, "energy_mj"))), summary);
  }

  @Test
  void zeroEnergyWindowsSimulatesNothingAndLeavesTheEnergyCellsEmpty() throws IOException {
    Path output = dir.resolve("explore");
    CliRun run = CliRun.of("explore", "--bits", "8", "--window", "6", "--d-model", "8", "--rows", "3", "--cols", "2",
        "--multiplier", "dsp", "--storage", "distributed", "--check", "0", "--energy-windows", "0", "-o",
        output.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("explore: points=1 valid=1 fit=1 front=1 checked=0 energy=0", lastLines(run.out(), 1).get(0));
    List<String> row = rows(output.resolve("points.csv"), "\"untrained (seed 1, airquality ranges)\"").get(0);
    assertEquals("yes", column(row, "fits"));
    assertEquals("", column(row, "energy_mj"));
    assertEquals("", column(row, "energy_exact"));
    assertTrue(run.out().contains("\nenergy per inference: not simulated (1 fitting point)\n"), run.out());
  }

  @Test
  void aTrainedModelGivesTheEnergyAgainstRmsePlotAndFront() throws IOException {
    Path output = dir.resolve("explore");
    CliRun run = CliRun.of("explore", "--model", "air-12-32-4", "--bits", "4", "--window", "12", "--d-model", "32",
        "--rows", "3", "--cols", "4", "--multiplier", "dsp", "--storage", "block", "--check", "0", "-o",
        output.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("explore: points=1 valid=1 fit=1 front=1 checked=0 energy=1", lastLines(run.out(), 1).get(0));
    assertTrue(run.out().contains("\nPareto front of the points that fit, energy vs RMSE (1 point):\n"
        + "  4b w12 d32 3x4 dsp block"), run.out());
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(Set.of("points.csv", "latency-lut.svg", "rmse-latency.svg", "energy-rmse.svg", "summary.txt"),
          files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
    }
    List<String> row = List.of(Files.readAllLines(output.resolve("points.csv")).get(1).split(",", -1));
    assertEquals("1", column(row, "pareto_energy_rmse"));
    String svg = Files.readString(output.resolve("energy-rmse.svg"));
    assertTrue(svg.contains(String.format(Locale.ROOT, ", %s mJ, RMSE %s</title>", column(row, "energy_mj"),
        column(row, "rmse"))), svg);
    assertFalse(svg.contains("does not fit"), "every simulated point fits, so no hollow-marker legend");
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
