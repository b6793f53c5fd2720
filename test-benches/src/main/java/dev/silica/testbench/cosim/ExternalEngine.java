package dev.silica.testbench.cosim;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.Port;
import dev.silica.ir.Type;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SimEngine;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link SimEngine} over Verilator or Icarus: the design's emitted Verilog in a generated
 * harness, driven interactively. Only top-level ports can be peeked. Outputs are read once per
 * change of inputs or clock, so a burst of peeks costs one round trip.
 */
public final class ExternalEngine implements SimEngine {

  private final Design design;
  private final HarnessLayout layout;
  private CompiledHarness harness;
  private HarnessProcess process;
  /** The value last poked into each input (null: never poked), to restart the harness with. */
  private final BigInteger[] poked;
  private final ImmutableList<Port> inputs;
  private final ImmutableList<Port> outputs;
  private final Map<String, HarnessPort> inputPorts = new HashMap<>();
  private final Map<String, Integer> outputIndex = new HashMap<>();
  private ImmutableList<String> settled;
  private long cycle;

  private ExternalEngine(Design design, CompiledHarness harness) {
    this.design = design;
    this.harness = harness;
    this.layout = harness.layout();
    this.inputs = layout.inputs(0).stream().map(ExternalEngine::port).collect(ImmutableList.toImmutableList());
    this.outputs = layout.outputs(0).stream().map(ExternalEngine::port).collect(ImmutableList.toImmutableList());
    layout.inputs(0).forEach(p -> inputPorts.put(p.portName(), p));
    List<HarnessPort> outs = layout.outputs(0);
    for (int i = 0; i < outs.size(); i++) {
      outputIndex.put(outs.get(i).portName(), i);
    }
    this.poked = new BigInteger[inputs.size()];
    this.process = harness.start();
  }

  /** Builds (or reuses) the harness of {@code design} on {@code tool} and starts it. */
  public static ExternalEngine open(Engine tool, Design design) {
    HarnessLayout layout = HarnessLayout.of(design);
    return new ExternalEngine(design, Harnesses.build(tool, layout));
  }

  /** The compiled harness underneath (its build time, its directory). */
  public CompiledHarness harness() {
    return harness;
  }

  private static Port port(HarnessPort p) {
    return new Port(p.portName(), p.wrapperName().startsWith("i") ? Port.Direction.IN : Port.Direction.OUT, p.type(),
        dev.silica.ir.SourceLoc.UNKNOWN);
  }

  @Override
  public ImmutableList<Port> inputs() {
    return inputs;
  }

  @Override
  public ImmutableList<Port> outputs() {
    return outputs;
  }

  @Override
  public void poke(String input, BigInteger value) {
    HarnessPort p = inputPorts.get(input);
    if (p == null) {
      throw new IllegalArgumentException(
          "'" + input + "' is not an input of " + design.top() + " (inputs: " + inputPorts.keySet() + ")");
    }
    HarnessProtocol.checkFits(input, p.type(), value);
    process.poke(p, value);
    poked[layout.inputs(0).indexOf(p)] = value;
    settled = null;
  }

  @Override
  public BigInteger peek(String signal) {
    Integer index = outputIndex.get(signal);
    if (index == null) {
      if (inputPorts.containsKey(signal)) {
        throw new IllegalArgumentException("peek of input '" + signal + "': " + harness.tool() + " peeks outputs only");
      }
      throw new IllegalArgumentException("'" + signal + "' is not an output of " + design.top() + " (" + harness.tool()
          + " can peek top-level outputs only: " + outputIndex.keySet() + ")");
    }
    if (settled == null) {
      settled = process.outputs();
    }
    Type type = outputs.get(index).type();
    String hex = settled.get(index);
    return HexValues.decode(hex, type).orElseThrow(() -> new ToolFailure(
        "cycle " + cycle + ": " + signal + " is unknown in " + harness.tool() + " ('" + hex + "')"));
  }

  /**
   * Restarts the simulation with the simulator's own tracing on (Verilator's {@code --trace}
   * build, Icarus's {@code $dumpvars}), the inputs poked so far poked again; the file holds every
   * signal of the emitted Verilog under the harness's wrapper ({@code dut0} is the design's top).
   *
   * @throws IllegalStateException once the simulation has been clocked: these simulators dump
   *     from the start only
   */
  @Override
  public void dumpVcd(Path file) {
    if (cycle > 0) {
      throw new IllegalStateException(harness.tool().name().toLowerCase(Locale.ROOT) + " can dump a VCD only from"
          + " the start: call dumpVcd before the first clock edge (reset included), here it is cycle " + cycle);
    }
    CompiledHarness traced = Harnesses.buildTraced(harness.tool(), layout);
    process.close();
    harness = traced;
    process = traced.start(List.of(HarnessProtocol.VCD_ARGUMENT + file.toAbsolutePath()));
    for (int i = 0; i < poked.length; i++) {
      if (poked[i] != null) {
        process.poke(layout.inputs(0).get(i), poked[i]);
      }
    }
    settled = null;
  }

  @Override
  public void step() {
    process.step();
    settled = null;
    cycle++;
  }

  @Override
  public long cycle() {
    return cycle;
  }

  @Override
  public void close() {
    process.close();
  }
}
