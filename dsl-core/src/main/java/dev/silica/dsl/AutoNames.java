package dev.silica.dsl;

import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * The start of an automatic name: what made a value ({@code add}, {@code mux}...); the module adds
 * the Java line ({@code add_17}) and a suffix when two would collide.
 */
final class AutoNames {

  private AutoNames() {}

  static String of(Op op) {
    return op.accept(
        new Op.Visitor<String>() {
          @Override
          public String visitConst(Op.Const c) {
            return "lit";
          }

          @Override
          public String visitUnary(Op.Unary u) {
            return u.kind().mnemonic();
          }

          @Override
          public String visitBinary(Op.Binary b) {
            return b.kind().mnemonic();
          }

          @Override
          public String visitShiftBy(Op.ShiftBy s) {
            return s.kind().mnemonic();
          }

          @Override
          public String visitMux(Op.Mux m) {
            return "mux";
          }

          @Override
          public String visitConcat(Op.Concat c) {
            return "cat";
          }

          @Override
          public String visitSlice(Op.Slice s) {
            return "slice";
          }

          @Override
          public String visitResize(Op.Resize r) {
            return "resize";
          }

          @Override
          public String visitCast(Op.Cast c) {
            return c.signed() ? "as_sint" : "as_uint";
          }
        });
  }

  /** Constants are named by value and type: {@code lit_5_u8}, {@code lit_m3_s4}. */
  static String ofConstant(BigInteger value, Type type) {
    String v = value.signum() < 0 ? "m" + value.negate() : value.toString();
    return "lit_" + v + "_" + type;
  }
}
