package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the captures of the narrow registers at a clock edge so that most of them write their new
 * value straight into their own slot, as Verilator orders non-blocking assignments: a register
 * captures after every other register that reads its value (a shift chain from its end back to its
 * start). Registers on a cycle of such reads (a swap, a ring) cannot all go last; they capture into
 * pending slots first and commit after every capture.
 */
final class CaptureOrder {

  /** Register {@code index} of the given list, capturing into its own slot or into a pending one. */
  record Capture(int index, boolean direct) {}

  private CaptureOrder() {}

  /**
   * The captures of registers whose values live in slots {@code q[i]} and which read the slots
   * {@code reads[i]}: the pending ones first (one register of each cycle of reads, taken out until
   * no cycle is left), then the direct ones in an order where no register's slot changes before
   * every other register reading it has captured.
   */
  static ImmutableList<Capture> of(int[] q, int[][] reads) {
    Map<Integer, Integer> owner = new HashMap<>();
    for (int i = 0; i < q.length; i++) {
      owner.put(q[i], i);
    }
    List<Set<Integer>> readFrom = new ArrayList<>();
    int[] readersLeft = new int[q.length];
    for (int i = 0; i < q.length; i++) {
      Set<Integer> owners = new LinkedHashSet<>();
      for (int slot : reads[i]) {
        Integer other = owner.get(slot);
        if (other != null && other != i) {
          owners.add(other);
        }
      }
      owners.forEach(o -> readersLeft[o]++);
      readFrom.add(owners);
    }
    boolean[] placed = new boolean[q.length];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < q.length; i++) {
      if (readersLeft[i] == 0) {
        ready.add(i);
      }
    }
    List<Capture> pending = new ArrayList<>();
    List<Capture> direct = new ArrayList<>();
    int next = 0;
    while (true) {
      while (!ready.isEmpty()) {
        int i = ready.poll();
        placed[i] = true;
        direct.add(new Capture(i, true));
        release(i, readFrom, readersLeft, placed, ready);
      }
      while (next < q.length && placed[next]) {
        next++;
      }
      if (next == q.length) {
        break;
      }
      placed[next] = true;
      pending.add(new Capture(next, false));
      release(next, readFrom, readersLeft, placed, ready);
    }
    ImmutableList.Builder<Capture> order = ImmutableList.builder();
    order.addAll(pending);
    return order.addAll(direct).build();
  }

  /** Register {@code i} has captured: the registers it reads have one reader fewer to wait for. */
  private static void release(
      int i, List<Set<Integer>> readFrom, int[] readersLeft, boolean[] placed, Deque<Integer> ready) {
    for (int o : readFrom.get(i)) {
      if (--readersLeft[o] == 0 && !placed[o]) {
        ready.add(o);
      }
    }
  }
}
