package dev.silica.dsl;

import dev.silica.ir.Design;
import dev.silica.ir.Port;

/**
 * A top module's Java object together with the {@link Design} its elaboration produced, so that
 * code outside the design (a test bench) can name the design's ports by the module's own fields:
 * {@code elaborated.portOf(elaborated.top().acc)} is the IR port {@code acc}.
 *
 * @param top the module object the supplier constructed; its signals are for naming only, no
 *     hardware can be built from them any more
 * @param design the elaborated design, whose top module is {@code top}'s
 */
public record Elaborated<M extends Module>(M top, Design design) {

  /**
   * The top-level port that {@code signal} was declared as.
   *
   * @throws IllegalArgumentException naming the signal, where it was made and what it is, when it
   *     is not a port of the top module (an internal value, a port of a submodule or of another
   *     design)
   */
  public Port portOf(Signal signal) {
    Ref ref = signal.ref;
    boolean isPort = ref.kind == Ref.Kind.INPUT || ref.kind == Ref.Kind.OUTPUT;
    if (ref.owner != top.builder() || !isPort) {
      throw new IllegalArgumentException(describe(ref) + " is not a port of the top module " + design.top()
          + " (its ports: " + String.join(", ", design.topModule().ports().stream().map(Port::name).toList()) + ")");
    }
    return design.topModule().port(ref.name).orElseThrow();
  }

  private static String describe(Ref ref) {
    String what = switch (ref.kind) {
      case INPUT -> "input";
      case OUTPUT -> "output";
      case REGISTER -> "register";
      case WIRE -> "wire";
      case READ_PORT -> "memory read";
      case LITERAL -> "literal";
      case INSTANCE_INPUT, INSTANCE_OUTPUT -> "submodule port";
      case NODE -> "value";
    };
    String owner = ref.owner == null ? "" : " of module " + ref.owner.baseName();
    return "the " + what + (ref.name == null ? "" : " '" + ref.name + "'") + owner + " made at " + ref.loc;
  }
}
