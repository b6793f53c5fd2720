package dev.silica.ir.text;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Op.BinaryKind;
import dev.silica.ir.Op.ShiftKind;
import dev.silica.ir.Op.UnaryKind;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.stream.IntStream;

/** Hand-built designs that together use every construct of the IR, for the text-form tests. */
final class SampleDesigns {

  private SampleDesigns() {}

  static SourceLoc at(int line) {
    return new SourceLoc("Sample.java", line);
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static Port in(String name, Type type, int line) {
    return new Port(name, Port.Direction.IN, type, at(line));
  }

  private static Port out(String name, Type type, int line) {
    return new Port(name, Port.Direction.OUT, type, at(line));
  }

  private static Node node(String name, Type type, Op op, int line) {
    return new Node(name, type, op, at(line));
  }

  private static Node binary(String name, Type type, BinaryKind kind, String a, String b) {
    return node(name, type, new Op.Binary(kind, a, b), 40);
  }

  /** A stateless leaf: {@code sum = a + b}. */
  static ModuleDef adder() {
    return ModuleDef.builder("Adder", at(1))
        .port(in("a", Type.u(8), 2))
        .port(in("b", Type.u(8), 3))
        .port(out("sum", Type.u(9), 4))
        .node(node("s", Type.u(9), new Op.Binary(BinaryKind.ADD, "a", "b"), 5))
        .connect(new Connect("sum", "s", at(6)))
        .build();
  }

  /**
   * Every op kind; constants 240 bits wide and negative; registers with and without enable, one
   * with a flattened dotted name; memories with initial words (more than one printed row), both
   * kinds of read port, write ports with and without enable, and a memory without ports; an
   * instance whose output is read; names that need quotes; unknown and unusual source locations.
   */
  static Design everything() {
    Type u8 = Type.u(8);
    Type s8 = Type.s(8);
    BigInteger wide = BigInteger.ONE.shiftLeft(239).add(big(12345));
    BigInteger mostNegative200 = BigInteger.ONE.shiftLeft(199).negate();
    ModuleDef top =
        ModuleDef.builder("Top", at(10))
            .port(in("x", u8, 11))
            .port(in("y", s8, 12))
            .port(in("sel", Type.bool(), 13))
            .port(in("addr", Type.u(4), 14))
            .port(in("odd name[0]", u8, 15))
            .port(out("o_mux", u8, 16))
            .port(out("o_wide", Type.u(240), 17))
            .port(out("o_acc", Type.s(16), 18))
            .node(node("c_wide", Type.u(240), new Op.Const(wide, Type.u(240)), 20))
            .node(node("c_neg", s8, new Op.Const(big(-128), s8), 21))
            .node(node("c_neg_wide", Type.s(200), new Op.Const(mostNegative200, Type.s(200)), 22))
            .node(node("not_x", u8, new Op.Unary(UnaryKind.NOT, "x"), 23))
            .node(node("neg_y", Type.s(9), new Op.Unary(UnaryKind.NEG, "y"), 24))
            .node(node("andr_x", Type.bool(), new Op.Unary(UnaryKind.AND_REDUCE, "x"), 25))
            .node(node("orr_x", Type.bool(), new Op.Unary(UnaryKind.OR_REDUCE, "odd name[0]"), 26))
            .node(node("xorr_x", Type.bool(), new Op.Unary(UnaryKind.XOR_REDUCE, "x"), 27))
            .node(binary("add", Type.u(9), BinaryKind.ADD, "x", "x"))
            .node(binary("sub", Type.s(9), BinaryKind.SUB, "y", "c_neg"))
            .node(binary("mul", Type.s(16), BinaryKind.MUL, "y", "y"))
            .node(binary("and", u8, BinaryKind.AND, "x", "not_x"))
            .node(binary("or", u8, BinaryKind.OR, "x", "not_x"))
            .node(binary("xor", u8, BinaryKind.XOR, "x", "not_x"))
            .node(binary("eq", Type.bool(), BinaryKind.EQ, "x", "not_x"))
            .node(binary("ne", Type.bool(), BinaryKind.NE, "x", "not_x"))
            .node(binary("lt", Type.bool(), BinaryKind.LT, "y", "c_neg"))
            .node(binary("le", Type.bool(), BinaryKind.LE, "y", "c_neg"))
            .node(binary("gt", Type.bool(), BinaryKind.GT, "x", "addr"))
            .node(binary("ge", Type.bool(), BinaryKind.GE, "x", "addr"))
            .node(binary("shl", u8, BinaryKind.SHL, "x", "addr"))
            .node(binary("shr", u8, BinaryKind.SHR, "x", "addr"))
            .node(binary("sra", s8, BinaryKind.SRA, "y", "addr"))
            .node(node("shlc", Type.s(11), new Op.ShiftBy(ShiftKind.SHL, "y", 3), 41))
            .node(node("shrc", Type.u(5), new Op.ShiftBy(ShiftKind.SHR, "x", 3), 42))
            .node(node("mux", u8, new Op.Mux("sel", "x", "not_x"), 43))
            .node(node("cat", Type.u(13), new Op.Concat(ImmutableList.of("x", "sel", "addr")), 44))
            .node(node("slice", Type.u(5), new Op.Slice("x", 6, 2), 45))
            .node(node("resize", Type.s(16), new Op.Resize("y", 16), 46))
            .node(node("to_signed", s8, new Op.Cast("x", true), 47))
            .node(node("to_unsigned", u8, new Op.Cast("y", false), 48))
            .node(node("sum_plus", Type.u(10), new Op.Binary(BinaryKind.ADD, "add0.sum", "add0.sum"), 49))
            .node(new Node("acc_next", Type.s(16), new Op.Resize("pe_2_3.acc_sum", 16), SourceLoc.UNKNOWN))
            .node(node("pe_2_3.acc_sum", Type.s(17), new Op.Binary(BinaryKind.ADD, "pe_2_3.acc", "mul"), 51))
            .register(new Register("pe_2_3.acc", Type.s(16), big(-1), "acc_next", "sel", at(60)))
            .register(new Register("plain", u8, big(200), "x", null, at(61)))
            .register(new Register("wide_reg", Type.u(240), wide, "c_wide", null, new SourceLoc("My File.java", 62)))
            .memory(
                new Memory(
                    "ram",
                    16,
                    u8,
                    IntStream.range(0, 16).mapToObj(i -> big(i * 17L)).collect(ImmutableList.toImmutableList()),
                    Memory.Style.BLOCK,
                    ImmutableList.of(
                        new Memory.ReadPort("peek", "addr", false, null, at(71)),
                        new Memory.ReadPort("rd", "addr", true, "sel", at(72))),
                    ImmutableList.of(
                        new Memory.WritePort("addr", "x", "sel", at(73)),
                        new Memory.WritePort("addr", "not_x", null, at(74))),
                    at(70)))
            .memory(
                new Memory(
                    "rom",
                    20,
                    s8,
                    IntStream.range(0, 20).mapToObj(i -> big(i * 13L - 128)).collect(ImmutableList.toImmutableList()),
                    Memory.Style.DISTRIBUTED,
                    ImmutableList.of(new Memory.ReadPort("rom_q", "rom_addr", true, null, at(76))),
                    ImmutableList.of(),
                    at(75)))
            .node(node("rom_addr", Type.u(5), new Op.ShiftBy(ShiftKind.SHR, "x", 3), 77))
            .memory(new Memory("scratch", 4, u8, ImmutableList.of(), Memory.Style.AUTO, ImmutableList.of(), ImmutableList.of(), at(78)))
            .instance(new Instance("add0", "Adder", ImmutableMap.of("b", "not_x", "a", "x"), at(80)))
            .connect(new Connect("o_mux", "mux", at(90)))
            .connect(new Connect("o_wide", "wide_reg", at(91)))
            .connect(new Connect("o_acc", "pe_2_3.acc", at(92)))
            .build();
    return new Design(
        "Top",
        ImmutableMap.of("Adder", adder(), "Top", top),
        ImmutableMap.of(
            "generator", "everything",
            "param.note", "a \"quoted\" value, with spaces",
            "odd key", "tab\there, newline\nand a backslash \\ and π and a bell \u0007"));
  }
}
