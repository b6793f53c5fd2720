package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders combinational elements so that each comes after everything it reads (Kahn's algorithm),
 * or reports a combinational loop with every element on it.
 */
final class Levelizer {

  /** A combinational element: its name, the names it reads, and where the user made it. */
  record Item(String name, List<String> reads, SourceLoc loc) {}

  private Levelizer() {}

  static ImmutableList<Item> order(List<Item> items) {
    Map<String, Item> byName = new LinkedHashMap<>();
    items.forEach(i -> byName.put(i.name(), i));
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<Item>> readers = new HashMap<>();
    ArrayDeque<Item> ready = new ArrayDeque<>();
    for (Item item : items) {
      int count = 0;
      for (String r : item.reads()) {
        if (byName.containsKey(r)) {
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
      throw loopError(byName, pending);
    }
    return order.build();
  }

  /** Walks back from an unfinished element through unfinished operands until a name repeats. */
  private static DesignError loopError(Map<String, Item> byName, Map<String, Integer> pending) {
    Item at = byName.values().stream().filter(i -> pending.get(i.name()) > 0).findFirst().orElseThrow();
    List<Item> walk = new ArrayList<>();
    Map<String, Integer> seenAt = new HashMap<>();
    while (!seenAt.containsKey(at.name())) {
      seenAt.put(at.name(), walk.size());
      walk.add(at);
      at = at.reads().stream()
          .map(byName::get)
          .filter(i -> i != null && pending.get(i.name()) > 0)
          .findFirst()
          .orElseThrow();
    }
    List<Item> loop = new ArrayList<>(walk.subList(seenAt.get(at.name()), walk.size()));
    java.util.Collections.reverse(loop);
    return new DesignError(
        loop.stream().map(Item::loc).collect(ImmutableList.toImmutableList()),
        "combinational loop: " + loop.stream().map(Item::name).reduce((x, y) -> x + " -> " + y).orElseThrow()
            + " -> " + loop.get(0).name(),
        loop.stream().map(i -> i.name() + " is made at " + i.loc()).collect(ImmutableList.toImmutableList()));
  }
}
