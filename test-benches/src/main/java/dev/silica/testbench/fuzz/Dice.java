package dev.silica.testbench.fuzz;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The random choices of {@link RandomDesigns}, biased toward the widths and values where hardware
 * semantics break: one bit, word boundaries (63, 64, 65, 128...), all-ones, the most negative value.
 */
final class Dice {

  /** The widest value the generator makes: the range the issue asks the backends to agree on. */
  static final int MAX_WIDTH = 256;

  private static final ImmutableList<Integer> INTERESTING_WIDTHS =
      ImmutableList.of(1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 200, 255, 256);

  private final Random random;

  Dice(long seed) {
    // java.util.Random's first outputs barely differ between neighbouring seeds: mix the seed first.
    this.random = new Random(new SplittableRandom(seed).nextLong());
  }

  /** The underlying source, for shuffles. */
  Random random() {
    return random;
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A uniform integer in {@code lo..hi} (inclusive). */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** A width in 1..{@code max}: an interesting one most of the time, else uniform. */
  int width(int max) {
    if (chance(0.6)) {
      List<Integer> fitting = INTERESTING_WIDTHS.stream().filter(w -> w <= max).toList();
      return pick(fitting);
    }
    return between(1, max);
  }

  /** A narrow width, for values that are often small: shift amounts, conditions, addresses. */
  int smallWidth() {
    return chance(0.5) ? between(1, 8) : width(MAX_WIDTH);
  }

  Type type(int maxWidth) {
    int w = width(maxWidth);
    return chance(0.5) ? Type.s(w) : Type.u(w);
  }

  /** A value of {@code type}: an edge value (0, 1, -1, min, max) or uniformly random bits. */
  BigInteger value(Type type) {
    if (chance(0.4)) {
      return type.wrap(
          pick(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), type.min(), type.max())));
    }
    return type.wrap(new BigInteger(type.width(), random));
  }
}
