package dev.silica.synth;

import com.google.common.math.IntMath;
import java.math.RoundingMode;

/** The 7-series logic primitives the estimator counts in: LUT6 trees and CARRY4 chains. */
final class Fabric {

  /** Inputs of a LUT6. */
  static final int LUT_INPUTS = 6;

  /** Bits of a carry chain one CARRY4 covers. */
  static final int CARRY4_BITS = 4;

  private Fabric() {}

  /** LUT6s in a tree reducing {@code inputs} signals to one. */
  static int lutTree(int inputs) {
    return inputs <= 1 ? 0 : IntMath.divide(inputs - 1, LUT_INPUTS - 1, RoundingMode.CEILING);
  }

  /** LUT levels of a tree of LUT6s reading {@code inputs} bits: none for a wire, one up to six inputs. */
  static int lutTreeLevels(int inputs) {
    int levels = 0;
    for (long reach = 1; reach < inputs; reach *= LUT_INPUTS) {
      levels++;
    }
    return levels;
  }

  /** CARRY4s of a {@code bits}-bit carry chain. */
  static int carry4s(int bits) {
    return IntMath.divide(bits, CARRY4_BITS, RoundingMode.CEILING);
  }

  /** A {@code bits}-bit carry chain whose every propagate signal is logic: its CARRY4s and one LUT per bit. */
  static ResourceCount carryChain(int bits) {
    return ResourceCount.of(Resource.CARRY4, carry4s(bits)).add(Resource.LUT_AS_LOGIC, bits);
  }
}
