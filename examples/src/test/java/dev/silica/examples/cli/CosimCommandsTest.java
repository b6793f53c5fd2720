package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.testbench.FaultyEngine;
import dev.silica.testbench.SimEngine;
import dev.silica.verilog.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command-line contract of {@code cosim}, {@code fuzz} and {@code bench-sim}: agreement exits 0
 * (checked with the real tools), a disagreement is printed with its cycle, signal and both values
 * and exits 1 (checked with a simulator that is wrong on purpose), bad numbers are usage errors and
 * a missing tool is one line.
 */
class CosimCommandsTest {

  @TempDir Path dir;

  @Test
  void cosimAgreesWithVerilatorOnAGenerator() {
    Tools.require("verilator");
    CliRun run = CliRun.of("cosim", "counter", "--seed", "3", "--cycles", "50", "--with", "verilator");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("Counter: 50 cycles agree with verilator\n", run.out());
  }

  @Test
  void cosimAgreesWithIcarusOnASirFile() throws IOException {
    Tools.require("iverilog");
    Path sir = dir.resolve("fir.sir");
    Files.writeString(sir, CliRun.of("ir", "fir").out());
    CliRun run = CliRun.of("cosim", sir.toString(), "--seed", "3", "--cycles", "50", "--with", "icarus");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().endsWith("50 cycles agree with icarus\n"), run.out());
  }

  @Test
  void cosimPrintsTheFirstDisagreementAndExitsOne() {
    Tools.require("iverilog");
    CliRun run = withFaultInCycle5("cosim", "counter", "--seed", "3", "--cycles", "50", "--with", "icarus");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().matches("Counter: disagrees with icarus in cycle 5 on count: silica=\\d+ icarus=\\d+\n"), run.out());
  }

  @Test
  void fuzzSummarizesDesignsAndCyclesAgreed() {
    Tools.require("iverilog");
    CliRun run = CliRun.of("fuzz", "--seeds", "2", "--first-seed", "2000000", "--with", "icarus", "--cycles", "20",
        "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    String last = run.out().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.matches("fuzz: 2 designs, 2 agreed \\(40 cycles\\), 0 failed with icarus in \\d+ s"), last);
  }

  @Test
  void fuzzShrinksADisagreementToASirFileInTheOutputDirectory() throws IOException {
    Tools.require("iverilog");
    Path out = dir.resolve("reproducers");
    CliRun run = withFaultInCycle5("fuzz", "--seeds", "1", "--first-seed", "2000000", "--with", "icarus", "--cycles", "20",
        "--out", out.toString(), "--shrink-budget", "4");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    List<Path> written;
    try (Stream<Path> files = Files.list(out)) {
      written = files.toList();
    }
    assertEquals(List.of(out.resolve("icarus-seed2000000.sir")), written);
    assertTrue(run.out().contains("disagrees with icarus in cycle 5"), run.out());
    assertTrue(run.out().contains(written.get(0).toString()), "the output says where the reproducer is:\n" + run.out());
    assertTrue(run.out().lines().reduce((a, b) -> b).orElseThrow().startsWith("fuzz: 1 designs, 0 agreed (0 cycles), 1 failed"));
    assertTrue(Files.readString(written.get(0)).contains("fuzz.stimulus-seed"));
  }

  @Test
  void benchSimEndsWithTheSpeedRatios() {
    Tools.require("verilator");
    Tools.require("iverilog");
    CliRun run = CliRun.of("bench-sim", "counter", "-p", "width=4", "--cycles", "2000");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches(
        "speed: silica/verilator=\\d+\\.\\d\\d silica/icarus=\\d+\\.\\d\\d end-to-end-silica/verilator=\\d+\\.\\d\\d"), run.out());
    assertTrue(run.out().contains("all engines agree"), run.out());
    for (String engine : List.of("silica", "verilator", "icarus")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(engine + " ")), engine + " has a row:\n" + run.out());
    }
  }

  @Test
  void benchSimWithVerilatorOnlyLeavesIcarusOut() {
    Tools.require("verilator");
    CliRun run = CliRun.of("bench-sim", "counter", "-p", "width=4", "--cycles", "2000", "--with", "verilator");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches(
        "speed: silica/verilator=\\d+\\.\\d\\d end-to-end-silica/verilator=\\d+\\.\\d\\d"), run.out());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("icarus ")), "no icarus row:\n" + run.out());
  }

  @Test
  void numbersBelowOneAreUsageErrorsNamingTheOption() {
    assertUsageError("--cycles must be positive, got 0", "cosim", "counter", "--seed", "1", "--cycles", "0", "--with", "icarus");
    assertUsageError("--seeds must be positive, got 0", "fuzz", "--seeds", "0");
    assertUsageError("--cycles must be positive, got -2", "fuzz", "--seeds", "3", "--cycles", "-2");
    assertUsageError("--shrink-budget must not be negative, got -1", "fuzz", "--seeds", "3", "--shrink-budget", "-1");
    assertUsageError("--cycles must be positive, got -5", "bench-sim", "counter", "--cycles", "-5");
  }

  @Test
  void anUnknownToolIsAUsageErrorNamingTheValidOnes() {
    assertUsageError("unknown tool 'silica' for --with; valid tools: verilator, icarus",
        "cosim", "counter", "--seed", "1", "--cycles", "5", "--with", "silica");
    assertUsageError("unknown tool 'modelsim' for --with; valid tools: verilator, icarus",
        "bench-sim", "counter", "--cycles", "5", "--with", "verilator,modelsim");
  }

  @Test
  void aMissingToolIsOneLineAndExitCodeOne() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        SilicaCli.class.getName(), "cosim", "counter", "--seed", "1", "--cycles", "5", "--with", "verilator");
    process.environment().put("PATH", dir.toString());
    Process p = process.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor());
    assertEquals("", out);
    assertEquals("silica: verilator is not installed (on Debian: apt-get install verilator)\n", err);
  }

  private static void assertUsageError(String message, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals("silica: " + message + "\n", run.err());
  }

  /** Runs the command line with a reference simulator that flips bit 0 of the first output in cycle 5. */
  private static CliRun withFaultInCycle5(String... args) {
    Function<Design, SimEngine> faulty = FaultyEngine.flippingFirstOutputInCycle(5);
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == CosimCommand.class) {
          return type.cast(new CosimCommand(faulty));
        }
        if (type == FuzzCommand.class) {
          return type.cast(new FuzzCommand(faulty));
        }
        return CommandLine.defaultFactory().create(type);
      }
    };
    return CliRun.with(factory, args);
  }
}
