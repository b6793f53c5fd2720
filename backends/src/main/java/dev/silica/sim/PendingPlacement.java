package dev.silica.sim;

import java.util.List;
import java.util.Map;

/**
 * Where the block of pending register slots goes, past the end of the other slots: a gap of 0 to
 * 511 words, chosen so that the stores of the register steps rarely share the low 12 address bits
 * with the loads of the steps right after them. A processor takes a load whose address matches a
 * store still in its store buffer in those bits (4K aliasing) as depending on it and waits; with a
 * block of registers storing in the order they load, one unlucky distance makes almost every
 * register step wait (measured: twice the time per cycle on an 8x8 systolic array).
 */
final class PendingPlacement {

  /** Words per 4 KiB page. */
  private static final int PAGE_WORDS = 512;
  /** Steps after a store whose loads may find it still in the store buffer. */
  private static final int WINDOW = 64;

  private PendingPlacement() {}

  /**
   * The gap before the pending block that would start at {@code firstPending}, for the settle
   * steps {@code settle} in which the register steps store into that block.
   */
  static int gap(List<Step> settle, int firstPending, Map<Integer, Long> constants) {
    long[] conflicts = new long[PAGE_WORDS];
    for (int t = 0; t < settle.size(); t++) {
      Step s = settle.get(t);
      if (s.kind() != StepKind.REGISTER) {
        continue;
      }
      for (int u = t + 1; u < Math.min(settle.size(), t + 1 + WINDOW); u++) {
        Step later = settle.get(u);
        if (later.kind() == StepKind.CALL) {
          continue;
        }
        for (int load : later.args()) {
          if (!constants.containsKey(load)) {
            conflicts[Math.floorMod(load - s.dest(), PAGE_WORDS)]++;
          }
        }
      }
    }
    int best = 0;
    for (int gap = 1; gap < PAGE_WORDS; gap++) {
      if (conflicts[gap] < conflicts[best]) {
        best = gap;
      }
    }
    return best;
  }
}
