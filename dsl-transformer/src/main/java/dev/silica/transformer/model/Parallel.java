package dev.silica.transformer.model;

import java.util.stream.IntStream;

/**
 * Runs a loop over {@code [0, n)} on every core as contiguous chunks. Callers only ever write
 * disjoint outputs from different indices and sum in a fixed order within an index, so a result is
 * bit-identical however many cores run it: training stays deterministic for a seed.
 */
final class Parallel {

  /** A loop body over the index range {@code [from, to)}. */
  @FunctionalInterface
  interface RangeBody {
    void run(int from, int to);
  }

  private static final int CHUNKS = Runtime.getRuntime().availableProcessors();

  private Parallel() {}

  static void forRange(int n, RangeBody body) {
    int chunks = Math.min(CHUNKS, n);
    if (chunks <= 1) {
      body.run(0, n);
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> body.run(n * c / chunks, n * (c + 1) / chunks));
  }
}
