package dev.silica.testbench.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;
import dev.silica.testbench.Engine;
import dev.silica.testbench.FaultyEngine;
import dev.silica.testbench.SilicaEngine;
import dev.silica.verilog.Tools;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

/**
 * The free-running mode: the harnesses make the same stimulus as Silica's side and fold the same
 * outputs into the same digest, so equal digests mean equal traces; a wrong simulator changes the
 * digest and the printed prefix places the fault.
 */
class FreeRunningTest {

  private static final int CYCLES = 300;
  private static final int PREFIX = 8;

  static Stream<Arguments> designs() {
    return Stream.of(
            Named.of("counter", generator("counter", Map.of())),
            Named.of("a 100-bit xor accumulator", wideAccumulator()))
        .flatMap(d -> Stream.of(Engine.VERILATOR, Engine.ICARUS).map(tool -> Arguments.of(d, tool)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("designs")
  void theToolGivesSilicasDigest(Design design, Engine tool) {
    Tools.require(tool == Engine.VERILATOR ? "verilator" : "iverilog");
    HarnessLayout layout = HarnessLayout.of(design);
    FreeRun silica = FreeRunning.run(new SilicaEngine(design), layout, 11, CYCLES, PREFIX);
    FreeRun other = FreeRunning.run(Harnesses.buildFreeRunning(tool, layout, true), 11, CYCLES, PREFIX);

    assertEquals(silica.digest(), other.digest());
    assertEquals(silica.prefix().size(), other.prefix().size());
    assertEquals(Optional.empty(), FreeRunning.compare(silica, other, layout.outputs(0), "tool"));
  }

  @Test
  void aFaultyEngineChangesTheDigestAndThePrefixPlacesTheFault() {
    Tools.require("iverilog");
    Design counter = generator("counter", Map.of());
    HarnessLayout layout = HarnessLayout.of(counter);
    FreeRun faulty = FreeRunning.run(FaultyEngine.flippingFirstOutputInCycle(5).apply(counter), layout, 11, CYCLES, PREFIX);
    FreeRun icarus = FreeRunning.run(Harnesses.buildFreeRunning(Engine.ICARUS, layout, true), 11, CYCLES, PREFIX);

    assertNotEquals(icarus.digest(), faulty.digest());
    String report = FreeRunning.compare(faulty, icarus, layout.outputs(0), "icarus").orElseThrow();
    assertTrue(report.startsWith("cycle 5 on count: silica="), report);
  }

  @Test
  void aFaultAfterThePrefixStillChangesTheDigest() {
    Design counter = generator("counter", Map.of());
    HarnessLayout layout = HarnessLayout.of(counter);
    FreeRun honest = FreeRunning.run(new SilicaEngine(counter), layout, 11, CYCLES, PREFIX);
    FreeRun faulty = FreeRunning.run(FaultyEngine.flippingFirstOutputInCycle(CYCLES - 1).apply(counter), layout, 11, CYCLES, PREFIX);

    assertEquals(honest.prefix(), faulty.prefix());
    assertTrue(FreeRunning.compare(honest, faulty, layout.outputs(0), "faulty").orElseThrow().startsWith("digests differ"));
  }

  @Test
  void theStimulusIsSplitMix64FromTheSeedMaskedToEachInput() {
    // a 64-bit and a 4-bit input echoed: no state, so no rst; draws in port order
    Design echo = IrBuilder.design(IrBuilder.module("echo")
        .in("x", Type.u(64)).in("y", Type.u(4))
        .out("xo", "x").out("yo", "y")
        .build());
    FreeRun run = FreeRunning.run(new SilicaEngine(echo), HarnessLayout.of(echo), 0, 2, 2);
    // SplitMix64 from state 0: e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f, ...
    assertEquals(List.of("e220a8397b1dcdaf", "4"), run.prefix().get(0));
    assertEquals("6c45d188009454f", run.prefix().get(1).get(0));
  }

  /** Ports wider than 64 bits, in and out: {@code acc} xors in the 100-bit {@code x} while {@code en}; {@code y} echoes a 70-bit input. */
  private static Design wideAccumulator() {
    return IrBuilder.design(IrBuilder.module("wide")
        .in("en", Type.bool()).in("x", Type.u(100)).in("y", Type.s(70))
        .reg("acc", Type.u(100), 3, "next", "en")
        .node("next", IrBuilder.bin(Op.BinaryKind.XOR, "acc", "x"))
        .out("sum", "acc")
        .out("echo", "y")
        .build());
  }

  private static Design generator(String name, Map<String, String> params) {
    return GeneratorRegistry.load().get(name).generate(params);
  }
}
