package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A hardware module: subclass it and build the hardware in the constructor with {@link Hw}'s
 * functions, or define one from a lambda with {@link #define}. Ports are usually held in fields,
 * so a parent reads and drives them as {@code child.y} and {@code child.a}; {@link #port} finds
 * them by name.
 *
 * <p>A module is constructed only through {@link Hw#instance} (as a submodule) or {@link
 * Elaborator#elaborate} (as the top). Instances of one class that elaborate to the same hardware
 * share one IR module; {@link Hw#param} puts parameters in the module's name ({@code Pe_w8}).
 */
public abstract class Module {

  private final ModuleBuilder builder;

  protected Module() {
    this.builder = Elaboration.open(this, UserCode.location());
  }

  private Module(SourceLoc loc) {
    this.builder = Elaboration.open(this, loc);
  }

  ModuleBuilder builder() {
    return builder;
  }

  /**
   * The module's name in the IR before its parameters are appended: by default the class's simple
   * name.
   */
  protected String moduleName() {
    return getClass().getSimpleName();
  }

  /**
   * The port called {@code name} (for a port in a bundle or vector, its full name such as {@code
   * in_data} or {@code x_3}).
   */
  public final Signal port(String name) {
    for (Ref p : builder.ports) {
      if (p.name.equals(name)) {
        return builder.portView(p);
      }
    }
    throw new DesignError(
        UserCode.location(),
        "module "
            + builder.baseName()
            + " has no port '"
            + name
            + "'; its ports are: "
            + builder.ports.stream().map(p -> p.name).collect(Collectors.joining(", ")));
  }

  /** The port called {@code name}, checked to be of class {@code kind} ({@code UInt.class}...). */
  public final <T extends Signal> T port(String name, Class<T> kind) {
    Signal s = port(name);
    if (!kind.isInstance(s)) {
      throw new DesignError(
          UserCode.location(),
          "port '" + name + "' of " + builder.baseName() + " is a " + s.getClass().getSimpleName() + ", not a "
              + kind.getSimpleName());
    }
    return kind.cast(s);
  }

  /**
   * A module built by {@code body} (which uses {@link Hw}'s functions) and named {@code name}: for
   * small modules that need no class. Pass it to {@link Hw#instance} or {@link Elaborator#elaborate}.
   */
  public static Supplier<Module> define(String name, Runnable body) {
    SourceLoc loc = UserCode.location();
    Names.checkLegal(name, loc);
    return () -> new Defined(name, body, loc);
  }

  /** A module whose hardware comes from a lambda. */
  private static final class Defined extends Module {
    private final String name;

    Defined(String name, Runnable body, SourceLoc loc) {
      super(loc);
      this.name = name;
      body.run();
    }

    @Override
    protected String moduleName() {
      return name;
    }
  }
}
