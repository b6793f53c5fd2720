package dev.silica.examples.explore;

import com.google.common.collect.ImmutableList;
import dev.silica.examples.explore.DesignPoint.ModelShape;
import dev.silica.synth.YosysSynth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs the exploration's passes over a thread pool: the estimate of every point, then Yosys on the
 * chosen ones, then the energy simulation of the chosen ones. Results keep the order of their
 * inputs; {@code progress} hears how many are done.
 */
public final class Explorer {

  private Explorer() {}

  /** Every point estimated with its shape's model, on {@code threads} threads. */
  public static ImmutableList<PointResult> estimate(List<DesignPoint> points, Map<ModelShape, ShapeModel> models,
      int threads, IntConsumer progress) {
    return map(points, p -> PointEvaluator.estimate(p, models.get(p.shape())), threads, progress);
  }

  /** The valid {@code results} synthesized by Yosys, {@code threads} at a time (a failed run noted on its point). */
  public static ImmutableList<PointResult> synthesize(List<PointResult> results, Map<ModelShape, ShapeModel> models,
      YosysSynth yosys, int threads, IntConsumer progress) {
    return map(results, r -> PointEvaluator.synthesize(r, models.get(r.point().shape()), yosys), threads, progress);
  }

  /**
   * The {@code results} with their energy per inference over {@code windows} test windows at {@code
   * clockMhz}, {@code threads} simulations at a time.
   */
  public static ImmutableList<PointResult> energy(List<PointResult> results, Map<ModelShape, ShapeModel> models,
      int windows, double clockMhz, int threads, IntConsumer progress) {
    return map(results, r -> PointEvaluator.energy(r, models.get(r.point().shape()), windows, clockMhz), threads,
        progress);
  }

  private static <T, R> ImmutableList<R> map(List<T> inputs, Function<T, R> work, int threads, IntConsumer progress) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, inputs.size())));
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T input : inputs) {
        futures.add(pool.submit(() -> {
          R result = work.apply(input);
          progress.accept(done.incrementAndGet());
          return result;
        }));
      }
      ImmutableList.Builder<R> results = ImmutableList.builder();
      for (Future<R> f : futures) {
        results.add(f.get());
      }
      return results.build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while exploring", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
