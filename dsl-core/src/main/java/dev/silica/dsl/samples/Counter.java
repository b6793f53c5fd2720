package dev.silica.dsl.samples;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.UInt;

/** An up-counter that advances by one on every clock edge where {@code en} is high, wrapping to 0. */
public final class Counter extends Module {

  public final Bool enable;
  public final UInt count;

  public Counter(int width) {
    enable = input("en", Bool.TYPE);
    count = output("count", UInt.of(width));
    UInt value = reg("value", UInt.of(width));
    when(enable, () -> value.connect(value.addWrap(1)));
    count.connect(value);
  }
}
