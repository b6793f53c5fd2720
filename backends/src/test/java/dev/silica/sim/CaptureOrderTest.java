package dev.silica.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registers capture straight into their own slots whenever an order exists in which no register
 * changes before all the registers reading it have captured; only cycles of reads need pending
 * slots, one register per cycle. Register i lives in slot 10 + i; slot 0 is an input.
 */
class CaptureOrderTest {

  private static List<CaptureOrder.Capture> order(int[]... reads) {
    int[] q = new int[reads.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = 10 + i;
    }
    return CaptureOrder.of(q, reads);
  }

  private static CaptureOrder.Capture direct(int i) {
    return new CaptureOrder.Capture(i, true);
  }

  private static CaptureOrder.Capture pending(int i) {
    return new CaptureOrder.Capture(i, false);
  }

  @Test
  void aShiftChainCapturesFromItsEndBackToItsStart() {
    // r0 <= input, r1 <= r0, r2 <= r1
    assertEquals(List.of(direct(2), direct(1), direct(0)), order(new int[] {0, 10}, new int[] {10, 11}, new int[] {11, 12}));
  }

  @Test
  void aRegisterReadingOnlyItselfCapturesDirectly() {
    // a counter: next and hold both read its own slot
    assertEquals(List.of(direct(0)), order(new int[] {0, 10, 10}));
  }

  @Test
  void aSwapTakesOnePendingSlotAndTheOtherRegisterCapturesDirectly() {
    // a <= b, b <= a
    assertEquals(List.of(pending(0), direct(1)), order(new int[] {11}, new int[] {10}));
  }

  @Test
  void aRingOfThreeTakesOnePendingSlot() {
    // r0 <= r2, r1 <= r0, r2 <= r1
    assertEquals(List.of(pending(0), direct(2), direct(1)), order(new int[] {12}, new int[] {10}, new int[] {11}));
  }

  @Test
  void aRegisterReadByAPendingOneCanStillCaptureDirectly() {
    // a <= b, b <= a (a swap) and c <= a: c must capture before a changes, and a is pending
    List<CaptureOrder.Capture> captures = order(new int[] {11}, new int[] {10}, new int[] {10});
    assertEquals(1, captures.stream().filter(c -> !c.direct()).count(), captures.toString());
  }
}
