package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Dissolves a design's instance hierarchy into one {@link FlatNetlist}. */
final class Flattener {

  /** The implicit synchronous reset input of designs with state. */
  static final String RESET = "rst";

  private final Design design;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Register> registers = new ArrayList<>();
  private final List<Memory> memories = new ArrayList<>();
  /** Forwarding names to the (possibly forwarding) name that drives them, with where they were made. */
  private final Map<String, String> rawAliases = new LinkedHashMap<>();
  private final Map<String, SourceLoc> aliasLocs = new LinkedHashMap<>();
  private final Map<String, Type> aliasTypes = new LinkedHashMap<>();

  private Flattener(Design design) {
    this.design = design;
  }

  static FlatNetlist flatten(Design design) {
    return new Flattener(design).run();
  }

  private FlatNetlist run() {
    ModuleDef top = design.topModule();
    ImmutableList.Builder<Port> inputs = ImmutableList.builder();
    if (design.hasState(top)) {
      if (top.port(RESET).isPresent()) {
        throw new DesignError(top.port(RESET).get().loc(), "the port name 'rst' is reserved for the implicit reset");
      }
      inputs.add(new Port(RESET, Port.Direction.IN, Type.bool(), top.loc()));
    }
    top.inputs().forEach(inputs::add);
    flattenModule(top, "", ImmutableMap.of(), top.loc(), new LinkedHashSet<>());
    return new FlatNetlist(
        inputs.build(),
        top.outputs().collect(ImmutableList.toImmutableList()),
        ImmutableList.copyOf(nodes),
        ImmutableList.copyOf(registers),
        ImmutableList.copyOf(memories),
        resolveAliases());
  }

  /**
   * Adds the elements of {@code module} under {@code prefix}; {@code bindings} gives, for each of
   * its input ports, the flat name of the parent signal bound to it (empty for the top), bound at
   * {@code bindingLoc}.
   */
  private void flattenModule(
      ModuleDef module, String prefix, Map<String, String> bindings, SourceLoc bindingLoc, Set<String> path) {
    if (!path.add(module.name())) {
      throw new DesignError(module.loc(), "module " + module.name() + " instantiates itself through " + path);
    }
    bindings.forEach(
        (port, source) -> alias(prefix + port, source, module.port(port).orElseThrow().type(), bindingLoc));
    for (Node n : module.nodes()) {
      nodes.add(new Node(prefix + n.name(), n.type(), n.op().mapOperands(s -> prefix + s), n.loc()));
    }
    for (Register r : module.registers()) {
      registers.add(
          new Register(
              prefix + r.name(), r.type(), r.init(), prefixed(prefix, r.next()), prefixed(prefix, r.enable()), r.loc()));
    }
    for (Memory m : module.memories()) {
      memories.add(prefixed(prefix, m));
    }
    for (Instance i : module.instances()) {
      ModuleDef child = design.module(i.module());
      Map<String, String> childBindings = new LinkedHashMap<>();
      child.inputs().forEach(p -> {
        String source = i.inputs().get(p.name());
        if (source == null) {
          throw new DesignError(i.loc(), "input " + p.name() + " of instance " + prefix + i.name() + " is not connected");
        }
        childBindings.put(p.name(), prefix + source);
      });
      flattenModule(child, prefix + i.name() + ".", childBindings, i.loc(), path);
    }
    for (Connect c : module.connects()) {
      Port port =
          module.port(c.port()).filter(p -> !p.isInput())
              .orElseThrow(() -> new DesignError(c.loc(), module.name() + " has no output named " + c.port()));
      alias(prefix + c.port(), prefix + c.source(), port.type(), c.loc());
    }
    module.outputs().forEach(p -> {
      if (!rawAliases.containsKey(prefix + p.name())) {
        throw new DesignError(p.loc(), "output " + prefix + p.name() + " is not driven");
      }
    });
    path.remove(module.name());
  }

  private void alias(String name, String source, Type type, SourceLoc loc) {
    if (rawAliases.putIfAbsent(name, source) != null) {
      throw new DesignError(loc, name + " is driven twice");
    }
    aliasLocs.put(name, loc);
    aliasTypes.put(name, type);
  }

  private static String prefixed(String prefix, String name) {
    return name == null ? null : prefix + name;
  }

  private static Memory prefixed(String p, Memory m) {
    return new Memory(
        p + m.name(),
        m.depth(),
        m.type(),
        m.init(),
        m.style(),
        m.readPorts().stream()
            .map(r -> new Memory.ReadPort(p + r.name(), p + r.addr(), r.sync(), prefixed(p, r.enable()), r.loc()))
            .collect(ImmutableList.toImmutableList()),
        m.writePorts().stream()
            .map(w -> new Memory.WritePort(p + w.addr(), p + w.data(), prefixed(p, w.enable()), w.loc()))
            .collect(ImmutableList.toImmutableList()),
        m.loc());
  }

  /** Follows every chain of forwarding names to the signal at its end; a closed chain is a loop. */
  private ImmutableMap<String, FlatNetlist.Alias> resolveAliases() {
    ImmutableMap.Builder<String, FlatNetlist.Alias> resolved = ImmutableMap.builder();
    for (String name : rawAliases.keySet()) {
      Set<String> chain = new LinkedHashSet<>();
      String at = name;
      while (rawAliases.containsKey(at)) {
        if (!chain.add(at)) {
          throw new DesignError(
              chain.stream().map(aliasLocs::get).collect(ImmutableList.toImmutableList()),
              "combinational loop through wires only",
              chain.stream().map(c -> c + " (" + aliasLocs.get(c) + ")").collect(ImmutableList.toImmutableList()));
        }
        at = rawAliases.get(at);
      }
      resolved.put(name, new FlatNetlist.Alias(at, aliasTypes.get(name), aliasLocs.get(name)));
    }
    return resolved.buildOrThrow();
  }
}
