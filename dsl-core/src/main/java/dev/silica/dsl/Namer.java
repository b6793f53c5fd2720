package dev.silica.dsl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out the names of one module, each distinct: the first to ask for {@code sum} gets it, the
 * next {@code sum_1}, and so on. The implicit clock and reset and the Verilog keywords are never
 * handed out.
 */
final class Namer {

  private final Set<String> taken = new HashSet<>();
  /** The next suffix to try for each base, so that many requests for one base stay linear. */
  private final Map<String, Integer> nextSuffix = new HashMap<>();

  Namer() {
    taken.addAll(Names.IMPLICIT_PORTS);
    taken.addAll(Names.VERILOG_KEYWORDS);
  }

  /** {@code base} itself if free, otherwise {@code base_1}, {@code base_2}... */
  String claim(String base) {
    if (taken.add(base)) {
      return base;
    }
    int i = nextSuffix.getOrDefault(base, 1);
    while (!taken.add(base + "_" + i)) {
      i++;
    }
    nextSuffix.put(base, i + 1);
    return base + "_" + i;
  }
}
