package dev.silica.testbench.fuzz;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.ir.pass.Flatten;
import dev.silica.ir.pass.Passes;
import dev.silica.ir.pass.RemoveDeadNodes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reduces a design that shows a bug to a small one that still shows it. {@code stillFails} is the
 * bug's test (co-simulation disagrees, a tool rejects the Verilog...). Reductions are tried greedily
 * until none is accepted: flatten the hierarchy; drop an output; drive an output from an operand of
 * its source instead (walking outputs down toward the bug); drop dead logic; turn a register,
 * a read port or an input into a constant; drop a write port; replace a node by a zero of its type
 * or by one of its operands of the same type. Every candidate must pass the IR's checks before the
 * test sees it, so the result is always a legal design.
 */
public final class Shrinker {

  private static final SourceLoc LOC = SourceLoc.UNKNOWN;

  private final Predicate<Design> stillFails;
  private final int maxTests;
  private int tests;

  private Shrinker(Predicate<Design> stillFails, int maxTests) {
    this.stillFails = stillFails;
    this.maxTests = maxTests;
  }

  /**
   * The smallest design reached from {@code design} for which {@code stillFails} holds, calling
   * {@code stillFails} at most {@code maxTests} times (each call may be a simulator build).
   */
  public static Design shrink(Design design, Predicate<Design> stillFails, int maxTests) {
    return new Shrinker(stillFails, maxTests).run(design);
  }

  private Design run(Design design) {
    Design current = design;
    boolean progress = true;
    while (progress && tests < maxTests) {
      progress = false;
      for (Design candidate : candidates(current)) {
        if (tests >= maxTests) {
          break;
        }
        if (accepts(candidate)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  private boolean accepts(Design candidate) {
    try {
      Passes.checks().run(candidate);
    } catch (RuntimeException illegal) {
      return false;
    }
    tests++;
    return stillFails.test(candidate);
  }

  /** Smaller variants of {@code d}, the biggest reductions first. */
  private List<Design> candidates(Design d) {
    List<Design> out = new ArrayList<>();
    if (d.modules().size() > 1) {
      out.add(onlyTop(new Flatten().run(d)));
    }
    ModuleDef top = d.topModule();
    List<Port> outputs = top.outputs().toList();
    if (outputs.size() > 1) {
      int half = outputs.size() / 2;
      out.add(withTop(d, dropOutputs(top, outputs.subList(0, half))));
      out.add(withTop(d, dropOutputs(top, outputs.subList(half, outputs.size()))));
      for (Port p : outputs) {
        out.add(withTop(d, dropOutputs(top, List.of(p))));
      }
    }
    for (Connect c : top.connects()) {
      top.nodes().stream().filter(n -> n.name().equals(c.source())).findFirst().ifPresent(source -> {
        for (String operand : source.op().operands()) {
          typeOf(top, operand).ifPresent(t -> out.add(withTop(d, repoint(top, c, operand, t))));
        }
      });
    }
    out.add(new RemoveDeadNodes().run(d));
    for (Register r : top.registers()) {
      out.add(withTop(d, registerToConstant(top, r)));
    }
    for (Memory m : top.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        out.add(withTop(d, readPortToZero(top, m, rp)));
      }
      for (int w = 0; w < m.writePorts().size(); w++) {
        out.add(withTop(d, dropWritePort(top, m, w)));
      }
    }
    for (Port p : top.inputs().toList()) {
      out.add(withTop(d, inputToZero(top, p)));
    }
    for (int i = top.nodes().size() - 1; i >= 0; i--) {
      Node n = top.nodes().get(i);
      if (!(n.op() instanceof Op.Const c && c.value().signum() == 0)) {
        out.add(withTop(d, replaceNode(top, i, new Op.Const(BigInteger.ZERO, n.type()))));
      }
      for (String operand : n.op().operands()) {
        typeOf(top, operand).filter(n.type()::equals)
            .ifPresent(t -> out.add(withTop(d, replaceNode(top, top.nodes().indexOf(n), new Op.Cast(operand, t.signed())))));
      }
    }
    out.removeIf(c -> c.equals(d));
    return out;
  }

  // ---------------------------------------------------------------- reductions

  private static Design onlyTop(Design flat) {
    return new Design(flat.top(), ImmutableMap.of(flat.top(), flat.topModule()), flat.attributes());
  }

  private static Design withTop(Design d, ModuleDef top) {
    ImmutableMap.Builder<String, ModuleDef> modules = ImmutableMap.builder();
    d.modules().forEach((name, m) -> modules.put(name, name.equals(d.top()) ? top : m));
    return new Design(d.top(), modules.buildOrThrow(), d.attributes());
  }

  private static ModuleDef dropOutputs(ModuleDef m, List<Port> drop) {
    List<String> names = drop.stream().map(Port::name).toList();
    return rebuild(m, m.ports().stream().filter(p -> !names.contains(p.name())).toList(), m.nodes(), m.registers(),
        m.memories(), m.connects().stream().filter(c -> !names.contains(c.port())).toList());
  }

  /** Output {@code c.port()} driven by {@code operand} of its former source instead, retyped to match. */
  private static ModuleDef repoint(ModuleDef m, Connect c, String operand, Type type) {
    List<Port> ports = m.ports().stream()
        .map(p -> p.name().equals(c.port()) ? new Port(p.name(), p.direction(), type, p.loc()) : p).toList();
    List<Connect> connects = m.connects().stream()
        .map(x -> x == c ? new Connect(c.port(), operand, c.loc()) : x).toList();
    return rebuild(m, ports, m.nodes(), m.registers(), m.memories(), connects);
  }

  private static ModuleDef registerToConstant(ModuleDef m, Register r) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node(r.name(), r.type(), new Op.Const(r.init(), r.type()), LOC));
    nodes.addAll(m.nodes());
    return rebuild(m, m.ports(), nodes, m.registers().stream().filter(x -> x != r).toList(), m.memories(), m.connects());
  }

  private static ModuleDef readPortToZero(ModuleDef m, Memory mem, Memory.ReadPort rp) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node(rp.name(), mem.type(), new Op.Const(BigInteger.ZERO, mem.type()), LOC));
    nodes.addAll(m.nodes());
    List<Memory.ReadPort> reads = mem.readPorts().stream().filter(x -> x != rp).toList();
    return rebuild(m, m.ports(), nodes, m.registers(), replaceMemory(m, mem, reads, mem.writePorts()), m.connects());
  }

  private static ModuleDef dropWritePort(ModuleDef m, Memory mem, int index) {
    List<Memory.WritePort> writes = new ArrayList<>(mem.writePorts());
    writes.remove(index);
    return rebuild(m, m.ports(), m.nodes(), m.registers(), replaceMemory(m, mem, mem.readPorts(), writes), m.connects());
  }

  private static List<Memory> replaceMemory(ModuleDef m, Memory mem, List<Memory.ReadPort> reads, List<Memory.WritePort> writes) {
    List<Memory> memories = new ArrayList<>();
    for (Memory x : m.memories()) {
      if (x != mem) {
        memories.add(x);
      } else if (!reads.isEmpty()) {
        memories.add(new Memory(x.name(), x.depth(), x.type(), x.init(), x.style(), ImmutableList.copyOf(reads),
            ImmutableList.copyOf(writes), x.loc()));
      }
    }
    return memories;
  }

  private static ModuleDef inputToZero(ModuleDef m, Port input) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node(input.name(), input.type(), new Op.Const(BigInteger.ZERO, input.type()), LOC));
    nodes.addAll(m.nodes());
    return rebuild(m, m.ports().stream().filter(p -> p != input).toList(), nodes, m.registers(), m.memories(), m.connects());
  }

  private static ModuleDef replaceNode(ModuleDef m, int index, Op op) {
    List<Node> nodes = new ArrayList<>(m.nodes());
    Node n = nodes.get(index);
    nodes.set(index, new Node(n.name(), n.type(), op, n.loc()));
    return rebuild(m, m.ports(), nodes, m.registers(), m.memories(), m.connects());
  }

  private static Optional<Type> typeOf(ModuleDef m, String signal) {
    return m.ports().stream().filter(p -> p.name().equals(signal)).map(Port::type).findFirst()
        .or(() -> m.nodes().stream().filter(n -> n.name().equals(signal)).map(Node::type).findFirst())
        .or(() -> m.registers().stream().filter(r -> r.name().equals(signal)).map(Register::type).findFirst());
  }

  private static ModuleDef rebuild(ModuleDef m, List<Port> ports, List<Node> nodes, List<Register> registers,
      List<Memory> memories, List<Connect> connects) {
    return new ModuleDef(m.name(), ImmutableList.copyOf(ports), ImmutableList.copyOf(nodes), ImmutableList.copyOf(registers),
        ImmutableList.copyOf(memories), m.instances(), ImmutableList.copyOf(connects), m.loc(),
        m.blackBox());
  }
}
