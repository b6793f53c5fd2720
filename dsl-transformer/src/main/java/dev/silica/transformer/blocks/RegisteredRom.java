package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.rom;

import dev.silica.dsl.Bool;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.ir.Memory;

/**
 * A constant table read with one cycle of latency, in block RAM or in LUTs: {@link
 * Memory.Style#BLOCK} is a block-RAM ROM with a synchronous read port; {@link
 * Memory.Style#DISTRIBUTED} is a combinational ROM (which synthesis builds from LUTs) followed by a
 * register. Both give the word one edge after the address, so the choice never changes timing.
 */
public final class RegisteredRom {

  private RegisteredRom() {}

  /** The word at {@code address}, one edge later; the output moves only where {@code enable} is high. */
  public static SInt read(String name, int width, long[] words, UInt address, Bool enable, Memory.Style style) {
    if (style == Memory.Style.BLOCK) {
      return rom(name, SInt.of(width), words).style(Memory.Style.BLOCK).readSync(address, enable);
    }
    if (style != Memory.Style.DISTRIBUTED) {
      throw new IllegalArgumentException("a registered ROM is block or distributed, not " + style);
    }
    return regNext(name + "_word", rom(name, SInt.of(width), words).read(address), enable);
  }
}
