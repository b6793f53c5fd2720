package dev.silica.sim;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * The slots that only settle steps read, other than the top outputs: the values a fast settle may
 * keep to itself (in local variables of generated code) instead of storing them into the value
 * array. Everything the clock reads, every operand of a call and every output is stored by every
 * settle; the hidden slots only by a full one.
 */
final class HiddenSlots {

  private HiddenSlots() {}

  static BitSet of(List<Step> settle, List<Step> clock, Collection<Run> outputs) {
    BitSet hidden = new BitSet();
    for (Step s : settle) {
      if (s.kind() != StepKind.CALL) {
        hidden.set(s.dest());
      }
    }
    for (Step s : settle) {
      if (s.kind() == StepKind.CALL) {
        clearAll(hidden, s.args());
      }
    }
    clock.forEach(s -> clearAll(hidden, s.args()));
    outputs.forEach(r -> hidden.clear(r.base, r.base + r.n));
    return hidden;
  }

  private static void clearAll(BitSet hidden, int[] slots) {
    for (int slot : slots) {
      hidden.clear(slot);
    }
  }
}
