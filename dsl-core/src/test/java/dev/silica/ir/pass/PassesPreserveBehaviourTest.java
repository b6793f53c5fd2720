package dev.silica.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Port;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The property every transformation keeps: on random combinational designs (with instances) and
 * random inputs, the outputs after the pass equal the outputs before it, as computed by {@link
 * CombinationalEvaluator} from {@link dev.silica.ir.OpSemantics}. Each result must also still pass
 * the checks.
 */
class PassesPreserveBehaviourTest {

  private static final int DESIGNS = 300;
  private static final int VECTORS = 12;

  /** A random top module with two instances of a random child, reproducible from {@code seed}. */
  private static Design randomDesign(long seed) {
    RandomCircuits circuits = new RandomCircuits(new Random(seed));
    ModuleDef leaf = circuits.module("Leaf", 2, 12, 3, List.of());
    ModuleDef mid = circuits.module("Mid", 3, 20, 6, List.of(leaf, leaf));
    ModuleDef top = circuits.module("Top", 4, 40, 15, List.of(mid, leaf));
    return new Design("Top", ImmutableMap.of("Leaf", leaf, "Mid", mid, "Top", top), ImmutableMap.of());
  }

  private static Map<String, BigInteger> randomInputs(ModuleDef top, Random random) {
    Map<String, BigInteger> inputs = new HashMap<>();
    for (Port p : top.inputs().toList()) {
      inputs.put(p.name(), p.type().wrap(new BigInteger(p.type().width(), random)));
    }
    return inputs;
  }

  /** Runs {@code pass} on many random designs and compares outputs; returns nodes before and after. */
  private static int[] assertPreserved(UnaryOperator<Design> pass) {
    int[] nodeCounts = new int[2];
    for (long seed = 0; seed < DESIGNS; seed++) {
      Design before = Passes.checks().run(randomDesign(seed));
      Design after = Passes.checks().run(pass.apply(before));
      Random random = new Random(seed);
      for (int v = 0; v < VECTORS; v++) {
        Map<String, BigInteger> inputs = randomInputs(before.topModule(), random);
        assertEquals(
            CombinationalEvaluator.outputs(before, inputs),
            CombinationalEvaluator.outputs(after, inputs),
            "design " + seed + ", inputs " + inputs);
      }
      nodeCounts[0] += totalNodes(before);
      nodeCounts[1] += totalNodes(after);
    }
    return nodeCounts;
  }

  private static int totalNodes(Design d) {
    return d.modules().values().stream().mapToInt(m -> m.nodes().size()).sum();
  }

  @Test
  void foldingConstantsKeepsEveryOutputAndRemovesNodes() {
    int[] counts = assertPreserved(d -> new FoldConstants().run(d));
    assertTrue(counts[1] < counts[0], "folding replaced no node by another signal: " + counts[0] + " nodes");
  }

  @Test
  void mergingCommonSubexpressionsKeepsEveryOutputAndRemovesNodes() {
    int[] counts = assertPreserved(d -> new EliminateCommonSubexpressions().run(d));
    assertTrue(counts[1] < counts[0], "nothing merged");
  }

  @Test
  void removingDeadNodesKeepsEveryOutputAndRemovesNodes() {
    int[] counts = assertPreserved(d -> new RemoveDeadNodes().run(d));
    assertTrue(counts[1] < counts[0], "nothing removed");
  }

  @Test
  void flatteningKeepsEveryOutput() {
    assertPreserved(d -> new Flatten().run(d));
  }

  @Test
  void theStandardPipelineKeepsEveryOutputAndShrinksTheDesign() {
    int[] counts = assertPreserved(d -> Passes.standard().run(d));
    assertTrue(counts[1] < counts[0], "the pipeline removed nothing");
  }

  @Test
  void flatteningThenOptimizingKeepsEveryOutput() {
    assertPreserved(d -> Passes.optimize().run(new Flatten().run(d)));
  }
}
