package dev.silica.testbench.cosim;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Trace;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scripted run of several designs' stimuli on an external simulator: the protocol script for
 * every cycle (all inputs of all designs, read the outputs, clock), run in one batch, its output
 * lines split back per design.
 */
final class ToolRun {

  private final HarnessLayout layout;
  private final CompiledHarness harness;
  private final ImmutableList<ImmutableList<String>> lines;
  private final Duration runTime;

  private ToolRun(HarnessLayout layout, CompiledHarness harness, ImmutableList<ImmutableList<String>> lines, Duration runTime) {
    this.layout = layout;
    this.harness = harness;
    this.lines = lines;
    this.runTime = runTime;
  }

  /**
   * Builds the designs' harness on {@code tool} and runs their stimuli (all of the same length).
   *
   * @throws ToolFailure when the tool rejects the Verilog or fails to run it
   */
  static ToolRun of(List<Design> designs, List<Trace> stimuli, Engine tool) {
    int cycles = stimuli.get(0).cycles();
    if (stimuli.stream().anyMatch(s -> s.cycles() != cycles)) {
      throw new IllegalArgumentException("the stimuli of one harness run must all have the same number of cycles");
    }
    HarnessLayout layout;
    try {
      layout = HarnessLayout.of(designs);
    } catch (RuntimeException e) {
      throw new ToolFailure("the Verilog emitter failed: " + e, e);
    }
    CompiledHarness harness = Harnesses.build(tool, layout);
    String script = script(layout, stimuli);
    Stopwatch watch = Stopwatch.createStarted();
    ImmutableList<ImmutableList<String>> lines = harness.runScript(script, cycles);
    Duration runTime = watch.elapsed();
    int expectedValues = layout.allOutputs().size();
    for (int c = 0; c < lines.size(); c++) {
      if (lines.get(c).size() != expectedValues) {
        throw new ToolFailure(tool + " printed " + lines.get(c).size() + " values in cycle " + c + " instead of " + expectedValues);
      }
    }
    return new ToolRun(layout, harness, lines, runTime);
  }

  private static String script(HarnessLayout layout, List<Trace> stimuli) {
    StringBuilder script = new StringBuilder();
    List<Map<String, HarnessPort>> inputsByName = new java.util.ArrayList<>();
    for (int d = 0; d < stimuli.size(); d++) {
      Map<String, HarnessPort> byName = new HashMap<>();
      layout.inputs(d).forEach(p -> byName.put(p.portName(), p));
      inputsByName.add(byName);
    }
    int cycles = stimuli.get(0).cycles();
    for (int cycle = 0; cycle < cycles; cycle++) {
      for (int d = 0; d < stimuli.size(); d++) {
        Trace stimulus = stimuli.get(d);
        for (int c = 0; c < stimulus.columns().size(); c++) {
          HarnessPort port = inputsByName.get(d).get(stimulus.columns().get(c));
          script.append(HarnessProtocol.poke(port, stimulus.rows().get(cycle).get(c)));
        }
      }
      script.append(HarnessProtocol.OUTPUTS).append(HarnessProtocol.STEP);
    }
    return script.append(HarnessProtocol.QUIT).toString();
  }

  HarnessLayout layout() {
    return layout;
  }

  CompiledHarness harness() {
    return harness;
  }

  Duration runTime() {
    return runTime;
  }

  /** Design {@code d}'s output values, per cycle, in its output order. */
  List<ImmutableList<String>> outputs(int d) {
    int from = layout.allOutputs().indexOf(layout.outputs(d).isEmpty() ? null : layout.outputs(d).get(0));
    int count = layout.outputs(d).size();
    return lines.stream().map(l -> from < 0 ? ImmutableList.<String>of() : l.subList(from, from + count)).toList();
  }
}
