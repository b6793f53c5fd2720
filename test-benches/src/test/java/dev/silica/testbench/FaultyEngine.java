package dev.silica.testbench;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.Port;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * A deliberately wrong simulator for testing how disagreements are reported: Silica's, except that
 * bit 0 of the first output reads flipped in one cycle. Every other method passes through, so the
 * fault shows however the engine is read (by name or as bits).
 */
public final class FaultyEngine implements SimEngine {

  private final SimEngine inner;
  private final long faultyCycle;

  private FaultyEngine(SimEngine inner, long faultyCycle) {
    this.inner = inner;
    this.faultyCycle = faultyCycle;
  }

  /** Silica's simulator with bit 0 of the first output flipped in cycle {@code cycle}. */
  public static Function<Design, SimEngine> flippingFirstOutputInCycle(long cycle) {
    return design -> new FaultyEngine(new SilicaEngine(design), cycle);
  }

  @Override
  public ImmutableList<Port> inputs() {
    return inner.inputs();
  }

  @Override
  public ImmutableList<Port> outputs() {
    return inner.outputs();
  }

  @Override
  public void poke(String input, BigInteger value) {
    inner.poke(input, value);
  }

  @Override
  public BigInteger peek(String signal) {
    BigInteger value = inner.peek(signal);
    if (inner.cycle() != faultyCycle || !signal.equals(outputs().get(0).name())) {
      return value;
    }
    return outputs().get(0).type().wrap(value.flipBit(0));
  }

  @Override
  public void step() {
    inner.step();
  }

  @Override
  public long cycle() {
    return inner.cycle();
  }

  @Override
  public void close() {
    inner.close();
  }
}
