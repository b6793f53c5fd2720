package dev.silica.testbench.cosim;

import dev.silica.testbench.Engine;

/** Builds a harness with the external simulator an {@link Engine} names. */
public final class Harnesses {

  private Harnesses() {}

  /**
   * The compiled harness of {@code layout} on {@code tool}.
   *
   * @throws IllegalArgumentException for {@link Engine#SILICA}, which needs no harness
   * @throws ToolFailure when the tool is missing or fails
   */
  public static CompiledHarness build(Engine tool, HarnessLayout layout) {
    return switch (tool) {
      case VERILATOR -> VerilatorHarness.build(layout);
      case ICARUS -> IcarusHarness.build(layout);
      case SILICA -> throw new IllegalArgumentException("Silica's simulator runs in process: it has no harness");
    };
  }
}
