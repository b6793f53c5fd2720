package dev.silica.dsl;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.DesignError;
import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * The hardware type of a Java enumeration: each constant is encoded as its ordinal in {@link
 * Widths#indexBits} of the number of constants ({@code 2} bits for 3 or 4 constants). Values are
 * {@link HwEnum}s; declare ports, registers and wires with it like with {@code UInt.of(n)}:
 *
 * <pre>{@code
 * enum State { IDLE, RUN, DONE }
 * EnumType<State> STATE = EnumType.of(State.class);
 * HwEnum<State> state = reg("state", STATE, State.IDLE);
 * when(state.is(State.RUN), () -> state.connect(State.DONE));
 * }</pre>
 *
 * <p>Literals are made from constants ({@link #lit(Enum)}), never from numbers.
 *
 * @param <E> the Java enumeration
 */
public final class EnumType<E extends Enum<E>> extends SignalType<HwEnum<E>> {

  private final Class<E> enumClass;
  private final ImmutableList<E> constants;

  private EnumType(Class<E> enumClass, ImmutableList<E> constants) {
    super(Type.u(Widths.indexBits(constants.size())));
    this.enumClass = enumClass;
    this.constants = constants;
  }

  /** The hardware type of {@code enumClass}, which needs at least one constant. */
  public static <E extends Enum<E>> EnumType<E> of(Class<E> enumClass) {
    Arguments.required(enumClass, "the enumeration class");
    E[] values = enumClass.getEnumConstants();
    if (values == null || values.length == 0) {
      throw new DesignError(UserCode.location(), "enum " + enumClass.getSimpleName() + " has no constants to encode");
    }
    return new EnumType<>(enumClass, ImmutableList.copyOf(values));
  }

  /** The Java enumeration. */
  public Class<E> enumClass() {
    return enumClass;
  }

  /** The constants in encoding order (constant {@code i} is encoded as {@code i}). */
  public ImmutableList<E> constants() {
    return constants;
  }

  /** The constant {@code value} as a hardware literal. */
  public HwEnum<E> lit(E value) {
    Arguments.required(value, "the " + enumClass.getSimpleName() + " constant");
    return view(Literals.literal(BigInteger.valueOf(value.ordinal()), irType()));
  }

  /** Refused: an enumeration's literals are its constants; use {@link #lit(Enum)}. */
  @Override
  public HwEnum<E> lit(BigInteger value) {
    throw new DesignError(
        UserCode.location(),
        "enum " + enumClass.getSimpleName() + " has no numeric literals: use lit(" + enumClass.getSimpleName() + "."
            + constants.get(0).name() + ") and the other constants");
  }

  /**
   * {@code bits} read as this enumeration (no hardware): for decoding a field of an instruction
   * word. {@code bits} must be exactly {@link #width()} wide; an encoding beyond the last constant
   * matches no constant.
   */
  public HwEnum<E> fromBits(UInt bits) {
    Arguments.required(bits, "the bits to read as enum " + enumClass.getSimpleName());
    if (bits.width() != width()) {
      throw new DesignError(
          UserCode.location(),
          "enum " + enumClass.getSimpleName() + " is encoded in " + width() + " bits, not " + bits.width() + ": resize("
              + width() + ") the bits first");
    }
    return view(bits.ref);
  }

  @Override
  HwEnum<E> view(Ref r) {
    return new HwEnum<>(r, this);
  }

  /** {@code enum State (u2)}. */
  @Override
  public String toString() {
    return "enum " + enumClass.getSimpleName() + " (" + irType() + ")";
  }
}
