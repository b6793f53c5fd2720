package dev.silica.testbench.cosim;

import dev.silica.testbench.Engine;
import dev.silica.tools.ExternalTool;

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

  /**
   * The compiled harness of {@code layout} on {@code tool} that writes a VCD when started with
   * {@code +vcd=FILE}: Verilator's is a separate build with tracing compiled in, Icarus's the usual
   * one.
   *
   * @throws ToolFailure when the tool is missing or fails
   */
  public static CompiledHarness buildTraced(Engine tool, HarnessLayout layout) {
    return switch (tool) {
      case VERILATOR -> VerilatorHarness.buildTraced(layout);
      case ICARUS -> IcarusHarness.build(layout);
      case SILICA -> throw new IllegalArgumentException("Silica's simulator runs in process: it has no harness");
    };
  }

  /**
   * The compiled {@linkplain FreeRunning free-running} harness of {@code layout} (one design) on
   * {@code tool}; without {@code reuse} it is built afresh, so that its build time is real.
   *
   * @throws ToolFailure when the tool is missing or fails
   */
  public static CompiledHarness buildFreeRunning(Engine tool, HarnessLayout layout, boolean reuse) {
    return switch (tool) {
      case VERILATOR -> VerilatorHarness.buildFreeRunning(layout, reuse);
      case ICARUS -> IcarusHarness.buildFreeRunning(layout, reuse);
      case SILICA -> throw new IllegalArgumentException("Silica's simulator runs in process: it has no harness");
    };
  }

  /**
   * Checks that the programs {@code tool} needs are on the {@code PATH}.
   *
   * @throws ToolFailure naming the missing program and the package that installs it
   */
  public static void requireInstalled(Engine tool) {
    switch (tool) {
      case VERILATOR -> ExternalTool.find("verilator").orElseThrow(VerilatorHarness::missing);
      case ICARUS -> {
        ExternalTool.find("iverilog").orElseThrow(() -> IcarusHarness.missing("iverilog"));
        ExternalTool.find("vvp").orElseThrow(() -> IcarusHarness.missing("vvp"));
      }
      case SILICA -> { }
    }
  }
}
