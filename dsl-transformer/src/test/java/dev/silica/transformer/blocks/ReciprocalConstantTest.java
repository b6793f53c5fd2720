package dev.silica.transformer.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReciprocalConstantTest {

  @Test
  void multiplyShiftEqualsFloorDivisionForEveryNumeratorInRange() {
    for (long d = 1; d <= 130; d++) {
      long max = 1 << 14;
      ReciprocalConstant reciprocal = ReciprocalConstant.of(d, max);
      for (long n = 0; n <= max; n++) {
        assertEquals(n / d, reciprocal.divide(n), "n=" + n + " d=" + d);
      }
    }
  }

  @Test
  void powersOfTwoNeedNoMultiplierBits() {
    ReciprocalConstant reciprocal = ReciprocalConstant.of(16, 1000);
    assertEquals(1, reciprocal.multiplier());
    assertEquals(4, reciprocal.shift());
  }

  @Test
  void numeratorsOutsideTheProvenRangeAreRefused() {
    ReciprocalConstant reciprocal = ReciprocalConstant.of(7, 100);
    assertThrows(IllegalArgumentException.class, () -> reciprocal.divide(101));
    assertThrows(IllegalArgumentException.class, () -> reciprocal.divide(-1));
  }
}
