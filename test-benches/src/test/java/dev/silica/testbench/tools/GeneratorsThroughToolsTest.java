package dev.silica.testbench.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.synth.YosysSynth;
import dev.silica.verilog.VerilogChecks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered generator, with its defaults and the parameter sets of {@link GeneratorCases},
 * emits Verilog that Verilator lints with -Wall and Icarus compiles (the whole sweep), and that
 * Yosys synthesizes for the 7 series (the quick selection, or the sweep with {@code
 * -Dsilica.sweep=true}), each without a single warning (but those Yosys 0.23 prints about its own
 * block RAM library, see {@link YosysSynth.Report#designWarnings()}).
 */
class GeneratorsThroughToolsTest {

  static Stream<GeneratorCases.Case> sweep() {
    return GeneratorCases.sweep().stream();
  }

  static Stream<GeneratorCases.Case> quick() {
    return GeneratorCases.quick().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sweep")
  void verilatorLintsWithoutWarnings(GeneratorCases.Case c) throws Exception {
    VerilogChecks.lintClean(c.design());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sweep")
  void icarusCompilesWithoutMessages(GeneratorCases.Case c) throws Exception {
    VerilogChecks.icarusClean(c.design());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quick")
  void yosysSynthesizesWithoutWarnings(GeneratorCases.Case c) {
    YosysSynth.Report report = SynthesisRuns.of(c);
    assertEquals(List.of(), report.designWarnings(), c + ": Yosys warned");
  }
}
