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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * the array holds those of the unnamed constants and the pending values of the narrow registers
   * that cannot capture straight into their own slots (see {@link CaptureOrder}).
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
      int resetSlot) {}

  private final ModuleDef top;
  private final Signals signals;
  private final boolean hasState;
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Map<String, SimMemory> memories = new LinkedHashMap<>();
  private final Map<Integer, Long> constants = new LinkedHashMap<>();
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
    for (Levelizer.Item item : order) {
      Node node = nodes.get(item.name());
      if (node != null && reusesOperandWord(node)) {
        Run operand = runOf(node.op().operands().get(0));
        slots.put(node.name(), new Slot(node.name(), new Run(operand.base, node.type()), false));
      } else if (node != null) {
        layOut(node.name(), node.type(), false);
      }
    }
    for (Connect c : top.connects()) {
      slots.put(c.port(), new Slot(c.port(), runOf(c.source()), false));
    }
    int resetSlot = hasState ? runOf(RESET).base : -1;
    int always = constantSlot(1);
    List<Register> narrow = top.registers().stream().filter(r -> r.type().width() <= 64).toList();
    ImmutableList<CaptureOrder.Capture> captures = captureOrder(narrow, resetSlot, always);
    int firstPending = nextWord;
    nextWord += (int) captures.stream().filter(capture -> !capture.direct()).count();
    long[] values = new long[nextWord];
    ImmutableList<Step> settle = settleSteps(order, nodes, values);
    ImmutableList<Step> clock = clockSteps(values, always, narrow, captures, firstPending);
    constants.forEach((slot, word) -> values[slot] = word);
    return new Compiled(
        values,
        settle,
        clock,
        ImmutableMap.copyOf(constants),
        ImmutableMap.copyOf(slots),
        inputs.build(),
        top.outputs().collect(ImmutableList.toImmutableList()),
        ImmutableMap.copyOf(memories),
        resetSlot);
  }

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

  private ImmutableList<Step> settleSteps(List<Levelizer.Item> order, Map<String, Node> nodes, long[] values) {
    Map<String, Memory.ReadPort> asyncPorts = new LinkedHashMap<>();
    Map<String, SimMemory> portMemory = new LinkedHashMap<>();
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        asyncPorts.put(rp.name(), rp);
        portMemory.put(rp.name(), memories.get(m.name()));
      }
    }
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    for (Levelizer.Item item : order) {
      Node node = nodes.get(item.name());
      if (node == null) {
        Memory.ReadPort rp = asyncPorts.get(item.name());
        Run d = runOf(rp.name());
        SimMemory memory = portMemory.get(item.name());
        int addr = runOf(rp.addr()).base;
        steps.add(d.n == 1 ? Step.read(d.base, memory.words(), addr) : Step.call(new WideOps.AsyncRead(d, addr, memory)));
        continue;
      }
      Run d = runOf(node.name());
      if (node.op() instanceof Op.Const c) {
        Words.fromBig(c.value(), values, d.base, d.type);
        if (d.n == 1) {
          constants.put(d.base, values[d.base]);
        }
      } else if (!reusesOperandWord(node)) {
        steps.addAll(Lowering.of(node, d, this::runOf));
      }
    }
    return steps.build();
  }

  /** The operand slots of a narrow register's {@link StepKind#REGISTER} step: reset, enable, next, itself. */
  private int[] registerOperands(Register r, int resetSlot, int always) {
    int enable = r.enable() == null ? always : runOf(r.enable()).base;
    return new int[] {resetSlot, enable, runOf(r.next()).base, runOf(r.name()).base};
  }

  private ImmutableList<CaptureOrder.Capture> captureOrder(List<Register> narrow, int resetSlot, int always) {
    int[] q = narrow.stream().mapToInt(r -> runOf(r.name()).base).toArray();
    int[][] reads = narrow.stream().map(r -> registerOperands(r, resetSlot, always)).toArray(int[][]::new);
    return CaptureOrder.of(q, reads);
  }

  /**
   * The edge: the wide registers and synchronous read ports capture into their own storage, the
   * write ports store, the narrow registers capture in their {@link CaptureOrder} (into their own
   * slots, or pending slots from {@code firstPending} on), then everything pending commits.
   */
  private ImmutableList<Step> clockSteps(
      long[] values, int always, List<Register> narrow, List<CaptureOrder.Capture> order, int firstPending) {
    List<Step> captures = new ArrayList<>();
    List<Step> commits = new ArrayList<>();
    int resetSlot = hasState ? runOf(RESET).base : -1;
    for (Register r : top.registers()) {
      Run q = runOf(r.name());
      Words.fromBig(r.init(), values, q.base, q.type);
      if (q.n > 1) {
        long[] initWords = new long[q.n];
        System.arraycopy(values, q.base, initWords, 0, q.n);
        Clocked wide = new ClockedElements.WideRegister(q.base, runOf(r.next()).base, slotOrNone(r.enable()), resetSlot, initWords);
        captures.add(Step.call(wide::capture));
        commits.add(Step.call(wide::commit));
      }
    }
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        if (rp.sync()) {
          Clocked read = new ClockedElements.SyncRead(
              runOf(rp.name()).base, runOf(rp.addr()).base, slotOrNone(rp.enable()), memories.get(m.name()));
          captures.add(Step.call(read::capture));
          commits.add(Step.call(read::commit));
        }
      }
    }
    for (Memory m : top.memories()) {
      SimMemory memory = memories.get(m.name());
      for (Memory.WritePort w : m.writePorts()) {
        captures.add(Step.call(new ClockedElements.Write(
            runOf(w.addr()).base, runOf(w.data()).base, slotOrNone(w.enable()), memory)::apply));
      }
    }
    int pending = firstPending;
    for (CaptureOrder.Capture capture : order) {
      int[] operands = registerOperands(narrow.get(capture.index()), resetSlot, always);
      int q = operands[3];
      long init = values[q];
      if (capture.direct()) {
        captures.add(Step.of(StepKind.REGISTER, q, operands, init));
      } else {
        captures.add(Step.of(StepKind.REGISTER, pending, operands, init));
        commits.add(Step.of(StepKind.COPY, q, new int[] {pending}));
        pending++;
      }
    }
    return ImmutableList.<Step>builder().addAll(captures).addAll(commits).build();
  }
}
