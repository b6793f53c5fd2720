package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Inlines every instance, recursively, into the top module: the result is a design with that one
 * module (same name, ports and attributes) and no instances.
 *
 * <p>Every signal and memory of an instance {@code u} is renamed {@code u.name}, so names stay
 * hierarchical ({@code pe_2_3.acc}, {@code fir.tap_1.mul}), and keeps its SourceLoc. The instance's
 * ports survive as nodes of the same names: input {@code u.x} is {@code cast} of the signal bound
 * to it, output {@code u.y} (the name the parent already reads) is {@code cast} of what drives it
 * inside, both to their own signedness, that is, unchanged copies made at the instance's
 * SourceLoc. {@link FoldConstants} removes these copies when names need not survive.
 *
 * <p>Expects a design that passed {@link Passes#checks()}.
 */
public final class Flatten implements Pass {

  @Override
  public String name() {
    return "flatten";
  }

  @Override
  public Design run(Design design) {
    Map<String, ModuleDef> flat = new HashMap<>();
    for (ModuleDef m : Hierarchy.bottomUp(design)) {
      flat.put(m.name(), inlineInstances(m, flat));
    }
    ModuleDef top = flat.get(design.top());
    Design result = new Design(design.top(), ImmutableMap.of(top.name(), top), design.attributes());
    Signals.of(result, top); // a parent's own name that collides with a hierarchical one is an error
    return result;
  }

  /** {@code parent} with each instance replaced by the already flat module it instantiates. */
  private static ModuleDef inlineInstances(ModuleDef parent, Map<String, ModuleDef> flat) {
    ImmutableList.Builder<Node> nodes = ImmutableList.<Node>builder().addAll(parent.nodes());
    ImmutableList.Builder<Register> registers = ImmutableList.<Register>builder().addAll(parent.registers());
    ImmutableList.Builder<Memory> memories = ImmutableList.<Memory>builder().addAll(parent.memories());
    for (Instance i : parent.instances()) {
      ModuleDef child = flat.get(i.module());
      String prefix = i.name() + ".";
      UnaryOperator<String> inside = name -> prefix + name;
      ModuleDef renamed = Reads.rename(child, inside);
      for (Port p : child.inputs().toList()) {
        nodes.add(new Node(inside.apply(p.name()), p.type(), new Op.Cast(i.inputs().get(p.name()), p.type().signed()), i.loc()));
      }
      for (Node n : renamed.nodes()) {
        nodes.add(new Node(inside.apply(n.name()), n.type(), n.op(), n.loc()));
      }
      for (Connect c : renamed.connects()) {
        Port p = child.port(c.port()).orElseThrow();
        nodes.add(new Node(i.output(p.name()), p.type(), new Op.Cast(c.source(), p.type().signed()), i.loc()));
      }
      for (Register r : renamed.registers()) {
        registers.add(new Register(inside.apply(r.name()), r.type(), r.init(), r.next(), r.enable(), r.loc()));
      }
      for (Memory m : renamed.memories()) {
        memories.add(renameMemory(m, inside));
      }
    }
    return new ModuleDef(
        parent.name(),
        parent.ports(),
        nodes.build(),
        registers.build(),
        memories.build(),
        ImmutableList.of(),
        parent.connects(),
        parent.loc(),
        parent.blackBox());
  }

  private static Memory renameMemory(Memory m, UnaryOperator<String> inside) {
    return new Memory(
        inside.apply(m.name()),
        m.depth(),
        m.type(),
        m.init(),
        m.style(),
        m.readPorts().stream()
            .map(rp -> new Memory.ReadPort(inside.apply(rp.name()), rp.addr(), rp.sync(), rp.enable(), rp.loc()))
            .collect(ImmutableList.toImmutableList()),
        m.writePorts(),
        m.loc());
  }
}
