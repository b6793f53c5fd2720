package dev.silica.power;

/**
 * What one signal did over a recorded interval, bit by bit: how many times each bit toggled and
 * for how many cycles it was 1, and in how many cycles any of its bits changed.
 */
public final class SignalActivity {

  private final RecordedSignal signal;
  private final long[] toggles;
  private final long[] highCycles;
  private final long changedCycles;

  SignalActivity(RecordedSignal signal, long[] toggles, long[] highCycles, long changedCycles) {
    this.signal = signal;
    this.toggles = toggles.clone();
    this.highCycles = highCycles.clone();
    this.changedCycles = changedCycles;
  }

  public RecordedSignal signal() {
    return signal;
  }

  public int width() {
    return toggles.length;
  }

  /** Transitions of bit {@code bit} (0 to 1 and 1 to 0 alike). */
  public long toggles(int bit) {
    return toggles[bit];
  }

  /** Cycles in which bit {@code bit} was 1. */
  public long highCycles(int bit) {
    return highCycles[bit];
  }

  /** Transitions of all bits together. */
  public long totalToggles() {
    long sum = 0;
    for (long t : toggles) {
      sum += t;
    }
    return sum;
  }

  /** Transitions per bit, on average over the bits. */
  public double meanToggles() {
    return (double) totalToggles() / toggles.length;
  }

  /** Cycles whose value differed from the cycle before's. */
  public long changedCycles() {
    return changedCycles;
  }
}
