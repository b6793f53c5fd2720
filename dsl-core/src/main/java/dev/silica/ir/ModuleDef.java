package dev.silica.ir;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One hardware module: ports, SSA nodes, registers, memories, instances of other modules, and the
 * connections that drive its outputs. Modules with state (registers, memories, or instances that
 * have state) have an implicit clock {@code clk} and synchronous active-high reset {@code rst}.
 * A module with a {@link BlackBox} stands for a Verilog module written outside Silica; its body is
 * that module's simulation model.
 */
public record ModuleDef(
    String name,
    ImmutableList<Port> ports,
    ImmutableList<Node> nodes,
    ImmutableList<Register> registers,
    ImmutableList<Memory> memories,
    ImmutableList<Instance> instances,
    ImmutableList<Connect> connects,
    SourceLoc loc,
    Optional<BlackBox> blackBox) {

  public Stream<Port> inputs() {
    return ports.stream().filter(Port::isInput);
  }

  public Stream<Port> outputs() {
    return ports.stream().filter(p -> !p.isInput());
  }

  public Optional<Port> port(String portName) {
    return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
  }

  /** A copy with other nodes (used by passes). */
  public ModuleDef withNodes(ImmutableList<Node> newNodes) {
    return new ModuleDef(name, ports, newNodes, registers, memories, instances, connects, loc, blackBox);
  }

  /** A copy that is a black box standing for {@code box}, its body the simulation model. */
  public ModuleDef withBlackBox(BlackBox box) {
    return new ModuleDef(name, ports, nodes, registers, memories, instances, connects, loc, Optional.of(box));
  }

  /** Starts a builder for a module of this name. */
  public static Builder builder(String name, SourceLoc loc) {
    return new Builder(name, loc);
  }

  /** Collects a module's parts in order; {@link #build()} makes the immutable module. */
  public static final class Builder {
    private final String name;
    private final SourceLoc loc;
    private final ImmutableList.Builder<Port> ports = ImmutableList.builder();
    private final ImmutableList.Builder<Node> nodes = ImmutableList.builder();
    private final ImmutableList.Builder<Register> registers = ImmutableList.builder();
    private final ImmutableList.Builder<Memory> memories = ImmutableList.builder();
    private final ImmutableList.Builder<Instance> instances = ImmutableList.builder();
    private final ImmutableList.Builder<Connect> connects = ImmutableList.builder();
    private Optional<BlackBox> blackBox = Optional.empty();

    private Builder(String name, SourceLoc loc) {
      this.name = name;
      this.loc = loc;
    }

    public Builder port(Port p) {
      ports.add(p);
      return this;
    }

    public Builder node(Node n) {
      nodes.add(n);
      return this;
    }

    public Builder register(Register r) {
      registers.add(r);
      return this;
    }

    public Builder memory(Memory m) {
      memories.add(m);
      return this;
    }

    public Builder instance(Instance i) {
      instances.add(i);
      return this;
    }

    public Builder connect(Connect c) {
      connects.add(c);
      return this;
    }

    /** Makes the module a black box standing for {@code box}. */
    public Builder blackBox(BlackBox box) {
      blackBox = Optional.of(box);
      return this;
    }

    public ModuleDef build() {
      return new ModuleDef(
          name, ports.build(), nodes.build(), registers.build(), memories.build(), instances.build(),
          connects.build(), loc, blackBox);
    }
  }
}
