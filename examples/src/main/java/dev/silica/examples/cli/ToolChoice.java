package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import dev.silica.testbench.Engine;
import dev.silica.testbench.cosim.Harnesses;
import dev.silica.testbench.cosim.ToolFailure;
import java.util.Locale;

/** The external simulator a command compares Silica's with ({@code --with verilator|icarus}). */
final class ToolChoice {

  private ToolChoice() {}

  /**
   * The tool named {@code name}, checked to be installed.
   *
   * @throws ParameterError for a name other than verilator or icarus (a usage error)
   * @throws ToolFailure when the tool is not installed
   */
  static Engine installed(String name) {
    Engine tool = switch (name.toLowerCase(Locale.ROOT)) {
      case "verilator" -> Engine.VERILATOR;
      case "icarus" -> Engine.ICARUS;
      default -> throw new ParameterError("unknown tool '" + name + "' for --with; valid tools: verilator, icarus");
    };
    Harnesses.requireInstalled(tool);
    return tool;
  }
}
