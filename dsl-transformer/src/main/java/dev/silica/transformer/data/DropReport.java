package dev.silica.transformer.data;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a loader left out and why: counts of missing values per column and of candidate windows
 * dropped per reason, in the order they were first met.
 */
public final class DropReport {

  private final Map<String, Integer> counts = new LinkedHashMap<>();

  /** Counts one more occurrence of {@code reason}. */
  public void count(String reason) {
    counts.merge(reason, 1, Integer::sum);
  }

  /** Records {@code n} occurrences of {@code reason} at once (nothing when {@code n} is 0). */
  public void count(String reason, int n) {
    if (n > 0) {
      counts.merge(reason, n, Integer::sum);
    }
  }

  public ImmutableMap<String, Integer> counts() {
    return ImmutableMap.copyOf(counts);
  }

  /** The count of {@code reason}, 0 if it never happened. */
  public int get(String reason) {
    return counts.getOrDefault(reason, 0);
  }

  /** One line per reason: {@code dropped N: reason}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    counts.forEach((reason, n) -> text.append("dropped ").append(n).append(": ").append(reason).append('\n'));
    return text.toString();
  }
}
