package dev.silica.testbench.fuzz;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.text.SirPrinter;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SilicaEngine;
import dev.silica.testbench.SimEngine;
import dev.silica.testbench.Stimulus;
import dev.silica.testbench.Trace;
import dev.silica.testbench.cosim.Cosim;
import dev.silica.testbench.cosim.CosimResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Differential fuzzing: random designs ({@link RandomDesigns}) co-simulated on Silica's simulator
 * and on Verilator or Icarus. Designs are compiled in bundles to spread the tool's build cost. Each
 * disagreement or tool failure is shrunk ({@link Shrinker}) to a small design that fails the same
 * way, written as {@code .sir} (its stimulus seed and cycle count among its attributes), ready to
 * become a regression test; later failures of a kind already shrunk in the run are only counted.
 */
public final class Fuzzer {

  /** The design attribute holding the seed of a reproducer's random stimulus. */
  public static final String STIMULUS_SEED = "fuzz.stimulus-seed";

  /** The design attribute holding how many cycles a reproducer runs. */
  public static final String CYCLES = "fuzz.cycles";

  /**
   * How a run proceeds.
   *
   * @param firstSeed the seed of the first design; design {@code k} has seed {@code firstSeed + k}
   * @param cycles cycles of random stimulus per design (reset in cycle 0)
   * @param bundleSize designs compiled together in one tool build
   * @param regressionDir where shrunk reproducers are written
   * @param shrinkTests at most this many co-simulations while shrinking one failure
   * @param reference the simulator the tool is compared with: Silica's, unless a test injects a fault
   */
  public record Options(
      long firstSeed, int cycles, int bundleSize, Path regressionDir, int shrinkTests, Function<Design, SimEngine> reference) {

    /** Options comparing the tool with Silica's simulator. */
    public Options(long firstSeed, int cycles, int bundleSize, Path regressionDir, int shrinkTests) {
      this(firstSeed, cycles, bundleSize, regressionDir, shrinkTests, Cosim.SILICA);
    }

    /** Seeds from 0, 64 cycles, 20 designs a build, reproducers in the test-benches regression folder. */
    public static Options defaults() {
      Path inRepository = Path.of("test-benches", "src", "test", "resources", "fuzz-regressions");
      Path dir = Files.isDirectory(inRepository.getParent()) ? inRepository : Path.of("fuzz-regressions");
      return new Options(0, 64, 20, dir, 60);
    }

    public Options withFirstSeed(long seed) {
      return new Options(seed, cycles, bundleSize, regressionDir, shrinkTests, reference);
    }

    public Options withCycles(int count) {
      return new Options(firstSeed, count, bundleSize, regressionDir, shrinkTests, reference);
    }

    public Options withRegressionDir(Path dir) {
      return new Options(firstSeed, cycles, bundleSize, dir, shrinkTests, reference);
    }

    public Options withShrinkTests(int tests) {
      return new Options(firstSeed, cycles, bundleSize, regressionDir, tests, reference);
    }

    public Options withReference(Function<Design, SimEngine> simulator) {
      return new Options(firstSeed, cycles, bundleSize, regressionDir, shrinkTests, simulator);
    }
  }

  private Fuzzer() {}

  /** Fuzzes {@code seeds} designs against {@code tool} with the default options, logging each bundle and failure. */
  public static FuzzResult run(int seeds, Engine tool, PrintWriter log) {
    return run(seeds, tool, log, Options.defaults());
  }

  public static FuzzResult run(int seeds, Engine tool, PrintWriter log, Options options) {
    if (tool == Engine.SILICA) {
      throw new IllegalArgumentException("fuzzing compares Silica with another tool: choose verilator or icarus");
    }
    Stopwatch watch = Stopwatch.createStarted();
    int agreed = 0;
    long agreedCycles = 0;
    ImmutableList.Builder<FuzzFailure> failures = ImmutableList.builder();
    java.util.Set<String> shrunkKinds = new java.util.HashSet<>();
    for (int from = 0; from < seeds; from += options.bundleSize()) {
      List<Long> bundleSeeds = new ArrayList<>();
      List<Design> designs = new ArrayList<>();
      List<Trace> stimuli = new ArrayList<>();
      for (int k = from; k < Math.min(seeds, from + options.bundleSize()); k++) {
        long seed = options.firstSeed() + k;
        Design d = RandomDesigns.generate(seed);
        bundleSeeds.add(seed);
        designs.add(d);
        stimuli.add(stimulus(d, seed, options.cycles()));
      }
      List<CosimResult> results = Cosim.runAll(designs, stimuli, tool, options.reference());
      for (int k = 0; k < results.size(); k++) {
        CosimResult r = results.get(k);
        if (r.agreed()) {
          agreed++;
          agreedCycles += r.cycles();
        } else {
          log.println(r.summary());
          String kind = failureKind(r);
          failures.add(shrunkKinds.add(kind)
              ? reproduce(bundleSeeds.get(k), designs.get(k), r, tool, options, log)
              : new FuzzFailure(bundleSeeds.get(k), kind, r.summary(), Optional.empty(), size(designs.get(k))));
        }
      }
      log.printf(Locale.ROOT, "seeds %d..%d: %d/%d agreed so far (%d s)%n", options.firstSeed(),
          options.firstSeed() + from + results.size() - 1, agreed, from + results.size(), watch.elapsed().toSeconds());
    }
    return new FuzzResult(tool, seeds, agreed, agreedCycles, failures.build(), watch.elapsed());
  }

  /** The random stimulus of a fuzzed design: seeded by the design's seed, {@code rst} high in cycle 0. */
  public static Trace stimulus(Design design, long seed, int cycles) {
    try (SilicaEngine sim = new SilicaEngine(design)) {
      return Stimulus.random(sim.inputs(), cycles, seed);
    }
  }

  private static FuzzFailure reproduce(long seed, Design design, CosimResult failure, Engine tool, Options options, PrintWriter log) {
    String kind = failureKind(failure);
    Design shrunk = Shrinker.shrink(design, candidate -> {
      CosimResult again = Cosim.run(candidate, stimulus(candidate, seed, options.cycles()), tool, options.reference());
      return !again.agreed() && failureKind(again).equals(kind);
    }, options.shrinkTests());
    CosimResult shrunkFailure = Cosim.run(shrunk, stimulus(shrunk, seed, options.cycles()), tool, options.reference());
    Design reproducer = withStimulusAttributes(shrunk, seed, options.cycles());
    Path file = options.regressionDir().resolve(tool.name().toLowerCase(Locale.ROOT) + "-seed" + Long.toUnsignedString(seed) + ".sir");
    try {
      Files.createDirectories(options.regressionDir());
      Files.writeString(file, header(failure, shrunkFailure, tool) + SirPrinter.print(reproducer));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reproducer " + file, e);
    }
    int elements = size(shrunk);
    log.println("  shrunk from " + size(design) + " to " + elements + " elements: " + file);
    return new FuzzFailure(seed, kind, failure.summary(), Optional.of(file), elements);
  }

  private static String header(CosimResult original, CosimResult shrunk, Engine tool) {
    StringBuilder h = new StringBuilder("// Found by Silica's Fuzzer against ").append(tool.name().toLowerCase(Locale.ROOT)).append(".\n");
    h.append("// Original: ").append(firstLine(original.summary())).append('\n');
    h.append("// Shrunk:   ").append(firstLine(shrunk.summary())).append('\n');
    return h.toString();
  }

  /** The first lines of a summary without the build directory, which differs on every run. */
  private static String firstLine(String text) {
    return text.replaceAll(" in \\S*silica-cosim\\S*", "").lines().limit(3).map(String::strip)
        .reduce((a, b) -> a + " | " + b).orElse("");
  }

  private static Design withStimulusAttributes(Design d, long seed, int cycles) {
    ImmutableMap.Builder<String, String> attributes = ImmutableMap.builder();
    d.attributes().forEach((k, v) -> {
      if (!k.equals(STIMULUS_SEED) && !k.equals(CYCLES)) {
        attributes.put(k, v);
      }
    });
    attributes.put(STIMULUS_SEED, Long.toString(seed)).put(CYCLES, Integer.toString(cycles));
    return new Design(d.top(), d.modules(), attributes.buildOrThrow());
  }

  /** Nodes, registers, memories, instances and ports of every module: how big a reproducer is. */
  static int size(Design d) {
    return d.modules().values().stream()
        .mapToInt(m -> m.nodes().size() + m.registers().size() + m.memories().size() + m.instances().size() + m.ports().size())
        .sum();
  }

  /**
   * What kind of failure a result is, so that shrinking keeps the same bug: a disagreement, or the
   * first error line with file positions and numbers blanked out.
   */
  public static String failureKind(CosimResult r) {
    if (r.mismatch().isPresent()) {
      return "mismatch";
    }
    String error = r.error().orElse("");
    String line = error.lines().filter(l -> l.contains("rror") || l.contains("failed")).skip(error.lines().count() > 1 ? 1 : 0)
        .findFirst().orElse(error.lines().findFirst().orElse(""));
    return line.replaceAll("\\S+\\.v:\\d+(:\\d+)?:", "").replaceAll("[0-9]+'?[sS]?[hdbo]?[0-9a-fA-F_]*", "#").strip();
  }
}
