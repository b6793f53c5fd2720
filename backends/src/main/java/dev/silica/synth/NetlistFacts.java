package dev.silica.synth;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.ListMultimap;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The flat top module the estimator costs, with what every coster asks about it: each signal's
 * type and constant value, the nodes that read it, the wiring in front of a node, and the bits
 * anything observable depends on ({@link DemandedBits}).
 */
final class NetlistFacts {

  private final ModuleDef module;
  private final Signals signals;
  private final Map<String, Node> nodes = new HashMap<>();
  private final ListMultimap<String, Node> readingNodes = ArrayListMultimap.create();
  /** Signals read by a register, an output or a memory port rather than by a node. */
  private final Set<String> readOutsideNodes = new HashSet<>();
  private final DemandedBits demanded;

  private NetlistFacts(Design flat) {
    this.module = flat.topModule();
    this.signals = Signals.of(flat, module);
    module.nodes().forEach(n -> nodes.put(n.name(), n));
    module.nodes().forEach(n -> n.op().operands().forEach(o -> readingNodes.put(o, n)));
    module.registers().forEach(r -> readOutside(r.next(), r.enable()));
    module.connects().forEach(c -> readOutside(c.source()));
    for (Memory m : module.memories()) {
      m.readPorts().forEach(rp -> readOutside(rp.addr(), rp.enable()));
      m.writePorts().forEach(wp -> readOutside(wp.addr(), wp.data(), wp.enable()));
    }
    this.demanded = DemandedBits.of(module, signals);
  }

  /** The facts of {@code flat}'s top module, which has no instances. */
  static NetlistFacts of(Design flat) {
    return new NetlistFacts(flat);
  }

  private void readOutside(String... names) {
    Stream.of(names).filter(Objects::nonNull).forEach(readOutsideNodes::add);
  }

  ModuleDef module() {
    return module;
  }

  Signals signals() {
    return signals;
  }

  DemandedBits demanded() {
    return demanded;
  }

  /** The node named {@code name}, or null for a port, register or memory read port. */
  Node node(String name) {
    return nodes.get(name);
  }

  Type type(String name) {
    return signals.asMap().get(name).type();
  }

  /** The nodes reading {@code name}, once per operand that names it. */
  List<Node> readers(String name) {
    return readingNodes.get(name);
  }

  /** How many node operands read {@code name}. */
  int readerCount(String name) {
    return readingNodes.get(name).size();
  }

  /** Whether a register, an output or a memory port reads {@code name}. */
  boolean isReadOutsideNodes(String name) {
    return readOutsideNodes.contains(name);
  }

  /** The value of {@code name} when it is a constant node. */
  Optional<BigInteger> constant(String name) {
    Node n = nodes.get(name);
    return n != null && n.op() instanceof Op.Const c ? Optional.of(c.value()) : Optional.empty();
  }

  boolean isConstant(String name) {
    return constant(name).isPresent();
  }

  /** Whether {@code name} is a constant zero or plus or minus a power of two (a multiplier by it is a shift). */
  boolean isPowerOfTwo(String name) {
    return constant(name).map(c -> c.signum() == 0 || c.abs().bitCount() == 1).orElse(false);
  }

  /** The highest demanded bit of {@code n} (its top bit when nothing is known). */
  int demandedTop(Node n) {
    return demanded.of(n.name()).map(DemandedBits.Range::hi).orElse(n.type().width() - 1);
  }

  /**
   * The node behind the resizes and casts (wiring) that only lead to {@code name}, or null for a
   * port, register or memory read port.
   */
  Node throughWiring(String name) {
    Node n = nodes.get(name);
    while (n != null && (n.op() instanceof Op.Resize || n.op() instanceof Op.Cast) && readerCount(n.name()) == 1) {
      Node inner = nodes.get(n.op().operands().get(0));
      if (inner == null) {
        return n;
      }
      n = inner;
    }
    return n;
  }

  /** {@code op} as a comparison against a constant, if it is one. */
  Optional<ConstantComparison> constantComparison(Op.Binary op) {
    return switch (op.kind()) {
      case EQ, NE, LT, LE, GT, GE -> ConstantComparison.of(op, constant(op.a()), constant(op.b()), type(op.a()), type(op.b()));
      default -> Optional.empty();
    };
  }

  /** The type of {@code name} before any extending resizes. */
  Type beforeExtension(String name) {
    Node n = nodes.get(name);
    while (n != null && n.op() instanceof Op.Resize r && r.width() >= type(r.a()).width()) {
      name = r.a();
      n = nodes.get(name);
    }
    return type(name);
  }
}
