package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Register;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Drops what cannot affect a module's outputs. Live are: the sources of output ports and instance
 * inputs (instances are always kept, since a child may hold state), and, transitively, whatever a
 * live node reads, the next value and enable of a live register, the address and enable of a live
 * read port, and every write port of a memory with a live read port.
 *
 * <p>By default, state that nothing live reads goes too: a register no live signal reads, a read
 * port no live signal reads, and a memory left without live read ports, with its write ports.
 * Their values could never reach an output, so the design computes the same; but they are no
 * longer there to inspect by name in a simulator. {@link #keepingState()} keeps every register,
 * memory and read port (and so everything that feeds them) for designs that are debugged from
 * inside. Ports are the interface and always stay.
 */
public final class RemoveDeadNodes implements Pass {

  private final boolean keepState;

  /** Removes dead nodes and unobservable registers, memories and read ports. */
  public RemoveDeadNodes() {
    this(false);
  }

  private RemoveDeadNodes(boolean keepState) {
    this.keepState = keepState;
  }

  /** Removes dead nodes only; every register, memory and read port stays, with what feeds it. */
  public static RemoveDeadNodes keepingState() {
    return new RemoveDeadNodes(true);
  }

  @Override
  public String name() {
    return keepState ? "remove-dead-nodes-keeping-state" : "remove-dead-nodes";
  }

  @Override
  public Design run(Design design) {
    return design.mapModules(this::sweep);
  }

  private ModuleDef sweep(ModuleDef module) {
    Set<String> live = new Liveness(module).mark(roots(module));
    return new ModuleDef(
        module.name(),
        module.ports(),
        module.nodes().stream().filter(n -> live.contains(n.name())).collect(ImmutableList.toImmutableList()),
        module.registers().stream().filter(r -> live.contains(r.name())).collect(ImmutableList.toImmutableList()),
        module.memories().stream()
            .map(m -> withLiveReadPorts(m, live))
            .filter(m -> !m.readPorts().isEmpty())
            .collect(ImmutableList.toImmutableList()),
        module.instances(),
        module.connects(),
        module.loc(),
        module.blackBox());
  }

  private Stream<String> roots(ModuleDef module) {
    Stream<String> interfaces =
        Stream.concat(
            module.connects().stream().map(Connect::source),
            module.instances().stream().flatMap(i -> i.inputs().values().stream()));
    if (!keepState) {
      return interfaces;
    }
    return Stream.concat(
        interfaces,
        Stream.concat(
            module.registers().stream().map(Register::name),
            module.memories().stream().flatMap(m -> m.readPorts().stream()).map(Memory.ReadPort::name)));
  }

  private static Memory withLiveReadPorts(Memory m, Set<String> live) {
    return m.withPorts(
        m.readPorts().stream().filter(rp -> live.contains(rp.name())).collect(ImmutableList.toImmutableList()),
        m.writePorts());
  }

  /** Backward reachability over one module's signals. */
  private static final class Liveness {
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Register> registers = new HashMap<>();
    private final Map<String, Memory.ReadPort> readPorts = new HashMap<>();
    private final Map<String, Memory> memoryOfReadPort = new HashMap<>();

    Liveness(ModuleDef module) {
      module.nodes().forEach(n -> nodes.put(n.name(), n));
      module.registers().forEach(r -> registers.put(r.name(), r));
      for (Memory m : module.memories()) {
        for (Memory.ReadPort rp : m.readPorts()) {
          readPorts.put(rp.name(), rp);
          memoryOfReadPort.put(rp.name(), m);
        }
      }
    }

    /** Every signal on which {@code roots} depend, the roots included. */
    Set<String> mark(Stream<String> roots) {
      Set<String> live = new HashSet<>();
      Set<String> liveMemories = new HashSet<>();
      Deque<String> work = new ArrayDeque<>();
      roots.forEach(work::add);
      while (!work.isEmpty()) {
        String name = work.pop();
        if (!live.add(name)) {
          continue;
        }
        Node n = nodes.get(name);
        if (n != null) {
          work.addAll(n.op().operands());
        }
        Register r = registers.get(name);
        if (r != null) {
          Stream.of(r.next(), r.enable()).filter(Objects::nonNull).forEach(work::add);
        }
        Memory.ReadPort rp = readPorts.get(name);
        if (rp != null) {
          Stream.of(rp.addr(), rp.enable()).filter(Objects::nonNull).forEach(work::add);
          Memory m = memoryOfReadPort.get(name);
          if (liveMemories.add(m.name())) {
            m.writePorts().stream()
                .flatMap(wp -> Stream.of(wp.addr(), wp.data(), wp.enable()))
                .filter(Objects::nonNull)
                .forEach(work::add);
          }
        }
      }
      return live;
    }
  }
}
