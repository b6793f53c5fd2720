package dev.silica.ir;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;

/**
 * A complete circuit: its modules by name (every instantiated module before its instantiator) and
 * the name of the top module. {@code attributes} carry free-form facts such as the generator and
 * its parameters ({@code generator=counter}, {@code param.width=8}), which backends print as
 * comments.
 */
public record Design(String top, ImmutableMap<String, ModuleDef> modules, ImmutableMap<String, String> attributes) {

  public Design {
    Preconditions.checkArgument(modules.containsKey(top), "top module %s is not in the design", top);
  }

  public ModuleDef topModule() {
    return modules.get(top);
  }

  public ModuleDef module(String name) {
    ModuleDef m = modules.get(name);
    Preconditions.checkArgument(m != null, "no module named %s", name);
    return m;
  }

  /** Whether {@code module} needs {@code clk} and {@code rst}: it or a submodule holds state. */
  public boolean hasState(ModuleDef module) {
    return !module.registers().isEmpty()
        || !module.memories().isEmpty()
        || module.instances().stream().anyMatch(i -> hasState(module(i.module())));
  }

  /** A copy in which each module is replaced by {@code f} of it. */
  public Design mapModules(java.util.function.UnaryOperator<ModuleDef> f) {
    ImmutableMap.Builder<String, ModuleDef> b = ImmutableMap.builder();
    modules.forEach((name, m) -> b.put(name, f.apply(m)));
    return new Design(top, b.build(), attributes);
  }
}
