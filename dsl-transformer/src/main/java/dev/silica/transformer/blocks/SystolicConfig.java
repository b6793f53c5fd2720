package dev.silica.transformer.blocks;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.MatMul;

/**
 * The shape of a {@link Systolic} array: {@code rows x cols} elements, operand formats, the
 * longest dot product {@code maxK} it must hold without overflow, and the multiplier kind. The
 * accumulator is {@link MatMul#accumulatorFormat} of the operands and {@code maxK}: no sum of up to
 * {@code maxK} products can overflow it. With an {@code accumulatorShift} {@code s > 0} the operand
 * stream has a {@code shift} flag: a beat carrying it scales the sums by {@code 2^s} before adding
 * its products, so one tile can accumulate a wide operand's high and low parts ({@code A = A_h 2^s +
 * A_l}) and its operands stay narrow; the caller keeps such sums within the accumulator.
 */
public record SystolicConfig(int rows, int cols, IntFormat a, IntFormat b, int maxK, MultiplierKind multiplier,
    int accumulatorShift) {

  /** An array whose accumulators only add. */
  public SystolicConfig(int rows, int cols, IntFormat a, IntFormat b, int maxK, MultiplierKind multiplier) {
    this(rows, cols, a, b, maxK, multiplier, 0);
  }

  public SystolicConfig {
    Preconditions.checkArgument(accumulatorShift >= 0, "accumulator shift must be >= 0, got %s", accumulatorShift);
    Preconditions.checkArgument(multiplier != MultiplierKind.PACKED || accumulatorShift == 0,
        "packed multipliers cannot shift their accumulators");
    Preconditions.checkArgument(rows >= 1 && cols >= 1, "the array needs at least one row and column");
    Preconditions.checkArgument(a.signed() && b.signed(), "operands must be signed");
    Preconditions.checkArgument(maxK >= 1, "maxK must be >= 1, got %s", maxK);
    Preconditions.checkArgument(multiplier != MultiplierKind.PACKED || cols % 2 == 0,
        "packed multipliers pair columns: cols must be even, got %s", cols);
    if (multiplier == MultiplierKind.PACKED) {
      DspPacking.plan(a, b, maxK);
    }
  }

  /** The accumulator format, sized so that {@code maxK} products never overflow. */
  public IntFormat accumulator() {
    return MatMul.accumulatorFormat(a, b, maxK);
  }

  /** The packing of two columns per multiplier; only for {@link MultiplierKind#PACKED}. */
  public DspPacking packing() {
    Preconditions.checkState(multiplier == MultiplierKind.PACKED, "only packed arrays have a packing");
    return DspPacking.plan(a, b, maxK);
  }

  /**
   * Cycles from the last operand beat's transfer until every accumulator holds its result: the
   * skew across rows and element columns, plus the product register of plain elements.
   */
  public int flushCycles() {
    boolean packed = multiplier == MultiplierKind.PACKED;
    return rows + (packed ? cols / 2 : cols) - (packed ? 2 : 1);
  }
}
