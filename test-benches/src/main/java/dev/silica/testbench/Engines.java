package dev.silica.testbench;

import dev.silica.ir.Design;
import dev.silica.testbench.cosim.ExternalEngine;

/** Starts a {@link SimEngine} of the chosen kind for a design. */
public final class Engines {

  private Engines() {}

  /**
   * A fresh simulation of {@code design} on {@code engine}. Verilator and Icarus compile the
   * emitted Verilog into a harness first (once per distinct design; later runs reuse the build).
   *
   * @throws dev.silica.testbench.cosim.ToolFailure when the external tool is missing or fails
   */
  public static SimEngine open(Engine engine, Design design) {
    return switch (engine) {
      case SILICA -> new SilicaEngine(design);
      case VERILATOR, ICARUS -> ExternalEngine.open(engine, design);
    };
  }
}
