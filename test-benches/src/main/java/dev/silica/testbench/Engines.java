package dev.silica.testbench;

import dev.silica.ir.Design;

/** Starts a {@link SimEngine} of the chosen kind for a design. */
public final class Engines {

  private Engines() {}

  /**
   * A fresh simulation of {@code design} on {@code engine}.
   *
   * @throws UnsupportedOperationException for Verilator and Icarus, whose harnesses are not built
   *     yet
   */
  public static SimEngine open(Engine engine, Design design) {
    return switch (engine) {
      case SILICA -> new SilicaEngine(design);
      case VERILATOR, ICARUS -> throw new UnsupportedOperationException(
          "the " + engine.name().toLowerCase(java.util.Locale.ROOT)
              + " engine is not available yet: only Engine.SILICA runs designs so far");
    };
  }
}
