package dev.silica.dsl;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.BlackBox;
import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.SourceLoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a {@link dev.silica.dsl.BlackBox} subclass declares while its constructor runs, checked at
 * the user's lines and turned into the IR's {@link BlackBox} when the module is finished.
 */
final class BlackBoxSpec {

  private final String verilogModule;
  private final SourceLoc loc;
  private final Map<String, BlackBox.Value> parameters = new LinkedHashMap<>();
  String clock;
  String reset;
  private String source;
  private Module model;
  private SourceLoc modelLoc;

  BlackBoxSpec(String verilogModule, SourceLoc loc) {
    this.verilogModule = verilogModule;
    this.loc = loc;
  }

  void parameter(String name, BlackBox.Value value, SourceLoc at) {
    if (!BlackBox.isIdentifier(name)) {
      throw new DesignError(at, "'" + name + "' is not a Verilog parameter name");
    }
    if (parameters.putIfAbsent(name, value) != null) {
      throw new DesignError(at, "Verilog parameter '" + name + "' of black box " + verilogModule + " is set twice");
    }
  }

  String portName(String port, String role, SourceLoc at) {
    if (!BlackBox.isIdentifier(port)) {
      throw new DesignError(at, "'" + port + "' is not a Verilog port name for the " + role);
    }
    return port;
  }

  void source(String text, SourceLoc at) {
    if (!Pattern.compile("\\bmodule\\s+" + Pattern.quote(verilogModule) + "\\b").matcher(text).find()) {
      throw new DesignError(at, "the Verilog source given for black box " + verilogModule + " does not define module " + verilogModule);
    }
    source = text;
  }

  /** Records {@code child} as the model and connects its ports to the box's, which must match. */
  void model(ModuleBuilder box, Module child, SourceLoc at) {
    if (model != null) {
      throw new DesignError(at, "black box " + verilogModule + " already has a model (given at " + modelLoc + ")");
    }
    List<String> differences = differences(box.ports, child.builder().ports);
    if (!differences.isEmpty()) {
      throw new DesignError(
          at,
          "the model " + child.builder().baseName() + " does not have the ports of black box " + verilogModule + ": "
              + String.join("; ", differences));
    }
    model = child;
    modelLoc = at;
    for (Ref port : box.ports) {
      Ref inModel = child.builder().ports.stream().filter(p -> p.name.equals(port.name)).findFirst().orElseThrow();
      if (port.kind == Ref.Kind.INPUT) {
        box.connect(inModel, port, at);
      } else {
        box.connect(port, inModel, at);
      }
    }
  }

  private static List<String> differences(List<Ref> boxPorts, List<Ref> modelPorts) {
    Map<String, Ref> inModel = new LinkedHashMap<>();
    modelPorts.forEach(p -> inModel.put(p.name, p));
    List<String> differences = new ArrayList<>();
    for (Ref p : boxPorts) {
      Ref q = inModel.remove(p.name);
      if (q == null) {
        differences.add("the model has no port '" + p.name + "' (" + describe(p) + ")");
      } else if (q.kind != p.kind || !q.type.equals(p.type)) {
        differences.add("'" + p.name + "' is " + describe(p) + " in the box but " + describe(q) + " in the model");
      }
    }
    inModel.values().forEach(q -> differences.add("the model's port '" + q.name + "' (" + describe(q) + ") is not a port of the box"));
    return differences;
  }

  private static String describe(Ref port) {
    return (port.kind == Ref.Kind.INPUT ? "in " : "out ") + port.type;
  }

  /**
   * The IR black box for the finished module {@code box}, whose model is among {@code modules}:
   * checks that the box holds nothing but ports and its model, and that clock and reset are named
   * exactly when the model has state.
   */
  BlackBox finish(ModuleBuilder box, Map<String, ModuleDef> modules) {
    if (model == null) {
      throw new DesignError(loc, "black box " + verilogModule + " has no simulation model: give one with model(...)");
    }
    if (box.instances.size() > 1) {
      throw onlyPortsAndModel(box.instances.get(1).loc);
    }
    if (!box.memories.isEmpty()) {
      throw onlyPortsAndModel(box.memories.get(0).loc);
    }
    for (Ref r : box.refs) {
      switch (r.kind) {
        case INPUT, OUTPUT, INSTANCE_INPUT, INSTANCE_OUTPUT -> { }
        default -> throw onlyPortsAndModel(r.loc);
      }
    }
    for (Ref p : box.ports) {
      if (!BlackBox.isIdentifier(p.name) || p.name.equals(clock) || p.name.equals(reset)) {
        throw new DesignError(
            p.loc, "port '" + p.name + "' of black box " + verilogModule + " must be a plain Verilog name other than its clock and reset");
      }
    }
    boolean stateful = hasState(modules.get(model.builder().irName), modules);
    if (stateful && clock == null) {
      throw new DesignError(
          loc, "the model of black box " + verilogModule + " has state: name the Verilog clock port with clock(\"...\")");
    }
    if (!stateful && (clock != null || reset != null)) {
      throw new DesignError(
          loc, "black box " + verilogModule + " names a clock or reset port, but its model has no state to clock");
    }
    if (clock != null && clock.equals(reset)) {
      throw new DesignError(loc, "black box " + verilogModule + " names '" + clock + "' as both clock and reset");
    }
    return new BlackBox(verilogModule, ImmutableMap.copyOf(parameters), clock, reset, source);
  }

  private DesignError onlyPortsAndModel(SourceLoc at) {
    return new DesignError(
        at, "black box " + verilogModule + " holds only its ports and its model: anything else would be simulated but"
            + " missing from the Verilog");
  }

  private static boolean hasState(ModuleDef m, Map<String, ModuleDef> modules) {
    return !m.registers().isEmpty()
        || !m.memories().isEmpty()
        || m.instances().stream().anyMatch(i -> hasState(modules.get(i.module()), modules));
  }
}
