package dev.silica.testbench.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.testbench.Engine;
import dev.silica.testbench.tools.GeneratorCases;
import dev.silica.verilog.Tools;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered generator, with its defaults and the {@link GeneratorCases#quick() quick}
 * selection of parameter sets (each width and implementation choice at least once), co-simulated
 * against Verilator and Icarus on random stimulus: every output agrees in every cycle.
 */
class GeneratorsCosimTest {

  private static final int CYCLES = 200;
  private static final long SEED = 7;

  static Stream<Arguments> cases() {
    return GeneratorCases.quick().stream()
        .flatMap(c -> Stream.of(Engine.VERILATOR, Engine.ICARUS).map(tool -> Arguments.of(c, tool)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void everyOutputAgreesInEveryCycle(GeneratorCases.Case c, Engine tool) {
    Tools.require(tool == Engine.VERILATOR ? "verilator" : "iverilog");
    CosimResult result = Cosim.run(c.design(), SEED, CYCLES, tool);
    assertTrue(result.agreed(), result.summary());
    System.out.printf(Locale.ROOT, "%s on %s: %d cycles agree (build %d ms, run %d ms)%n", c, tool, result.cycles(),
        result.toolBuildTime().toMillis(), result.toolRunTime().toMillis());
  }
}
