package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ROMs and RAMs: their contents, read ports (asynchronous or synchronous) and write ports. */
class MemoryTest {

  @Test
  void aRomHoldsItsWordsAndReadsAsynchronously() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt addr = input("addr", UInt.of(2));
              Mem<SInt> coeffs = rom("coeffs", SInt.of(4), new int[] {1, -2, 3});
              output("y", SInt.of(4)).connect(coeffs.read(addr));
            });
    Memory rom = Ir.memory(m, "coeffs");
    assertEquals(3, rom.depth());
    assertEquals(Type.s(4), rom.type());
    assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(3)), rom.init());
    assertTrue(rom.isRom());
    Memory.ReadPort read = rom.readPorts().get(0);
    assertEquals("addr", read.addr());
    assertFalse(read.sync());
    assertEquals(read.name(), Ir.driver(m, "y"));
  }

  @Test
  void aRomFromLongsAcceptsWideWords() {
    ModuleDef m =
        Ir.top(
            () -> {
              Mem<UInt> wide = rom("wide", UInt.of(40), new long[] {1L << 39, 5});
              output("y", UInt.of(40)).connect(wide.readSync(input("addr", UInt.of(1))));
            });
    assertEquals(BigInteger.ONE.shiftLeft(39), Ir.memory(m, "wide").init().get(0));
    assertTrue(Ir.memory(m, "wide").readPorts().get(0).sync());
  }

  @Test
  void aRamHasWritePortsWithEnablesAndReadFirstSynchronousReads() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt addr = input("addr", UInt.of(4));
              UInt data = input("data", UInt.of(8));
              Bool we = input("we", Bool.TYPE);
              Bool re = input("re", Bool.TYPE);
              Mem<UInt> ram = mem("ram", UInt.of(8), 16).style(Memory.Style.BLOCK);
              ram.write(addr, data, we);
              output("q", UInt.of(8)).connect(ram.readSync(addr, re));
            });
    Memory ram = Ir.memory(m, "ram");
    assertEquals(Memory.Style.BLOCK, ram.style());
    assertTrue(ram.init().isEmpty());
    assertEquals(new Memory.WritePort("addr", "data", "we", ram.writePorts().get(0).loc()), ram.writePorts().get(0));
    Memory.ReadPort read = ram.readPorts().get(0);
    assertTrue(read.sync());
    assertEquals("re", read.enable());
  }

  @Test
  void aWriteInsideAWhenIsEnabledByItsCondition() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt addr = input("addr", UInt.of(3));
              UInt data = input("data", UInt.of(8));
              Bool p = input("p", Bool.TYPE);
              Bool we = input("we", Bool.TYPE);
              Mem<UInt> ram = mem("ram", UInt.of(8), 8);
              when(p, () -> {}).otherwise(() -> ram.write(addr, data, we));
              output("q", UInt.of(8)).connect(ram.read(addr));
            });
    String enable = Ir.memory(m, "ram").writePorts().get(0).enable();
    Op.Binary and = (Op.Binary) Ir.node(m, enable).op();
    assertEquals(Op.BinaryKind.AND, and.kind());
    assertEquals("we", and.b());
    assertEquals(new Op.Unary(Op.UnaryKind.NOT, "p"), Ir.node(m, and.a()).op(), "otherwise is active when p is false");
  }

  @Test
  void anUnconditionalWriteIsAlwaysEnabled() {
    ModuleDef m =
        Ir.top(
            () -> {
              Mem<UInt> ram = mem("ram", UInt.of(8), 2);
              ram.write(input("addr", UInt.of(1)), input("data", UInt.of(8)));
              output("q", UInt.of(8)).connect(ram.read(input("raddr", UInt.of(1))));
            });
    assertEquals(
        new Op.Const(BigInteger.ONE, Type.bool()), Ir.node(m, Ir.memory(m, "ram").writePorts().get(0).enable()).op());
  }

  @Test
  void anAsynchronousReadHasNoEnable() {
    ModuleDef m =
        Ir.top(
            () -> {
              Mem<UInt> ram = mem("ram", UInt.of(8), 2);
              ram.write(input("addr", UInt.of(1)), input("data", UInt.of(8)));
              output("q", UInt.of(8)).connect(ram.read(input("raddr", UInt.of(1))));
            });
    assertNull(Ir.memory(m, "ram").readPorts().get(0).enable());
    assertEquals(1, Ir.memory(m, "ram").addressWidth());
  }
}
