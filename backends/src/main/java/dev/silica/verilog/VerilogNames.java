package dev.silica.verilog;

import dev.silica.ir.Design;
import java.util.Optional;

/**
 * The names {@link VerilogEmitter} gives a design in Verilog: each module's name, and in each
 * module the identifier of every IR signal and instance it declares. Tools that annotate the
 * emitted Verilog (activity files for power analysis) name its nets by these. Signals the emitter
 * leaves out (constants, written in place, and elements nothing reads) have no net.
 */
public final class VerilogNames {

  private final DesignNames names;

  private VerilogNames(DesignNames names) {
    this.names = names;
  }

  /** The names of {@code design}'s Verilog (emitting it once to find them). */
  public static VerilogNames of(Design design) {
    return new VerilogNames(VerilogEmitter.emitWithNames(design).names());
  }

  /** The Verilog module name of IR module {@code irModule}. */
  public String module(String irModule) {
    return names.module(irModule);
  }

  /**
   * The net that carries IR signal {@code irName} (a port, node, register, read port or instance
   * output {@code inst.port}) inside module {@code irModule}, or empty when the Verilog has none.
   */
  public Optional<String> net(String irModule, String irName) {
    return names.scope(irModule).find(irName);
  }

  /** The Verilog instance name of instance {@code instance} inside module {@code irModule}. */
  public String instance(String irModule, String instance) {
    return names.scope(irModule).of(instance);
  }
}
