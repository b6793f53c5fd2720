package dev.silica.verilog;

import dev.silica.ir.BlackBox;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Port;
import java.util.HashMap;
import java.util.Map;

/**
 * The Verilog names of a whole design: one identifier per module, and per module the namespace
 * holding its ports (with {@code clk} and {@code rst} reserved in modules that have state), which
 * the module's own writer then fills with its signals. A parent reads its children's port names
 * here, so renamed ports are connected by their new names. A black box's module is its Verilog
 * module's name, reserved before any other, and its ports keep their names.
 */
final class DesignNames {

  private final Identifiers modules = new Identifiers();
  private final Map<String, String> moduleIds = new HashMap<>();
  private final Map<String, Identifiers> scopes = new HashMap<>();

  DesignNames(Design design) {
    design.modules().values().stream()
        .flatMap(m -> m.blackBox().stream())
        .map(BlackBox::verilogModule)
        .distinct()
        .forEach(modules::reserve);
    for (ModuleDef m : design.modules().values()) {
      if (m.blackBox().isPresent()) {
        moduleIds.put(m.name(), m.blackBox().get().verilogModule());
        continue;
      }
      moduleIds.put(m.name(), modules.declare(m.name()));
      Identifiers scope = new Identifiers();
      if (design.hasState(m)) {
        scope.reserve(Usage.CLOCK);
        scope.reserve(Usage.RESET);
      }
      m.ports().stream().map(Port::name).forEach(scope::declare);
      scopes.put(m.name(), scope);
    }
  }

  /** The Verilog name of IR module {@code irModule}. */
  String module(String irModule) {
    return moduleIds.get(irModule);
  }

  /** The namespace of IR module {@code irModule}: its ports, and what its writer declares. */
  Identifiers scope(String irModule) {
    return scopes.get(irModule);
  }
}
