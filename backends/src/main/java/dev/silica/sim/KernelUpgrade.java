package dev.silica.sim;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import dev.silica.ir.Design;
import java.lang.ref.WeakReference;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The generated kernel of an adaptive simulation, prepared on a background thread while the
 * simulation goes on interpreting: the code is generated (or found already defined, see {@link
 * GeneratedKernel}), instantiated on the simulation's own objects, and warmed up by a {@link
 * KernelWarmUp} on a private copy of the design before it is offered. The simulator takes it at a
 * cycle boundary, so the switch never shows in the values.
 *
 * <p>One daemon thread serves all simulations; a preparation stops warming up when its simulation
 * is closed or no longer used.
 */
final class KernelUpgrade {

  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(
      new ThreadFactoryBuilder().setDaemon(true).setNameFormat("silica-kernel-%d").build());

  private final Future<Kernel> kernel;
  private volatile boolean cancelled;

  private KernelUpgrade(Design design, SimCompiler.Compiled compiled, Object owner) {
    WeakReference<Object> user = new WeakReference<>(owner);
    this.kernel = THREAD.submit(() -> {
      Kernel k = GeneratedKernel.of(compiled);
      KernelWarmUp.warm(design, k, () -> cancelled || user.get() == null);
      return k;
    });
  }

  /**
   * Starts preparing the kernel of {@code compiled}, the compiled {@code design} that {@code owner}
   * simulates; the preparation holds {@code owner} only weakly.
   */
  static KernelUpgrade start(Design design, SimCompiler.Compiled compiled, Object owner) {
    return new KernelUpgrade(design, compiled, owner);
  }

  /** The kernel once it is ready, otherwise null; never blocks. */
  Kernel ready() {
    return kernel.isDone() ? await() : null;
  }

  /** The kernel, waiting for it as long as it takes. */
  Kernel await() {
    try {
      return kernel.get();
    } catch (ExecutionException | CancellationException e) {
      throw new IllegalStateException("cannot prepare the generated simulation code (a simulator bug)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the generated simulation code", e);
    }
  }

  /** Stops the warm-up early; the kernel, if still wanted, is ready soon after. */
  void cancel() {
    cancelled = true;
  }
}
