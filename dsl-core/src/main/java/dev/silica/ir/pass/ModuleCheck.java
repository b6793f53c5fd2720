package dev.silica.ir.pass;

import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;

/**
 * A check made one module at a time, children before parents ({@link Hierarchy#bottomUp}), so
 * that a broken hierarchy is reported before anything inside it. It returns the design unchanged
 * or throws {@link dev.silica.ir.DesignError}.
 */
abstract class ModuleCheck implements Pass {

  @Override
  public final Design run(Design design) {
    for (ModuleDef module : Hierarchy.bottomUp(design)) {
      check(design, module);
    }
    return design;
  }

  /** Throws {@link dev.silica.ir.DesignError} at the first problem in {@code module}. */
  abstract void check(Design design, ModuleDef module);
}
