package dev.silica.testbench.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.UInt;
import dev.silica.dsl.lib.Queue;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code fifo} generator's {@link Queue}, built by name as the command line builds it, against
 * the {@link QueueModel} over thousands of random cycles: every cycle's count, full, empty,
 * enq.ready, deq.valid and oldest item, and the order of the items that leave.
 */
class QueueTest {

  private static final int CYCLES = 4000;

  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of(1, "auto", false, false),
        Arguments.of(1, "auto", false, true),
        Arguments.of(2, "distributed", true, false),
        Arguments.of(5, "auto", false, false),
        Arguments.of(5, "block", false, false),
        Arguments.of(8, "block", true, true),
        Arguments.of(16, "distributed", false, true),
        Arguments.of(3, "block", true, false));
  }

  static Stream<Arguments> verilatorConfigurations() {
    return Stream.of(Arguments.of(8, "block", true, true));
  }

  private static Design fifo(int depth, String storage, boolean flow, boolean pipe, int width) {
    return GeneratorRegistry.load()
        .get("fifo")
        .generate(ImmutableMap.of("width", String.valueOf(width), "depth", String.valueOf(depth), "storage", storage,
            "flow", String.valueOf(flow), "pipe", String.valueOf(pipe)));
  }

  @ParameterizedTest(name = "depth {0}, storage {1}, flow {2}, pipe {3}")
  @MethodSource("configurations")
  void behavesLikeTheQueueModelUnderRandomValidAndReady(int depth, String storage, boolean flow, boolean pipe) {
    int width = 7;
    try (Tester t = Tester.of(fifo(depth, storage, flow, pipe, width), Engine.SILICA)) {
      QueueDriver.Run run = QueueDriver.run(t, new QueueModel(depth, flow, pipe), width, true, CYCLES, depth * 31L);
      assertTrue(run.cyclesFull() > 50, "the run filled the queue: " + run);
      assertTrue(run.cyclesEmpty() > 50, "the run drained the queue: " + run);
    }
  }

  @ParameterizedTest(name = "depth {0}, storage {1}, flow {2}, pipe {3}")
  @MethodSource("verilatorConfigurations")
  void verilatorRunsTheSameContract(int depth, String storage, boolean flow, boolean pipe) {
    Tools.require("verilator");
    int width = 12;
    try (Tester t = Tester.of(fifo(depth, storage, flow, pipe, width), Engine.VERILATOR)) {
      QueueDriver.Run run = QueueDriver.run(t, new QueueModel(depth, flow, pipe), width, true, 1500, 99);
      assertTrue(run.cyclesFull() > 0 && run.cyclesEmpty() > 0, "the run filled and drained the queue: " + run);
    }
  }

  @Test
  void aQueueOfNoItemsIsAnErrorAtTheUsersLine() {
    DesignError e = assertThrows(DesignError.class, () -> Elaborator.elaborate(() -> new Queue<>(UInt.of(8), 0)));
    assertEquals("QueueTest.java", e.locations().get(0).file());
    assertTrue(e.getMessage().contains("a Queue holds 1..1048576 items, not 0"), e.getMessage());
  }

  @Test
  void theGeneratorRefusesDepthZeroAndUnknownStorageInOneLine() {
    var registry = GeneratorRegistry.load();
    ParameterError depth = assertThrows(ParameterError.class, () -> registry.get("fifo").generate(Map.of("depth", "0")));
    assertEquals("parameter 'depth' = '0' is invalid: expected an integer in 1..1048576", depth.getMessage());
    ParameterError storage =
        assertThrows(ParameterError.class, () -> registry.get("fifo").generate(Map.of("storage", "flops")));
    assertEquals(
        "parameter 'storage' = 'flops' is invalid: expected one of auto, block, distributed", storage.getMessage());
    ParameterError flow = assertThrows(ParameterError.class, () -> registry.get("fifo").generate(Map.of("flow", "yes")));
    assertEquals("parameter 'flow' = 'yes' is invalid: expected true or false", flow.getMessage());
  }
}
