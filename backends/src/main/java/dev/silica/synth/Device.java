package dev.silica.synth;

import com.google.common.collect.ImmutableMap;

/**
 * An FPGA's capacity per {@link Resource}. A block RAM site holds one RAMB36 or two RAMB18, so the
 * two share {@link #blockRamSites()}.
 *
 * @param name the part family member ({@code XC7S15})
 * @param capacity how many of each resource the part has
 * @param blockRamSites RAMB36 sites (RAMB36 + RAMB18 / 2 must not exceed it)
 */
public record Device(String name, ImmutableMap<Resource, Integer> capacity, int blockRamSites) {

  /**
   * The Spartan-7 XC7S15 (DS180, 7 Series FPGAs Overview): 8,000 LUTs and 16,000 flip-flops in
   * 2,000 slices (one CARRY4 each), 150 Kb of distributed RAM (64 bits per SLICEM LUT, so 2,400
   * LUTs usable as memory), 20 DSP48E1 slices and 10 block RAMs of 36 Kb (20 of 18 Kb).
   */
  public static final Device XC7S15 =
      new Device(
          "XC7S15",
          ImmutableMap.<Resource, Integer>builder()
              .put(Resource.LUT, 8_000)
              .put(Resource.LUT_AS_LOGIC, 8_000)
              .put(Resource.LUT_AS_MEMORY, 2_400)
              .put(Resource.FF, 16_000)
              .put(Resource.CARRY4, 2_000)
              .put(Resource.DSP48E1, 20)
              .put(Resource.RAMB36, 10)
              .put(Resource.RAMB18, 20)
              .buildOrThrow(),
          10);

  public int capacity(Resource r) {
    return capacity.getOrDefault(r, 0);
  }
}
