package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;

/**
 * A hardware value of a Java enumeration ({@link EnumType}): a state, an opcode, a destination.
 * It compares with constants of its own enumeration ({@link #is}) and connects only from values of
 * that enumeration: connecting a number or another enumeration is a {@link DesignError} at the
 * user's line. It has no arithmetic; {@link #asUInt()} gives its encoding.
 *
 * @param <E> the Java enumeration
 */
public final class HwEnum<E extends Enum<E>> extends Signal {

  private final EnumType<E> enumType;

  HwEnum(Ref ref, EnumType<E> enumType) {
    super(ref);
    this.enumType = enumType;
  }

  @Override
  Signal sameKind(Ref r) {
    return new HwEnum<>(r, enumType);
  }

  @Override
  Class<?> enumClass() {
    return enumType.enumClass();
  }

  /** The declared type, for making registers or wires like this value. */
  public EnumType<E> enumType() {
    return enumType;
  }

  /** Whether this value is the constant {@code value}. */
  public Bool is(E value) {
    return eq(enumType.lit(value));
  }

  /** Whether this value is any other than the constant {@code value}. */
  public Bool isNot(E value) {
    return ne(enumType.lit(value));
  }

  /** Whether this value equals {@code other}, a value of the same enumeration. */
  public Bool eq(HwEnum<E> other) {
    return compare(Op.BinaryKind.EQ, other);
  }

  /** Whether this value differs from {@code other}, a value of the same enumeration. */
  public Bool ne(HwEnum<E> other) {
    return compare(Op.BinaryKind.NE, other);
  }

  private Bool compare(Op.BinaryKind kind, HwEnum<E> other) {
    SourceLoc loc = UserCode.location();
    Arguments.required(other, "the value compared with " + this);
    EnumKinds.checkSame(this, other, "compared values", loc);
    return new Bool(binaryNode(kind, other));
  }

  /**
   * Drives this output, wire, register (its next value) or instance input with {@code value}, a
   * value of the same enumeration; inside {@link Hw#when} the last connection wins, as for numbers.
   */
  public void connect(HwEnum<E> value) {
    connectFrom(value);
  }

  /** Drives this target with the constant {@code value}. */
  public void connect(E value) {
    connectFrom(enumType.lit(value));
  }

  /** This value named {@code name} in the generated IR and Verilog (see {@link Num#named}). */
  public HwEnum<E> named(String name) {
    return new HwEnum<>(renamed(name), enumType);
  }

  /** {@code enum State state}: the enumeration and what the value is. */
  @Override
  public String toString() {
    return "enum " + enumType.enumClass().getSimpleName() + " " + (ref.name != null ? ref.name : ref.describe());
  }
}
