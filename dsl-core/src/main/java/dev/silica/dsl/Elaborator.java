package dev.silica.dsl;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.SourceLoc;
import java.util.Map;
import java.util.function.Supplier;

/** Runs a top module's Java code and returns the IR {@link Design} it describes. */
public final class Elaborator {

  private Elaborator() {}

  /**
   * Elaborates the module {@code top} constructs, with its submodules.
   *
   * @throws dev.silica.ir.DesignError at the user's line for any mistake in the design
   */
  public static Design elaborate(Supplier<? extends Module> top) {
    return elaborate(top, Map.of());
  }

  /** Elaborates {@code top} and records {@code attributes} (such as the generator's parameters) on the design. */
  public static Design elaborate(Supplier<? extends Module> top, Map<String, String> attributes) {
    SourceLoc loc = UserCode.location();
    return Elaboration.run(
        e -> {
          Module module = e.construct(top, null, loc);
          return new Design(module.builder().irName, ImmutableMap.copyOf(e.modules()), ImmutableMap.copyOf(attributes));
        });
  }
}
