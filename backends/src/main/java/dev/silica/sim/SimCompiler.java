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
   * One combinational element in evaluation order: a node (or, with {@code node} null, an
   * asynchronous read port) writing {@code dest}. {@code eval} is null for constants, whose slots
   * are filled at compile time, and for nodes that share their operand's slot.
   */
  record CombStep(Node node, Run dest, Eval eval) {}

  /** Everything a running simulation needs. */
  record Compiled(
      long[] values,
      ImmutableList<CombStep> comb,
      ImmutableList<Clocked> clocked,
      ImmutableList<ClockedElements.Write> writes,
      ImmutableMap<String, Slot> slots,
      ImmutableList<Port> inputs,
      ImmutableList<Port> outputs,
      ImmutableMap<String, SimMemory> memories,
      int resetSlot) {

    Eval[] evals() {
      return comb.stream().map(CombStep::eval).filter(e -> e != null).toArray(Eval[]::new);
    }
  }

  private final ModuleDef top;
  private final Signals signals;
  private final boolean hasState;
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Map<String, SimMemory> memories = new LinkedHashMap<>();
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
    long[] values = new long[nextWord];
    int resetSlot = hasState ? runOf(RESET).base : -1;
    return new Compiled(
        values,
        combSteps(order, nodes, values),
        clocked(values, resetSlot),
        writes(),
        ImmutableMap.copyOf(slots),
        inputs.build(),
        top.outputs().collect(ImmutableList.toImmutableList()),
        ImmutableMap.copyOf(memories),
        resetSlot);
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

  private ImmutableList<CombStep> combSteps(List<Levelizer.Item> order, Map<String, Node> nodes, long[] values) {
    Map<String, Memory.ReadPort> asyncPorts = new LinkedHashMap<>();
    Map<String, SimMemory> portMemory = new LinkedHashMap<>();
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        asyncPorts.put(rp.name(), rp);
        portMemory.put(rp.name(), memories.get(m.name()));
      }
    }
    ImmutableList.Builder<CombStep> steps = ImmutableList.builder();
    for (Levelizer.Item item : order) {
      Node node = nodes.get(item.name());
      if (node == null) {
        Memory.ReadPort rp = asyncPorts.get(item.name());
        Run d = runOf(rp.name());
        SimMemory memory = portMemory.get(item.name());
        int addr = runOf(rp.addr()).base;
        steps.add(new CombStep(null, d,
            d.n == 1 ? new NarrowOps.AsyncRead(d.base, addr, memory) : new WideOps.AsyncRead(d, addr, memory)));
        continue;
      }
      Run d = runOf(node.name());
      if (node.op() instanceof Op.Const c) {
        Words.fromBig(c.value(), values, d.base, d.type);
        steps.add(new CombStep(node, d, null));
      } else if (reusesOperandWord(node)) {
        steps.add(new CombStep(node, d, null));
      } else {
        steps.add(new CombStep(node, d, EvalFactory.of(node, d, this::runOf)));
      }
    }
    return steps.build();
  }

  private ImmutableList<Clocked> clocked(long[] values, int resetSlot) {
    ImmutableList.Builder<Clocked> out = ImmutableList.builder();
    for (Register r : top.registers()) {
      int enable = slotOrNone(r.enable());
      Run q = runOf(r.name());
      Words.fromBig(r.init(), values, q.base, q.type);
      int next = runOf(r.next()).base;
      if (q.n == 1) {
        out.add(new ClockedElements.NarrowRegister(q.base, next, enable, resetSlot, values[q.base]));
      } else {
        long[] initWords = new long[q.n];
        System.arraycopy(values, q.base, initWords, 0, q.n);
        out.add(new ClockedElements.WideRegister(q.base, next, enable, resetSlot, initWords));
      }
    }
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        if (rp.sync()) {
          out.add(new ClockedElements.SyncRead(
              runOf(rp.name()).base, runOf(rp.addr()).base, slotOrNone(rp.enable()), memories.get(m.name())));
        }
      }
    }
    return out.build();
  }

  private ImmutableList<ClockedElements.Write> writes() {
    ImmutableList.Builder<ClockedElements.Write> out = ImmutableList.builder();
    for (Memory m : top.memories()) {
      SimMemory memory = memories.get(m.name());
      for (Memory.WritePort w : m.writePorts()) {
        out.add(new ClockedElements.Write(
            runOf(w.addr()).base, runOf(w.data()).base, slotOrNone(w.enable()), memory));
      }
    }
    return out.build();
  }
}
