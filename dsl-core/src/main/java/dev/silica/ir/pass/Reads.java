package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every place a module reads a signal by name (node operands, register next values and enables,
 * memory port addresses, data and enables, instance inputs, output connections), and the renaming
 * of all of them at once. Checks walk the reads; transformations that merge or drop signals rename
 * them.
 */
final class Reads {

  private Reads() {}

  /**
   * One read of {@code signal} by the element described as {@code role} ("next value of register
   * 'acc'"), made at {@code loc}. {@code required} is the exact type the reader demands, when the
   * reader demands one (node operands are judged by the width table instead).
   */
  record Read(String signal, String role, Optional<Type> required, SourceLoc loc) {}

  /** The reads of {@code module} in a fixed order: nodes, registers, memories, instances, outputs. */
  static ImmutableList<Read> of(Design design, ModuleDef module) {
    ImmutableList.Builder<Read> reads = ImmutableList.builder();
    for (Node n : module.nodes()) {
      for (String operand : n.op().operands()) {
        reads.add(new Read(operand, "node '" + n.name() + "'", Optional.empty(), n.loc()));
      }
    }
    for (Register r : module.registers()) {
      addIfPresent(reads, r.next(), "next value of register '" + r.name() + "'", r.type(), r.loc());
      addIfPresent(reads, r.enable(), "enable of register '" + r.name() + "'", Type.bool(), r.loc());
    }
    for (Memory m : module.memories()) {
      Type address = Type.u(m.addressWidth());
      for (Memory.ReadPort rp : m.readPorts()) {
        String port = "read port '" + rp.name() + "' of memory '" + m.name() + "'";
        addIfPresent(reads, rp.addr(), "address of " + port, address, rp.loc());
        addIfPresent(reads, rp.enable(), "enable of " + port, Type.bool(), rp.loc());
      }
      for (int i = 0; i < m.writePorts().size(); i++) {
        Memory.WritePort wp = m.writePorts().get(i);
        String port = "write port " + i + " of memory '" + m.name() + "'";
        addIfPresent(reads, wp.addr(), "address of " + port, address, wp.loc());
        addIfPresent(reads, wp.data(), "data of " + port, m.type(), wp.loc());
        addIfPresent(reads, wp.enable(), "enable of " + port, Type.bool(), wp.loc());
      }
    }
    for (Instance i : module.instances()) {
      ModuleDef child = design.module(i.module());
      i.inputs()
          .forEach(
              (port, signal) ->
                  reads.add(
                      new Read(
                          signal,
                          "input '" + port + "' of instance '" + i.name() + "'",
                          child.port(port).filter(Port::isInput).map(Port::type),
                          i.loc())));
    }
    for (Connect c : module.connects()) {
      reads.add(
          new Read(
              c.source(),
              "output '" + c.port() + "'",
              module.port(c.port()).filter(p -> !p.isInput()).map(Port::type),
              c.loc()));
    }
    return reads.build();
  }

  private static void addIfPresent(
      ImmutableList.Builder<Read> reads, String signal, String role, Type required, SourceLoc loc) {
    if (signal != null) {
      reads.add(new Read(signal, role, Optional.of(required), loc));
    }
  }

  /** {@code module} with every read renamed by {@code rename}; what it defines keeps its name. */
  static ModuleDef rename(ModuleDef module, UnaryOperator<String> rename) {
    UnaryOperator<String> orNull = s -> s == null ? null : rename.apply(s);
    return new ModuleDef(
        module.name(),
        module.ports(),
        module.nodes().stream()
            .map(n -> new Node(n.name(), n.type(), n.op().mapOperands(rename), n.loc()))
            .collect(ImmutableList.toImmutableList()),
        module.registers().stream()
            .map(r -> r.withNext(orNull.apply(r.next()), orNull.apply(r.enable())))
            .collect(ImmutableList.toImmutableList()),
        module.memories().stream()
            .map(m -> renameMemory(m, orNull))
            .collect(ImmutableList.toImmutableList()),
        module.instances().stream()
            .map(
                i ->
                    new Instance(
                        i.name(),
                        i.module(),
                        ImmutableMap.copyOf(Maps.transformValues(i.inputs(), rename::apply)),
                        i.loc()))
            .collect(ImmutableList.toImmutableList()),
        module.connects().stream()
            .map(c -> new Connect(c.port(), rename.apply(c.source()), c.loc()))
            .collect(ImmutableList.toImmutableList()),
        module.loc(),
        module.blackBox());
  }

  private static Memory renameMemory(Memory m, UnaryOperator<String> rename) {
    return m.withPorts(
        m.readPorts().stream()
            .map(rp -> new Memory.ReadPort(rp.name(), rename.apply(rp.addr()), rp.sync(), rename.apply(rp.enable()), rp.loc()))
            .collect(ImmutableList.toImmutableList()),
        m.writePorts().stream()
            .map(wp -> new Memory.WritePort(rename.apply(wp.addr()), rename.apply(wp.data()), rename.apply(wp.enable()), wp.loc()))
            .collect(ImmutableList.toImmutableList()));
  }
}
