package dev.silica.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.synth.YosysSynth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered generator, for several parameter sets, emits Verilog that Verilator lints with
 * -Wall, Icarus compiles and Yosys synthesizes for the 7 series, each without a single warning.
 */
class GeneratorsThroughToolsTest {

  static Stream<GeneratorCases.Case> cases() {
    return GeneratorCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verilatorLintsWithoutWarnings(GeneratorCases.Case c) throws Exception {
    VerilogChecks.lintClean(c.design());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void icarusCompilesWithoutMessages(GeneratorCases.Case c) throws Exception {
    VerilogChecks.icarusClean(c.design());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void yosysSynthesizesWithoutWarnings(GeneratorCases.Case c) throws Exception {
    Tools.require("yosys");
    YosysSynth.Report report = SynthesisRuns.of(c);
    assertEquals(List.of(), report.warnings(), c + ": Yosys warned");
  }
}
