package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;

/** The {@code posenc} generator: a streaming {@link PosEncBlock}. */
public final class PosEncGenerator implements Generator {

  @Override
  public String name() {
    return "posenc";
  }

  @Override
  public String description() {
    return "Adds a quantized sinusoidal positional encoding from ROM to each channel vector, saturating;"
        + " latency 1, one position per cycle.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("bits", "8", "bits of the signed codes (2..16)"),
        new Param("channels", "8", "d_model, lanes per beat (1..256)"),
        new Param("max_length", "32", "positions in the ROM (2..4096)"),
        new Param("scale", "0.0625", "real scale of the input codes (the encoding is quantized to it)"),
        new Param("zero_point", "0", "zero point of the input codes"));
  }

  @Override
  public Design elaborate(Params p) {
    PositionalEncoding golden = positionalEncoding(p);
    return Elaborator.elaborate(() -> new PosEncBlock(golden), p.designAttributes());
  }

  /** The golden model these parameters describe. */
  public static PositionalEncoding positionalEncoding(Params p) {
    int bits = BlockParams.codeBits(p, "bits");
    QuantSpec input = new QuantSpec(BlockParams.positiveReal(p, "scale"),
        BlockParams.signedCode(p, "zero_point", bits), IntFormat.signed(bits));
    return new PositionalEncoding(p.getInt("max_length", 2, 4096), p.getInt("channels", 1, 256), input);
  }
}
