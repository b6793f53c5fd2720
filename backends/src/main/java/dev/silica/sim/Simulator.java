package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.silica.ir.Design;
import dev.silica.ir.Port;
import dev.silica.ir.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cycle-accurate simulation of a {@link Design}, compiled once from its IR.
 *
 * <p>Use: {@link #poke} top-level inputs, {@link #peek} any signal by its hierarchical name ({@code
 * pe_1_2.acc}), {@link #step} the clock. Peeking shows the combinational logic settled for the
 * current inputs; {@code step()} is one rising edge of the implicit {@code clk}, after which every
 * register, synchronous read port and memory holds what the emitted Verilog holds after that edge.
 * The implicit reset {@code rst} is an ordinary input of designs with state (see {@link #reset()}).
 *
 * <p>At the start every input is 0, every register holds its {@code init} (as an FPGA configures
 * it), every synchronous read port 0 and every memory its initial contents.
 *
 * <p>How cycles are evaluated is chosen by {@link Execution}: by default the simulation starts on an
 * interpreter and, once it has run a while, generates bytecode for the design and switches to it
 * between two cycles. Every execution computes exactly the same values.
 *
 * <p>Errors in use (an unknown name, a poke of something other than a top-level input, a value that
 * does not fit) throw {@link IllegalArgumentException} with a message naming the signal.
 */
public final class Simulator implements AutoCloseable {

  /** How the simulator evaluates cycles; the values are the same whichever is chosen. */
  public enum Execution {
    /** Walks the design's step list: starts at once, a few nanoseconds per node and cycle. */
    INTERPRETED,
    /**
     * Generates JVM bytecode for the design: milliseconds to start, then as fast as the JIT makes
     * straight-line code, several times faster per cycle.
     */
    GENERATED,
    /**
     * Interprets the first cycles, then generates code and switches to it at a cycle boundary: the
     * JVM's compilers take the generated code from there, in the background, while the many short
     * simulations of a test suite define no classes. Simulations of the same design share the code.
     */
    ADAPTIVE
  }

  /**
   * Step evaluations after which an adaptive simulation switches to generated code: a few
   * milliseconds of interpreting, about what generating the code costs.
   */
  private static final long ADAPTIVE_START_EVALUATIONS = 100_000L;

  private final String top;
  private final SimCompiler.Compiled c;
  private final long[] v;
  /** Runs the cycles; its settle may leave the slots {@link SimCompiler.Compiled#hidden} stale. */
  private Kernel kernel;
  /**
   * A kernel whose settle computes every slot, for peeks of hidden slots, VCD and observers: the
   * interpreter, or generated code made when first needed; null until then.
   */
  private Kernel fullKernel;
  /** The cycle from which an adaptive simulation runs generated code (never, otherwise and once switched). */
  private long upgradeCycle;
  /** Whether every slot but the hidden ones holds its value for the current inputs and state. */
  private boolean settled;
  /** Whether every slot holds its value for the current inputs and state. */
  private boolean settledFully;
  private long cycle;
  private VcdWriter vcd;
  private long vcdFrom;
  private long vcdUntil;
  private final List<CycleObserver> observers = new ArrayList<>();

  private Simulator(Design design, Execution execution, long evaluationsBeforeUpgrade) {
    this.top = design.top();
    this.c = SimCompiler.compile(design);
    this.v = c.values();
    this.kernel = execution == Execution.GENERATED ? GeneratedKernel.of(c, false) : new Interpreter(c);
    this.fullKernel = execution == Execution.GENERATED ? null : kernel;
    this.upgradeCycle = execution == Execution.ADAPTIVE
        ? evaluationsBeforeUpgrade / Math.max(1, c.settle().size() + c.clock().size())
        : Long.MAX_VALUE;
  }

  /**
   * An adaptive simulation that switches to generated code after {@code evaluations} step
   * evaluations (0: at the first cycle boundary), for tests of the switch.
   */
  static Simulator adaptive(Design design, long evaluations) {
    return new Simulator(design, Execution.ADAPTIVE, evaluations);
  }

  /**
   * Compiles {@code design} for simulation.
   *
   * @throws dev.silica.ir.DesignError for a design the simulator cannot run (a combinational loop,
   *     an undriven output, operand types that break the width table), naming the user's source line
   */
  public static Simulator compile(Design design) {
    return compile(design, Execution.ADAPTIVE);
  }

  /**
   * Compiles {@code design} for simulation with the given execution.
   *
   * @throws dev.silica.ir.DesignError as {@link #compile(Design)}
   */
  public static Simulator compile(Design design, Execution execution) {
    return new Simulator(design, execution, ADAPTIVE_START_EVALUATIONS);
  }

  /** The top-level inputs, {@code rst} first when the design has state. */
  public ImmutableList<Port> inputs() {
    return c.inputs();
  }

  /** The top-level outputs. */
  public ImmutableList<Port> outputs() {
    return c.outputs();
  }

  /** Whether the design has state, and so the implicit {@code rst} input. */
  public boolean hasReset() {
    return c.resetSlot() >= 0;
  }

  /** Every name {@link #peek} accepts: all signals and ports of every instance, by hierarchical name. */
  public ImmutableSortedSet<String> signalNames() {
    return ImmutableSortedSet.copyOf(c.slots().keySet());
  }

  /** Every memory by hierarchical name ({@code core.weights}). */
  public ImmutableSortedSet<String> memoryNames() {
    return ImmutableSortedSet.copyOf(c.memories().keySet());
  }

  /** The type of a signal. */
  public Type typeOf(String signal) {
    return slot(signal).run().type;
  }

  /** Whether cycles now run on generated code (always for GENERATED, after the switch for ADAPTIVE). */
  public boolean runsGeneratedCode() {
    return !(kernel instanceof Interpreter);
  }

  /** How many clock edges have happened. */
  public long cycle() {
    return cycle;
  }

  /** Sets a top-level input to {@code value}, which must fit its type. */
  public void poke(String input, long value) {
    Slot s = pokable(input);
    Run r = s.run();
    if (r.n > 1) {
      poke(input, BigInteger.valueOf(value));
      return;
    }
    if (!fits(r.type, value)) {
      throw doesNotFit(input, r.type, BigInteger.valueOf(value));
    }
    v[r.base] = value;
    unsettle();
  }

  /** Sets a top-level input of any width to {@code value}, which must fit its type. */
  public void poke(String input, BigInteger value) {
    Run r = pokable(input).run();
    if (!r.type.fits(value)) {
      throw doesNotFit(input, r.type, value);
    }
    Words.fromBig(value, v, r.base, r.type);
    unsettle();
  }

  /**
   * A signal resolved once, so that a hot loop pokes and peeks it by {@link #pokeBits}/{@link
   * #peekBits} without looking its name up every cycle.
   */
  public Handle handle(String signal) {
    return new Handle(slot(signal));
  }

  /**
   * Sets a top-level input to the value whose two's complement bits are {@code words}, least
   * significant word first ({@code ceil(width / 64)} of them); bits above the input's width are
   * ignored.
   */
  public void pokeBits(Handle input, long[] words) {
    if (!input.input) {
      pokable(input.name());
    }
    if (input.n == 1) {
      v[input.base] = Words.normalize(words[0], input.width, input.signed);
    } else {
      System.arraycopy(words, 0, v, input.base, input.n);
      Words.normalizeTop(v, input.base, input.type());
    }
    unsettle();
  }

  /**
   * Writes the two's complement bits of a signal into {@code words}, least significant word first,
   * bits above its width zero.
   */
  public void peekBits(Handle signal, long[] words) {
    settleFor(signal.base);
    if (signal.n == 1) {
      words[0] = v[signal.base] & signal.topMask;
    } else {
      System.arraycopy(v, signal.base, words, 0, signal.n);
      words[signal.n - 1] &= signal.topMask;
    }
  }

  /**
   * The value of any signal as a long.
   *
   * @throws ArithmeticException when the value does not fit a long (wide or large u64 signals: use
   *     {@link #peekBig})
   */
  public long peek(String signal) {
    Run r = slot(signal).run();
    settleFor(r.base);
    if (r.n > 1 || (!r.signed && r.width == 64 && v[r.base] < 0)) {
      return Words.toBig(v, r.base, r.type).longValueExact();
    }
    return v[r.base];
  }

  /** The value of any signal, of any width. */
  public BigInteger peekBig(String signal) {
    Run r = slot(signal).run();
    settleFor(r.base);
    return Words.toBig(v, r.base, r.type);
  }

  /** One rising clock edge. */
  public void step() {
    if ((vcd != null && cycle >= vcdFrom) || !observers.isEmpty()) {
      settleFully();
    } else {
      settle();
    }
    if (vcd != null && cycle >= vcdFrom) {
      vcd.sample(cycle);
    }
    for (int i = 0; i < observers.size(); i++) {
      observers.get(i).beforeEdge(cycle);
    }
    kernel.clock(v);
    cycle++;
    unsettle();
    if (cycle >= upgradeCycle) {
      switchToGeneratedCode();
    }
    if (vcd != null && cycle >= vcdUntil) {
      stopVcd();
    }
  }

  /** {@code cycles} rising clock edges. */
  public void step(int cycles) {
    for (int i = 0; i < cycles; i++) {
      step();
    }
  }

  /**
   * Holds {@code rst} high for one clock edge, then low: every register takes its {@code init};
   * memories keep their contents. A design without state just steps.
   */
  public void reset() {
    if (hasReset()) {
      v[c.resetSlot()] = 1;
      unsettle();
    }
    step();
    if (hasReset()) {
      v[c.resetSlot()] = 0;
      unsettle();
    }
  }

  /** Replaces the first {@code words.size()} entries of a memory. */
  public void loadMemory(String memory, List<BigInteger> words) {
    memory(memory).load(words);
    unsettle();
  }

  /** Replaces the first {@code words.length} entries of a memory. */
  public void loadMemory(String memory, long... words) {
    loadMemory(memory, Arrays.stream(words).mapToObj(BigInteger::valueOf).toList());
  }

  /** The word stored at {@code address} of a memory. */
  public BigInteger readMemory(String memory, int address) {
    return memory(memory).get(address);
  }

  /** Stores one word of a memory, outside the clock (as a debugger would). */
  public void writeMemory(String memory, int address, BigInteger value) {
    memory(memory).set(address, value);
    unsettle();
  }

  /**
   * Calls {@code observer} in every later {@link #step()} with the cycle's settled values, just
   * before the clock edge that ends it; the observer may {@link #peekBits} anything. Without
   * observers a step pays one check of an empty list for this.
   */
  public void addCycleObserver(CycleObserver observer) {
    observers.add(observer);
  }

  /** Stops calling {@code observer}. */
  public void removeCycleObserver(CycleObserver observer) {
    observers.remove(observer);
  }

  /** Sees every cycle of a simulation once its values are settled, before its closing clock edge. */
  @FunctionalInterface
  public interface CycleObserver {
    /** Cycle {@code cycle} is settled; its clock edge comes next. */
    void beforeEdge(long cycle);
  }

  /** Starts dumping every signal to a VCD file from this cycle on, until {@link #stopVcd()}. */
  public void dumpVcd(Path file) {
    dumpVcd(file, cycle, Long.MAX_VALUE);
  }

  /** Dumps every signal to a VCD file for cycles {@code from} (inclusive) to {@code until} (exclusive). */
  public void dumpVcd(Path file, long from, long until) {
    if (from >= until) {
      throw new IllegalArgumentException("empty VCD window: cycles " + from + " to " + until);
    }
    stopVcd();
    try {
      vcd = new VcdWriter(Files.newBufferedWriter(file), top, c.slots().values(), v);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create VCD file " + file, e);
    }
    vcdFrom = from;
    vcdUntil = until;
  }

  /** Finishes the VCD file being written, if any. */
  public void stopVcd() {
    if (vcd != null) {
      vcd.close();
      vcd = null;
    }
  }

  /** Finishes any VCD file. */
  @Override
  public void close() {
    stopVcd();
  }

  /**
   * Switches an adaptive simulation to generated code now, between two cycles, when its switch is
   * due (for tests of the switch); otherwise nothing happens.
   */
  void awaitGeneratedCode() {
    if (cycle >= upgradeCycle) {
      switchToGeneratedCode();
    }
  }

  private void switchToGeneratedCode() {
    kernel = GeneratedKernel.of(c, false);
    fullKernel = null;
    upgradeCycle = Long.MAX_VALUE;
  }

  /** The inputs, state or memories changed: nothing is settled. */
  private void unsettle() {
    settled = false;
    settledFully = false;
  }

  private void settle() {
    if (!settled) {
      kernel.settle(v);
      settled = true;
      settledFully = kernel == fullKernel;
    }
  }

  private void settleFully() {
    if (!settledFully) {
      if (fullKernel == null) {
        fullKernel = GeneratedKernel.of(c, true);
      }
      fullKernel.settle(v);
      settled = true;
      settledFully = true;
    }
  }

  /** Settles as far as reading the value in {@code slot} needs. */
  private void settleFor(int slot) {
    if (c.hidden().get(slot)) {
      settleFully();
    } else {
      settle();
    }
  }

  /** A signal of this simulation, looked up once by {@link #handle}: where its value lives (valid for that simulation only). */
  public static final class Handle {
    private final Slot slot;
    private final boolean input;
    private final int base;
    private final int n;
    private final int width;
    private final boolean signed;
    /** The bits of the top word below the width. */
    private final long topMask;

    private Handle(Slot slot) {
      Run r = slot.run();
      this.slot = slot;
      this.input = slot.input();
      this.base = r.base;
      this.n = r.n;
      this.width = r.width;
      this.signed = r.signed;
      this.topMask = Words.lowMask(r.width - 64 * (r.n - 1));
    }

    public String name() {
      return slot.name();
    }

    public Type type() {
      return slot.run().type;
    }
  }

  private Slot slot(String name) {
    Slot s = c.slots().get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "design " + top + " has no signal named '" + name + "'" + NameSuggestions.hint(name, c.slots().keySet()));
    }
    return s;
  }

  /** The slot of top-level input {@code name}; anything else is refused, naming the inputs. */
  private Slot pokable(String name) {
    Slot s = slot(name);
    if (!s.input()) {
      throw new IllegalArgumentException(
          "cannot poke '" + name + "': only top-level inputs can be poked ("
              + String.join(", ", c.inputs().stream().map(Port::name).toList()) + ")");
    }
    return s;
  }

  private SimMemory memory(String name) {
    SimMemory m = c.memories().get(name);
    if (m == null) {
      throw new IllegalArgumentException(
          "design " + top + " has no memory named '" + name + "'" + NameSuggestions.hint(name, c.memories().keySet()));
    }
    return m;
  }

  private static boolean fits(Type type, long value) {
    int w = type.width();
    if (type.signed()) {
      return w == 64 || (value >> (w - 1)) == 0 || (value >> (w - 1)) == -1;
    }
    return value >= 0 && (w >= 63 || value >>> w == 0);
  }

  private static IllegalArgumentException doesNotFit(String input, Type type, BigInteger value) {
    return new IllegalArgumentException(
        "value " + value + " does not fit input " + input + " of " + type + " (range " + type.min() + ".."
            + type.max() + ")");
  }
}
