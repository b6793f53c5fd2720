package dev.silica.examples.forecast;

import com.google.common.base.Preconditions;
import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import dev.silica.transformer.model.Evaluation;
import dev.silica.transformer.model.IntegerForecaster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs test windows through a forecaster accelerator on a simulator and checks every prediction
 * against the integer-only inference ({@link IntegerForecaster}, computed in Java independently of
 * the hardware). Windows are split over threads, each with its own simulation.
 */
public final class HardwareForecast {

  /**
   * What the hardware did over the windows.
   *
   * @param windows windows run
   * @param agreeing windows whose prediction equals the integer inference's
   * @param firstMismatch index of the first disagreeing window, or -1
   * @param minCycles the fewest cycles an inference took
   * @param maxCycles the most
   * @param hardwareRmse test RMSE of the hardware's predictions, in the data's units (NaN for a subset)
   * @param integerRmse the integer inference's, the same way
   */
  public record Result(int windows, int agreeing, int firstMismatch, long minCycles, long maxCycles,
      double hardwareRmse, double integerRmse) {

    /** Whether every window agreed. */
    public boolean bitExact() {
      return agreeing == windows;
    }
  }

  private HardwareForecast() {}

  /**
   * Runs the first {@code count} test windows of {@code data} ({@code count} at most the test set;
   * the RMSEs are computed only over the whole set).
   *
   * @param progress called with the number of windows done so far, from any thread
   */
  public static Result run(Design design, Engine engine, IntegerForecaster golden, ForecastData data, int count,
      int threads, IntConsumer progress) {
    WindowSet test = data.test();
    Preconditions.checkArgument(count >= 1 && count <= test.count(), "window count %s outside 1..%s", count,
        test.count());
    long[] hardware = new long[count];
    long[] integer = new long[count];
    long[] cycles = new long[count];
    AtomicInteger done = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, count));
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int from = (int) ((long) count * w / workers);
        int to = (int) ((long) count * (w + 1) / workers);
        parts.add(pool.submit(() -> {
          double[] window = new double[test.window() * test.features()];
          try (Tester tester = Tester.of(design, engine)) {
            ForecasterDriver driver = new ForecasterDriver(tester);
            for (int i = from; i < to; i++) {
              test.copyWindow(i, window, 0);
              int[][] codes = golden.inputCodes(window);
              hardware[i] = driver.infer(codes);
              cycles[i] = driver.lastCycles();
              integer[i] = golden.predictAccumulator(codes);
              progress.accept(done.incrementAndGet());
            }
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while simulating", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int agreeing = 0;
    int firstMismatch = -1;
    long minCycles = Long.MAX_VALUE;
    long maxCycles = 0;
    for (int i = 0; i < count; i++) {
      if (hardware[i] == integer[i]) {
        agreeing++;
      } else if (firstMismatch < 0) {
        firstMismatch = i;
      }
      minCycles = Math.min(minCycles, cycles[i]);
      maxCycles = Math.max(maxCycles, cycles[i]);
    }
    boolean whole = count == test.count();
    return new Result(count, agreeing, firstMismatch, minCycles, maxCycles,
        whole ? rmse(hardware, golden, data) : Double.NaN, whole ? rmse(integer, golden, data) : Double.NaN);
  }

  private static double rmse(long[] accumulators, IntegerForecaster golden, ForecastData data) {
    double[] scaled = new double[accumulators.length];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = accumulators[i] * golden.accumulatorScale();
    }
    return Evaluation.rmse(scaled, data);
  }
}
