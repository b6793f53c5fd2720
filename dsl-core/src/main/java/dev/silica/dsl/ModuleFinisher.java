package dev.silica.dsl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.DesignError;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a module's collected hardware into an IR {@link ModuleDef}: resolves when-scopes into
 * multiplexers, gives every element its final name (explicit, then field, then automatic), and
 * writes the nodes in dependency order.
 */
final class ModuleFinisher {

  private final ModuleBuilder m;
  private final WhenResolver resolver;
  private Map<Ref, Ref> values;
  private final Map<Ref, Ref> registerNext = new HashMap<>();
  private final Map<Ref, Ref> registerEnable = new HashMap<>();
  /** Multiplexers the resolver made that turned out unnecessary (replaced by a clock enable). */
  private final Set<Ref> omitted = new HashSet<>();

  ModuleFinisher(ModuleBuilder m) {
    this.m = m;
    this.resolver = new WhenResolver(m);
  }

  ModuleDef build(String name) {
    FieldNames.apply(m);
    values = resolver.resolveAll();
    m.refs.stream().filter(r -> r.kind == Ref.Kind.REGISTER).toList().forEach(this::lowerRegister);
    adoptWireNames();
    assignNames();
    return emit(name);
  }

  /**
   * A register's next value; a register that only changes in one when-branch
   * ({@code mux(c, v, itself)}) gets {@code c} as its clock enable and {@code v} as its next value.
   */
  private void lowerRegister(Ref reg) {
    Ref next = values.get(reg);
    if (reg.enable == null
        && next.kind == Ref.Kind.NODE
        && next.op instanceof Op.Mux mux
        && mux.whenFalse().equals(reg.id)
        && resolver.madeMux(next)) {
      omitted.add(next);
      registerNext.put(reg, m.byId(mux.whenTrue()));
      registerEnable.put(reg, m.byId(mux.sel()));
    } else {
      registerNext.put(reg, next);
      if (reg.enable != null) {
        registerEnable.put(reg, reg.enable);
      }
    }
  }

  private void adoptWireNames() {
    for (Ref wire : values.keySet()) {
      if (wire.kind == Ref.Kind.WIRE) {
        Ref value = underlying(wire);
        if ((value.kind == Ref.Kind.NODE || value.kind == Ref.Kind.READ_PORT)
            && value.nameSource == Ref.NameSource.AUTO) {
          value.nameAs(wire.name, Ref.NameSource.ADOPTED_FROM_WIRE);
        }
      }
    }
  }

  private void assignNames() {
    Namer namer = new Namer();
    m.ports.forEach(p -> namer.claim(p.name));
    List<Ref> named =
        m.refs.stream()
            .filter(r -> r.kind == Ref.Kind.NODE || r.kind == Ref.Kind.REGISTER || r.kind == Ref.Kind.READ_PORT)
            .filter(r -> !omitted.contains(r))
            .toList();
    for (Ref.NameSource source :
        List.of(Ref.NameSource.EXPLICIT, Ref.NameSource.FIELD, Ref.NameSource.ADOPTED_FROM_WIRE)) {
      if (source == Ref.NameSource.EXPLICIT) {
        m.memories.forEach(mem -> mem.name = namer.claim(mem.name));
      }
      named.stream().filter(r -> r.name != null && r.nameSource == source).forEach(r -> r.name = namer.claim(r.name));
      m.instances.stream()
          .filter(i -> i.name != null && i.nameSource == source)
          .forEach(i -> i.name = namer.claim(i.name));
    }
    named.stream()
        .filter(r -> r.nameSource == Ref.NameSource.AUTO)
        .forEach(r -> r.name = namer.claim(r.autoBase));
    m.instances.stream()
        .filter(i -> i.nameSource == Ref.NameSource.AUTO)
        .forEach(i -> i.name = namer.claim(i.autoBase));
  }

  /** The element that really computes the value of {@code r}, looking through wires and ports it aliases. */
  private Ref underlying(Ref r) {
    Set<Ref> seen = new HashSet<>();
    Ref current = r;
    while (current.kind == Ref.Kind.WIRE
        || current.kind == Ref.Kind.OUTPUT
        || current.kind == Ref.Kind.INSTANCE_INPUT) {
      if (!seen.add(current)) {
        throw new DesignError(current.loc, current.describe() + " is connected to itself");
      }
      current = values.get(current);
    }
    return current;
  }

  private String finalName(String id) {
    return finalName(m.byId(id));
  }

  private String finalName(Ref r) {
    Ref u = underlying(r);
    return u.kind == Ref.Kind.INSTANCE_OUTPUT ? u.instance.name + "." + u.childPort.name : u.name;
  }

  private ModuleDef emit(String name) {
    ModuleDef.Builder b = ModuleDef.builder(name, m.loc);
    for (Ref p : m.ports) {
      b.port(new Port(p.name, p.kind == Ref.Kind.INPUT ? Port.Direction.IN : Port.Direction.OUT, p.type, p.loc));
    }
    List<Ref> nodes = m.refs.stream().filter(r -> r.kind == Ref.Kind.NODE && !omitted.contains(r)).toList();
    for (Ref n : NodeOrder.sort(nodes, id -> underlying(m.byId(id)))) {
      b.node(new Node(n.name, n.type, n.op.mapOperands(this::finalName), n.loc));
    }
    for (Ref r : m.refs) {
      if (r.kind == Ref.Kind.REGISTER) {
        Ref enable = registerEnable.get(r);
        b.register(
            new Register(
                r.name, r.type, r.value, finalName(registerNext.get(r)), enable == null ? null : finalName(enable), r.loc));
      }
    }
    m.memories.forEach(mem -> b.memory(memory(mem)));
    m.instances.forEach(i -> b.instance(instance(i)));
    for (Ref p : m.ports) {
      if (p.kind == Ref.Kind.OUTPUT) {
        b.connect(new Connect(p.name, finalName(values.get(p)), resolver.firstConnection(p)));
      }
    }
    return b.build();
  }

  private Memory memory(Mem<?> mem) {
    ImmutableList<Memory.ReadPort> reads =
        mem.reads.stream()
            .map(r -> new Memory.ReadPort(
                r.port().name, finalName(r.addr()), r.sync(), r.enable() == null ? null : finalName(r.enable()), r.loc()))
            .collect(ImmutableList.toImmutableList());
    ImmutableList<Memory.WritePort> writes =
        mem.writes.stream()
            .map(w -> new Memory.WritePort(finalName(w.addr()), finalName(w.data()), finalName(w.enable()), w.loc()))
            .collect(ImmutableList.toImmutableList());
    return new Memory(mem.name, mem.depth, mem.type.irType(), mem.init, mem.style, reads, writes, mem.loc);
  }

  private Instance instance(InstanceRecord inst) {
    ImmutableMap.Builder<String, String> inputs = ImmutableMap.builder();
    for (Ref r : m.refs) {
      if (r.kind == Ref.Kind.INSTANCE_INPUT && r.instance == inst) {
        inputs.put(r.childPort.name, finalName(values.get(r)));
      }
    }
    return new Instance(inst.name, inst.child.builder().irName, inputs.build(), inst.loc);
  }
}
