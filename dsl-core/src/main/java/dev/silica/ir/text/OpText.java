package dev.silica.ir.text;

import dev.silica.ir.Op;
import java.util.stream.Collectors;

/** The text of one operation: its mnemonic, then its operands and constant arguments ({@code slice a, 7, 4}). */
final class OpText implements Op.Visitor<String> {

  private static final OpText ARGUMENTS = new OpText();

  private OpText() {}

  static String of(Op op) {
    return op.mnemonic() + " " + op.accept(ARGUMENTS);
  }

  @Override
  public String visitConst(Op.Const c) {
    return c.value().toString();
  }

  @Override
  public String visitUnary(Op.Unary u) {
    return Lexicon.name(u.a());
  }

  @Override
  public String visitBinary(Op.Binary b) {
    return Lexicon.name(b.a()) + ", " + Lexicon.name(b.b());
  }

  @Override
  public String visitShiftBy(Op.ShiftBy s) {
    return Lexicon.name(s.a()) + ", " + s.amount();
  }

  @Override
  public String visitMux(Op.Mux m) {
    return Lexicon.name(m.sel()) + ", " + Lexicon.name(m.whenTrue()) + ", " + Lexicon.name(m.whenFalse());
  }

  @Override
  public String visitConcat(Op.Concat c) {
    return c.parts().stream().map(Lexicon::name).collect(Collectors.joining(", "));
  }

  @Override
  public String visitSlice(Op.Slice s) {
    return Lexicon.name(s.a()) + ", " + s.hi() + ", " + s.lo();
  }

  @Override
  public String visitResize(Op.Resize r) {
    return Lexicon.name(r.a()) + ", " + r.width();
  }

  @Override
  public String visitCast(Op.Cast c) {
    return Lexicon.name(c.a()) + ", " + (c.signed() ? "signed" : "unsigned");
  }
}
