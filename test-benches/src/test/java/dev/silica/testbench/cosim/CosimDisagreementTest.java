package dev.silica.testbench.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.FaultyEngine;
import dev.silica.verilog.Tools;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How co-simulation reports a disagreement, shown with a simulator that is wrong on purpose. */
class CosimDisagreementTest {

  private static final Design COUNTER = GeneratorRegistry.load().get("counter").generate(Map.of("width", "8"));

  @Test
  void theFirstDisagreementNamesCycleSignalAndBothValues() {
    Tools.require("iverilog");
    CosimResult faulty = Cosim.run(COUNTER, 3, 20, Engine.ICARUS, FaultyEngine.flippingFirstOutputInCycle(5));
    CosimResult honest = Cosim.run(COUNTER, 3, 20, Engine.ICARUS);

    assertTrue(honest.agreed(), honest.summary());
    Mismatch m = faulty.mismatch().orElseThrow(() -> new AssertionError(faulty.summary()));
    assertEquals(5, m.cycle());
    assertEquals("count", m.signal());
    assertEquals(BigInteger.ONE, new BigInteger(m.silicaValue()).xor(new BigInteger(m.toolValue())), m.toString());
    assertTrue(faulty.summary().contains("disagrees with icarus in cycle 5 on count"), faulty.summary());
  }
}
