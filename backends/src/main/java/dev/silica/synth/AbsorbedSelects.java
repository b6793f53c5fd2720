package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The comparisons against a constant that select a multiplexer and nothing else, with the bits
 * deciding them few enough to fit one LUT beside a data bit: synthesis builds each into the LUT of
 * every multiplexed bit (saturation: {@code x > 7 ? 7 : x < -8 ? -8 : x}), so they cost nothing of
 * their own and widen the multiplexer's LUTs instead.
 */
final class AbsorbedSelects {

  private final Map<String, ConstantComparison> absorbed = new HashMap<>();

  private AbsorbedSelects(NetlistFacts facts) {
    for (Node n : facts.module().nodes()) {
      if (n.op() instanceof Op.Binary b && facts.readerCount(n.name()) == 1 && !facts.isReadOutsideNodes(n.name())
          && facts.readers(n.name()).get(0).op() instanceof Op.Mux m && m.sel().equals(n.name())) {
        facts.constantComparison(b)
            .filter(c -> c.decidingBits() < Fabric.LUT_INPUTS)
            .ifPresent(c -> absorbed.put(n.name(), c));
      }
    }
  }

  /** The absorbed selects of {@code facts}' module. */
  static AbsorbedSelects of(NetlistFacts facts) {
    return new AbsorbedSelects(facts);
  }

  /** Whether the comparison {@code name} is built into the LUTs of the multiplexers it selects. */
  boolean contains(String name) {
    return absorbed.containsKey(name);
  }

  /** The comparison {@code name} when it is absorbed. */
  Optional<ConstantComparison> get(String name) {
    return Optional.ofNullable(absorbed.get(name));
  }
}
