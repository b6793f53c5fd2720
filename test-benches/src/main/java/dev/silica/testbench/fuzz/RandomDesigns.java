package dev.silica.testbench.fuzz;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Random, legal IR designs for differential testing, one per seed (the same seed always gives the
 * same design). A design has a top module and up to two leaf modules it instantiates; between them
 * they use every IR operation at widths 1 to 256 (biased toward 1, 7, 8, 63, 64, 65, 128...),
 * signed and unsigned values joined by explicit casts, when/otherwise-style mux trees, registers
 * with and without enables, memories with asynchronous and synchronous (optionally enabled) read
 * ports and write ports, and instances. Every generated signal is observable at an output.
 *
 * <p>Module names carry the seed ({@code fz42_top}), so designs of different seeds can be compiled
 * side by side.
 */
public final class RandomDesigns {

  private RandomDesigns() {}

  /** The design of {@code seed}. */
  public static Design generate(long seed) {
    Dice dice = new Dice(seed);
    String prefix = "fz" + Long.toUnsignedString(seed) + "_";
    List<ModuleDef> leaves = new ArrayList<>();
    int leafCount = dice.chance(0.5) ? dice.between(1, 2) : 0;
    for (int i = 0; i < leafCount; i++) {
      ModuleGenerator.Size size = new ModuleGenerator.Size(
          dice.between(1, 3), dice.between(3, 12), dice.between(0, 2), dice.chance(0.3) ? 1 : 0, 0, dice.between(1, 3));
      leaves.add(ModuleGenerator.generate(dice, prefix + "leaf" + i, size, List.of()));
    }
    ModuleGenerator.Size topSize = new ModuleGenerator.Size(
        dice.between(1, 4),
        dice.between(6, 30),
        dice.between(0, 3),
        dice.chance(0.4) ? dice.between(1, 2) : 0,
        leaves.isEmpty() ? 0 : dice.between(1, 3),
        dice.between(1, 5));
    ModuleDef top = ModuleGenerator.generate(dice, prefix + "top", topSize, leaves);
    ImmutableMap.Builder<String, ModuleDef> modules = ImmutableMap.builder();
    leaves.forEach(m -> modules.put(m.name(), m));
    modules.put(top.name(), top);
    return new Design(top.name(), modules.buildOrThrow(), ImmutableMap.of("generator", "fuzz", "param.seed", Long.toUnsignedString(seed)));
  }
}
