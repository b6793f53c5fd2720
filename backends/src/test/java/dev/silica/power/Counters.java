package dev.silica.power;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.sim.IrBuilder.bin;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;

/** Small designs whose switching can be counted by hand. */
final class Counters {

  private Counters() {}

  /** A {@code bits}-bit counter {@code n} that counts while input {@code en} is high, output {@code q}. */
  static ModuleDef counter(String name, int bits) {
    return IrBuilder.module(name)
        .in("en", Type.bool())
        .reg("n", Type.u(bits), 0, "next", "en")
        .constant("one", Type.u(bits), 1)
        .node("sum", bin(ADD, "n", "one"))
        .node("next", new Op.Resize("sum", bits))
        .out("q", "n")
        .build();
  }

  /** A top {@code top} with one 4-bit counter instance {@code c0}, enabled by the top's {@code en}. */
  static Design counterInside() {
    ModuleDef cnt = counter("cnt", 4);
    return IrBuilder.design(
        IrBuilder.module("top").in("en", Type.bool()).inst("c0", cnt, "en", "en").out("y", "c0.q").build(), cnt);
  }

  /**
   * A memory of {@code 2^addressBits} bytes written at address {@code wa} with {@code wd} when
   * {@code we} is high, read synchronously at {@code ra} when {@code re} is high, the word read on
   * {@code rd}.
   */
  static Design scratchpad(int addressBits) {
    ModuleDef top = IrBuilder.module("pad")
        .in("we", Type.bool()).in("wa", Type.u(addressBits)).in("wd", Type.u(8))
        .in("re", Type.bool()).in("ra", Type.u(addressBits))
        .mem("words", 1 << addressBits, Type.u(8), ImmutableList.of(IrBuilder.syncRead("word", "ra", "re")),
            ImmutableList.of(IrBuilder.write("wa", "wd", "we")))
        .out("rd", "word")
        .build();
    return IrBuilder.design(top);
  }
}
