package dev.silica.testbench.fuzz;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one random, legal module: random operations over a growing pool of signals, each operand
 * brought to the type the width table demands by explicit casts and resizes. State (register
 * outputs, synchronous read ports) enters the pool first and is driven last, so feedback always
 * goes through a clock edge; everything else reads only what exists before it, so the module is
 * combinationally acyclic by construction.
 */
final class ModuleGenerator {

  /** How large a module is. */
  record Size(int inputs, int nodes, int registers, int memories, int instances, int outputs) {}

  private static final SourceLoc LOC = SourceLoc.UNKNOWN;

  /** A readable signal of the module being built. */
  private record Sig(String name, Type type) {}

  /** A memory under construction: its ports get their addresses once the pool is complete. */
  private static final class MemoryPlan {
    final String name;
    final int depth;
    final Type type;
    final ImmutableList<BigInteger> init;
    final Memory.Style style;
    final List<Memory.ReadPort> asyncReads = new ArrayList<>();
    final List<String> syncReadNames = new ArrayList<>();

    MemoryPlan(String name, int depth, Type type, ImmutableList<BigInteger> init, Memory.Style style) {
      this.name = name;
      this.depth = depth;
      this.type = type;
      this.init = init;
      this.style = style;
    }

    int addressWidth() {
      return new Memory(name, depth, type, ImmutableList.of(), style, ImmutableList.of(), ImmutableList.of(), LOC)
          .addressWidth();
    }
  }

  private final Dice dice;
  private final ModuleDef.Builder module;
  private final List<ModuleDef> submodules;
  private final Map<String, Type> types = new HashMap<>();
  private final List<Sig> pool = new ArrayList<>();
  private final Set<String> read = new HashSet<>();
  private final Set<String> inputs = new HashSet<>();
  private int nextId;

  private ModuleGenerator(Dice dice, String name, List<ModuleDef> submodules) {
    this.dice = dice;
    this.module = ModuleDef.builder(name, LOC);
    this.submodules = submodules;
  }

  /** A module named {@code name} of about {@code size}, instantiating some of {@code submodules}. */
  static ModuleDef generate(Dice dice, String name, Size size, List<ModuleDef> submodules) {
    return new ModuleGenerator(dice, name, submodules).build(size);
  }

  private ModuleDef build(Size size) {
    for (int i = 0; i < size.inputs(); i++) {
      Sig in = new Sig("in" + i, dice.type(Dice.MAX_WIDTH));
      module.port(new Port(in.name(), Port.Direction.IN, in.type(), LOC));
      inputs.add(in.name());
      add(in);
    }
    List<Sig> registers = new ArrayList<>();
    for (int i = 0; i < size.registers(); i++) {
      Sig r = new Sig("r" + i, dice.type(Dice.MAX_WIDTH));
      registers.add(r);
      add(r);
    }
    List<MemoryPlan> memories = new ArrayList<>();
    for (int i = 0; i < size.memories(); i++) {
      memories.add(memory("m" + i));
    }
    List<Runnable> steps = new ArrayList<>();
    for (int i = 0; i < size.nodes(); i++) {
      steps.add(this::operation);
    }
    for (int i = 0; i < size.instances() && !submodules.isEmpty(); i++) {
      String instanceName = "u" + i;
      ModuleDef child = dice.pick(submodules);
      steps.add(() -> instance(instanceName, child));
    }
    for (MemoryPlan m : memories) {
      // Block RAM reads synchronously only (the Verilog backend's rule for that style).
      int asyncReads = m.style == Memory.Style.BLOCK ? 0 : dice.between(0, 2);
      for (int r = 0; r < asyncReads; r++) {
        steps.add(() -> asyncRead(m));
      }
    }
    Collections.shuffle(steps, dice.random());
    steps.forEach(Runnable::run);
    for (Sig r : registers) {
      drive(r);
    }
    memories.forEach(this::finish);
    outputs(size.outputs());
    return module.build();
  }

  // ---------------------------------------------------------------- state

  private MemoryPlan memory(String name) {
    int depth = dice.chance(0.5) ? dice.pick(List.of(1, 2, 4, 8, 16, 32)) : dice.between(1, 40);
    Type type = dice.type(dice.chance(0.7) ? 72 : Dice.MAX_WIDTH);
    ImmutableList<BigInteger> init = ImmutableList.of();
    if (dice.chance(0.4)) {
      ImmutableList.Builder<BigInteger> words = ImmutableList.builder();
      for (int i = 0; i < depth; i++) {
        words.add(dice.value(type));
      }
      init = words.build();
    }
    MemoryPlan plan = new MemoryPlan(name, depth, type, init, dice.pick(List.of(Memory.Style.values())));
    int syncReads = dice.between(0, 2);
    for (int r = 0; r < syncReads; r++) {
      String port = name + "_q" + r;
      plan.syncReadNames.add(port);
      add(new Sig(port, type));
    }
    return plan;
  }

  private void asyncRead(MemoryPlan m) {
    String port = m.name + "_a" + m.asyncReads.size();
    m.asyncReads.add(new Memory.ReadPort(port, address(m), false, null, LOC));
    add(new Sig(port, m.type));
  }

  private void finish(MemoryPlan m) {
    ImmutableList.Builder<Memory.ReadPort> reads = ImmutableList.builder();
    reads.addAll(m.asyncReads);
    for (String port : m.syncReadNames) {
      String enable = dice.chance(0.5) ? bool(pick()).name() : null;
      reads.add(new Memory.ReadPort(port, address(m), true, enable, LOC));
    }
    ImmutableList.Builder<Memory.WritePort> writes = ImmutableList.builder();
    // Distributed RAM has one write port (the Verilog backend's rule for that style).
    int writePorts = dice.between(m.init.isEmpty() ? 1 : 0, m.style == Memory.Style.DISTRIBUTED ? 1 : 2);
    for (int w = 0; w < writePorts; w++) {
      writes.add(new Memory.WritePort(address(m), adapt(pick(), m.type).name(), bool(pick()).name(), LOC));
    }
    module.memory(new Memory(m.name, m.depth, m.type, m.init, m.style, reads.build(), writes.build(), LOC));
  }

  /** An address for {@code m}: unsigned, exactly its address width; sometimes past the last word. */
  private String address(MemoryPlan m) {
    return adapt(pick(), Type.u(m.addressWidth())).name();
  }

  private void drive(Sig register) {
    Sig next = adapt(pick(), register.type());
    if (dice.chance(0.4)) {
      next = node(new Op.Mux(bool(pick()).name(), next.name(), register.name()));
    }
    String enable = dice.chance(0.5) ? bool(pick()).name() : null;
    module.register(new Register(register.name(), register.type(), dice.value(register.type()), next.name(), enable, LOC));
    read.add(register.name());
  }

  private void instance(String name, ModuleDef child) {
    Map<String, String> bindings = new LinkedHashMap<>();
    child.inputs().forEach(p -> bindings.put(p.name(), adapt(pick(), p.type()).name()));
    module.instance(new Instance(name, child.name(), ImmutableMap.copyOf(bindings), LOC));
    child.outputs().forEach(p -> add(new Sig(name + "." + p.name(), p.type())));
  }

  // ---------------------------------------------------------------- outputs

  /**
   * Every signal nothing reads becomes observable: the first few as outputs of their own, the rest
   * concatenated into wide outputs, so that no generated logic is dead.
   */
  private void outputs(int wanted) {
    List<Sig> unread = new ArrayList<>(pool.stream().filter(s -> !read.contains(s.name()) && !inputs.contains(s.name())).toList());
    if (unread.isEmpty()) {
      unread.add(pool.get(pool.size() - 1));
    }
    Collections.shuffle(unread, dice.random());
    int count = 0;
    while (!unread.isEmpty()) {
      Sig source;
      if (count < wanted || unread.size() == 1) {
        source = unread.remove(0);
      } else {
        List<String> parts = new ArrayList<>();
        int width = 0;
        while (!unread.isEmpty() && width + Math.min(unread.get(0).type().width(), 32) <= Dice.MAX_WIDTH) {
          Sig part = narrow(unread.remove(0), 32);
          parts.add(part.name());
          width += part.type().width();
        }
        source = node(new Op.Concat(ImmutableList.copyOf(parts)));
      }
      String port = "out" + count++;
      module.port(new Port(port, Port.Direction.OUT, source.type(), LOC));
      module.connect(new Connect(port, source.name(), LOC));
    }
  }

  // ---------------------------------------------------------------- operations

  /** One random operation (or a small tree of them) added to the pool. */
  private void operation() {
    switch (dice.between(0, 13)) {
      case 0 -> constant(dice.type(Dice.MAX_WIDTH));
      case 1 -> unary();
      case 2, 3 -> arithmetic();
      case 4 -> multiply();
      case 5 -> bitwise();
      case 6 -> compare();
      case 7 -> dynamicShift();
      case 8 -> constantShift();
      case 9 -> muxTree();
      case 10 -> concat();
      case 11 -> slice();
      case 12 -> resize();
      default -> node(new Op.Cast(pick().name(), dice.chance(0.5)));
    }
  }

  private Sig constant(Type type) {
    return node(new Op.Const(dice.value(type), type));
  }

  private void unary() {
    Op.UnaryKind kind = dice.pick(List.of(Op.UnaryKind.values()));
    Sig a = pick();
    if (kind == Op.UnaryKind.NEG) {
      a = narrow(signed(a), Dice.MAX_WIDTH - 1);
    }
    node(new Op.Unary(kind, a.name()));
  }

  private void arithmetic() {
    Op.BinaryKind kind = dice.chance(0.5) ? Op.BinaryKind.ADD : Op.BinaryKind.SUB;
    Sig a = narrow(pick(), Dice.MAX_WIDTH - 1);
    Sig b = narrow(sameSign(pick(), a), Dice.MAX_WIDTH - 1);
    node(new Op.Binary(kind, a.name(), b.name()));
  }

  private void multiply() {
    Sig a = narrow(pick(), Dice.MAX_WIDTH / 2);
    Sig b = narrow(sameSign(pick(), a), Dice.MAX_WIDTH - a.type().width());
    node(new Op.Binary(Op.BinaryKind.MUL, a.name(), b.name()));
  }

  private void bitwise() {
    Op.BinaryKind kind = dice.pick(List.of(Op.BinaryKind.AND, Op.BinaryKind.OR, Op.BinaryKind.XOR));
    Sig a = pick();
    node(new Op.Binary(kind, a.name(), adapt(pick(), a.type()).name()));
  }

  private Sig compare() {
    Op.BinaryKind kind =
        dice.pick(List.of(Op.BinaryKind.EQ, Op.BinaryKind.NE, Op.BinaryKind.LT, Op.BinaryKind.LE, Op.BinaryKind.GT, Op.BinaryKind.GE));
    Sig a = pick();
    Sig b = dice.chance(0.3) ? constant(a.type().withWidth(dice.width(Dice.MAX_WIDTH))) : sameSign(pick(), a);
    return node(new Op.Binary(kind, a.name(), b.name()));
  }

  private void dynamicShift() {
    Op.BinaryKind kind = dice.pick(List.of(Op.BinaryKind.SHL, Op.BinaryKind.SHR, Op.BinaryKind.SRA));
    Sig a = pick();
    Sig amount = unsigned(pick());
    if (dice.chance(0.7)) {
      amount = adapt(amount, Type.u(dice.between(1, 9)));
    }
    node(new Op.Binary(kind, a.name(), amount.name()));
  }

  private void constantShift() {
    Sig a = pick();
    if (dice.chance(0.5) && a.type().width() < Dice.MAX_WIDTH) {
      int amount = dice.between(0, Math.min(70, Dice.MAX_WIDTH - a.type().width()));
      node(new Op.ShiftBy(Op.ShiftKind.SHL, a.name(), amount));
    } else {
      node(new Op.ShiftBy(Op.ShiftKind.SHR, a.name(), dice.between(0, a.type().width() + 3)));
    }
  }

  /** What a when/elsewhen/otherwise chain elaborates to: a right-leaning tree of muxes. */
  private void muxTree() {
    int depth = dice.between(1, 5);
    Sig result = pick();
    Type type = result.type();
    for (int i = 0; i < depth; i++) {
      Sig value = adapt(pick(), type);
      Sig condition = bool(pick());
      boolean elseBranch = dice.chance(0.8);
      result = node(elseBranch
          ? new Op.Mux(condition.name(), value.name(), result.name())
          : new Op.Mux(condition.name(), result.name(), value.name()));
    }
  }

  private void concat() {
    int count = dice.between(1, 4);
    List<String> parts = new ArrayList<>();
    int width = 0;
    for (int i = 0; i < count && width < Dice.MAX_WIDTH; i++) {
      Sig part = narrow(pick(), Dice.MAX_WIDTH - width);
      parts.add(part.name());
      width += part.type().width();
    }
    node(new Op.Concat(ImmutableList.copyOf(parts)));
  }

  private void slice() {
    Sig a = pick();
    int w = a.type().width();
    int lo = dice.chance(0.3) ? 0 : dice.between(0, w - 1);
    int hi = dice.chance(0.3) ? lo : dice.between(lo, w - 1);
    node(new Op.Slice(a.name(), hi, lo));
  }

  private void resize() {
    node(new Op.Resize(pick().name(), dice.width(Dice.MAX_WIDTH)));
  }

  // ---------------------------------------------------------------- operand adaptation

  /** A signal of exactly {@code target}'s type made from {@code s} by a cast and a resize, in either order. */
  private Sig adapt(Sig s, Type target) {
    if (s.type().equals(target)) {
      return s;
    }
    if (dice.chance(0.5)) {
      Sig cast = s.type().signed() == target.signed() ? s : node(new Op.Cast(s.name(), target.signed()));
      return cast.type().width() == target.width() ? cast : node(new Op.Resize(cast.name(), target.width()));
    }
    Sig resized = s.type().width() == target.width() ? s : node(new Op.Resize(s.name(), target.width()));
    return resized.type().signed() == target.signed() ? resized : node(new Op.Cast(resized.name(), target.signed()));
  }

  private Sig sameSign(Sig s, Sig like) {
    return s.type().signed() == like.type().signed() ? s : node(new Op.Cast(s.name(), like.type().signed()));
  }

  private Sig signed(Sig s) {
    return s.type().signed() ? s : node(new Op.Cast(s.name(), true));
  }

  private Sig unsigned(Sig s) {
    return s.type().signed() ? node(new Op.Cast(s.name(), false)) : s;
  }

  /** {@code s} cut to at most {@code maxWidth} bits (its low bits, sign kept). */
  private Sig narrow(Sig s, int maxWidth) {
    return s.type().width() <= maxWidth ? s : node(new Op.Resize(s.name(), dice.between(1, maxWidth)));
  }

  /** A {@code u1} condition derived from {@code s}: a bit of it, a reduction or a comparison. */
  private Sig bool(Sig s) {
    if (s.type().equals(Type.bool()) && dice.chance(0.7)) {
      return s;
    }
    return switch (dice.between(0, 3)) {
      case 0 -> {
        int bit = dice.between(0, s.type().width() - 1);
        yield node(new Op.Slice(s.name(), bit, bit));
      }
      case 1 -> node(new Op.Unary(dice.pick(List.of(Op.UnaryKind.AND_REDUCE, Op.UnaryKind.OR_REDUCE, Op.UnaryKind.XOR_REDUCE)), s.name()));
      default -> {
        Sig other = constant(s.type().withWidth(dice.width(Dice.MAX_WIDTH)));
        Op.BinaryKind kind = dice.pick(List.of(Op.BinaryKind.LT, Op.BinaryKind.GE, Op.BinaryKind.EQ, Op.BinaryKind.NE));
        yield node(new Op.Binary(kind, s.name(), other.name()));
      }
    };
  }

  // ---------------------------------------------------------------- the pool

  /** A signal to use as an operand: often a recent one, so that logic grows deep, not only wide. */
  private Sig pick() {
    int recent = Math.min(pool.size(), 6);
    return dice.chance(0.5) ? pool.get(pool.size() - 1 - dice.between(0, recent - 1)) : dice.pick(pool);
  }

  private Sig node(Op op) {
    Type type = TypeRules.resultType(op, types::get);
    Sig s = new Sig("n" + nextId++, type);
    module.node(new Node(s.name(), type, op, LOC));
    read.addAll(op.operands());
    add(s);
    return s;
  }

  private void add(Sig s) {
    types.put(s.name(), s.type());
    pool.add(s);
  }
}
