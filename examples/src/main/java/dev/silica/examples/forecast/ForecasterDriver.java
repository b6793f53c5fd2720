package dev.silica.examples.forecast;

import dev.silica.testbench.PortHandle;
import dev.silica.testbench.Tester;
import dev.silica.transformer.accel.ForecasterAccelerator;

/**
 * Runs windows through a {@link ForecasterAccelerator} on any {@link Tester} engine, by its host
 * interface: write the input codes, pulse {@code start}, wait for {@code done}, read {@code
 * prediction}. The ports are resolved once, so the per-cycle calls allocate nothing on Silica's
 * simulator.
 */
public final class ForecasterDriver {

  /** Cycles a single inference may take before the driver gives up. */
  private static final int TIMEOUT_CYCLES = 10_000_000;

  private final Tester tester;
  private final PortHandle start;
  private final PortHandle inWrite;
  private final PortHandle inAddr;
  private final PortHandle inData;
  private final PortHandle done;
  private final PortHandle prediction;
  private long lastCycles;

  /** Drives the accelerator under {@code tester}, resetting it first. */
  public ForecasterDriver(Tester tester) {
    this.tester = tester;
    this.start = tester.port("start");
    this.inWrite = tester.port("in_write");
    this.inAddr = tester.port("in_addr");
    this.inData = tester.port("in_data");
    this.done = tester.port("done");
    this.prediction = tester.port("prediction");
    tester.poke(start, 0).poke(inWrite, 0).reset();
  }

  /** The head's accumulator for one window of input codes ({@code [step][feature]}). */
  public long infer(int[][] codes) {
    tester.poke(inWrite, 1);
    int features = codes[0].length;
    for (int t = 0; t < codes.length; t++) {
      for (int f = 0; f < features; f++) {
        tester.poke(inAddr, t * features + f).poke(inData, codes[t][f]).step();
      }
    }
    tester.poke(inWrite, 0).poke(start, 1).step().poke(start, 0);
    lastCycles = 1 + tester.waitFor(done, 1, TIMEOUT_CYCLES);
    return tester.peek(prediction);
  }

  /** Clock cycles of the last inference, from the edge that takes {@code start} to {@code done}. */
  public long lastCycles() {
    return lastCycles;
  }
}
