package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntSoftmax;

/** The {@code softmax} generator: a streaming {@link SoftmaxBlock} (exponential LUT, restoring divider). */
public final class SoftmaxGenerator implements Generator {

  @Override
  public String name() {
    return "softmax";
  }

  @Override
  public String description() {
    return "Integer softmax over a row: exponential table over all 2^b input differences, sequential radix-2"
        + " divider; b-bit probabilities of scale 1/(2^b - 1).";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("bits", "8", "bits of the signed input codes (2..12)"),
        new Param("out_bits", "8", "bits of the unsigned probabilities (1..16)"),
        new Param("scale", "0.0625", "real scale of the input codes"),
        new Param("entry_bits", "12", "unsigned width of the exponential table's entries (1..24)"),
        new Param("max_length", "32", "the longest row L (1..1024)"));
  }

  @Override
  public Design elaborate(Params p) {
    IntSoftmax golden = softmax(p);
    return Elaborator.elaborate(() -> new SoftmaxBlock(golden), p.designAttributes());
  }

  /** The golden softmax these parameters describe. */
  public static IntSoftmax softmax(Params p) {
    return IntSoftmax.withLut(IntFormat.signed(p.getInt("bits", 2, 12)), BlockParams.positiveReal(p, "scale"),
        p.getInt("entry_bits", 1, 24), p.getInt("out_bits", 1, 16), p.getInt("max_length", 1, 1024),
        IntSoftmax.Normalizer.DIVIDER);
  }
}
