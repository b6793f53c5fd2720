package dev.silica.verilog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import java.util.List;
import java.util.Map;

/**
 * Every registered generator with several parameter sets (its defaults, plus the sets listed here
 * for the generators known to this module), as designs for the tool and estimator tests.
 */
public final class GeneratorCases {

  /** One design: the generator, its arguments and what they elaborate to. */
  public record Case(String generator, ImmutableMap<String, String> arguments, Design design) {
    @Override
    public String toString() {
      return generator + arguments;
    }
  }

  private static final ImmutableMap<String, List<Map<String, String>>> EXTRA_PARAMETERS =
      ImmutableMap.of(
          "counter", List.of(Map.of("width", "1"), Map.of("width", "32")),
          "mac", List.of(Map.of("a_bits", "16", "b_bits", "16", "acc_bits", "40"), Map.of("a_bits", "4", "b_bits", "4", "acc_bits", "12")),
          "fir", List.of(Map.of("taps", "8", "bits", "12"), Map.of("taps", "5", "bits", "16", "coeffs", "-3,7,100,7,-3")));

  private static final ImmutableList<Case> ALL = build();

  private GeneratorCases() {}

  public static ImmutableList<Case> all() {
    return ALL;
  }

  private static ImmutableList<Case> build() {
    ImmutableList.Builder<Case> cases = ImmutableList.builder();
    for (Generator g : GeneratorRegistry.load().all()) {
      cases.add(new Case(g.name(), ImmutableMap.of(), g.generate(Map.of())));
      for (Map<String, String> args : EXTRA_PARAMETERS.getOrDefault(g.name(), List.of())) {
        cases.add(new Case(g.name(), ImmutableMap.copyOf(args), g.generate(args)));
      }
    }
    return cases.build();
  }
}
