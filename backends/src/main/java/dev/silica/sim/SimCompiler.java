package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a design once for simulation: flattens it, checks the types the simulator relies on,
 * levelizes the combinational logic, lays every signal into the value array and builds the
 * evaluators and clocked elements.
 */
final class SimCompiler {

  /** Everything a running simulation needs. */
  record Compiled(
      long[] values,
      Eval[] comb,
      Clocked[] clocked,
      ClockedElements.Write[] writes,
      ImmutableMap<String, Slot> slots,
      ImmutableList<Port> inputs,
      ImmutableList<Port> outputs,
      ImmutableMap<String, SimMemory> memories,
      int resetSlot) {}

  private final FlatNetlist net;
  /** Declared signals (not aliases) by name, with their kind and type, in layout order. */
  private final Map<String, Signals.Signal> declared = new LinkedHashMap<>();
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Map<String, SimMemory> memories = new LinkedHashMap<>();
  /** Nodes that share their operand's slot because its word already is their value. */
  private final java.util.Set<String> forwarded = new java.util.HashSet<>();
  private int nextWord;

  private SimCompiler(FlatNetlist net) {
    this.net = net;
  }

  static Compiled compile(Design design) {
    return new SimCompiler(Flattener.flatten(design)).run();
  }

  private Compiled run() {
    net.inputs().forEach(p -> declare(p.name(), p.type(), Signals.Kind.INPUT, p.loc()));
    net.registers().forEach(r -> declare(r.name(), r.type(), Signals.Kind.REGISTER, r.loc()));
    for (Memory m : net.memories()) {
      memories.put(m.name(), new SimMemory(m));
      m.readPorts().forEach(rp -> declare(rp.name(), m.type(), Signals.Kind.READ_PORT, rp.loc()));
    }
    net.nodes().forEach(n -> declare(n.name(), n.type(), Signals.Kind.NODE, n.loc()));
    net.nodes().forEach(this::checkNodeType);
    net.aliases().forEach(this::checkAliasType);

    ImmutableList<Levelizer.Item> order = Levelizer.order(combinationalItems());
    for (Signals.Signal s : declared.values()) {
      if (s.kind() != Signals.Kind.NODE) {
        layOut(s);
      }
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    net.nodes().forEach(n -> nodes.put(n.name(), n));
    for (Levelizer.Item item : order) {
      Node node = nodes.get(item.name());
      if (node != null && widensWithinAWord(node)) {
        Run operand = runOf(((Op.Resize) node.op()).a());
        slots.put(node.name(), new Slot(node.name(), new Run(operand.base, node.type()), false));
        forwarded.add(node.name());
      } else {
        layOut(declared.get(item.name()));
      }
    }
    net.aliases().forEach((name, alias) -> slots.put(name, new Slot(name, slots.get(alias.source()).run(), false)));

    long[] values = new long[nextWord];
    int resetSlot = hasReset() ? slots.get(Flattener.RESET).run().base : -1;
    return new Compiled(
        values,
        evaluators(order, values),
        clocked(values, resetSlot),
        writes(),
        ImmutableMap.copyOf(slots),
        net.inputs(),
        net.outputs(),
        ImmutableMap.copyOf(memories),
        resetSlot);
  }

  private boolean hasReset() {
    return net.inputs().stream().anyMatch(p -> p.name().equals(Flattener.RESET));
  }

  private void declare(String name, Type type, Signals.Kind kind, SourceLoc loc) {
    Signals.Signal previous = declared.putIfAbsent(name, new Signals.Signal(name, type, kind, loc));
    if (previous != null || net.aliases().containsKey(name)) {
      throw new DesignError(loc, "the name '" + name + "' is used twice");
    }
  }

  /**
   * Whether {@code node} widens a value of at most 64 bits, keeping its sign, to at most 64 bits:
   * the normalized word of the operand is then already the normalized word of the result.
   */
  private boolean widensWithinAWord(Node node) {
    if (!(node.op() instanceof Op.Resize r)) {
      return false;
    }
    return node.type().width() <= 64 && typeOf(r.a(), node.loc()).width() <= node.type().width();
  }

  private void layOut(Signals.Signal s) {
    slots.put(s.name(), new Slot(s.name(), new Run(nextWord, s.type()), s.kind() == Signals.Kind.INPUT));
    nextWord += Words.count(s.type().width());
  }

  /** The declared signal a name (possibly an alias) refers to. */
  private Signals.Signal resolve(String name, SourceLoc user) {
    FlatNetlist.Alias alias = net.aliases().get(name);
    Signals.Signal s = declared.get(alias == null ? name : alias.source());
    if (s == null) {
      throw new DesignError(user, "there is no signal named '" + name + "'");
    }
    return s;
  }

  private Type typeOf(String name, SourceLoc user) {
    return resolve(name, user).type();
  }

  private Run runOf(String name) {
    return slots.get(resolve(name, SourceLoc.UNKNOWN).name()).run();
  }

  private int slotOrNone(String name, SourceLoc user, String role) {
    if (name == null) {
      return -1;
    }
    expectType(name, Type.bool(), user, role);
    return runOf(name).base;
  }

  private void expectType(String name, Type expected, SourceLoc user, String role) {
    Type actual = typeOf(name, user);
    if (!actual.equals(expected)) {
      throw new DesignError(user, role + " " + name + " is " + actual + ", it must be " + expected);
    }
  }

  private void checkNodeType(Node n) {
    Type computed;
    try {
      computed = TypeRules.resultType(n.op(), operand -> typeOf(operand, n.loc()));
    } catch (TypeRules.TypeRuleViolation e) {
      throw new DesignError(n.loc(), n.name() + ": " + e.getMessage());
    }
    if (!computed.equals(n.type())) {
      throw new DesignError(n.loc(), n.name() + " is declared " + n.type() + " but its operation gives " + computed);
    }
  }

  private void checkAliasType(String name, FlatNetlist.Alias alias) {
    expectType(alias.source(), alias.type(), alias.loc(), "the signal driving " + name + ",");
  }

  private List<Levelizer.Item> combinationalItems() {
    List<Levelizer.Item> items = new ArrayList<>();
    for (Node n : net.nodes()) {
      items.add(new Levelizer.Item(n.name(), canonical(n.op().operands(), n.loc()), n.loc()));
    }
    for (Memory m : net.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        if (!rp.sync()) {
          items.add(new Levelizer.Item(rp.name(), canonical(List.of(rp.addr()), rp.loc()), rp.loc()));
        }
      }
    }
    return items;
  }

  private List<String> canonical(List<String> names, SourceLoc user) {
    return names.stream().map(n -> resolve(n, user).name()).toList();
  }

  private Eval[] evaluators(List<Levelizer.Item> order, long[] values) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    net.nodes().forEach(n -> nodes.put(n.name(), n));
    Map<String, Memory.ReadPort> asyncPorts = new LinkedHashMap<>();
    Map<String, SimMemory> portMemory = new LinkedHashMap<>();
    for (Memory m : net.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        asyncPorts.put(rp.name(), rp);
        portMemory.put(rp.name(), memories.get(m.name()));
      }
    }
    List<Eval> evals = new ArrayList<>();
    for (Levelizer.Item item : order) {
      if (forwarded.contains(item.name())) {
        continue;
      }
      Run d = slots.get(item.name()).run();
      Node node = nodes.get(item.name());
      if (node == null) {
        Memory.ReadPort rp = asyncPorts.get(item.name());
        SimMemory memory = portMemory.get(item.name());
        int addr = addressSlot(rp.addr(), memory, rp.loc());
        evals.add(d.n == 1 ? new NarrowOps.AsyncRead(d.base, addr, memory) : new WideOps.AsyncRead(d, addr, memory));
      } else if (node.op() instanceof Op.Const c) {
        Words.fromBig(c.value(), values, d.base, d.type);
      } else {
        evals.add(EvalFactory.of(node, d, this::runOf));
      }
    }
    return evals.toArray(Eval[]::new);
  }

  private int addressSlot(String addr, SimMemory memory, SourceLoc loc) {
    expectType(addr, Type.u(memory.addressWidth()), loc, "the address of memory " + memory.name() + ",");
    return runOf(addr).base;
  }

  private Clocked[] clocked(long[] values, int resetSlot) {
    List<Clocked> out = new ArrayList<>();
    for (Register r : net.registers()) {
      if (r.next() == null) {
        throw new DesignError(r.loc(), "register " + r.name() + " has no next value");
      }
      expectType(r.next(), r.type(), r.loc(), "the next value of register " + r.name() + ",");
      BigInteger init = r.init();
      if (init == null) {
        throw new DesignError(r.loc(), "register " + r.name() + " has no initial value");
      }
      if (!r.type().fits(init)) {
        throw new DesignError(r.loc(), "initial value " + init + " of register " + r.name() + " does not fit " + r.type());
      }
      int enable = slotOrNone(r.enable(), r.loc(), "the enable of register " + r.name() + ",");
      Run q = slots.get(r.name()).run();
      Words.fromBig(init, values, q.base, q.type);
      Run next = runOf(r.next());
      if (q.n == 1) {
        out.add(new ClockedElements.NarrowRegister(q.base, next.base, enable, resetSlot, values[q.base]));
      } else {
        long[] initWords = new long[q.n];
        System.arraycopy(values, q.base, initWords, 0, q.n);
        out.add(new ClockedElements.WideRegister(q.base, next.base, enable, resetSlot, initWords));
      }
    }
    for (Memory m : net.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        if (rp.sync()) {
          SimMemory memory = memories.get(m.name());
          int enable = slotOrNone(rp.enable(), rp.loc(), "the enable of read port " + rp.name() + ",");
          out.add(new ClockedElements.SyncRead(
              slots.get(rp.name()).run().base, addressSlot(rp.addr(), memory, rp.loc()), enable, memory));
        }
      }
    }
    return out.toArray(Clocked[]::new);
  }

  private ClockedElements.Write[] writes() {
    List<ClockedElements.Write> out = new ArrayList<>();
    for (Memory m : net.memories()) {
      SimMemory memory = memories.get(m.name());
      for (Memory.WritePort w : m.writePorts()) {
        expectType(w.data(), m.type(), w.loc(), "the data written to memory " + m.name() + ",");
        int enable = slotOrNone(w.enable(), w.loc(), "the write enable of memory " + m.name() + ",");
        out.add(new ClockedElements.Write(addressSlot(w.addr(), memory, w.loc()), runOf(w.data()).base, enable, memory));
      }
    }
    return out.toArray(ClockedElements.Write[]::new);
  }
}
