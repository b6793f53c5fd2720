package dev.silica.synth;

import static dev.silica.sim.IrBuilder.bin;
import static dev.silica.sim.IrBuilder.syncRead;
import static dev.silica.sim.IrBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;
import dev.silica.sim.RandomNetlist;
import org.junit.jupiter.api.Test;

/** What the estimator attributes to each element of a design: the resource its node, register or memory maps to. */
class ResourceAttributionTest {

  /** A multiply-accumulate in an instance {@code mac}, its product in a DSP48E1, beside a 16 x 8 memory. */
  private static Design macBesideAMemory() {
    ModuleDef mac = IrBuilder.module("Mac")
        .in("a", Type.s(12)).in("b", Type.s(12))
        .reg("acc", Type.s(32), 0, "next", null)
        .node("prod", bin(Op.BinaryKind.MUL, "a", "b"))
        .node("wide", new Op.Resize("prod", 32))
        .node("sum", bin(Op.BinaryKind.ADD, "acc", "wide"))
        .node("next", new Op.Resize("sum", 32))
        .out("y", "acc")
        .build();
    ModuleDef top = IrBuilder.module("Top")
        .in("a", Type.s(12)).in("b", Type.s(12)).in("addr", Type.u(4)).in("d", Type.u(8)).in("we", Type.u(1))
        .inst("mac", mac, "a", "a", "b", "b")
        .mem("ram", 16, Type.u(8), ImmutableList.of(syncRead("q", "addr", null)), ImmutableList.of(write("addr", "d", "we")))
        .out("y", "mac.y")
        .out("q", "q")
        .build();
    return IrBuilder.design(top, mac);
  }

  @Test
  void theMultiplierNodeCarriesItsDspSliceAndTheInstanceElementsAreNamedHierarchically() {
    ResourceAttribution a = Estimator.attribute(macBesideAMemory());
    assertEquals(1, a.of("mac.prod", Resource.DSP48E1));
    assertEquals(0, a.of("mac.prod", Resource.LUT_AS_LOGIC));
    assertEquals(32, a.of("mac.acc", Resource.FF));
  }

  @Test
  void aSumInTheDspsPostAdderCostsNothingAndIsLeftOut() {
    ResourceAttribution a = Estimator.attribute(macBesideAMemory());
    assertFalse(a.elements().containsKey("mac.sum"), "the accumulator's add is the DSP48E1's post-adder");
    assertFalse(a.elements().containsKey("mac.wide"), "a resize is wiring");
  }

  @Test
  void aMemoryIsAttributedByItsName() {
    ResourceAttribution a = Estimator.attribute(macBesideAMemory());
    assertTrue(a.of("ram", Resource.LUT_AS_MEMORY) > 0, "a 128-bit memory is distributed RAM: " + a.elements().get("ram"));
    assertEquals(8, a.of("ram", Resource.FF), "the synchronous read port's register");
  }

  @Test
  void theElementsCostsAddUpToTheTableAndTheLutTotalIsItsTwoKinds() {
    for (long seed = 1; seed <= 20; seed++) {
      ResourceAttribution a = Estimator.attribute(RandomNetlist.build(seed, 4, 6, 60));
      for (Resource r : Resource.values()) {
        if (r != Resource.LUT) {
          int sum = a.elements().values().stream().mapToInt(cost -> cost.getOrDefault(r, 0)).sum();
          assertEquals(a.table().used(r), sum, "seed " + seed + " " + r);
        }
      }
      assertEquals(a.table().used(Resource.LUT_AS_LOGIC) + a.table().used(Resource.LUT_AS_MEMORY), a.table().used(Resource.LUT), "seed " + seed);
      assertTrue(a.elements().values().stream().allMatch(cost -> !cost.isEmpty() && !cost.containsValue(0)), "seed " + seed + ": " + a.elements());
    }
  }

  @Test
  void theAttributedTableIsTheEstimate() {
    Design d = macBesideAMemory();
    assertEquals(Estimator.estimate(d), Estimator.attribute(d).table());
  }
}
