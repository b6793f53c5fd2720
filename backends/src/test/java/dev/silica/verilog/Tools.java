package dev.silica.verilog;

import static org.junit.jupiter.api.Assertions.fail;

import dev.silica.tools.ExternalTool;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place tests ask for an external tool: it is returned when installed; when it is not, the
 * test is skipped with a message, or fails when {@code -Dsilica.requireTools=true}.
 */
public final class Tools {

  private Tools() {}

  public static ExternalTool require(String name) {
    return ExternalTool.find(name)
        .orElseGet(
            () -> {
              String message = name + " is not installed (on Debian: apt-get install " + name + ")";
              if (ExternalTool.toolsRequired()) {
                fail(message + ", and " + ExternalTool.REQUIRE_TOOLS_PROPERTY + " is true");
              }
              Assumptions.abort(message + ": skipped");
              throw new AssertionError("unreachable");
            });
  }
}
