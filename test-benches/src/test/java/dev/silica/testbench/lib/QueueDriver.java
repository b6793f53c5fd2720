package dev.silica.testbench.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.testbench.Tester;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives a queue-like design (ports {@code enq_*}, {@code deq_*}) with random valid, ready and
 * payloads for many cycles, in phases that fill it (valid often, ready rarely), drain it and mix,
 * checking every cycle's outputs against a {@link QueueModel} and, at the end, that the items that
 * left are exactly the first items that entered, in order.
 */
final class QueueDriver {

  private static final double[] RATES = {0.1, 0.5, 0.95};
  private static final int PHASE_CYCLES = 64;

  /** How the run went, for the test to demand that it saw the queue full and empty. */
  record Run(int cyclesFull, int cyclesEmpty, int itemsMoved) {}

  private QueueDriver() {}

  /**
   * Runs {@code cycles} random cycles; {@code hasCount} says whether the design has {@code count},
   * {@code full} and {@code empty} outputs to check.
   */
  static Run run(Tester t, QueueModel model, int width, boolean hasCount, int cycles, long seed) {
    Random random = new Random(seed);
    List<Long> entered = new ArrayList<>();
    List<Long> left = new ArrayList<>();
    int cyclesFull = 0;
    int cyclesEmpty = 0;
    double validRate = 0.5;
    double readyRate = 0.5;
    t.poke("enq_valid", 0).poke("deq_ready", 0).reset();
    for (int cycle = 0; cycle < cycles; cycle++) {
      if (cycle % PHASE_CYCLES == 0) {
        validRate = RATES[random.nextInt(RATES.length)];
        readyRate = RATES[random.nextInt(RATES.length)];
      }
      boolean enqValid = random.nextDouble() < validRate;
      boolean deqReady = random.nextDouble() < readyRate;
      long payload = random.nextLong() & ((1L << width) - 1);
      t.poke("enq_valid", enqValid ? 1 : 0).poke("enq_payload", payload).poke("deq_ready", deqReady ? 1 : 0);

      if (hasCount) {
        t.expect("count", model.size()).expect("full", bit(model.full())).expect("empty", bit(model.empty()));
      }
      boolean enqReady = model.enqReady(deqReady);
      boolean deqValid = model.deqValid(enqValid);
      t.expect("enq_ready", bit(enqReady), "enq.ready with " + model.size() + " items held");
      t.expect("deq_valid", bit(deqValid), "deq.valid with " + model.size() + " items held");
      if (deqValid) {
        t.expect("deq_payload", model.deqPayload(payload), "the oldest item");
      }
      boolean enqFire = enqValid && enqReady;
      boolean deqFire = deqValid && deqReady;
      if (enqFire) {
        entered.add(payload);
      }
      if (deqFire) {
        left.add(t.peek("deq_payload"));
      }
      cyclesFull += model.full() ? 1 : 0;
      cyclesEmpty += model.empty() ? 1 : 0;
      model.edge(enqFire, payload, deqFire);
      t.step();
    }
    assertEquals(entered.subList(0, left.size()), left, "the items that left are the first that entered, in order");
    assertTrue(!left.isEmpty(), "items moved through the queue");
    return new Run(cyclesFull, cyclesEmpty, left.size());
  }

  private static long bit(boolean b) {
    return b ? 1 : 0;
  }
}
