package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  void buildWithoutANameBuildsTheLargestRegisteredGenerator() {
    CliRun run = CliRun.of("build", "-o", dir.resolve("flagship").toString());
    assertEquals(0, run.exitCode(), run.err());
    Matcher built = Pattern.compile("^built (\\S+): \\d+ files in ").matcher(run.out());
    assertTrue(built.find(), run.out());
    int builtLuts = luts(GeneratorRegistry.load().get(built.group(1)));
    for (Generator g : GeneratorRegistry.load().all()) {
      assertTrue(luts(g) <= builtLuts, g.name() + " is larger than the flagship " + built.group(1));
    }
    assertTrue(run.out().contains("Verdict"), run.out());
  }

  @Test
  void aFailedBuildLeavesNoOutputDirectory() {
    Path out = dir.resolve("never");
    CliRun run = CliRun.of("build", "mac", "-p", "acc_bits=3", "-o", out.toString());
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(Files.exists(out));
  }

  private static int luts(Generator g) {
    return Estimator.estimate(g.generate(Map.of())).used(Resource.LUT);
  }

  private static String contents(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
