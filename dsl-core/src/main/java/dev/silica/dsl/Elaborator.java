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
    return run(top, Map.of(), UserCode.location()).design();
  }

  /** Elaborates {@code top} and records {@code attributes} (such as the generator's parameters) on the design. */
  public static Design elaborate(Supplier<? extends Module> top, Map<String, String> attributes) {
    return run(top, attributes, UserCode.location()).design();
  }

  /**
   * Elaborates the module {@code top} constructs and keeps that module object beside the design,
   * so that its fields name the design's ports ({@link Elaborated#portOf}).
   *
   * @throws dev.silica.ir.DesignError at the user's line for any mistake in the design
   */
  public static <M extends Module> Elaborated<M> elaborateModule(Supplier<M> top) {
    return run(top, Map.of(), UserCode.location());
  }

  private static <M extends Module> Elaborated<M> run(Supplier<M> top, Map<String, String> attributes, SourceLoc loc) {
    return Elaboration.run(
        e -> {
          M module = e.construct(top, null, loc);
          return new Elaborated<>(
              module, new Design(module.builder().irName, ImmutableMap.copyOf(e.modules()), ImmutableMap.copyOf(attributes)));
        });
  }
}
