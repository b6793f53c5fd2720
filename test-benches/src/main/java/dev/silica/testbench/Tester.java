package dev.silica.testbench;

import dev.silica.ir.Design;
import java.math.BigInteger;

/**
 * Drives a design cycle by cycle from a test, the same code on any {@link Engine}: poke inputs,
 * peek and expect signals, step the clock, reset, wait for a handshake. Single-threaded and thin:
 * each call goes straight to the engine.
 *
 * <pre>{@code
 * try (Tester t = Tester.of(design, Engine.SILICA)) {
 *   t.reset();
 *   t.poke("en", 1);
 *   t.step(3);
 *   t.expect("count", 3);
 * }
 * }</pre>
 *
 * <p>A failed expectation throws {@link AssertionError} naming the cycle, the signal, the expected
 * and the actual value, so JUnit reports it as a test failure.
 */
public final class Tester implements AutoCloseable {

  private final SimEngine engine;
  private final boolean hasReset;

  public Tester(SimEngine engine) {
    this.engine = engine;
    this.hasReset = engine.inputs().stream().anyMatch(p -> p.name().equals(TraceRunner.RESET));
  }

  /** A tester over a fresh simulation of {@code design} on {@code engine}. */
  public static Tester of(Design design, Engine engine) {
    return new Tester(Engines.open(engine, design));
  }

  /** The engine underneath. */
  public SimEngine engine() {
    return engine;
  }

  public Tester poke(String input, long value) {
    return poke(input, BigInteger.valueOf(value));
  }

  public Tester poke(String input, BigInteger value) {
    engine.poke(input, value);
    return this;
  }

  /** A signal's value as a long (it must fit one: use {@link #peekBig} for wider values). */
  public long peek(String signal) {
    return engine.peek(signal).longValueExact();
  }

  public BigInteger peekBig(String signal) {
    return engine.peek(signal);
  }

  public Tester expect(String signal, long expected) {
    return expect(signal, BigInteger.valueOf(expected), null);
  }

  public Tester expect(String signal, BigInteger expected) {
    return expect(signal, expected, null);
  }

  /** Checks a signal's value now; {@code why} (or null) is added to the failure message. */
  public Tester expect(String signal, long expected, String why) {
    return expect(signal, BigInteger.valueOf(expected), why);
  }

  /** Checks a signal's value now; {@code why} (or null) is added to the failure message. */
  public Tester expect(String signal, BigInteger expected, String why) {
    BigInteger actual = engine.peek(signal);
    if (!actual.equals(expected)) {
      throw new AssertionError(
          "cycle " + engine.cycle() + ": " + signal + " = " + actual + ", expected " + expected
              + (why == null ? "" : " (" + why + ")"));
    }
    return this;
  }

  public Tester step() {
    engine.step();
    return this;
  }

  public Tester step(int cycles) {
    for (int i = 0; i < cycles; i++) {
      engine.step();
    }
    return this;
  }

  /** Holds {@code rst} high for one clock edge, then low (a design without state just steps). */
  public Tester reset() {
    return reset(1);
  }

  /** Holds {@code rst} high for {@code cycles} clock edges, then low. */
  public Tester reset(int cycles) {
    if (hasReset) {
      engine.poke(TraceRunner.RESET, BigInteger.ONE);
    }
    step(cycles);
    if (hasReset) {
      engine.poke(TraceRunner.RESET, BigInteger.ZERO);
    }
    return this;
  }

  /**
   * Steps until {@code signal} equals {@code value}, checking before each edge; returns how many
   * edges that took (0 if it already holds).
   *
   * @throws AssertionError when it does not hold within {@code timeoutCycles} edges
   */
  public int waitFor(String signal, long value, int timeoutCycles) {
    BigInteger wanted = BigInteger.valueOf(value);
    for (int waited = 0; ; waited++) {
      BigInteger actual = engine.peek(signal);
      if (actual.equals(wanted)) {
        return waited;
      }
      if (waited == timeoutCycles) {
        throw new AssertionError(
            "cycle " + engine.cycle() + ": timed out after " + timeoutCycles + " cycles waiting for " + signal
                + " = " + value + " (it is " + actual + ")");
      }
      engine.step();
    }
  }

  /** How many clock edges have happened. */
  public long cycle() {
    return engine.cycle();
  }

  @Override
  public void close() {
    engine.close();
  }
}
