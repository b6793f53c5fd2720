package dev.silica.synth;

import com.google.common.math.IntMath;
import java.math.RoundingMode;

/**
 * How many 7-series block RAMs hold a {@code depth} x {@code width} memory: the cheapest tiling by
 * one of the RAMB18E1 shapes (16K x 1 ... 1K x 18, 512 x 36 in simple dual port) or the RAMB36E1
 * shapes (32K x 1 ... 1K x 36, 512 x 72), counting a RAMB36 as two RAMB18 sites.
 *
 * @param ramb18 RAMB18E1 primitives
 * @param ramb36 RAMB36E1 primitives
 */
record BlockRamFit(int ramb18, int ramb36) {

  private static final int[][] RAMB18_SHAPES = {{16384, 1}, {8192, 2}, {4096, 4}, {2048, 9}, {1024, 18}, {512, 36}};
  private static final int[][] RAMB36_SHAPES = {{32768, 1}, {16384, 2}, {8192, 4}, {4096, 9}, {2048, 18}, {1024, 36}, {512, 72}};

  /** The cheapest fit; {@code trueDualPort} rules out the widest (simple dual port only) shape. */
  static BlockRamFit of(int depth, int width, boolean trueDualPort) {
    int best18 = cheapest(RAMB18_SHAPES, depth, width, trueDualPort);
    int best36 = cheapest(RAMB36_SHAPES, depth, width, trueDualPort);
    return best18 <= 2 * best36 ? new BlockRamFit(best18, 0) : new BlockRamFit(0, best36);
  }

  private static int cheapest(int[][] shapes, int depth, int width, boolean trueDualPort) {
    int best = Integer.MAX_VALUE;
    int usable = trueDualPort ? shapes.length - 1 : shapes.length;
    for (int i = 0; i < usable; i++) {
      int n = IntMath.divide(depth, shapes[i][0], RoundingMode.CEILING) * IntMath.divide(width, shapes[i][1], RoundingMode.CEILING);
      best = Math.min(best, n);
    }
    return best;
  }
}
