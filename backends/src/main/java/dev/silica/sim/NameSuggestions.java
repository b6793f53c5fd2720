package dev.silica.sim;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Finds the known names closest to a misspelt one (by edit distance), for error messages. */
final class NameSuggestions {

  private NameSuggestions() {}

  /** Up to three names within a few edits of {@code wanted}, closest first. */
  static List<String> closest(String wanted, Collection<String> known) {
    int limit = Math.max(2, wanted.length() / 3);
    return known.stream()
        .map(k -> new Scored(k, distance(wanted, k)))
        .filter(s -> s.distance <= limit)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(3)
        .map(Scored::name)
        .toList();
  }

  /** ", did you mean x or y?" or nothing. */
  static String hint(String wanted, Collection<String> known) {
    List<String> names = closest(wanted, known);
    return names.isEmpty() ? "" : "; did you mean " + String.join(" or ", names) + "?";
  }

  private record Scored(String name, int distance) {}

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
