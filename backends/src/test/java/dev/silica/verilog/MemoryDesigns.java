package dev.silica.verilog;

import static dev.silica.sim.IrBuilder.asyncRead;
import static dev.silica.sim.IrBuilder.syncRead;
import static dev.silica.sim.IrBuilder.write;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;
import java.math.BigInteger;
import java.util.stream.IntStream;

/** Hand-built designs with every kind of memory the emitter writes, for the tool tests. */
final class MemoryDesigns {

  private MemoryDesigns() {}

  /**
   * A block RAM (256 x s8, synchronous read with enable), a RAM of non-power-of-two depth (10 x
   * u4, two write ports, one asynchronous read: registers), a 40-word ROM read synchronously
   * (initialized from a file) and a 4-word ROM read asynchronously (initialized inline).
   */
  static Design allKinds() {
    ModuleDef m =
        IrBuilder.module("Memories")
            .in("addr", Type.u(8))
            .in("data", Type.s(8))
            .in("we", Type.bool())
            .in("re", Type.bool())
            .in("small_addr", Type.u(4))
            .in("small_data", Type.u(4))
            .in("small_we2", Type.bool())
            .in("rom_addr", Type.u(6))
            .in("tiny_addr", Type.u(2))
            .mem("buffer", 256, Type.s(8), ImmutableList.of(syncRead("buffer_q", "addr", "re")), ImmutableList.of(write("addr", "data", "we")))
            .mem(
                "regs",
                10,
                Type.u(4),
                ImmutableList.of(asyncRead("regs_q", "small_addr")),
                ImmutableList.of(write("small_addr", "small_data", "we"), write("tiny_addr_wide", "small_data", "small_we2")))
            .node("tiny_addr_wide", new dev.silica.ir.Op.Resize("tiny_addr", 4))
            .mem("table", 40, Type.u(12), ImmutableList.of(syncRead("table_q", "rom_addr", null)), ImmutableList.of())
            .mem("tiny", 4, Type.s(5), ImmutableList.of(asyncRead("tiny_q", "tiny_addr")), ImmutableList.of())
            .out("buffer_out", "buffer_q")
            .out("regs_out", "regs_q")
            .out("table_out", "table_q")
            .out("tiny_out", "tiny_q")
            .build();
    ImmutableList<Memory> styled =
        m.memories().stream()
            .map(
                mem ->
                    switch (mem.name()) {
                      case "buffer" -> restyle(mem, Memory.Style.BLOCK, ImmutableList.of());
                      case "regs" -> restyle(mem, Memory.Style.AUTO, ImmutableList.of());
                      case "table" -> restyle(mem, Memory.Style.AUTO, words(40, i -> BigInteger.valueOf(i * 97L % 4096)));
                      default -> restyle(mem, Memory.Style.AUTO, words(4, i -> BigInteger.valueOf(i * 7L - 16)));
                    })
            .collect(ImmutableList.toImmutableList());
    ModuleDef withStyles =
        new ModuleDef(m.name(), m.ports(), m.nodes(), m.registers(), styled, m.instances(), m.connects(), m.loc(), m.blackBox());
    return IrBuilder.design(withStyles);
  }

  private static ImmutableList<BigInteger> words(int n, java.util.function.IntFunction<BigInteger> f) {
    return IntStream.range(0, n).mapToObj(f).collect(ImmutableList.toImmutableList());
  }

  private static Memory restyle(Memory m, Memory.Style style, ImmutableList<BigInteger> init) {
    return new Memory(m.name(), m.depth(), m.type(), init, style, m.readPorts(), m.writePorts(), m.loc());
  }
}
