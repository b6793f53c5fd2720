package dev.silica.ir.text;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names one module of a {@code .sir} text declares, collected before any element is read so
 * that elements may refer to signals declared further down: the readable signals with their types
 * (inputs, nodes, registers, memory read ports, instance outputs {@code inst.port}) and the output
 * ports. Duplicate names and instances of unknown modules are reported here.
 */
final class ModuleScope {

  private final TreeLeaves leaves;
  private final String moduleName;
  private final Map<String, Type> signalTypes = new HashMap<>();
  private final Set<String> outputs = new HashSet<>();

  private ModuleScope(TreeLeaves leaves, String moduleName) {
    this.leaves = leaves;
    this.moduleName = moduleName;
  }

  /**
   * The scope of {@code module}, whose instances may only instantiate {@code earlierModules}.
   *
   * @throws SirSemanticError for a duplicate name or an unknown module
   */
  static ModuleScope declare(TreeLeaves leaves, Sir.ModuleContext module, Map<String, ModuleDef> earlierModules) {
    ModuleScope scope = new ModuleScope(leaves, leaves.name(module.id));
    Declarations declarations = new Declarations(scope, earlierModules);
    module.item().forEach(declarations::visit);
    return scope;
  }

  /**
   * The name of the signal {@code ctx} refers to.
   *
   * @throws SirSemanticError when this module has no such signal
   */
  String use(Sir.NameContext ctx) {
    String name = leaves.name(ctx);
    if (!signalTypes.containsKey(name)) {
      throw leaves.error(ctx.start, "module '" + moduleName + "' has no signal named '" + name + "'");
    }
    return name;
  }

  /** Like {@link #use}, for an optional reference: null when {@code ctx} is. */
  String useOrNull(Sir.NameContext ctx) {
    return ctx == null ? null : use(ctx);
  }

  /** The type of a signal already checked by {@link #use}. */
  Type typeOf(String signal) {
    return signalTypes.get(signal);
  }

  String moduleName() {
    return moduleName;
  }

  boolean isOutput(String port) {
    return outputs.contains(port);
  }

  /** Walks a module's elements once, declaring the names each of them introduces. */
  private static final class Declarations extends SirBaseVisitor<Void> {
    private final ModuleScope scope;
    private final Map<String, ModuleDef> earlierModules;
    private final UniqueNames signals;
    private final UniqueNames ports;
    private final UniqueNames memories;
    private final UniqueNames instances;

    Declarations(ModuleScope scope, Map<String, ModuleDef> earlierModules) {
      this.scope = scope;
      this.earlierModules = earlierModules;
      this.signals = new UniqueNames(scope.leaves, "signal");
      this.ports = new UniqueNames(scope.leaves, "port");
      this.memories = new UniqueNames(scope.leaves, "memory");
      this.instances = new UniqueNames(scope.leaves, "instance");
    }

    private void signal(Sir.NameContext name, Type type) {
      signal(scope.leaves.name(name), type, name);
    }

    private void signal(String name, Type type, Sir.NameContext at) {
      signals.add(name, at.start);
      scope.signalTypes.put(name, type);
    }

    @Override
    public Void visitPort(Sir.PortContext ctx) {
      String name = scope.leaves.name(ctx.id);
      Type type = scope.leaves.type(ctx.type());
      ports.add(name, ctx.id.start);
      if (ctx.direction.getType() == Sir.IN) {
        signal(name, type, ctx.id);
      } else {
        scope.outputs.add(name);
      }
      return null;
    }

    @Override
    public Void visitNode(Sir.NodeContext ctx) {
      signal(ctx.id, scope.leaves.type(ctx.type()));
      return null;
    }

    @Override
    public Void visitRegister(Sir.RegisterContext ctx) {
      signal(ctx.id, scope.leaves.type(ctx.type()));
      return null;
    }

    @Override
    public Void visitMemory(Sir.MemoryContext ctx) {
      memories.add(scope.leaves.name(ctx.id), ctx.id.start);
      Type word = scope.leaves.type(ctx.type());
      ctx.readPort().forEach(rp -> signal(rp.id, word));
      return null;
    }

    @Override
    public Void visitInstance(Sir.InstanceContext ctx) {
      String name = scope.leaves.name(ctx.id);
      instances.add(name, ctx.id.start);
      ModuleDef module = earlierModules.get(scope.leaves.name(ctx.moduleName));
      if (module == null) {
        throw scope.leaves.error(
            ctx.moduleName.start,
            "there is no module named '" + scope.leaves.name(ctx.moduleName) + "' before this instance");
      }
      module.outputs().forEach(output -> signal(name + "." + output.name(), output.type(), ctx.id));
      return null;
    }
  }
}
