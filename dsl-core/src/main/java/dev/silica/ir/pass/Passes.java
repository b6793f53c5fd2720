package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** The standard pipelines of passes, by name. */
public final class Passes {

  /** A bound on the work: rounds only simplify or remove, and stop as soon as one changes nothing. */
  private static final int MAX_OPTIMIZE_ROUNDS = 8;

  private Passes() {}

  /**
   * The checks every design must pass before a backend sees it: wiring ({@link CheckDrivers}),
   * then widths ({@link CheckTypes}), then combinational loops ({@link CheckCombLoops}). Each
   * throws a {@link dev.silica.ir.DesignError} or returns the design unchanged.
   */
  public static PassManager checks() {
    return new PassManager(List.of(new CheckDrivers(), new CheckTypes(), new CheckCombLoops()));
  }

  /**
   * Folding constants, merging common subexpressions and removing dead logic and unobservable
   * state, repeated until nothing changes. Expects a checked design.
   */
  public static PassManager optimize() {
    return new PassManager(
        List.of(
            new RepeatUntilStable(
                "optimize",
                List.of(new FoldConstants(), new EliminateCommonSubexpressions(), new RemoveDeadNodes()),
                MAX_OPTIMIZE_ROUNDS)));
  }

  /** {@link #checks()}, then {@link #optimize()}. */
  public static PassManager standard() {
    return new PassManager(
        ImmutableList.<Pass>builder().addAll(checks().passes()).addAll(optimize().passes()).build());
  }
}
