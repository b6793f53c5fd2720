package dev.silica.testbench.forecast;

import dev.silica.testbench.Tester;
import dev.silica.transformer.accel.ForecasterAccelerator;

/**
 * Runs windows through a {@link ForecasterAccelerator} on any {@link Tester} engine, by its host
 * interface: write the input codes, pulse {@code start}, wait for {@code done}, read {@code
 * prediction}.
 */
public final class ForecasterDriver {

  /** Cycles a single inference may take before the driver gives up. */
  private static final int TIMEOUT_CYCLES = 10_000_000;

  private final Tester tester;
  private long lastCycles;

  /** Drives the accelerator under {@code tester}, resetting it first. */
  public ForecasterDriver(Tester tester) {
    this.tester = tester;
    tester.poke("start", 0).poke("in_write", 0).reset();
  }

  /** The head's accumulator for one window of input codes ({@code [step][feature]}). */
  public long infer(int[][] codes) {
    tester.poke("in_write", 1);
    int features = codes[0].length;
    for (int t = 0; t < codes.length; t++) {
      for (int f = 0; f < features; f++) {
        tester.poke("in_addr", t * features + f).poke("in_data", codes[t][f]).step();
      }
    }
    tester.poke("in_write", 0).poke("start", 1).step().poke("start", 0);
    lastCycles = 1 + tester.waitFor("done", 1, TIMEOUT_CYCLES);
    return tester.peekBig("prediction").longValueExact();
  }

  /** Clock cycles of the last inference, from the edge that takes {@code start} to {@code done}. */
  public long lastCycles() {
    return lastCycles;
  }
}
