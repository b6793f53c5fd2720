package dev.silica.examples.cli;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import java.util.Comparator;
import java.util.Map;

/**
 * The design {@code silica build} makes when given no name: for now the largest registered
 * generator at its defaults, by estimated LUTs.
 */
final class Flagship {

  private Flagship() {}

  static Generator choose(GeneratorRegistry registry) {
    return registry.all().stream()
        .max(Comparator.comparingInt(Flagship::estimatedLuts))
        .orElseThrow(() -> new UserError("no generator is registered"));
  }

  private static int estimatedLuts(Generator g) {
    return Estimator.estimate(g.generate(Map.of())).used(Resource.LUT);
  }
}
