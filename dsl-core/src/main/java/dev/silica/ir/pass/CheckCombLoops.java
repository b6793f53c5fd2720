package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Port;
import dev.silica.ir.Signals;
import dev.silica.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rejects combinational cycles. A signal depends combinationally on the operands of its node, on
 * the address of an asynchronous memory read port, and, for an instance output, on those instance
 * inputs that reach that output combinationally inside the child module. Registers and
 * synchronous read ports break every path.
 *
 * <p>Modules are analysed bottom-up, so each child's input-to-output dependencies are known when
 * its parent is checked. A loop is reported once, listing every signal on it in the order the data
 * flows, each with the Java file:line that made it, starting at the signal declared first.
 */
public final class CheckCombLoops implements Pass {

  @Override
  public String name() {
    return "check-comb-loops";
  }

  @Override
  public Design run(Design design) {
    Map<String, ImmutableSetMultimap<String, String>> outputDependencies = new HashMap<>();
    for (ModuleDef module : Hierarchy.bottomUp(design)) {
      outputDependencies.put(module.name(), new ModuleGraph(design, module, outputDependencies).analyse());
    }
    return design;
  }

  /** The combinational dependency graph of one module. */
  private static final class ModuleGraph {
    private final ModuleDef module;
    private final Signals signals;
    private final Map<String, ImmutableSetMultimap<String, String>> childDependencies;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Memory.ReadPort> readPorts = new HashMap<>();
    private final Map<String, Instance> instanceOfOutput = new HashMap<>();
    private final Map<String, String> portOfOutput = new HashMap<>();

    ModuleGraph(Design design, ModuleDef module, Map<String, ImmutableSetMultimap<String, String>> childDependencies) {
      this.module = module;
      this.signals = Signals.of(design, module);
      this.childDependencies = childDependencies;
      module.nodes().forEach(n -> nodes.put(n.name(), n));
      module.memories().forEach(m -> m.readPorts().forEach(rp -> readPorts.put(rp.name(), rp)));
      for (Instance i : module.instances()) {
        design.module(i.module())
            .outputs()
            .forEach(
                p -> {
                  instanceOfOutput.put(i.output(p.name()), i);
                  portOfOutput.put(i.output(p.name()), p.name());
                });
      }
    }

    /** The signals {@code name} reads combinationally (only names that exist). */
    private List<String> dependencies(String name) {
      List<String> result = new ArrayList<>();
      Node n = nodes.get(name);
      if (n != null) {
        result.addAll(n.op().operands());
      }
      Memory.ReadPort rp = readPorts.get(name);
      if (rp != null && !rp.sync()) {
        result.add(rp.addr());
      }
      Instance i = instanceOfOutput.get(name);
      if (i != null) {
        for (String input : childDependencies.get(i.module()).get(portOfOutput.get(name))) {
          String bound = i.inputs().get(input);
          if (bound != null) {
            result.add(bound);
          }
        }
      }
      result.removeIf(s -> !signals.contains(s));
      return result;
    }

    /**
     * Checks for loops, then gives which inputs each output depends on combinationally.
     *
     * @throws DesignError listing the signals of the first loop found
     */
    ImmutableSetMultimap<String, String> analyse() {
      List<String> postOrder = depthFirstPostOrder();
      List<String> inputs = module.inputs().map(Port::name).toList();
      Map<String, BitSet> reached = new HashMap<>();
      for (int k = 0; k < inputs.size(); k++) {
        BitSet self = new BitSet();
        self.set(k);
        reached.put(inputs.get(k), self);
      }
      for (String name : postOrder) {
        BitSet bits = reached.computeIfAbsent(name, n -> new BitSet());
        dependencies(name).forEach(d -> bits.or(reached.get(d)));
      }
      ImmutableSetMultimap.Builder<String, String> result = ImmutableSetMultimap.builder();
      for (Connect c : module.connects()) {
        BitSet bits = reached.get(c.source());
        if (bits != null) {
          bits.stream().forEach(b -> result.put(c.port(), inputs.get(b)));
        }
      }
      return result.build();
    }

    /** Every signal after everything it reads; throws on the first cycle met. */
    private List<String> depthFirstPostOrder() {
      Map<String, Boolean> onStack = new HashMap<>();
      List<String> postOrder = new ArrayList<>();
      for (String root : signals.asMap().keySet()) {
        if (onStack.containsKey(root)) {
          continue;
        }
        Deque<Map.Entry<String, Iterator<String>>> stack = new ArrayDeque<>();
        stack.push(Map.entry(root, dependencies(root).iterator()));
        onStack.put(root, true);
        while (!stack.isEmpty()) {
          Map.Entry<String, Iterator<String>> top = stack.peek();
          if (top.getValue().hasNext()) {
            String next = top.getValue().next();
            Boolean state = onStack.get(next);
            if (state == null) {
              stack.push(Map.entry(next, dependencies(next).iterator()));
              onStack.put(next, true);
            } else if (state) {
              throw loopError(stack, next);
            }
          } else {
            stack.pop();
            onStack.put(top.getKey(), false);
            postOrder.add(top.getKey());
          }
        }
      }
      return postOrder;
    }

    /** The loop closed by an edge from the top of {@code stack} back to {@code closing}. */
    private DesignError loopError(Deque<Map.Entry<String, Iterator<String>>> stack, String closing) {
      // Read from its top, the stack runs against the reads, which is the way the data flows:
      // each frame feeds the one below it, and the bottom one (closing) feeds the top.
      List<String> loop = new ArrayList<>();
      for (Map.Entry<String, Iterator<String>> frame : stack) {
        loop.add(frame.getKey());
        if (frame.getKey().equals(closing)) {
          break;
        }
      }
      List<String> order = ImmutableList.copyOf(signals.asMap().keySet());
      String first = loop.stream().min(Comparator.comparingInt(order::indexOf)).orElseThrow();
      Collections.rotate(loop, -loop.indexOf(first));
      List<SourceLoc> locs = new ArrayList<>();
      List<String> detail = new ArrayList<>();
      for (int k = 0; k < loop.size(); k++) {
        String name = loop.get(k);
        String from = loop.get((k + loop.size() - 1) % loop.size());
        Signals.Signal s = signals.get(name, module.loc());
        locs.add(s.loc());
        detail.add(name + " (" + describe(s, from) + ") at " + s.loc());
      }
      List<String> arrows = new ArrayList<>(loop);
      arrows.add(first);
      return new DesignError(
          locs,
          "combinational loop in module '" + module.name() + "' through " + loop.size() + " signal"
              + (loop.size() == 1 ? "" : "s") + ": " + String.join(" -> ", arrows),
          detail);
    }

    /** What {@code s} is, and for an instance output which of its inputs carries {@code from}. */
    private String describe(Signals.Signal s, String from) {
      return switch (s.kind()) {
        case NODE -> "node";
        case READ_PORT -> "asynchronous read port";
        case INSTANCE_OUTPUT -> {
          Instance i = instanceOfOutput.get(s.name());
          String port = portOfOutput.get(s.name());
          String input =
              childDependencies.get(i.module()).get(port).stream()
                  .filter(in -> from.equals(i.inputs().get(in)))
                  .findFirst()
                  .orElseThrow();
          yield "output '" + port + "' of instance '" + i.name() + "' of module '" + i.module()
              + "', combinationally from its input '" + input + "'";
        }
        case INPUT, REGISTER -> throw new AssertionError(s.name() + " cannot be on a combinational loop");
      };
    }
  }
}
