package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import dev.silica.verilog.ProjectOptions;
import dev.silica.verilog.VerilogProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of {@code verilog}, {@code synth} and {@code build}. */
class BuildCommandsTest {

  @TempDir Path dir;

  @Test
  void verilogWritesTheModulesConstraintsAndBothScripts() {
    Path out = dir.resolve("fir");
    CliRun run = CliRun.of("verilog", "fir", "-p", "taps=3", "-o", out.toString(), "--clock-mhz", "125");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.exists(out.resolve("Fir.v")));
    assertTrue(Files.exists(out.resolve("synth.ys")));
    assertTrue(Files.exists(out.resolve("vivado.tcl")));
    assertTrue(contents(out.resolve("Fir.xdc")).contains("8.000"), "a 125 MHz clock has an 8 ns period");
  }

  @Test
  void verilogAndBuildWriteExactlyWhatTheJavaApiWrites() throws IOException {
    Design requant = GeneratorRegistry.load().get("requant").generate(Map.of());
    Path api = dir.resolve("api");
    VerilogProject.write(requant, api, ProjectOptions.defaults());
    Path verilog = dir.resolve("verilog");
    Path build = dir.resolve("build");
    assertEquals(0, CliRun.of("verilog", "requant", "-o", verilog.toString()).exitCode());
    assertEquals(0, CliRun.of("build", "requant", "-o", build.toString()).exitCode());
    Map<String, String> expected = filesIn(api);
    assertEquals(expected, filesIn(verilog));
    assertEquals(expected, filesIn(build));
    Path raw = dir.resolve("raw");
    assertEquals(0, CliRun.of("verilog", "requant", "-o", raw.toString(), "--no-optimize").exitCode());
    assertEquals(VerilogProject.files(requant, ProjectOptions.defaults().withoutOptimization()), filesIn(raw));
    assertNotEquals(expected, filesIn(raw), "requant has logic to simplify, so optimizing changes its Verilog");
  }

  private static Map<String, String> filesIn(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return files;
  }

  @Test
  void synthPrintsTheEstimateAgainstTheXc7s15WithAVerdict() {
    CliRun run = CliRun.of("synth", "mac", "-p", "a_bits=4", "-p", "b_bits=4", "-p", "acc_bits=12");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Resources on XC7S15"), run.out());
    assertTrue(run.out().contains("Silica estimate"), run.out());
    assertTrue(run.out().contains("Verdict"), run.out());
    assertTrue(run.out().contains("Delay model: "), run.out());
  }

  @Test
  void anUnsupportedPartIsAUsageError() {
    CliRun run = CliRun.of("synth", "counter", "--part", "xc7a35tcpg236-1");
    assertEquals(2, run.exitCode());
    assertEquals("silica: unsupported part 'xc7a35tcpg236-1'; valid parts: xc7s15ftgb196-1\n", run.err());
  }

  @Test
  void buildWithoutANameBuildsTheForecasterAndChecksTestWindowsAgainstTheIntegerInference() {
    CliRun run = CliRun.of("build", "-o", dir.resolve("forecaster").toString(), "--windows", "4");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("built forecaster: "), run.out());
    assertTrue(run.out().contains("Verdict"), run.out());
    assertTrue(run.out().contains("published (12,32,4)"), run.out());
    assertTrue(run.out().contains("exact=4/4"), run.out());
    assertTrue(Files.isRegularFile(dir.resolve("forecaster").resolve("Forecaster.v")));
  }

  @Test
  void aFailedBuildLeavesNoOutputDirectory() {
    Path out = dir.resolve("never");
    CliRun run = CliRun.of("build", "mac", "-p", "acc_bits=3", "-o", out.toString());
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(Files.exists(out));
  }

  private static String contents(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
