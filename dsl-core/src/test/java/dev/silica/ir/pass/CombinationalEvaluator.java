package dev.silica.ir.pass;

import com.google.common.base.Preconditions;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.OpSemantics;
import dev.silica.ir.Port;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The golden model for pass tests: the outputs of a stateless design for given inputs, computed
 * on demand by {@link OpSemantics} straight from the IR, through instances, with nothing shared
 * with the passes under test.
 */
final class CombinationalEvaluator {
  private final Design design;
  private final ModuleDef module;
  private final Map<String, BigInteger> values = new HashMap<>();
  private final Map<String, Type> types = new HashMap<>();
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Map<String, BigInteger>> instanceOutputs = new HashMap<>();

  private CombinationalEvaluator(Design design, ModuleDef module, Map<String, BigInteger> inputs) {
    Preconditions.checkArgument(module.registers().isEmpty() && module.memories().isEmpty(), "%s has state", module.name());
    this.design = design;
    this.module = module;
    module.inputs().forEach(p -> types.put(p.name(), p.type()));
    values.putAll(inputs);
    for (Node n : module.nodes()) {
      nodes.put(n.name(), n);
      types.put(n.name(), n.type());
    }
    for (Instance i : module.instances()) {
      design.module(i.module()).outputs().forEach(p -> types.put(i.output(p.name()), p.type()));
    }
  }

  /** The value of every output of the top module of {@code design}. */
  static Map<String, BigInteger> outputs(Design design, Map<String, BigInteger> inputs) {
    return outputs(design, design.topModule(), inputs);
  }

  private static Map<String, BigInteger> outputs(Design design, ModuleDef module, Map<String, BigInteger> inputs) {
    CombinationalEvaluator e = new CombinationalEvaluator(design, module, inputs);
    Map<String, BigInteger> out = new HashMap<>();
    for (Connect c : module.connects()) {
      out.put(c.port(), e.value(c.source()));
    }
    return out;
  }

  private BigInteger value(String name) {
    BigInteger known = values.get(name);
    if (known != null) {
      return known;
    }
    BigInteger v;
    Node n = nodes.get(name);
    if (n != null) {
      v = OpSemantics.eval(n.op(), n.type(), this::value, types::get);
    } else {
      Instance i = module.instances().stream().filter(x -> name.startsWith(x.name() + ".")).findFirst().orElseThrow();
      Map<String, BigInteger> outs = instanceOutputs.get(i.name());
      if (outs == null) { // not computeIfAbsent: evaluating one instance may evaluate another
        outs = evaluateInstance(i);
        instanceOutputs.put(i.name(), outs);
      }
      v = outs.get(name.substring(i.name().length() + 1));
    }
    values.put(name, v);
    return v;
  }

  private Map<String, BigInteger> evaluateInstance(Instance i) {
    ModuleDef child = design.module(i.module());
    Map<String, BigInteger> inputs = new HashMap<>();
    for (Port p : child.inputs().toList()) {
      inputs.put(p.name(), value(i.inputs().get(p.name())));
    }
    return outputs(design, child, inputs);
  }
}
