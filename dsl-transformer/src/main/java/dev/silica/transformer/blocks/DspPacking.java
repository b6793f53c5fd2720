package dev.silica.transformer.blocks;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.MatMul;

/**
 * Two narrow multiply-accumulates in one DSP48E1 when they share an operand: the two other
 * operands are packed into the 25-bit port as {@code hi * 2^S + lo}, the shared one goes to the
 * 18-bit port, and the 48-bit accumulator sums {@code x (hi 2^S + lo) = (x hi) 2^S + x lo}. After
 * {@code K} terms the low field holds {@code sum x lo} as an {@code S}-bit signed number; the
 * high field is {@code (P >> S)} plus the low field's sign bit (the sign-correction term: a
 * negative low field borrowed one from the high one).
 *
 * <p>The plan is refused unless it is exact for every input: {@code S} is the width of the
 * worst-case {@code K}-term low sum ({@link MatMul#accumulatorFormat}), the packed operand ({@link
 * #packedWordBits()}, {@code S + w + 1}: a negative low field below the most negative high one
 * reaches {@code -2^(S+w-1) - 2^(w-1)}) must fit the 25-bit port, the shared one the 18-bit port, and the packed sum {@code
 * hi 2^S + lo} its {@link #accumulatorBits()} within the 48-bit accumulator.
 *
 * @param shared the shared operand's format (18-bit B port)
 * @param packed the format of each packed operand (25-bit A port)
 * @param terms {@code K}, the accumulation length
 * @param fieldShift {@code S}
 */
public record DspPacking(IntFormat shared, IntFormat packed, int terms, int fieldShift) {

  /** The DSP48E1 multiplier's A-side width. */
  public static final int A_PORT_BITS = 25;
  /** The DSP48E1 multiplier's B-side width. */
  public static final int B_PORT_BITS = 18;
  /** The DSP48E1 accumulator width. */
  public static final int ACCUMULATOR_BITS = 48;

  /** The packing for {@code terms}-long dot products, or a refusal naming the bound it breaks. */
  public static DspPacking plan(IntFormat shared, IntFormat packed, int terms) {
    Preconditions.checkArgument(shared.signed() && packed.signed(), "packing needs signed operands");
    IntFormat sum = MatMul.accumulatorFormat(shared, packed, terms);
    int s = sum.bits();
    check(shared.bits() <= B_PORT_BITS, "shared operand %s does not fit the %s-bit B port", shared, B_PORT_BITS);
    check(s + packed.bits() + 1 <= A_PORT_BITS,
        "two %s operands %s bits apart (the %s-term sum's width) need %s bits, the A port has %s", packed, s,
        terms, s + packed.bits() + 1, A_PORT_BITS);
    check(2 * s + 1 <= ACCUMULATOR_BITS, "two %s-bit sums need %s accumulator bits, the DSP48E1 has %s", s,
        2 * s + 1, ACCUMULATOR_BITS);
    return new DspPacking(shared, packed, terms, s);
  }

  private static void check(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }

  /** The width of the packed A-port word {@code hi 2^S + lo}. */
  public int packedWordBits() {
    return fieldShift + packed.bits() + 1;
  }

  /** The packed accumulator's width: two {@code S}-bit fields, plus one for the low field's borrow. */
  public int accumulatorBits() {
    return 2 * fieldShift + 1;
  }

  /** The A-port word {@code hi * 2^S + lo}. */
  public long pack(int hi, int lo) {
    return ((long) hi << fieldShift) + lo;
  }

  /** The low field's sum, {@code sum x lo}: the low {@code S} bits, sign-extended. */
  public long low(long accumulator) {
    return (accumulator << (64 - fieldShift)) >> (64 - fieldShift);
  }

  /** The high field's sum, {@code sum x hi}: {@code P >> S} plus the low field's sign bit. */
  public long high(long accumulator) {
    return (accumulator >> fieldShift) + ((accumulator >> (fieldShift - 1)) & 1);
  }
}
