package dev.silica.examples.cli;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.ir.pass.Passes;
import dev.silica.transformer.accel.ModelSource;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The forecaster accelerator a command works on: a model file or bundled model, and the
 * forecaster's {@code -p key=value} parameters.
 */
final class ForecasterOptions {

  @Parameters(arity = "0..1", paramLabel = "MODEL",
      description = "A model file of silica train or a bundled model (default: " + ModelSource.DEFAULT + ").")
  String model;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "A forecaster parameter: rows, cols, multiplier, storage (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  /** The forecaster's parameters, checked, with the model among them. */
  Params params() {
    Map<String, String> given = new LinkedHashMap<>(params);
    if (model != null) {
      given.put("model", model);
    }
    return Params.of(generator(), given);
  }

  /** The forecaster elaborated with {@code params} and optimized, as {@code silica build} writes it. */
  static Design design(Params params) {
    return Passes.standard().run(generator().elaborate(params));
  }

  private static Generator generator() {
    return GeneratorRegistry.load().get("forecaster");
  }
}
