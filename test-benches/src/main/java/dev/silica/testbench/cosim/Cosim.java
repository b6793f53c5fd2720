package dev.silica.testbench.cosim;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SilicaEngine;
import dev.silica.testbench.SimEngine;
import dev.silica.testbench.Stimulus;
import dev.silica.testbench.Trace;
import dev.silica.testbench.TraceRunner;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Co-simulation: the same stimulus on Silica's simulator and on Verilator or Icarus (running the
 * emitted Verilog), every output compared in every cycle, following the trace contract (apply row
 * i, settle, record outputs, clock once). The external run is one scripted batch, not a dialogue.
 */
public final class Cosim {

  /** Silica's simulator, the reference the external tools are compared with. */
  public static final Function<Design, SimEngine> SILICA = SilicaEngine::new;

  private Cosim() {}

  /** Co-simulates {@code design} for {@code cycles} cycles of random inputs from {@code seed}, {@code rst} high in cycle 0. */
  public static CosimResult run(Design design, long seed, int cycles, Engine tool) {
    return runAll(List.of(design), seed, cycles, tool).get(0);
  }

  /** As {@link #run(Design, long, int, Engine)}, with {@code reference} standing in for Silica's simulator. */
  public static CosimResult run(Design design, long seed, int cycles, Engine tool, Function<Design, SimEngine> reference) {
    return run(design, randomStimulus(design, seed, cycles), tool, reference);
  }

  /** Co-simulates {@code design} driven by {@code stimulus} (columns: its inputs, {@code rst} included). */
  public static CosimResult run(Design design, Trace stimulus, Engine tool) {
    return run(design, stimulus, tool, SILICA);
  }

  /** As {@link #run(Design, Trace, Engine)}, with {@code reference} standing in for Silica's simulator. */
  public static CosimResult run(Design design, Trace stimulus, Engine tool, Function<Design, SimEngine> reference) {
    return runAll(List.of(design), List.of(stimulus), tool, reference).get(0);
  }

  /**
   * Co-simulates several designs whose module names are distinct, all in one external build (far
   * cheaper than one build each); design {@code k} gets the random stimulus of seed {@code seed + k}.
   */
  public static ImmutableList<CosimResult> runAll(List<Design> designs, long seed, int cycles, Engine tool) {
    List<Trace> stimuli = new ArrayList<>();
    for (int k = 0; k < designs.size(); k++) {
      stimuli.add(randomStimulus(designs.get(k), seed + k, cycles));
    }
    return runAll(designs, stimuli, tool);
  }

  /** Uniform random inputs for {@code design}, {@code rst} high in cycle 0. */
  private static Trace randomStimulus(Design design, long seed, int cycles) {
    try (SilicaEngine sim = new SilicaEngine(design)) {
      return Stimulus.random(sim.inputs(), cycles, seed);
    }
  }

  /** Co-simulates each design with its own stimulus (all of the same length) in one external build. */
  public static ImmutableList<CosimResult> runAll(List<Design> designs, List<Trace> stimuli, Engine tool) {
    return runAll(designs, stimuli, tool, SILICA);
  }

  /**
   * As {@link #runAll(List, List, Engine)}, with {@code reference} standing in for Silica's
   * simulator (a test injects a faulty one to see a disagreement reported).
   */
  public static ImmutableList<CosimResult> runAll(
      List<Design> designs, List<Trace> stimuli, Engine tool, Function<Design, SimEngine> reference) {
    if (designs.isEmpty()) {
      return ImmutableList.of();
    }
    List<Optional<Trace>> silica = new ArrayList<>();
    List<String> silicaErrors = new ArrayList<>();
    List<Duration> silicaTimes = new ArrayList<>();
    for (int k = 0; k < designs.size(); k++) {
      Stopwatch watch = Stopwatch.createStarted();
      try (SimEngine sim = reference.apply(designs.get(k))) {
        Stimulus.check(stimuli.get(k), sim.inputs(), "stimulus of " + designs.get(k).top());
        silica.add(Optional.of(TraceRunner.run(sim, stimuli.get(k))));
        silicaErrors.add(null);
      } catch (RuntimeException e) {
        silica.add(Optional.empty());
        silicaErrors.add("silica's simulator failed: " + e);
      }
      silicaTimes.add(watch.elapsed());
    }
    ToolRun run;
    try {
      run = ToolRun.of(designs, stimuli, tool);
    } catch (ToolFailure e) {
      if (designs.size() == 1) {
        return ImmutableList.of(failed(designs.get(0), tool, stimuli.get(0).cycles(), e.getMessage(), silicaTimes.get(0)));
      }
      return isolate(designs, stimuli, tool, reference, e);
    }
    ImmutableList.Builder<CosimResult> results = ImmutableList.builder();
    for (int k = 0; k < designs.size(); k++) {
      Design d = designs.get(k);
      int cycles = stimuli.get(k).cycles();
      if (silica.get(k).isEmpty()) {
        results.add(failed(d, tool, cycles, silicaErrors.get(k), silicaTimes.get(k)));
        continue;
      }
      Optional<Mismatch> mismatch = compare(silica.get(k).get(), run.outputs(k), run.layout().outputs(k));
      results.add(new CosimResult(d.top(), tool, cycles, mismatch, Optional.empty(), silicaTimes.get(k),
          run.harness().buildTime(), run.runTime()));
    }
    return results.build();
  }

  /**
   * After a bundle failed to build or run: the designs the tool's message names (by their Verilog
   * file) fail with it, the others are co-simulated again; when it names none, the bundle is halved.
   */
  private static ImmutableList<CosimResult> isolate(
      List<Design> designs, List<Trace> stimuli, Engine tool, Function<Design, SimEngine> reference, ToolFailure e) {
    List<Integer> named = new ArrayList<>();
    for (int k = 0; k < designs.size(); k++) {
      Design d = designs.get(k);
      if (d.modules().keySet().stream().anyMatch(m -> e.getMessage().contains(m + ".v:"))) {
        named.add(k);
      }
    }
    if (named.isEmpty()) {
      int half = designs.size() / 2;
      return ImmutableList.<CosimResult>builder()
          .addAll(runAll(designs.subList(0, half), stimuli.subList(0, half), tool, reference))
          .addAll(runAll(designs.subList(half, designs.size()), stimuli.subList(half, designs.size()), tool, reference))
          .build();
    }
    List<Design> rest = new ArrayList<>();
    List<Trace> restStimuli = new ArrayList<>();
    for (int k = 0; k < designs.size(); k++) {
      if (!named.contains(k)) {
        rest.add(designs.get(k));
        restStimuli.add(stimuli.get(k));
      }
    }
    java.util.Iterator<CosimResult> others = runAll(rest, restStimuli, tool, reference).iterator();
    ImmutableList.Builder<CosimResult> results = ImmutableList.builder();
    for (int k = 0; k < designs.size(); k++) {
      results.add(named.contains(k)
          ? failed(designs.get(k), tool, stimuli.get(k).cycles(), e.getMessage(), Duration.ZERO)
          : others.next());
    }
    return results.build();
  }

  private static CosimResult failed(Design d, Engine tool, int cycles, String error, Duration silicaTime) {
    return new CosimResult(d.top(), tool, cycles, Optional.empty(), Optional.of(error), silicaTime, Duration.ZERO, Duration.ZERO);
  }

  /** The first cycle and output where the tool's hex values differ from Silica's trace. */
  static Optional<Mismatch> compare(Trace silica, List<ImmutableList<String>> tool, List<HarnessPort> outputs) {
    for (int cycle = 0; cycle < silica.cycles(); cycle++) {
      for (int o = 0; o < outputs.size(); o++) {
        HarnessPort port = outputs.get(o);
        BigInteger expected = silica.value(cycle, port.portName());
        String hex = tool.get(cycle).get(o);
        Optional<BigInteger> actual = HexValues.decode(hex, port.type());
        if (actual.isEmpty() || !actual.get().equals(expected)) {
          return Optional.of(new Mismatch(cycle, port.portName(), expected.toString(),
              actual.map(BigInteger::toString).orElse(port.type().width() + "'h" + hex)));
        }
      }
    }
    return Optional.empty();
  }
}
