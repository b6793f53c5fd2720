package dev.silica.testbench.bench;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SimEngine;
import dev.silica.testbench.cosim.CompiledHarness;
import dev.silica.testbench.cosim.Cosim;
import dev.silica.testbench.cosim.FreeRun;
import dev.silica.testbench.cosim.FreeRunning;
import dev.silica.testbench.cosim.HarnessLayout;
import dev.silica.testbench.cosim.Harnesses;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Times one design on Silica's simulator, Verilator ({@code -O3}, single-threaded) and Icarus under
 * the same random stimulus, in the {@linkplain FreeRunning free-running} mode so that no trace is
 * piped between processes, and checks that all three agree. The tools' harnesses are built afresh
 * so that their build times are real; Silica's compile time is the simulator's construction.
 */
public final class SimBench {

  /** Cycles compared one by one at the start of a run, to place a disagreement. */
  static final int PREFIX = 16;

  private SimBench() {}

  /** Benchmarks {@code design} for {@code cycles} cycles of random stimulus from {@code seed}. */
  public static BenchReport run(Design design, long seed, long cycles) {
    return run(design, seed, cycles, Cosim.SILICA);
  }

  /**
   * As {@link #run(Design, long, long)}, with {@code silica} standing in for Silica's simulator.
   *
   * @throws dev.silica.testbench.cosim.ToolFailure when Verilator or Icarus is missing or fails
   */
  public static BenchReport run(Design design, long seed, long cycles, Function<Design, SimEngine> silica) {
    return run(design, seed, cycles, silica, List.of(Engine.VERILATOR, Engine.ICARUS));
  }

  /**
   * As {@link #run(Design, long, long, Function)}, against only the given {@code tools} (Verilator,
   * Icarus or both; Icarus alone is slow enough to dominate long runs).
   *
   * @throws IllegalArgumentException when {@code tools} is empty or holds Silica
   * @throws dev.silica.testbench.cosim.ToolFailure when a tool is missing or fails
   */
  public static BenchReport run(
      Design design, long seed, long cycles, Function<Design, SimEngine> silica, List<Engine> tools) {
    if (tools.isEmpty() || tools.contains(Engine.SILICA)) {
      throw new IllegalArgumentException("benchmark against Verilator and/or Icarus, got " + tools);
    }
    tools.forEach(Harnesses::requireInstalled);
    HarnessLayout layout = HarnessLayout.of(design);
    long start = System.nanoTime();
    FreeRun reference;
    Duration compile;
    try (SimEngine engine = silica.apply(design)) {
      compile = Duration.ofNanos(System.nanoTime() - start);
      reference = FreeRunning.run(engine, layout, seed, cycles, PREFIX);
    }
    ImmutableList.Builder<BenchReport.Row> rows = ImmutableList.builder();
    rows.add(new BenchReport.Row(Engine.SILICA, compile, reference.runTime()));
    ImmutableList.Builder<String> disagreements = ImmutableList.builder();
    for (Engine tool : tools) {
      String name = tool.name().toLowerCase(Locale.ROOT);
      CompiledHarness harness = Harnesses.buildFreeRunning(tool, layout, false);
      FreeRun run = FreeRunning.run(harness, seed, cycles, PREFIX);
      rows.add(new BenchReport.Row(tool, harness.buildTime(), run.runTime()));
      FreeRunning.compare(reference, run, layout.outputs(0), name).ifPresent(d -> disagreements.add(name + ": " + d));
    }
    return new BenchReport(design.top(), cycles, reference.digest(), rows.build(), disagreements.build());
  }
}
