package dev.silica.testbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.Port;
import dev.silica.ir.pass.EliminateCommonSubexpressions;
import dev.silica.ir.pass.Flatten;
import dev.silica.ir.pass.FoldConstants;
import dev.silica.ir.pass.Pass;
import dev.silica.ir.pass.Passes;
import dev.silica.ir.pass.RemoveDeadNodes;
import dev.silica.testbench.SilicaEngine;
import dev.silica.testbench.Trace;
import dev.silica.testbench.TraceRunner;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every IR pass keeps what a design computes: each random design is simulated before and after the
 * pass on the same random stimulus, and every output agrees in every cycle.
 */
class PassesPreserveRandomDesignsTest {

  private static final int SEEDS = 120;
  private static final int CYCLES = 40;

  static Stream<Arguments> passes() {
    return Stream.of(
        Arguments.of("fold", new FoldConstants()),
        Arguments.of("cse", new EliminateCommonSubexpressions()),
        Arguments.of("dead", new RemoveDeadNodes()),
        Arguments.of("flatten", new Flatten()),
        Arguments.of("optimize", asPass(Passes.optimize())),
        Arguments.of("flatten+optimize", new Pass() {
          @Override
          public String name() {
            return "flatten+optimize";
          }

          @Override
          public Design run(Design design) {
            return Passes.optimize().run(new Flatten().run(design));
          }
        }));
  }

  private static Pass asPass(dev.silica.ir.pass.PassManager manager) {
    return new Pass() {
      @Override
      public String name() {
        return "pipeline";
      }

      @Override
      public Design run(Design design) {
        return manager.run(design);
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("passes")
  void thePassKeepsEveryOutputInEveryCycle(String name, Pass pass) {
    for (long seed = 0; seed < SEEDS; seed++) {
      Design before = RandomDesigns.generate(seed);
      Design after = pass.run(before);
      Trace stimulus = Fuzzer.stimulus(before, seed, CYCLES);
      assertEquals(simulate(before, stimulus), simulate(after, stimulus), name + " changed the behaviour of seed " + seed);
    }
  }

  /**
   * The outputs of {@code d} under {@code stimulus}, less the columns of inputs {@code d} no longer
   * has (removing unobservable state can remove the need for {@code rst}).
   */
  private static Trace simulate(Design d, Trace stimulus) {
    try (SilicaEngine sim = new SilicaEngine(d)) {
      List<String> inputs = sim.inputs().stream().map(Port::name).toList();
      List<Integer> kept = IntStream.range(0, stimulus.columns().size())
          .filter(c -> inputs.contains(stimulus.columns().get(c))).boxed().toList();
      Trace projected = new Trace(
          kept.stream().map(stimulus.columns()::get).collect(ImmutableList.toImmutableList()),
          stimulus.rows().stream().map(r -> kept.stream().map(r::get).collect(ImmutableList.toImmutableList()))
              .collect(ImmutableList.toImmutableList()));
      return TraceRunner.run(sim, projected);
    }
  }

}
