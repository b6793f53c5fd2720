package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import dev.silica.ir.pass.Flatten;
import dev.silica.ir.pass.Passes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Compiles a design once for simulation: runs the IR's checks, flattens it with the {@link
 * Flatten} pass (so every signal keeps its hierarchical name), levelizes the combinational logic,
 * lays every signal into the value array and builds the evaluators and clocked elements.
 */
final class SimCompiler {

  /** The implicit synchronous reset input of designs with state. */
  static final String RESET = "rst";

  /**
   * Everything a running simulation needs: the value array, and the step lists that {@link
   * Kernel#settle} and {@link Kernel#clock} run. {@code constants} maps the slots that hold the same
   * word all the time (the constants, filled at compile time) to that word. After the named slots
   * the array holds those of the unnamed constants and the pending slots, where the settle steps put
   * the narrow registers' next values for the clock to commit. {@code hidden} holds the slots that
   * only settle steps read ({@link HiddenSlots}).
   */
  record Compiled(
      long[] values,
      ImmutableList<Step> settle,
      ImmutableList<Step> clock,
      ImmutableMap<Integer, Long> constants,
      ImmutableMap<String, Slot> slots,
      ImmutableList<Port> inputs,
      ImmutableList<Port> outputs,
      ImmutableMap<String, SimMemory> memories,
      int resetSlot,
      BitSet hidden) {}

  private final ModuleDef top;
  private final Signals signals;
  private final boolean hasState;
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Map<String, SimMemory> memories = new LinkedHashMap<>();
  private final Map<Integer, Long> constants = new LinkedHashMap<>();
  /**
   * The nodes that compute what an earlier node computes (the same operation on the same operands,
   * once these are merged too), typically copies of one piece of logic in several instances: they
   * share the earlier node's slot and have no steps.
   */
  private final Map<String, String> sameAs = new HashMap<>();
  private int nextWord;

  private SimCompiler(Design flat, boolean hasState) {
    this.top = flat.topModule();
    this.signals = Signals.of(flat, top);
    this.hasState = hasState;
  }

  /**
   * @throws DesignError for a design that fails the IR's checks, or whose top has a port named
   *     {@code rst} while the design has state
   */
  static Compiled compile(Design design) {
    Design checked = Passes.checks().run(design);
    boolean hasState = checked.hasState(checked.topModule());
    checked.topModule().port(RESET).filter(p -> hasState).ifPresent(p -> {
      throw new DesignError(p.loc(), "the port name 'rst' is reserved for the implicit reset");
    });
    return new SimCompiler(new Flatten().run(checked), hasState).run();
  }

  private Compiled run() {
    ImmutableList.Builder<Port> inputs = ImmutableList.builder();
    if (hasState) {
      Port rst = new Port(RESET, Port.Direction.IN, Type.bool(), top.loc());
      inputs.add(rst);
      layOut(rst.name(), rst.type(), true);
    }
    top.inputs().forEach(p -> {
      inputs.add(p);
      layOut(p.name(), p.type(), true);
    });
    top.registers().forEach(r -> layOut(r.name(), r.type(), false));
    for (Memory m : top.memories()) {
      memories.put(m.name(), new SimMemory(m));
      m.readPorts().forEach(rp -> layOut(rp.name(), m.type(), false));
    }
    List<Levelizer.Item> order = Levelizer.order(combinationalItems());
    Map<String, Node> nodes = new LinkedHashMap<>();
    top.nodes().forEach(n -> nodes.put(n.name(), n));
    Map<Computation, String> computed = new HashMap<>();
    for (Levelizer.Item item : order) {
      Node node = nodes.get(item.name());
      if (node != null && reusesOperandWord(node)) {
        Run operand = runOf(node.op().operands().get(0));
        slots.put(node.name(), new Slot(node.name(), new Run(operand.base, node.type()), false));
      } else if (node != null) {
        Computation what = new Computation(node.type(), node.op().mapOperands(n -> sameAs.getOrDefault(n, n)));
        String first = computed.putIfAbsent(what, node.name());
        if (first == null) {
          layOut(node.name(), node.type(), false);
        } else {
          sameAs.put(node.name(), first);
          slots.put(node.name(), new Slot(node.name(), runOf(first), false));
        }
      }
    }
    for (Connect c : top.connects()) {
      slots.put(c.port(), new Slot(c.port(), runOf(c.source()), false));
    }
    int resetSlot = hasState ? runOf(RESET).base : -1;
    int always = constantSlot(1);
    List<Register> narrow = top.registers().stream().filter(r -> r.type().width() <= 64).toList();
    long[] named = new long[nextWord];
    initRegisters(named);
    List<Step> registers = registerSteps(named, narrow, resetSlot, always, nextWord);
    ImmutableList<Step> unplaced = settleSteps(order, nodes, named, registers);
    int firstPending = nextWord + PendingPlacement.gap(unplaced, nextWord, constants);
    ImmutableList<Step> settle = unplaced.stream()
        .map(step -> step.kind() == StepKind.REGISTER ? step.to(step.dest() - nextWord + firstPending) : step)
        .collect(ImmutableList.toImmutableList());
    long[] values = Arrays.copyOf(named, firstPending + narrow.size());
    ImmutableList<Step> clock = clockSteps(narrow, firstPending);
    constants.forEach((slot, word) -> values[slot] = word);
    ImmutableList<Port> outputs = top.outputs().collect(ImmutableList.toImmutableList());
    BitSet hidden = HiddenSlots.of(settle, clock, outputs.stream().map(p -> runOf(p.name())).toList());
    return new Compiled(
        values,
        settle,
        clock,
        ImmutableMap.copyOf(constants),
        ImmutableMap.copyOf(slots),
        inputs.build(),
        outputs,
        ImmutableMap.copyOf(memories),
        resetSlot,
        hidden);
  }

  /** What a node computes: its operation, on operands renamed to the nodes whose values they share. */
  private record Computation(Type type, Op op) {}

  /** A new unnamed slot that always holds {@code word}. */
  private int constantSlot(long word) {
    constants.put(nextWord, word);
    return nextWord++;
  }

  /**
   * Whether the normalized word of {@code node}'s operand already is its value: a resize that
   * widens within one word keeping the sign, or a cast to the operand's own type (the instance
   * ports the {@link Flatten} pass leaves).
   */
  private boolean reusesOperandWord(Node node) {
    if (node.type().width() > 64) {
      return false;
    }
    if (node.op() instanceof Op.Resize r) {
      return typeOf(r.a()).width() <= node.type().width();
    }
    return node.op() instanceof Op.Cast c && typeOf(c.a()).equals(node.type());
  }

  private void layOut(String name, Type type, boolean input) {
    slots.put(name, new Slot(name, new Run(nextWord, type), input));
    nextWord += Words.count(type.width());
  }

  private Type typeOf(String name) {
    return signals.type(name, top.loc());
  }

  private Run runOf(String name) {
    return slots.get(name).run();
  }

  /** The slots {@code words} and those of the narrow signals {@code names} (null for none). */
  private int[] reads(int[] words, String... names) {
    IntStream named = Arrays.stream(names).filter(Objects::nonNull).mapToInt(n -> runOf(n).base);
    return IntStream.concat(Arrays.stream(words), named).toArray();
  }

  private int slotOrNone(String name) {
    return name == null ? -1 : runOf(name).base;
  }

  private List<Levelizer.Item> combinationalItems() {
    List<Levelizer.Item> items = new ArrayList<>();
    for (Node n : top.nodes()) {
      items.add(new Levelizer.Item(n.name(), n.op().operands()));
    }
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        if (!rp.sync()) {
          items.add(new Levelizer.Item(rp.name(), List.of(rp.addr())));
        }
      }
    }
    return items;
  }

  /**
   * The settle steps: the nodes and asynchronous read ports in evaluation order, each register step
   * right after the step that computes the last of its operands (so generated code finds them in
   * local variables).
   */
  private ImmutableList<Step> settleSteps(
      List<Levelizer.Item> order, Map<String, Node> nodes, long[] values, List<Step> registers) {
    Map<Integer, Integer> lastWriter = new HashMap<>();
    List<Step> combinational = combinationalSteps(order, nodes, values, lastWriter);
    List<List<Step>> after = new ArrayList<>();
    for (int i = 0; i <= combinational.size(); i++) {
      after.add(new ArrayList<>());
    }
    for (Step r : registers) {
      int at = -1;
      for (int arg : r.args()) {
        at = Math.max(at, lastWriter.getOrDefault(arg, -1));
      }
      after.get(at + 1).add(r);
    }
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    steps.addAll(after.get(0));
    for (int i = 0; i < combinational.size(); i++) {
      steps.add(combinational.get(i));
      steps.addAll(after.get(i + 1));
    }
    return steps.build();
  }

  /** The steps of the nodes and asynchronous read ports; {@code lastWriter} gets, per slot, the index of the step completing it. */
  private List<Step> combinationalSteps(
      List<Levelizer.Item> order, Map<String, Node> nodes, long[] values, Map<Integer, Integer> lastWriter) {
    Map<String, Memory.ReadPort> asyncPorts = new LinkedHashMap<>();
    Map<String, SimMemory> portMemory = new LinkedHashMap<>();
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        asyncPorts.put(rp.name(), rp);
        portMemory.put(rp.name(), memories.get(m.name()));
      }
    }
    List<Step> steps = new ArrayList<>();
    for (Levelizer.Item item : order) {
      Node node = nodes.get(item.name());
      if (node == null) {
        Memory.ReadPort rp = asyncPorts.get(item.name());
        Run d = runOf(rp.name());
        SimMemory memory = portMemory.get(item.name());
        int addr = runOf(rp.addr()).base;
        steps.add(d.n == 1 ? Step.read(d.base, memory.words(), addr) : Step.call(new WideOps.AsyncRead(d, addr, memory), addr));
        lastWriter.put(d.base, steps.size() - 1);
        continue;
      }
      Run d = runOf(node.name());
      if (node.op() instanceof Op.Const c) {
        Words.fromBig(c.value(), values, d.base, d.type);
        if (d.n == 1) {
          constants.put(d.base, values[d.base]);
        }
      } else if (!reusesOperandWord(node) && !sameAs.containsKey(node.name())) {
        steps.addAll(Lowering.of(node, d, this::runOf));
        lastWriter.put(d.base, steps.size() - 1);
      }
    }
    return steps;
  }

  private void initRegisters(long[] values) {
    for (Register r : top.registers()) {
      Run q = runOf(r.name());
      Words.fromBig(r.init(), values, q.base, q.type);
    }
  }

  /**
   * The {@link StepKind#REGISTER} steps of the narrow registers, each computing its register's next
   * value (reset, enable, next) into its pending slot, the i-th register's at {@code firstPending + i}.
   */
  private List<Step> registerSteps(long[] values, List<Register> narrow, int resetSlot, int always, int firstPending) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < narrow.size(); i++) {
      Register r = narrow.get(i);
      int enable = r.enable() == null ? always : runOf(r.enable()).base;
      int q = runOf(r.name()).base;
      int[] operands = {resetSlot, enable, runOf(r.next()).base, q};
      steps.add(Step.of(StepKind.REGISTER, firstPending + i, operands, values[q]));
    }
    return steps;
  }

  /**
   * The edge: the wide registers and synchronous read ports capture into their own storage and the
   * write ports store, all from the settled values; then everything captured becomes visible, the
   * narrow registers' next values (computed by the settle steps into pending slots from {@code
   * firstPending} on) copied into their slots.
   */
  private ImmutableList<Step> clockSteps(List<Register> narrow, int firstPending) {
    List<Step> captures = new ArrayList<>();
    List<Step> commits = new ArrayList<>();
    int resetSlot = hasState ? runOf(RESET).base : -1;
    for (Register r : top.registers()) {
      Run q = runOf(r.name());
      if (q.n > 1) {
        long[] initWords = new long[q.n];
        Words.fromBig(r.init(), initWords, 0, q.type);
        Clocked wide = new ClockedElements.WideRegister(q.base, runOf(r.next()).base, slotOrNone(r.enable()), resetSlot, initWords);
        captures.add(Step.call(wide::capture, reads(Step.words(runOf(r.next())), r.enable(), RESET)));
        commits.add(Step.call(wide::commit));
      }
    }
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        if (rp.sync()) {
          Clocked read = new ClockedElements.SyncRead(
              runOf(rp.name()).base, runOf(rp.addr()).base, slotOrNone(rp.enable()), memories.get(m.name()));
          captures.add(Step.call(read::capture, reads(Step.words(runOf(rp.name())), rp.addr(), rp.enable())));
          commits.add(Step.call(read::commit));
        }
      }
    }
    for (Memory m : top.memories()) {
      SimMemory memory = memories.get(m.name());
      for (Memory.WritePort w : m.writePorts()) {
        captures.add(Step.call(new ClockedElements.Write(
            runOf(w.addr()).base, runOf(w.data()).base, slotOrNone(w.enable()), memory)::apply,
            reads(Step.words(runOf(w.data())), w.addr(), w.enable())));
      }
    }
    int[] q = narrow.stream().mapToInt(r -> runOf(r.name()).base).toArray();
    if (q.length > 0) {
      int[] pending = IntStream.range(firstPending, firstPending + q.length).toArray();
      commits.add(Step.call(new ClockedElements.Commit(firstPending, q)::apply, pending));
    }
    return ImmutableList.<Step>builder().addAll(captures).addAll(commits).build();
  }
}
