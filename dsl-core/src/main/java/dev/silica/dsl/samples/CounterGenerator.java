package dev.silica.dsl.samples;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;

/** The {@code counter} generator: a {@link Counter} of a chosen width. */
public final class CounterGenerator implements Generator {

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public String description() {
    return "An enabled up-counter that wraps around, with its count as output.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(new Param("width", "8", "bits of the count (1..64)"));
  }

  @Override
  public Design elaborate(Params p) {
    int width = p.getInt("width", 1, 64);
    return Elaborator.elaborate(() -> new Counter(width), p.designAttributes());
  }
}
