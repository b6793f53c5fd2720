package dev.silica.testbench.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.verilog.Tools;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered generator, with its default parameters and with its first numeric parameter
 * doubled, co-simulated against Verilator and Icarus on random stimulus: every output agrees in
 * every cycle.
 */
class GeneratorsCosimTest {

  private static final int CYCLES = 200;
  private static final long SEED = 7;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Generator g : GeneratorRegistry.load().all()) {
      for (Map<String, String> params : parameterSets(g)) {
        for (Engine tool : List.of(Engine.VERILATOR, Engine.ICARUS)) {
          cases.add(Arguments.of(g.name(), params, tool));
        }
      }
    }
    return cases.stream();
  }

  private static List<Map<String, String>> parameterSets(Generator g) {
    List<Map<String, String>> sets = new ArrayList<>();
    sets.add(Map.of());
    for (Param p : g.params()) {
      if (p.defaultValue().matches("[1-9][0-9]*")) {
        Map<String, String> doubled = new HashMap<>();
        doubled.put(p.name(), Long.toString(2 * Long.parseLong(p.defaultValue())));
        sets.add(doubled);
        break;
      }
    }
    return sets;
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @MethodSource("cases")
  void everyOutputAgreesInEveryCycle(String generator, Map<String, String> params, Engine tool) {
    Tools.require(tool == Engine.VERILATOR ? "verilator" : "iverilog");
    Design design;
    try {
      design = GeneratorRegistry.load().get(generator).generate(params);
    } catch (ParameterError e) {
      org.junit.jupiter.api.Assumptions.abort(generator + " does not take " + params + ": " + e.getMessage());
      return;
    }
    CosimResult result = Cosim.run(design, SEED, CYCLES, tool);
    assertTrue(result.agreed(), result.summary());
    System.out.printf(Locale.ROOT, "%s %s on %s: %d cycles agree (build %d ms, run %d ms)%n", generator, params,
        tool, result.cycles(), result.toolBuildTime().toMillis(), result.toolRunTime().toMillis());
  }
}
