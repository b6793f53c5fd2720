package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import java.util.List;

/**
 * Runs a list of transformations again and again until a round leaves the design unchanged (at
 * most {@code maxRounds} rounds): one pass often opens a chance for another, as when merging two
 * equal nodes turns {@code a - b} into {@code a - a}, which folds to 0.
 */
public final class RepeatUntilStable implements Pass {

  private final String name;
  private final ImmutableList<Pass> passes;
  private final int maxRounds;

  public RepeatUntilStable(String name, List<Pass> passes, int maxRounds) {
    this.name = name;
    this.passes = ImmutableList.copyOf(passes);
    this.maxRounds = maxRounds;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Design run(Design design) {
    Design current = design;
    for (int round = 0; round < maxRounds; round++) {
      Design before = current;
      for (Pass p : passes) {
        current = p.run(current);
      }
      if (current.equals(before)) {
        break;
      }
    }
    return current;
  }
}
