package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Instance;
import dev.silica.ir.ModuleDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module hierarchy of a design, checked: every instance names a module of the design, and no
 * module instantiates itself, directly or through others.
 */
final class Hierarchy {

  private Hierarchy() {}

  /**
   * Every module of {@code design}, each after all the modules it instantiates (otherwise in the
   * design's order).
   *
   * @throws DesignError at the instance that names a missing module or closes a recursion
   */
  static ImmutableList<ModuleDef> bottomUp(Design design) {
    Map<String, ModuleDef> done = new LinkedHashMap<>();
    for (ModuleDef m : design.modules().values()) {
      visit(design, m, new ArrayList<>(), done);
    }
    return ImmutableList.copyOf(done.values());
  }

  private static void visit(Design design, ModuleDef module, List<String> path, Map<String, ModuleDef> done) {
    if (done.containsKey(module.name())) {
      return;
    }
    path.add(module.name());
    for (Instance i : module.instances()) {
      ModuleDef child = design.modules().get(i.module());
      if (child == null) {
        throw new DesignError(
            i.loc(), "instance '" + i.name() + "' is of module '" + i.module() + "', which is not in the design");
      }
      if (path.contains(child.name())) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(child.name()), path.size()));
        cycle.add(child.name());
        throw new DesignError(
            i.loc(),
            "module '" + child.name() + "' instantiates itself through instance '" + i.name() + "' ("
                + String.join(" -> ", cycle) + ")");
      }
      visit(design, child, path, done);
    }
    path.remove(path.size() - 1);
    done.put(module.name(), module);
  }
}
