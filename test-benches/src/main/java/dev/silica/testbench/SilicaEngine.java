package dev.silica.testbench;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.Port;
import dev.silica.sim.Simulator;
import java.math.BigInteger;
import java.nio.file.Path;

/** The {@link SimEngine} over Silica's own simulator; it can peek every internal signal. */
public final class SilicaEngine implements SimEngine {

  private final Simulator sim;
  private final Simulator.Handle[] inputs;
  private final Simulator.Handle[] outputs;

  public SilicaEngine(Design design) {
    this.sim = Simulator.compile(design);
    this.inputs = sim.inputs().stream().map(p -> sim.handle(p.name())).toArray(Simulator.Handle[]::new);
    this.outputs = sim.outputs().stream().map(p -> sim.handle(p.name())).toArray(Simulator.Handle[]::new);
  }

  /** The simulator underneath, for what only it offers (memories, VCD). */
  public Simulator simulator() {
    return sim;
  }

  @Override
  public ImmutableList<Port> inputs() {
    return sim.inputs();
  }

  @Override
  public ImmutableList<Port> outputs() {
    return sim.outputs();
  }

  @Override
  public void poke(String input, BigInteger value) {
    sim.poke(input, value);
  }

  @Override
  public BigInteger peek(String signal) {
    return sim.peekBig(signal);
  }

  @Override
  public void pokeBits(int input, long[] words) {
    sim.pokeBits(inputs[input], words);
  }

  @Override
  public void peekBits(int output, long[] words) {
    sim.peekBits(outputs[output], words);
  }

  /** Dumps every named signal, from the current cycle on ({@link Simulator#dumpVcd(Path)}). */
  @Override
  public void dumpVcd(Path file) {
    sim.dumpVcd(file);
  }

  @Override
  public void step() {
    sim.step();
  }

  @Override
  public long cycle() {
    return sim.cycle();
  }

  @Override
  public void close() {
    sim.close();
  }
}
