package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;

/** The {@code avgpool} generator: a streaming {@link AvgPoolBlock}. */
public final class AvgPoolGenerator implements Generator {

  @Override
  public String name() {
    return "avgpool";
  }

  @Override
  public String description() {
    return "Global average pooling over a sequence of channel vectors, mean rounded half up by a"
        + " reciprocal multiply; one position per cycle, result 1 cycle after the last.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("bits", "8", "bits of the signed codes (2..16)"),
        new Param("channels", "8", "lanes per beat (1..256)"),
        new Param("length", "16", "positions per window (1..4096)"));
  }

  @Override
  public Design elaborate(Params p) {
    int bits = BlockParams.codeBits(p, "bits");
    int channels = p.getInt("channels", 1, 256);
    int length = p.getInt("length", 1, 4096);
    return Elaborator.elaborate(() -> new AvgPoolBlock(bits, channels, length), p.designAttributes());
  }
}
