package dev.silica.dsl;

import dev.silica.ir.Type;

/**
 * A one-bit unsigned value used as a condition: comparison results, enables, {@code when}
 * conditions. Logic between two {@code Bool}s stays {@code Bool}.
 */
public final class Bool extends UInt {

  /** The type of one-bit conditions. */
  public static final SignalType<Bool> TYPE = new SignalType<>(Type.bool(), Bool::new);

  Bool(Ref ref) {
    super(ref);
  }

  /** The literal true or false. */
  public static Bool lit(boolean value) {
    return TYPE.lit(value ? 1 : 0);
  }

  @Override
  Signal sameKind(Ref r) {
    return new Bool(r);
  }

  public Bool and(Bool other) {
    return new Bool(super.and(other).ref);
  }

  public Bool or(Bool other) {
    return new Bool(super.or(other).ref);
  }

  public Bool xor(Bool other) {
    return new Bool(super.xor(other).ref);
  }

  @Override
  public Bool not() {
    return new Bool(super.not().ref);
  }

  @Override
  public Bool named(String name) {
    return new Bool(super.named(name).ref);
  }
}
