package dev.silica.dsl;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the names of one module, each distinct: the first to ask for {@code sum} gets it, the
 * next {@code sum_1}, and so on. The implicit clock and reset and the Verilog keywords are never
 * handed out.
 */
final class Namer {

  private final Set<String> taken = new HashSet<>();

  Namer() {
    taken.addAll(Names.IMPLICIT_PORTS);
    taken.addAll(Names.VERILOG_KEYWORDS);
  }

  /** {@code base} itself if free, otherwise {@code base_1}, {@code base_2}... */
  String claim(String base) {
    String name = base;
    for (int i = 1; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }
}
