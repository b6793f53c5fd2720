package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.add;
import static dev.silica.ir.pass.Sketch.asyncRead;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.nextLine;
import static dev.silica.ir.pass.Sketch.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.UserCode;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Node types follow the width table; everything that drives a typed element has exactly its type. */
class CheckTypesTest {

  private static final Type U8 = Type.u(8);
  private static final Type U9 = Type.u(9);

  private static String rejection(ModuleDef... modules) {
    return assertThrows(DesignError.class, () -> new CheckTypes().run(design(modules))).getMessage();
  }

  @Test
  void aWellTypedDesignPassesUnchanged() {
    ModuleDef m =
        module("M")
            .in("a", U8)
            .in("addr", Type.u(4))
            .in("we", Type.bool())
            .out("y", U9)
            .node("sum", add("a", "a"))
            .memory("mem", 16, U8, ImmutableList.of(asyncRead("rd", "addr")), ImmutableList.of(write("addr", "a", "we")))
            .reg("r", U9, "sum", "we")
            .connect("y", "r")
            .build();
    Design d = design(m);
    assertSame(d, new CheckTypes().run(d));
  }

  @Test
  void aNodeDeclaredWithTheWrongWidthNamesBothTypes() {
    Sketch m = module("M").in("a", U8).out("y", U8);
    SourceLoc node = nextLine();
    m.node("sum", U8, add("a", "a")).connect("y", "sum");
    assertEquals(node + ": node 'sum' is declared u8, but the width table gives u9", rejection(m.build()));
  }

  @Test
  void anOperationTheTableForbidsIsReportedAtItsNode() {
    Sketch m = module("M").in("a", U8).in("b", Type.s(8)).out("y", U9);
    SourceLoc node = nextLine();
    m.node("sum", U9, add("a", "b")).connect("y", "sum");
    assertEquals(
        node + ": node 'sum': add mixes signed and unsigned (u8, s8): cast one of them explicitly", rejection(m.build()));
  }

  @Test
  void anOutputMustBeDrivenByExactlyItsType() {
    Sketch m = module("M").in("a", U8).out("y", U8).node("sum", add("a", "a"));
    SourceLoc connect = nextLine();
    m.connect("y", "sum");
    assertEquals(connect + ": output 'y' must be u8, but 'sum' is u9", rejection(m.build()));
  }

  @Test
  void signednessCountsAsMuchAsWidth() {
    Sketch m = module("M").in("a", Type.s(8)).out("y", U8);
    SourceLoc connect = nextLine();
    m.connect("y", "a");
    assertEquals(connect + ": output 'y' must be u8, but 'a' is s8", rejection(m.build()));
  }

  @Test
  void aRegistersNextValueMustHaveTheRegistersType() {
    Sketch m = module("M").in("a", U8).out("y", U8).node("sum", add("a", "a"));
    SourceLoc reg = nextLine();
    m.reg("r", U8, "sum").connect("y", "r");
    assertEquals(reg + ": next value of register 'r' must be u8, but 'sum' is u9", rejection(m.build()));
  }

  @Test
  void aRegisterEnableMustBeOneUnsignedBit() {
    Sketch m = module("M").in("a", U8).in("en", Type.u(2)).out("y", U8);
    SourceLoc reg = nextLine();
    m.reg("r", U8, "a", "en").connect("y", "r");
    assertEquals(reg + ": enable of register 'r' must be u1, but 'en' is u2", rejection(m.build()));
  }

  @Test
  void aRegisterInitialValueMustFitItsType() {
    ModuleDef.Builder m = ModuleDef.builder("M", UserCode.location());
    m.port(new Port("a", Port.Direction.IN, U8, UserCode.location()));
    SourceLoc reg = nextLine();
    m.register(new Register("r", U8, BigInteger.valueOf(256), "a", null, UserCode.location()));
    assertEquals(reg + ": initial value of register 'r' is 256, which does not fit u8", rejection(m.build()));
  }

  @Test
  void aMemoryAddressMustBeUnsignedAndExactlyAsWideAsTheAddress() {
    Sketch m = module("M").in("addr", Type.u(3)).out("y", U8);
    SourceLoc read = nextLine();
    ImmutableList<Memory.ReadPort> reads = ImmutableList.of(asyncRead("rd", "addr"));
    m.memory("mem", 16, U8, reads, ImmutableList.of()).connect("y", "rd");
    assertEquals(read + ": address of read port 'rd' of memory 'mem' must be u4, but 'addr' is u3", rejection(m.build()));
  }

  @Test
  void writeDataMustHaveTheWordType() {
    Sketch m = module("M").in("addr", Type.u(4)).in("d", Type.s(8)).in("we", Type.bool()).out("y", U8);
    SourceLoc writePort = nextLine();
    ImmutableList<Memory.WritePort> writes = ImmutableList.of(write("addr", "d", "we"));
    m.memory("mem", 16, U8, ImmutableList.of(asyncRead("rd", "addr")), writes).connect("y", "rd");
    assertEquals(writePort + ": data of write port 0 of memory 'mem' must be u8, but 'd' is s8", rejection(m.build()));
  }

  @Test
  void anInstanceInputMustHaveTheChildPortsType() {
    ModuleDef child = module("Child").in("x", U8).out("y", U8).connect("y", "x").build();
    Sketch top = module("Top").in("a", Type.u(7)).out("y", U8);
    SourceLoc inst = nextLine();
    top.instance("c", child, "x", "a").connect("y", "c.y");
    assertEquals(inst + ": input 'x' of instance 'c' must be u8, but 'a' is u7", rejection(child, top.build()));
  }

  @Test
  void constantsAreTypedByTheirOwnType() {
    Sketch m = module("M").out("y", U8);
    SourceLoc node = nextLine();
    m.node("k", U8, new Op.Const(BigInteger.ONE, Type.u(4))).connect("y", "k");
    assertEquals(node + ": node 'k' is declared u8, but the width table gives u4", rejection(m.build()));
  }

  @Test
  void childModulesAreCheckedToo() {
    Sketch child = module("Child").in("x", U8).out("y", Type.u(7));
    SourceLoc connect = nextLine();
    child.connect("y", "x");
    ModuleDef c = child.build();
    ModuleDef top = module("Top").in("a", U8).out("y", Type.u(7)).instance("c", c, "x", "a").connect("y", "c.y").build();
    assertEquals(connect + ": output 'y' must be u7, but 'x' is u8", rejection(c, top));
  }
}
