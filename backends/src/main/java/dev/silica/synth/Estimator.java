package dev.silica.synth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.Node;
import dev.silica.ir.Register;
import dev.silica.ir.pass.Flatten;
import dev.silica.ir.pass.Pass;
import dev.silica.ir.pass.PassManager;
import dev.silica.ir.pass.Passes;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates a design's {@link ResourceTable} from its IR alone, in milliseconds, with the mapping
 * rules Yosys's {@code synth_xilinx} follows for the 7 series. The design is flattened, folded and
 * cleaned first (as synthesis does); only the bits something observable depends on are costed
 * ({@link DemandedBits}), and low bits known to be zero ({@link KnownZeroBits}) are wires. Then each
 * element is costed by the rules for what it maps to:
 *
 * <ul>
 *   <li>registers: flip-flops ({@link FlipFlopCost}), none for those a DSP48E1 absorbs;
 *   <li>add, sub and neg: carry chains ({@link AdderCost}), none in a DSP48E1's post-adder;
 *   <li>comparisons: carry chains or LUT trees ({@link ComparisonCost});
 *   <li>multipliers: DSP48E1 slices ({@link DspMapping}) or LUTs ({@link MultiplierCost});
 *   <li>bitwise logic and 2:1 multiplexers: LUT6s per bit of each fan-out-free cone ({@link
 *       LogicConeCost});
 *   <li>reduction and dynamic-shift logic: LUTs ({@link LogicOpCost});
 *   <li>memories: block RAM, distributed RAM or LUT ROM ({@link MemoryCost}).
 * </ul>
 *
 * <p>Wiring (slices, concatenation, resizes, casts, constant shifts, inverters) costs nothing.
 */
public final class Estimator {

  /** How an estimated table is labelled. */
  public static final String SOURCE = "Silica estimate";

  private static final PassManager PREPARE =
      new PassManager(
          ImmutableList.<Pass>builder()
              .addAll(Passes.checks().passes())
              .add(new Flatten())
              .addAll(Passes.optimize().passes())
              .build());

  private Estimator() {}

  /** The estimated table of {@code design}. */
  public static ResourceTable estimate(Design design) {
    return attribute(design).table();
  }

  /**
   * The estimated table of {@code design} and what each element of the flattened design that costs
   * something costs in it: registers and nodes by their hierarchical names ({@code pe_0.acc}),
   * memories by theirs.
   */
  public static ResourceAttribution attribute(Design design) {
    NetlistFacts facts = NetlistFacts.of(PREPARE.run(design));
    KnownZeroBits zeros = KnownZeroBits.of(facts);
    DspMapping dsp = new DspMapping(facts);
    FlipFlopCost flipFlops = new FlipFlopCost(facts, zeros, dsp);
    AbsorbedSelects absorbed = AbsorbedSelects.of(facts);
    LogicCones cones = new LogicCones(facts, absorbed);
    NodeCost nodes = new NodeCost(facts, zeros, dsp, absorbed, cones);
    MemoryCost memories = new MemoryCost(facts, dsp);

    Map<String, ResourceCount> elements = new LinkedHashMap<>();
    for (Register r : facts.module().registers()) {
      attribute(elements, r.name(), ResourceCount.of(Resource.FF, flipFlops.of(r)));
    }
    for (Node n : facts.module().nodes()) {
      attribute(elements, n.name(), nodes.of(n));
    }
    for (Memory m : facts.module().memories()) {
      attribute(elements, m.name(), memories.of(m));
    }
    ImmutableMap.Builder<String, ImmutableMap<Resource, Integer>> costs = ImmutableMap.builder();
    elements.forEach((name, cost) -> costs.put(name, cost.asMap()));
    int levels = LogicLevels.of(facts, cones);
    return new ResourceAttribution(table(elements.values(), levels), costs.buildOrThrow());
  }

  /** Records what {@code name} costs, added to what an element of the same name already costs. */
  private static void attribute(Map<String, ResourceCount> elements, String name, ResourceCount cost) {
    if (!cost.isEmpty()) {
      elements.computeIfAbsent(name, k -> ResourceCount.none()).addAll(cost);
    }
  }

  /** The table of the elements' costs: every resource listed, the LUT total the sum of its two kinds. */
  private static ResourceTable table(Iterable<ResourceCount> costs, int levels) {
    ResourceCount total = ResourceCount.none();
    costs.forEach(total::addAll);
    Map<Resource, Integer> used = new EnumMap<>(Resource.class);
    for (Resource r : Resource.values()) {
      used.put(r, total.get(r));
    }
    used.put(Resource.LUT, total.get(Resource.LUT_AS_LOGIC) + total.get(Resource.LUT_AS_MEMORY));
    return new ResourceTable(SOURCE, Device.XC7S15, ImmutableMap.copyOf(used), Optional.of(new LogicDepth(levels)));
  }
}
