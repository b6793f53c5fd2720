package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * The declared type of a port, register, wire or memory word, together with the Java class of its
 * values: {@code UInt.of(8)}, {@code SInt.of(12)}, {@code Bool.TYPE}, {@code EnumType.of(State.class)}.
 */
public class SignalType<T extends Signal> {

  private final Type type;
  private final Function<Ref, T> view;

  SignalType(Type type, Function<Ref, T> view) {
    this.type = type;
    this.view = view;
  }

  /** For subclasses that override {@link #view}. */
  SignalType(Type type) {
    this(type, null);
  }

  /** Checks a requested width at the user's line. */
  static Type checkedType(String kind, int width, boolean signed) {
    if (width < 1 || width > Type.MAX_WIDTH) {
      throw new DesignError(
          UserCode.location(), "a " + kind + " needs 1.." + Type.MAX_WIDTH + " bits, not " + width);
    }
    return new Type(width, signed);
  }

  /** The IR type: width and signedness. */
  public Type irType() {
    return type;
  }

  public int width() {
    return type.width();
  }

  public boolean isSigned() {
    return type.signed();
  }

  /** A literal of this type; an error at the user's line if the value does not fit. */
  public T lit(long value) {
    return lit(BigInteger.valueOf(value));
  }

  /** A literal of this type; an error at the user's line if the value does not fit. */
  public T lit(BigInteger value) {
    return view(Literals.literal(Arguments.required(value, "the literal's value"), type));
  }

  T view(Ref r) {
    return view.apply(r);
  }

  @Override
  public String toString() {
    return type.toString();
  }
}
