package dev.silica.ir.text;

import dev.silica.ir.Op;
import java.util.stream.Collectors;

/** The text of one operation: its mnemonic, then its operands and constant arguments ({@code slice a, 7, 4}). */
final class OpText implements Op.Visitor<String> {

  private static final OpText INSTANCE = new OpText();

  private OpText() {}

  static String of(Op op) {
    return op.accept(INSTANCE);
  }

  @Override
  public String visitConst(Op.Const c) {
    return "const " + c.value();
  }

  @Override
  public String visitUnary(Op.Unary u) {
    return u.kind().mnemonic() + " " + Lexicon.name(u.a());
  }

  @Override
  public String visitBinary(Op.Binary b) {
    return b.kind().mnemonic() + " " + Lexicon.name(b.a()) + ", " + Lexicon.name(b.b());
  }

  @Override
  public String visitShiftBy(Op.ShiftBy s) {
    return s.kind().mnemonic() + " " + Lexicon.name(s.a()) + ", " + s.amount();
  }

  @Override
  public String visitMux(Op.Mux m) {
    return "mux " + Lexicon.name(m.sel()) + ", " + Lexicon.name(m.whenTrue()) + ", " + Lexicon.name(m.whenFalse());
  }

  @Override
  public String visitConcat(Op.Concat c) {
    return "cat " + c.parts().stream().map(Lexicon::name).collect(Collectors.joining(", "));
  }

  @Override
  public String visitSlice(Op.Slice s) {
    return "slice " + Lexicon.name(s.a()) + ", " + s.hi() + ", " + s.lo();
  }

  @Override
  public String visitResize(Op.Resize r) {
    return "resize " + Lexicon.name(r.a()) + ", " + r.width();
  }

  @Override
  public String visitCast(Op.Cast c) {
    return "cast " + Lexicon.name(c.a()) + ", " + (c.signed() ? "signed" : "unsigned");
  }
}
