package dev.silica.dsl;

import dev.silica.ir.Op;
import java.math.BigInteger;

/**
 * A two's complement signed number of a fixed width. Declare with {@code SInt.of(8)}; literals with
 * {@code SInt.lit(-3, 4)}.
 */
public final class SInt extends Num<SInt> {

  SInt(Ref ref) {
    super(ref);
  }

  /** The type of {@code width}-bit signed values. */
  public static SignalType<SInt> of(int width) {
    return new SignalType<>(SignalType.checkedType("SInt", width, true), SInt::new);
  }

  /** The literal {@code value} as a {@code width}-bit signed value; an error if it does not fit. */
  public static SInt lit(long value, int width) {
    return of(width).lit(value);
  }

  public static SInt lit(BigInteger value, int width) {
    return of(width).lit(value);
  }

  @Override
  SInt view(Ref r) {
    return new SInt(r);
  }

  /** {@code -this}, one bit wider: exact even for the most negative value. */
  public SInt neg() {
    return new SInt(unary(Op.UnaryKind.NEG));
  }

  /** Shifted right by a run-time amount with the sign shifted in: {@code floor(this / 2^amount)}. */
  public SInt sra(UInt amount) {
    return binary(Op.BinaryKind.SRA, amount);
  }
}
