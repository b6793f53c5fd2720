package dev.silica.testbench;

import dev.silica.dsl.Elaborated;
import dev.silica.dsl.Signal;
import dev.silica.ir.Design;
import dev.silica.ir.Port;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a design cycle by cycle from a test, the same code on any {@link Engine}: poke inputs,
 * peek and expect signals, step the clock, reset, wait for a handshake, dump a VCD.
 * Single-threaded and thin: each call goes straight to the engine.
 *
 * <p>Ports are named by the module's own fields when the tester is made from an {@link
 * Elaborated} design, or by name; both resolve the port once ({@link PortHandle}), after which
 * poking, peeking, expecting and waiting on it allocate nothing on Silica's simulator:
 *
 * <pre>{@code
 * Elaborated<Mac> dut = Elaborator.elaborateModule(() -> new Mac(4, 4, 16));
 * Mac mac = dut.top();
 * try (Tester t = Tester.of(dut, Engine.SILICA)) {
 *   t.reset();
 *   t.poke(mac.a, -3).poke(mac.b, 4).poke(mac.valid, 1).step();
 *   t.expect(mac.acc, -12);
 * }
 * }</pre>
 *
 * <p>A failed expectation throws {@link AssertionError} naming the cycle, the signal, the expected
 * and the actual value, so JUnit reports it as a test failure. Misuse (poking an output, a signal
 * that is not a port of this design, a value out of the port's range) throws {@link
 * IllegalArgumentException} naming the port.
 */
public final class Tester implements AutoCloseable {

  private final SimEngine engine;
  private final Elaborated<?> elaborated;
  private final Map<String, PortHandle> ports = new HashMap<>();
  private final Map<Signal, PortHandle> bySignal = new IdentityHashMap<>();
  private final PortHandle reset;

  public Tester(SimEngine engine) {
    this(engine, null);
  }

  private Tester(SimEngine engine, Elaborated<?> elaborated) {
    this.engine = engine;
    this.elaborated = elaborated;
    addHandles(engine.inputs());
    addHandles(engine.outputs());
    this.reset = ports.get(TraceRunner.RESET);
  }

  private void addHandles(List<Port> list) {
    for (int i = 0; i < list.size(); i++) {
      ports.put(list.get(i).name(), new PortHandle(list.get(i), i));
    }
  }

  /** A tester over a fresh simulation of {@code design} on {@code engine}; ports are named by string. */
  public static Tester of(Design design, Engine engine) {
    return new Tester(Engines.open(engine, design));
  }

  /**
   * A tester over a fresh simulation of {@code design} on {@code engine}, whose ports can also be
   * named by the top module's fields ({@code t.poke(mac.a, 3)}).
   */
  public static Tester of(Elaborated<?> design, Engine engine) {
    return new Tester(Engines.open(engine, design.design()), design);
  }

  /** The engine underneath. */
  public SimEngine engine() {
    return engine;
  }

  /**
   * The top-level port called {@code name}.
   *
   * @throws IllegalArgumentException naming the ports when there is none of that name
   */
  public PortHandle port(String name) {
    PortHandle h = ports.get(name);
    if (h == null) {
      throw new IllegalArgumentException("'" + name + "' is not a top-level port of the design (its ports: "
          + String.join(", ", ports.keySet().stream().sorted().toList()) + ")");
    }
    return h;
  }

  /**
   * The top-level port that {@code signal}, a field of the elaborated top module, was declared as.
   *
   * @throws IllegalArgumentException when the signal is no port of this design's top, or the
   *     tester was made from a bare {@link Design}
   */
  public PortHandle port(Signal signal) {
    PortHandle h = bySignal.get(signal);
    if (h == null) {
      if (elaborated == null) {
        throw new IllegalArgumentException("this tester was made from a Design, which has no Java fields: make it with"
            + " Tester.of(Elaborator.elaborateModule(...), engine) to name ports by signal, or name them by string");
      }
      h = port(elaborated.portOf(signal).name());
      bySignal.put(signal, h);
    }
    return h;
  }

  public Tester poke(PortHandle input, long value) {
    checkInput(input);
    if (!Bits.fits(value, input.type())) {
      throw doesNotFit(input, BigInteger.valueOf(value));
    }
    Bits.fromLong(value, input.type(), input.bits);
    engine.pokeBits(input.index(), input.bits);
    return this;
  }

  public Tester poke(PortHandle input, BigInteger value) {
    checkInput(input);
    if (!input.type().fits(value)) {
      throw doesNotFit(input, value);
    }
    engine.poke(input.name(), value);
    return this;
  }

  public Tester poke(Signal input, long value) {
    return poke(port(input), value);
  }

  public Tester poke(Signal input, BigInteger value) {
    return poke(port(input), value);
  }

  public Tester poke(String input, long value) {
    PortHandle h = ports.get(input);
    return h == null ? poke(input, BigInteger.valueOf(value)) : poke(h, value);
  }

  public Tester poke(String input, BigInteger value) {
    engine.poke(input, value);
    return this;
  }

  /** A port's value as a long (it must fit one: use {@link #peekBig} for wider values). */
  public long peek(PortHandle signal) {
    if (signal.isInput()) {
      return engine.peek(signal.name()).longValueExact();
    }
    engine.peekBits(signal.index(), signal.bits);
    return Bits.longValue(signal.bits, signal.type());
  }

  public long peek(Signal signal) {
    return peek(port(signal));
  }

  /** A signal's value as a long (it must fit one: use {@link #peekBig} for wider values). */
  public long peek(String signal) {
    PortHandle h = ports.get(signal);
    return h == null ? engine.peek(signal).longValueExact() : peek(h);
  }

  public BigInteger peekBig(PortHandle signal) {
    return engine.peek(signal.name());
  }

  public BigInteger peekBig(Signal signal) {
    return peekBig(port(signal));
  }

  public BigInteger peekBig(String signal) {
    return engine.peek(signal);
  }

  public Tester expect(PortHandle signal, long expected) {
    return expect(signal, expected, null);
  }

  /** Checks a port's value now; {@code why} (or null) is added to the failure message. */
  public Tester expect(PortHandle signal, long expected, String why) {
    if (!holds(signal, expected)) {
      throw mismatch(signal.name(), engine.peek(signal.name()), BigInteger.valueOf(expected), why);
    }
    return this;
  }

  public Tester expect(PortHandle signal, BigInteger expected) {
    return expect(signal.name(), expected, null);
  }

  public Tester expect(Signal signal, long expected) {
    return expect(port(signal), expected, null);
  }

  /** Checks a port's value now; {@code why} (or null) is added to the failure message. */
  public Tester expect(Signal signal, long expected, String why) {
    return expect(port(signal), expected, why);
  }

  public Tester expect(Signal signal, BigInteger expected) {
    return expect(port(signal), expected);
  }

  public Tester expect(String signal, long expected) {
    return expect(signal, expected, null);
  }

  public Tester expect(String signal, BigInteger expected) {
    return expect(signal, expected, null);
  }

  /** Checks a signal's value now; {@code why} (or null) is added to the failure message. */
  public Tester expect(String signal, long expected, String why) {
    PortHandle h = ports.get(signal);
    return h == null ? expect(signal, BigInteger.valueOf(expected), why) : expect(h, expected, why);
  }

  /** Checks a signal's value now; {@code why} (or null) is added to the failure message. */
  public Tester expect(String signal, BigInteger expected, String why) {
    BigInteger actual = engine.peek(signal);
    if (!actual.equals(expected)) {
      throw mismatch(signal, actual, expected, why);
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
    if (reset != null) {
      poke(reset, 1);
    }
    step(cycles);
    if (reset != null) {
      poke(reset, 0);
    }
    return this;
  }

  /**
   * Steps until port {@code signal} equals {@code value}, checking before each edge; returns how
   * many edges that took (0 if it already holds). Allocates nothing while it waits.
   *
   * @throws AssertionError when it does not hold within {@code timeoutCycles} edges
   */
  public int waitFor(PortHandle signal, long value, int timeoutCycles) {
    for (int waited = 0; ; waited++) {
      if (holds(signal, value)) {
        return waited;
      }
      if (waited == timeoutCycles) {
        throw new AssertionError(
            "cycle " + engine.cycle() + ": timed out after " + timeoutCycles + " cycles waiting for " + signal.name()
                + " = " + value + " (it is " + engine.peek(signal.name()) + ")");
      }
      engine.step();
    }
  }

  public int waitFor(Signal signal, long value, int timeoutCycles) {
    return waitFor(port(signal), value, timeoutCycles);
  }

  /** As {@link #waitFor(PortHandle, long, int)} for the top-level port called {@code signal}. */
  public int waitFor(String signal, long value, int timeoutCycles) {
    return waitFor(port(signal), value, timeoutCycles);
  }

  /**
   * Dumps a Value Change Dump of the simulation to {@code file} from now until {@link #close()}.
   * Silica's simulator dumps every named signal and can start at any cycle; Verilator and Icarus
   * dump the emitted Verilog's signals with their own tracing and must start before the first clock
   * edge. Whatever the engine, the ports hold the values of cycle {@code c} just before the
   * {@code c+1}-th rising edge of {@code clk} in the file (and the last cycle's at its end).
   *
   * @throws UnsupportedOperationException naming the engine when it cannot write a VCD
   * @throws IllegalStateException when an external engine has already been clocked
   */
  public Tester dumpVcd(Path file) {
    engine.dumpVcd(file);
    return this;
  }

  /** How many clock edges have happened. */
  public long cycle() {
    return engine.cycle();
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Whether {@code signal} holds {@code value} now, compared as bits. */
  private boolean holds(PortHandle signal, long value) {
    if (!Bits.fits(value, signal.type())) {
      return false;
    }
    if (signal.isInput()) {
      return engine.peek(signal.name()).equals(BigInteger.valueOf(value));
    }
    engine.peekBits(signal.index(), signal.bits);
    Bits.fromLong(value, signal.type(), signal.other);
    for (int i = 0; i < signal.bits.length; i++) {
      if (signal.bits[i] != signal.other[i]) {
        return false;
      }
    }
    return true;
  }

  private void checkInput(PortHandle input) {
    if (ports.get(input.name()) != input) {
      throw new IllegalArgumentException("the handle of port '" + input.name() + "' belongs to another tester");
    }
    if (!input.isInput()) {
      throw new IllegalArgumentException("cannot poke '" + input.name() + "': it is an output (inputs: "
          + String.join(", ", engine.inputs().stream().map(Port::name).toList()) + ")");
    }
  }

  private AssertionError mismatch(String signal, BigInteger actual, BigInteger expected, String why) {
    return new AssertionError("cycle " + engine.cycle() + ": " + signal + " = " + actual + ", expected " + expected
        + (why == null ? "" : " (" + why + ")"));
  }

  private static IllegalArgumentException doesNotFit(PortHandle input, BigInteger value) {
    return new IllegalArgumentException("value " + value + " does not fit input " + input.name() + " of "
        + input.type() + " (range " + input.type().min() + ".." + input.type().max() + ")");
  }
}
