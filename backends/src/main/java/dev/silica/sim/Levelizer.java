package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders combinational elements so that each comes after everything it reads (Kahn's algorithm,
 * which keeps elements that do not depend on each other in declaration order). The design has
 * passed {@link dev.silica.ir.pass.CheckCombLoops}, so there is no loop to report.
 */
final class Levelizer {

  /** A combinational element: its name and the names it reads. */
  record Item(String name, List<String> reads) {}

  private Levelizer() {}

  static ImmutableList<Item> order(List<Item> items) {
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<Item>> readers = new HashMap<>();
    items.forEach(i -> pending.put(i.name(), 0));
    ArrayDeque<Item> ready = new ArrayDeque<>();
    for (Item item : items) {
      int count = 0;
      for (String r : item.reads()) {
        if (pending.containsKey(r)) {
          count++;
          readers.computeIfAbsent(r, k -> new ArrayList<>()).add(item);
        }
      }
      pending.put(item.name(), count);
      if (count == 0) {
        ready.add(item);
      }
    }
    ImmutableList.Builder<Item> order = ImmutableList.builderWithExpectedSize(items.size());
    int done = 0;
    while (!ready.isEmpty()) {
      Item item = ready.poll();
      order.add(item);
      done++;
      for (Item reader : readers.getOrDefault(item.name(), List.of())) {
        if (pending.merge(reader.name(), -1, Integer::sum) == 0) {
          ready.add(reader);
        }
      }
    }
    if (done < items.size()) {
      throw new IllegalStateException("combinational loop left after check-comb-loops");
    }
    return order.build();
  }
}
