package dev.silica.ir;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The readable signals of one module, by name: input ports, nodes, register outputs, memory read
 * ports and instance outputs ({@code inst.port}), each with its type and where it was made.
 */
public final class Signals {

  /** What kind of element a signal name refers to. */
  public enum Kind {
    INPUT,
    NODE,
    REGISTER,
    READ_PORT,
    INSTANCE_OUTPUT
  }

  /** One readable signal. */
  public record Signal(String name, Type type, Kind kind, SourceLoc loc) {}

  private final ImmutableMap<String, Signal> byName;

  private Signals(ImmutableMap<String, Signal> byName) {
    this.byName = byName;
  }

  /**
   * The signals of {@code module}; instance outputs are typed from {@code design}.
   *
   * @throws DesignError when two elements share one name
   */
  public static Signals of(Design design, ModuleDef module) {
    Map<String, Signal> map = new LinkedHashMap<>();
    module.inputs().forEach(p -> add(map, new Signal(p.name(), p.type(), Kind.INPUT, p.loc())));
    module.nodes().forEach(n -> add(map, new Signal(n.name(), n.type(), Kind.NODE, n.loc())));
    module.registers().forEach(r -> add(map, new Signal(r.name(), r.type(), Kind.REGISTER, r.loc())));
    for (Memory m : module.memories()) {
      m.readPorts().forEach(rp -> add(map, new Signal(rp.name(), m.type(), Kind.READ_PORT, rp.loc())));
    }
    for (Instance i : module.instances()) {
      design.module(i.module())
          .outputs()
          .forEach(p -> add(map, new Signal(i.output(p.name()), p.type(), Kind.INSTANCE_OUTPUT, i.loc())));
    }
    return new Signals(ImmutableMap.copyOf(map));
  }

  private static void add(Map<String, Signal> map, Signal s) {
    Signal previous = map.putIfAbsent(s.name(), s);
    if (previous != null) {
      throw new DesignError(
          s.loc(), "the name '" + s.name() + "' is used twice (first at " + previous.loc() + ")");
    }
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /**
   * The signal called {@code name}.
   *
   * @throws DesignError at {@code user} when there is none
   */
  public Signal get(String name, SourceLoc user) {
    Signal s = byName.get(name);
    if (s == null) {
      throw new DesignError(user, "there is no signal named '" + name + "'");
    }
    return s;
  }

  public Type type(String name, SourceLoc user) {
    return get(name, user).type();
  }

  public ImmutableMap<String, Signal> asMap() {
    return byName;
  }
}
