package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;

/** The {@code relu} generator: a streaming {@link ReluBlock}. */
public final class ReluGenerator implements Generator {

  @Override
  public String name() {
    return "relu";
  }

  @Override
  public String description() {
    return "Streaming ReLU max(x, zero_point) on signed codes; latency 1, one beat per cycle.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("bits", "8", "bits of the signed code (2..16)"),
        new Param("zero_point", "0", "the code of real zero"));
  }

  @Override
  public Design elaborate(Params p) {
    int bits = BlockParams.codeBits(p, "bits");
    int zeroPoint = BlockParams.signedCode(p, "zero_point", bits);
    return Elaborator.elaborate(() -> new ReluBlock(bits, zeroPoint), p.designAttributes());
  }
}
