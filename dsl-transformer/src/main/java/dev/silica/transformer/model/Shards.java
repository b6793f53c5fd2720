package dev.silica.transformer.model;

import java.util.stream.IntStream;

/**
 * Splits work over a fixed number of contiguous shards run in parallel on the common fork-join
 * pool. The shard count does not depend on the number of cores, and callers reduce per-shard
 * partial sums in shard order, so results are bit-identical on any machine.
 */
final class Shards {

  /** The number of shards every parallel loop uses. */
  static final int COUNT = 8;

  /** The body of one shard: items {@code [from, to)}. */
  interface Body {
    void run(int shard, int from, int to);
  }

  private Shards() {}

  /** Runs {@code body} over {@code [0, items)} in {@link #COUNT} shards. */
  static void run(int items, Body body) {
    IntStream.range(0, COUNT).parallel().forEach(shard -> {
      int from = (int) ((long) items * shard / COUNT);
      int to = (int) ((long) items * (shard + 1) / COUNT);
      if (from < to) {
        body.run(shard, from, to);
      }
    });
  }

  /** Adds the per-shard partial sums into {@code target}, shard 0 first; skips shards that had no items. */
  static void reduceInto(double[][] partials, double[] target) {
    for (double[] partial : partials) {
      if (partial != null) {
        for (int i = 0; i < target.length; i++) {
          target[i] += partial[i];
        }
      }
    }
  }
}
