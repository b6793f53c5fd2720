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
    return "Integer softmax over a row: exponential table over all 2^b input differences or I-BERT's i-exp,"
        + " sequential radix-2 divider; b-bit probabilities of scale 1/(2^b - 1).";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("bits", "8", "bits of the signed input codes (2..12)"),
        new Param("out_bits", "8", "bits of the unsigned probabilities (1..16)"),
        new Param("scale", "0.0625", "real scale of the input codes"),
        new Param("exp", "lut", "lut (table over all differences) or iexp (I-BERT polynomial)"),
        new Param("entry_bits", "12", "lut: unsigned width of the table's entries (1..24)"),
        new Param("precision_bits", "8", "iexp: bits resolving the reduced argument on (-ln2, 0] (2..12)"),
        new Param("max_length", "32", "the longest row L (1..1024)"));
  }

  @Override
  public Design elaborate(Params p) {
    IntSoftmax golden = softmax(p);
    return Elaborator.elaborate(() -> new SoftmaxBlock(golden), p.designAttributes());
  }

  /** The golden softmax these parameters describe. */
  public static IntSoftmax softmax(Params p) {
    IntFormat input = IntFormat.signed(p.getInt("bits", 2, 12));
    double scale = BlockParams.positiveReal(p, "scale");
    int outBits = p.getInt("out_bits", 1, 16);
    int maxLength = p.getInt("max_length", 1, 1024);
    return p.getEnum("exp", ExpMethod.class) == ExpMethod.LUT
        ? IntSoftmax.withLut(input, scale, p.getInt("entry_bits", 1, 24), outBits, maxLength,
            IntSoftmax.Normalizer.DIVIDER)
        : IntSoftmax.withIExp(input, scale, p.getInt("precision_bits", 2, 12), outBits, maxLength,
            IntSoftmax.Normalizer.DIVIDER);
  }

  /** The exponential's implementation. */
  public enum ExpMethod {
    LUT,
    IEXP
  }
}
