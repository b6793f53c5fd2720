package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import java.util.List;

/** Runs passes in order, each on the result of the one before. */
public final class PassManager {

  private final ImmutableList<Pass> passes;

  public PassManager(List<Pass> passes) {
    this.passes = ImmutableList.copyOf(passes);
  }

  public Design run(Design design) {
    Design current = design;
    for (Pass p : passes) {
      current = p.run(current);
    }
    return current;
  }

  public ImmutableList<Pass> passes() {
    return passes;
  }
}
