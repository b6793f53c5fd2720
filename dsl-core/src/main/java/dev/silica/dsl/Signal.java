package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A hardware value of a fixed width and signedness: a port, register, wire, memory read, literal,
 * or the result of an operator. The typed subclasses {@link UInt}, {@link SInt} and {@link Bool}
 * carry the arithmetic; this class has what every value has: its bits.
 *
 * <p>Operators build hardware in the module being elaborated and check the width table
 * ({@link dev.silica.ir.TypeRules}) at once: a violation is a {@link DesignError} at the line that
 * called the operator.
 */
public abstract class Signal {

  final Ref ref;

  Signal(Ref ref) {
    this.ref = ref;
  }

  /** The same element seen through this value's own class. */
  abstract Signal sameKind(Ref r);

  /** The IR type: width and signedness. */
  public final Type type() {
    return ref.type;
  }

  public final int width() {
    return ref.type.width();
  }

  public final boolean isSigned() {
    return ref.type.signed();
  }

  /** Bits {@code hi} down to {@code lo}, inclusive, as an unsigned value of {@code hi-lo+1} bits. */
  public final UInt slice(int hi, int lo) {
    if (lo < 0 || hi < lo || hi >= width()) {
      throw new DesignError(
          UserCode.location(),
          "slice(" + hi + ", " + lo + ") is out of range for a " + type() + " value: need 0 <= lo <= hi < " + width());
    }
    return new UInt(build(ids -> new Op.Slice(ids.get(0), hi, lo), this));
  }

  /** Bit {@code i} (0 is the least significant). */
  public final Bool bit(int i) {
    if (i < 0 || i >= width()) {
      throw new DesignError(
          UserCode.location(), "bit(" + i + ") is out of range for a " + type() + " value: need 0 <= i < " + width());
    }
    return new Bool(build(ids -> new Op.Slice(ids.get(0), i, i), this));
  }

  /** Whether all bits are 1. */
  public final Bool andR() {
    return new Bool(unary(Op.UnaryKind.AND_REDUCE));
  }

  /** Whether any bit is 1. */
  public final Bool orR() {
    return new Bool(unary(Op.UnaryKind.OR_REDUCE));
  }

  /** The parity: whether an odd number of bits are 1. */
  public final Bool xorR() {
    return new Bool(unary(Op.UnaryKind.XOR_REDUCE));
  }

  /** The same bits read as unsigned (no hardware when already unsigned). */
  public final UInt asUInt() {
    return isSigned() ? new UInt(build(ids -> new Op.Cast(ids.get(0), false), this)) : new UInt(ref);
  }

  /** The same bits read as two's complement (no hardware when already signed). */
  public final SInt asSInt() {
    return isSigned() ? new SInt(ref) : new SInt(build(ids -> new Op.Cast(ids.get(0), true), this));
  }

  /** {@code u8 count} or {@code s9 add_17 (Top.java:17)}: the type and what the value is. */
  @Override
  public String toString() {
    return type() + " " + (ref.name != null ? ref.name : ref.describe());
  }

  // ---- building nodes ----

  /**
   * Makes a node in the module being elaborated: {@code make} gets the operands' ids in that
   * module; the node is checked against the width table at the user's line.
   */
  static Ref build(Function<List<String>, Op> make, Signal... operands) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = Elaboration.currentModule(loc);
    List<String> ids = Arrays.stream(operands).map(s -> m.use(s.ref, loc).id).toList();
    return m.node(make.apply(ids), loc);
  }

  /** The node {@code <kind> this}. */
  final Ref unary(Op.UnaryKind kind) {
    return build(ids -> new Op.Unary(kind, ids.get(0)), this);
  }

  /** The node {@code this <kind> other}. */
  final Ref binaryNode(Op.BinaryKind kind, Signal other) {
    Arguments.required(other, "the other operand");
    return build(ids -> new Op.Binary(kind, ids.get(0), ids.get(1)), this, other);
  }

  /** Connects {@code value} to this target in the current scope (see {@link Num#connect}). */
  final void connectFrom(Signal value) {
    SourceLoc loc = UserCode.location();
    Arguments.required(value, "the value connected to " + ref.describe());
    EnumKinds.checkConnect(this, value, loc);
    Elaboration.currentModule(loc).connect(ref, value.ref, loc);
  }

  /**
   * This value under the name {@code name} in the generated IR and Verilog (see {@link Num#named}):
   * the element to view as the renamed value.
   */
  final Ref renamed(String name) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = Elaboration.currentModule(loc);
    Names.checkLegal(name, loc);
    Ref r = ref;
    if (r.kind == Ref.Kind.LITERAL) {
      r = m.namedConstant(r.value, r.type, loc);
    } else if (r.owner != m) {
      throw new DesignError(loc, "cannot rename " + r.describe() + ": it belongs to module " + r.owner.baseName());
    } else if (r.kind != Ref.Kind.NODE && r.kind != Ref.Kind.READ_PORT) {
      throw new DesignError(loc, "cannot rename " + r.describe() + ": it is named where it is declared");
    }
    r.nameAs(name, Ref.NameSource.EXPLICIT);
    return r;
  }

  /** The enumeration this value belongs to, or null for a number. */
  Class<?> enumClass() {
    return null;
  }
}
