package dev.silica.dsl;

import dev.silica.ir.DesignError;
import java.math.BigInteger;

/** An unsigned number of a fixed width. Declare with {@code UInt.of(8)}; literals with {@code UInt.lit(5, 8)}. */
public class UInt extends Num<UInt> {

  UInt(Ref ref) {
    super(ref);
  }

  /** The type of {@code width}-bit unsigned values. */
  public static SignalType<UInt> of(int width) {
    return new SignalType<>(SignalType.checkedType("UInt", width, false), UInt::new);
  }

  /** The literal {@code value} as a {@code width}-bit unsigned value; an error if it does not fit. */
  public static UInt lit(long value, int width) {
    return of(width).lit(value);
  }

  public static UInt lit(BigInteger value, int width) {
    return of(width).lit(value);
  }

  @Override
  UInt view(Ref r) {
    return new UInt(r);
  }

  /** This one-bit value as a {@link Bool}; an error for wider values. */
  public final Bool asBool() {
    if (width() != 1) {
      throw new DesignError(
          UserCode.location(), "asBool() needs a 1-bit value, not a " + type() + ": use orR(), bit(i) or a comparison");
    }
    return new Bool(ref);
  }
}
