package dev.silica.power;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import dev.silica.sim.Simulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records the switching activity of a running {@link Simulator}: from {@link #attach} to {@link
 * #stop}, in every cycle, it reads every signal each module instance declares (ports, nodes other
 * than constants, registers, read ports, instance outputs; the top's outputs and reset too) and
 * counts per bit the transitions from the cycle before and the cycles spent at 1; and for every
 * memory, the edges on which a synchronous read port or a write port is enabled.
 *
 * <p>It watches the simulation through {@link Simulator#addCycleObserver}, so a simulation costs
 * more only while it is recorded. The first recorded cycle sets the starting values; transitions
 * are counted between consecutive recorded cycles.
 */
public final class ActivityRecorder implements Simulator.CycleObserver {

  /** The implicit synchronous reset of designs with state. */
  static final String RESET = "rst";

  private final Simulator sim;
  private final InstanceTree hierarchy;
  private final List<RecordedSignal> signals;
  private final Simulator.Handle[] handles;
  private final int[] widths;
  private final long[][] previous;
  private final long[][] toggles;
  private final long[][] highCycles;
  /** Per bit, the recorded cycle (counted from 0) since which it holds its value. */
  private final long[][] since;
  private final long[] changedCycles;
  private final long[] words;
  private final List<MemoryPort> ports;
  private final Simulator.Handle[] enables;
  private final long[] accesses;
  private final long[] enableWord = new long[1];
  private final boolean clocked;
  private long recorded;
  private boolean stopped;

  private ActivityRecorder(Simulator sim, Design design) {
    this.sim = sim;
    this.hierarchy = InstanceTree.of(design);
    this.clocked = design.hasState(design.topModule());
    this.signals = recordedSignals(design, hierarchy);
    int n = signals.size();
    this.handles = new Simulator.Handle[n];
    this.widths = new int[n];
    this.previous = new long[n][];
    this.toggles = new long[n][];
    this.highCycles = new long[n][];
    this.since = new long[n][];
    this.changedCycles = new long[n];
    int maxWords = 1;
    for (int i = 0; i < n; i++) {
      RecordedSignal s = signals.get(i);
      int w = s.type().width();
      handles[i] = sim.handle(s.name());
      widths[i] = w;
      previous[i] = new long[wordsOf(w)];
      toggles[i] = new long[w];
      highCycles[i] = new long[w];
      since[i] = new long[w];
      maxWords = Math.max(maxWords, wordsOf(w));
    }
    this.words = new long[maxWords];
    this.ports = memoryPorts(hierarchy);
    this.enables = ports.stream().map(p -> p.enable() == null ? null : sim.handle(p.enable())).toArray(Simulator.Handle[]::new);
    this.accesses = new long[ports.size()];
  }

  /**
   * Starts recording {@code sim}, a simulation of {@code design}, from its next cycle on.
   *
   * @throws IllegalArgumentException when {@code sim} does not simulate {@code design} (a signal
   *     of the design is not in the simulation)
   */
  public static ActivityRecorder attach(Simulator sim, Design design) {
    ActivityRecorder r = new ActivityRecorder(sim, design);
    sim.addCycleObserver(r);
    return r;
  }

  @Override
  public void beforeEdge(long cycle) {
    long t = recorded++;
    for (int i = 0; i < handles.length; i++) {
      sim.peekBits(handles[i], words);
      long[] prev = previous[i];
      boolean changed = false;
      for (int k = 0; k < prev.length; k++) {
        long diff = words[k] ^ prev[k];
        if (diff != 0 && t > 0) {
          changed = true;
          count(i, k, diff, prev[k], t);
        }
        prev[k] = words[k];
      }
      if (changed) {
        changedCycles[i]++;
      }
    }
    for (int p = 0; p < enables.length; p++) {
      if (enables[p] == null) {
        accesses[p]++;
      } else {
        sim.peekBits(enables[p], enableWord);
        accesses[p] += enableWord[0] & 1;
      }
    }
  }

  /** Counts the transitions {@code diff} of word {@code k} of signal {@code i}, which held {@code before}. */
  private void count(int i, int k, long diff, long before, long t) {
    long rest = diff;
    while (rest != 0) {
      int b = Long.numberOfTrailingZeros(rest);
      rest &= rest - 1;
      int bit = 64 * k + b;
      toggles[i][bit]++;
      if (((before >>> b) & 1) != 0) {
        highCycles[i][bit] += t - since[i][bit];
      }
      since[i][bit] = t;
    }
  }

  /** Stops recording and returns what was recorded. */
  public SwitchingActivity stop() {
    Preconditions.checkState(!stopped, "the recorder was stopped already");
    stopped = true;
    sim.removeCycleObserver(this);
    ImmutableMap.Builder<String, SignalActivity> bySignal = ImmutableMap.builder();
    for (int i = 0; i < signals.size(); i++) {
      long[] high = highCycles[i].clone();
      for (int bit = 0; bit < widths[i]; bit++) {
        if (recorded > 0 && ((previous[i][bit >>> 6] >>> (bit & 63)) & 1) != 0) {
          high[bit] += recorded - since[i][bit];
        }
      }
      bySignal.put(signals.get(i).name(), new SignalActivity(signals.get(i), toggles[i], high, changedCycles[i]));
    }
    return new SwitchingActivity(hierarchy, clocked, recorded, bySignal.buildOrThrow(), memories());
  }

  private ImmutableMap<String, MemoryActivity> memories() {
    Map<String, long[]> readsAndWrites = new LinkedHashMap<>();
    for (int p = 0; p < ports.size(); p++) {
      readsAndWrites.computeIfAbsent(ports.get(p).memory(), m -> new long[2])[ports.get(p).write() ? 1 : 0] += accesses[p];
    }
    ImmutableMap.Builder<String, MemoryActivity> result = ImmutableMap.builder();
    hierarchy.all().forEach(tree -> {
      for (Memory m : tree.module().memories()) {
        String name = tree.qualify(m.name());
        long[] rw = readsAndWrites.getOrDefault(name, new long[2]);
        result.put(name, new MemoryActivity(name, m.type().width(), rw[0], rw[1],
            m.readPorts().stream().map(rp -> tree.qualify(rp.name())).collect(ImmutableList.toImmutableList())));
      }
    });
    return result.buildOrThrow();
  }

  /** The signals each instance declares (constants aside), plus the top's outputs and reset. */
  private static List<RecordedSignal> recordedSignals(Design design, InstanceTree hierarchy) {
    List<RecordedSignal> result = new ArrayList<>();
    hierarchy.all().forEach(tree -> {
      ModuleDef m = tree.module();
      Set<String> constants = m.nodes().stream().filter(n -> n.op() instanceof Op.Const).map(Node::name).collect(Collectors.toSet());
      for (Signals.Signal s : Signals.of(design, m).asMap().values()) {
        if (!constants.contains(s.name())) {
          result.add(new RecordedSignal(tree.path(), m.name(), s.name(), s.type()));
        }
      }
    });
    ModuleDef top = design.topModule();
    for (Port p : top.outputs().toList()) {
      result.add(new RecordedSignal("", top.name(), p.name(), p.type()));
    }
    if (design.hasState(top)) {
      result.add(new RecordedSignal("", top.name(), RESET, Type.bool()));
    }
    return result;
  }

  private static List<MemoryPort> memoryPorts(InstanceTree hierarchy) {
    List<MemoryPort> result = new ArrayList<>();
    hierarchy.all().forEach(tree -> {
      for (Memory m : tree.module().memories()) {
        String name = tree.qualify(m.name());
        m.readPorts().stream().filter(Memory.ReadPort::sync)
            .forEach(rp -> result.add(new MemoryPort(name, false, rp.enable() == null ? null : tree.qualify(rp.enable()))));
        m.writePorts().forEach(wp -> result.add(new MemoryPort(name, true, wp.enable() == null ? null : tree.qualify(wp.enable()))));
      }
    });
    return result;
  }

  private static int wordsOf(int width) {
    return (width + 63) >>> 6;
  }
}
