package dev.silica.synth;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * What a design uses of a {@link Device}, measured by {@code source} (Yosys, or the estimator),
 * with the longest logic path when known.
 */
public record ResourceTable(String source, Device device, ImmutableMap<Resource, Integer> used, Optional<LogicDepth> depth) {

  public int used(Resource r) {
    return used.getOrDefault(r, 0);
  }

  /** {@code used / capacity} in percent. */
  public double percent(Resource r) {
    int capacity = device.capacity(r);
    return capacity == 0 ? 0 : 100.0 * used(r) / capacity;
  }

  /** Block RAM sites taken: each RAMB36 one, each RAMB18 half. */
  public double blockRamSites() {
    return used(Resource.RAMB36) + used(Resource.RAMB18) / 2.0;
  }

  /** Whether every resource is within the device's capacity (block RAM counted by sites). */
  public boolean fits() {
    return used.keySet().stream()
            .filter(r -> r != Resource.RAMB18 && r != Resource.RAMB36)
            .allMatch(r -> used(r) <= device.capacity(r))
        && blockRamSites() <= device.blockRamSites();
  }

  /** The resources over capacity, for the verdict line. */
  public String overflow() {
    StringBuilder s = new StringBuilder();
    for (Resource r : Resource.values()) {
      if (r != Resource.RAMB18 && r != Resource.RAMB36 && used(r) > device.capacity(r)) {
        s.append(s.length() == 0 ? "" : ", ").append(r.label().strip()).append(' ').append(used(r)).append('/').append(device.capacity(r));
      }
    }
    if (blockRamSites() > device.blockRamSites()) {
      s.append(s.length() == 0 ? "" : ", ").append("block RAM ").append(blockRamSites()).append('/').append(device.blockRamSites());
    }
    return s.toString();
  }
}
