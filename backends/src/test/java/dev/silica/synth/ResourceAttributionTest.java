package dev.silica.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.sim.RandomNetlist;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The estimator's per-element costs are a partition of its table. */
class ResourceAttributionTest {

  @ParameterizedTest(name = "random netlist, seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void elementCostsAddUpToTheTable(long seed) {
    Design design = RandomNetlist.build(seed, 4, 12, 200);
    ResourceAttribution a = Estimator.attribute(design);
    assertEquals(Estimator.estimate(design), a.table());
    for (Resource r : Resource.values()) {
      int sum = a.elements().keySet().stream().mapToInt(e -> a.of(e, r)).sum();
      int expected = r == Resource.LUT ? 0 : a.table().used(r);
      assertEquals(expected, sum, r.label());
    }
    assertTrue(a.table().used(Resource.LUT) > 0, "the netlist has logic");
    assertEquals(a.table().used(Resource.LUT_AS_LOGIC) + a.table().used(Resource.LUT_AS_MEMORY),
        a.table().used(Resource.LUT));
  }
}
