package dev.silica.dsl;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import java.util.Map;

/**
 * A parameterized design the {@code silica} command line can build by name. Implementations are
 * found by {@link GeneratorRegistry} through {@link java.util.ServiceLoader}: list them in {@code
 * META-INF/services/dev.silica.dsl.Generator}.
 */
public interface Generator {

  /** The name used on the command line ({@code fir}). */
  String name();

  /** One sentence saying what the generated hardware does. */
  String description();

  /** The parameters it accepts, each with a default. */
  ImmutableList<Param> params();

  /**
   * Builds the design. Its attributes record {@code generator=<name>} and {@code param.<k>=<v>}
   * for every parameter ({@link Params#designAttributes()}).
   *
   * @throws ParameterError for a value the generator cannot use
   */
  Design elaborate(Params params);

  /** Builds the design from textual arguments; parameters not given take their defaults. */
  default Design generate(Map<String, String> arguments) {
    return elaborate(Params.of(this, arguments));
  }
}
