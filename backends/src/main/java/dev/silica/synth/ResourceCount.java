package dev.silica.synth;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;

/** Resources counted for one element of a design, or for several added up; zero counts are left out. */
final class ResourceCount {

  private final Map<Resource, Integer> counts = new EnumMap<>(Resource.class);

  /** A count of nothing. */
  static ResourceCount none() {
    return new ResourceCount();
  }

  /** {@code n} of {@code r} alone. */
  static ResourceCount of(Resource r, int n) {
    return new ResourceCount().add(r, n);
  }

  /** Adds {@code n} of {@code r}; returns this count. */
  ResourceCount add(Resource r, int n) {
    if (n != 0) {
      counts.merge(r, n, Integer::sum);
    }
    return this;
  }

  /** Adds everything {@code other} counts; returns this count. */
  ResourceCount addAll(ResourceCount other) {
    other.counts.forEach(this::add);
    return this;
  }

  /** How many of {@code r} are counted. */
  int get(Resource r) {
    return counts.getOrDefault(r, 0);
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  /** The non-zero counts, in the order of {@link Resource}. */
  ImmutableMap<Resource, Integer> asMap() {
    return Maps.immutableEnumMap(counts);
  }
}
