package dev.silica.transformer.blocks;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.MatMul;

/**
 * The shape of a {@link Systolic} array: {@code rows x cols} elements, operand formats, the
 * longest dot product {@code maxK} it must hold without overflow, and the multiplier kind. The
 * accumulator is {@link MatMul#accumulatorFormat} of the operands and {@code maxK}: no sum of up to
 * {@code maxK} products can overflow it.
 */
public record SystolicConfig(int rows, int cols, IntFormat a, IntFormat b, int maxK, MultiplierKind multiplier) {

  public SystolicConfig {
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

  /** Cycles from the last operand beat's transfer until every accumulator holds its result. */
  public int flushCycles() {
    int columnsOfElements = multiplier == MultiplierKind.PACKED ? cols / 2 : cols;
    return rows + columnsOfElements - 2;
  }
}
