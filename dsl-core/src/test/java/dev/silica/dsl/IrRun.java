package dev.silica.dsl;

import dev.silica.ir.Connect;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.OpSemantics;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a flat module (registers, no memories or instances) cycle by cycle with the IR's own
 * operator semantics ({@link OpSemantics}): a reference for what elaboration means, independent of
 * the simulator in the backends. Registers start at their reset values.
 */
final class IrRun {

  private final ModuleDef module;
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Register> registers = new HashMap<>();
  private final Map<String, String> outputSources = new HashMap<>();
  private final Map<String, Type> types = new HashMap<>();
  private final Map<String, BigInteger> state = new HashMap<>();
  private final Map<String, BigInteger> inputs = new HashMap<>();

  IrRun(ModuleDef module) {
    this.module = module;
    module.nodes().forEach(n -> {
      nodes.put(n.name(), n);
      types.put(n.name(), n.type());
    });
    module.registers().forEach(r -> {
      registers.put(r.name(), r);
      types.put(r.name(), r.type());
      state.put(r.name(), r.init());
    });
    for (Port p : module.ports()) {
      types.put(p.name(), p.type());
      inputs.put(p.name(), BigInteger.ZERO);
    }
    module.connects().forEach((Connect c) -> outputSources.put(c.port(), c.source()));
  }

  IrRun poke(String input, long value) {
    inputs.put(input, BigInteger.valueOf(value));
    return this;
  }

  /** The value of a port, node or register in the current cycle. */
  long peek(String name) {
    return value(name).longValueExact();
  }

  /** One clock edge: every register whose enable is absent or high takes its next value. */
  IrRun step() {
    Map<String, BigInteger> next = new HashMap<>();
    for (Register r : module.registers()) {
      if (r.enable() == null || value(r.enable()).signum() != 0) {
        next.put(r.name(), value(r.next()));
      }
    }
    state.putAll(next);
    return this;
  }

  private BigInteger value(String name) {
    if (state.containsKey(name)) {
      return state.get(name);
    }
    if (outputSources.containsKey(name)) {
      return value(outputSources.get(name));
    }
    Node n = nodes.get(name);
    if (n == null) {
      return inputs.get(name);
    }
    return OpSemantics.eval(n.op(), n.type(), this::value, types::get);
  }
}
