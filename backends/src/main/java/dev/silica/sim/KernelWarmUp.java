package dev.silica.sim;

import dev.silica.ir.Design;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Gets a generated kernel's class compiled by the JIT before a simulation switches to it: runs a
 * private copy of the design (compiled afresh, so with its own values, memories and clocked
 * elements) on random inputs until the code has passed the JIT's compile thresholds and the JIT
 * has gone quiet, the time per cycle no longer falling. A class is warmed once; the kernels made
 * later from it start compiled.
 *
 * <p>Warming only costs time on a background thread: it never touches the simulation it prepares.
 */
final class KernelWarmUp {

  /** Cycles that take every part method past the invocation counts of both JIT tiers. */
  private static final long MIN_CYCLES = 20_000;
  /** A cap, for when the JIT never goes quiet (other code compiling all the time). */
  private static final long MAX_NANOS = 5_000_000_000L;
  /** Thread CPU time per measured batch of cycles, for a meaningful time per cycle. */
  private static final long BATCH_NANOS = 2_000_000;
  /** The most cycles per batch, for designs so small that a batch hardly takes any time. */
  private static final int MAX_BATCH = 1 << 16;
  /** Consecutive quiet batches (no compilation finished, time per cycle steady) that end the warm-up. */
  private static final int QUIET_BATCHES = 8;
  /** How much the time per cycle may vary between quiet batches. */
  private static final double STEADY = 1.15;
  /**
   * The pause after each batch once the code has passed the compile thresholds: the JIT then only
   * needs time, so the warm-up leaves the processor to the compiler threads and the simulation.
   */
  private static final long PAUSE_NANOS = 1_000_000;

  private static final ClassValue<boolean[]> WARM = new ClassValue<>() {
    @Override
    protected boolean[] computeValue(Class<?> type) {
      return new boolean[1];
    }
  };

  private final SimCompiler.Compiled copy;
  private final Kernel kernel;
  private final SplittableRandom random = new SplittableRandom(1);
  private final Run[] inputs;

  private KernelWarmUp(SimCompiler.Compiled copy) {
    this.copy = copy;
    this.kernel = GeneratedKernel.of(copy);
    this.inputs = copy.inputs().stream().map(p -> copy.slots().get(p.name()).run()).toArray(Run[]::new);
  }

  /**
   * Warms the class of {@code kernel}, made for {@code design}, unless it was warmed before; stops
   * early when {@code stop} says so. Runs on the calling thread.
   */
  static void warm(Design design, Kernel kernel, BooleanSupplier stop) {
    boolean[] warm = WARM.get(kernel.getClass());
    if (!warm[0]) {
      new KernelWarmUp(SimCompiler.compile(design)).run(stop);
      warm[0] = !stop.getAsBoolean();
    }
  }

  private void run(BooleanSupplier stop) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long cycles = 0;
    int batch = 16;
    int quiet = 0;
    double fastest = 0;
    double slowest = 0;
    long compiled = jit.getTotalCompilationTime();
    while (!stop.getAsBoolean() && threads.getCurrentThreadCpuTime() - start < MAX_NANOS) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < batch; i++) {
        cycle();
      }
      long nanos = threads.getCurrentThreadCpuTime() - t0;
      cycles += batch;
      if (nanos < BATCH_NANOS && batch < MAX_BATCH) {
        batch *= 2;
        continue;
      }
      if (cycles >= MIN_CYCLES) {
        LockSupport.parkNanos(PAUSE_NANOS);
      }
      double perCycle = (double) nanos / batch;
      long nowCompiled = jit.getTotalCompilationTime();
      boolean jitQuiet = nowCompiled == compiled && cycles >= MIN_CYCLES;
      compiled = nowCompiled;
      if (!jitQuiet) {
        quiet = 0;
      } else if (quiet == 0 || perCycle > STEADY * fastest || perCycle * STEADY < slowest) {
        quiet = 1;
        fastest = perCycle;
        slowest = perCycle;
      } else if (++quiet >= QUIET_BATCHES) {
        return;
      } else {
        fastest = Math.min(fastest, perCycle);
        slowest = Math.max(slowest, perCycle);
      }
    }
  }

  /** One cycle on fresh random inputs, reset now and then. */
  private void cycle() {
    long[] v = copy.values();
    for (Run in : inputs) {
      for (int w = 0; w < in.n; w++) {
        v[in.base + w] = random.nextLong();
      }
      in.normalizeTop(v);
    }
    if (copy.resetSlot() >= 0) {
      v[copy.resetSlot()] = random.nextInt(64) == 0 ? 1 : 0;
    }
    kernel.settle(v);
    kernel.clock(v);
  }
}
