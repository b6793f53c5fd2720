package dev.silica.testbench.cosim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.text.SirParser;
import dev.silica.testbench.Engine;
import dev.silica.testbench.fuzz.Fuzzer;
import dev.silica.verilog.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reproducer the fuzzer wrote, co-simulated again with its recorded stimulus on both tools.
 * Files in {@code fuzz-regressions/} are fixed bugs and must agree. Files in {@code
 * fuzz-regressions/open/} are known, unfixed bugs and must still fail: when one starts to agree, its
 * bug is fixed and the file moves up a folder.
 */
class FuzzRegressionsTest {

  private static final Path DIR = Path.of("src", "test", "resources", "fuzz-regressions");

  /** Fixed bugs, on both tools. */
  static Stream<Arguments> fixed() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path f : reproducers(DIR)) {
      for (Engine tool : List.of(Engine.VERILATOR, Engine.ICARUS)) {
        cases.add(Arguments.of(f.getFileName().toString(), f, tool));
      }
    }
    return cases.stream();
  }

  /** Open bugs, each on the tool that found it (the file name's prefix: {@code icarus-seed4.sir}). */
  static Stream<Arguments> open() throws IOException {
    return reproducers(DIR.resolve("open")).stream().map(f -> Arguments.of(f.getFileName().toString(), f,
        Engine.valueOf(f.getFileName().toString().split("-")[0].toUpperCase(java.util.Locale.ROOT))));
  }

  private static List<Path> reproducers(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".sir")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0} on {2}", allowZeroInvocations = true)
  @MethodSource("fixed")
  void fixedBugsStayFixed(String name, Path file, Engine tool) throws IOException {
    CosimResult r = rerun(file, tool);
    assertTrue(r.agreed(), name + ": " + r.summary());
  }

  @ParameterizedTest(name = "{0} on {2}", allowZeroInvocations = true)
  @MethodSource("open")
  void openBugsStillReproduce(String name, Path file, Engine tool) throws IOException {
    CosimResult r = rerun(file, tool);
    assertFalse(r.agreed(), name + " agrees with " + tool + " now: its bug is fixed, move it to " + DIR);
  }

  private static CosimResult rerun(Path file, Engine tool) throws IOException {
    Tools.require(tool == Engine.VERILATOR ? "verilator" : "iverilog");
    Design d = SirParser.parse(file);
    long seed = Long.parseLong(d.attributes().get(Fuzzer.STIMULUS_SEED));
    int cycles = Integer.parseInt(d.attributes().get(Fuzzer.CYCLES));
    return Cosim.run(d, Fuzzer.stimulus(d, seed, cycles), tool);
  }
}
