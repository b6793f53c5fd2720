package dev.silica.testbench.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Design;
import dev.silica.ir.text.SirParser;
import dev.silica.testbench.Engine;
import dev.silica.testbench.fuzz.FuzzFailure;
import dev.silica.testbench.fuzz.FuzzResult;
import dev.silica.testbench.fuzz.Fuzzer;
import dev.silica.verilog.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI share of differential fuzzing: a fixed range of random designs against each tool agree
 * with Silica's simulator, except for failures of a kind already kept as an open reproducer under
 * {@code fuzz-regressions/open/} (a known, reported bug). A new kind of failure fails the test, with
 * its shrunk reproducer named in the message.
 */
class BoundedFuzzTest {

  private static final int SEEDS = 30;
  /** Far from the seeds of the open reproducers, and from those used while developing. */
  private static final long FIRST_SEED = 1_000_000;

  private static final Path OPEN = Path.of("src", "test", "resources", "fuzz-regressions", "open");

  @TempDir Path reproducers;

  @Test
  void thirtyRandomDesignsAgreeWithVerilatorBarKnownBugs() {
    Tools.require("verilator");
    fuzz(Engine.VERILATOR);
  }

  @Test
  void thirtyRandomDesignsAgreeWithIcarusBarKnownBugs() {
    Tools.require("iverilog");
    fuzz(Engine.ICARUS);
  }

  private void fuzz(Engine tool) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // No shrinking here: CI only classifies failures; `silica fuzz` shrinks a new kind of failure.
    Fuzzer.Options options = new Fuzzer.Options(FIRST_SEED, 48, SEEDS, reproducers, 0);
    FuzzResult r = Fuzzer.run(SEEDS, tool, new PrintWriter(new OutputStreamWriter(log, StandardCharsets.UTF_8), true), options);
    System.out.println(r.summary());
    Set<String> known = knownKinds(tool);
    List<FuzzFailure> unknown = r.failures().stream().filter(f -> !known.contains(f.kind())).toList();
    assertEquals(List.of(), unknown, r.summary() + "\n" + log.toString(StandardCharsets.UTF_8));
    assertEquals(SEEDS, r.agreedDesigns() + r.failures().size());
  }

  /** The failure kinds of the open reproducers that the tool reproduces. */
  private static Set<String> knownKinds(Engine tool) {
    Set<String> kinds = new HashSet<>();
    try (Stream<Path> files = Files.list(OPEN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sir")).toList()) {
        Design d = SirParser.parse(f);
        long seed = Long.parseLong(d.attributes().get(Fuzzer.STIMULUS_SEED));
        int cycles = Integer.parseInt(d.attributes().get(Fuzzer.CYCLES));
        CosimResult again = Cosim.run(d, Fuzzer.stimulus(d, seed, cycles), tool);
        if (!again.agreed()) {
          kinds.add(Fuzzer.failureKind(again));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kinds;
  }
}
