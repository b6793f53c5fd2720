package dev.silica.examples.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Pareto fronts of points on two objectives, both minimized: a point is on the front when no other
 * point is at least as good in both and better in one. Points with equal objectives are all kept.
 */
public final class ParetoFront {

  private ParetoFront() {}

  /** The points of {@code points} that no other dominates, ordered by {@code x} (then {@code y}). */
  public static <T> ImmutableList<T> of(List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
    List<T> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(x).thenComparingDouble(y));
    ImmutableList.Builder<T> front = ImmutableList.builder();
    double bestY = Double.POSITIVE_INFINITY;
    double lastX = Double.NaN;
    for (T p : sorted) {
      double px = x.applyAsDouble(p);
      double py = y.applyAsDouble(p);
      // the sweep keeps the lowest y so far; a point ties the last kept one only when both objectives equal it
      if (py < bestY || (py == bestY && px == lastX)) {
        front.add(p);
        bestY = py;
        lastX = px;
      }
    }
    return front.build();
  }

  /**
   * Non-dominated sorting: the front of {@code points}, then the front of what remains, and so on
   * until every point has its layer.
   */
  public static <T> ImmutableList<ImmutableList<T>> layers(List<T> points, ToDoubleFunction<T> x,
      ToDoubleFunction<T> y) {
    ImmutableList.Builder<ImmutableList<T>> layers = ImmutableList.builder();
    List<T> remaining = new ArrayList<>(points);
    while (!remaining.isEmpty()) {
      ImmutableList<T> front = of(remaining, x, y);
      layers.add(front);
      remaining.removeAll(front);
    }
    return layers.build();
  }
}
