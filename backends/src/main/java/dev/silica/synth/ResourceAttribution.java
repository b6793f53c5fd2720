package dev.silica.synth;

import com.google.common.collect.ImmutableMap;

/**
 * An estimated {@link ResourceTable} with what each element of the flattened design costs in it:
 * registers, nodes and memories by hierarchical name, each with the resources the {@link Estimator}
 * counted for it (an element that costs nothing is absent). The elements' costs add up to the
 * table, except the LUT total, which is the sum of its two kinds.
 *
 * @param table the estimate
 * @param elements each costing element's resources, by its name in the flattened design
 */
public record ResourceAttribution(ResourceTable table, ImmutableMap<String, ImmutableMap<Resource, Integer>> elements) {

  /** What {@code element} costs of {@code resource} (0 when it costs nothing of it). */
  public int of(String element, Resource resource) {
    ImmutableMap<Resource, Integer> cost = elements.get(element);
    return cost == null ? 0 : cost.getOrDefault(resource, 0);
  }
}
