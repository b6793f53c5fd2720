package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.ResidualAdd;

/** The {@code residual-add} generator: a streaming {@link ResidualAddBlock}. */
public final class ResidualAddGenerator implements Generator {

  @Override
  public String name() {
    return "residual-add";
  }

  @Override
  public String description() {
    return "Adds two differently quantized streams, each rescaled by its own multiplier and shift, then"
        + " saturated; latency 2, one beat per cycle.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("a_bits", "8", "bits of operand a (2..16)"),
        new Param("b_bits", "8", "bits of operand b (2..16)"),
        new Param("out_bits", "8", "bits of the output (2..16)"),
        new Param("a_scale", "0.05", "real scale of a"),
        new Param("b_scale", "0.08", "real scale of b"),
        new Param("out_scale", "0.1", "real scale of the output"),
        new Param("a_zero_point", "0", "zero point of a"),
        new Param("b_zero_point", "0", "zero point of b"),
        new Param("out_zero_point", "0", "zero point of the output"),
        new Param("multiplier_bits", "16", "unsigned width of each operand's multiplier (2..24)"),
        new Param("guard_bits", "4", "fraction bits kept before the final rounding (0..8)"));
  }

  @Override
  public Design elaborate(Params p) {
    ResidualAdd golden = residualAdd(p);
    return Elaborator.elaborate(() -> new ResidualAddBlock(golden), p.designAttributes());
  }

  /** The golden model these parameters describe. */
  public static ResidualAdd residualAdd(Params p) {
    QuantSpec a = spec(p, "a");
    QuantSpec b = spec(p, "b");
    QuantSpec out = spec(p, "out");
    try {
      return new ResidualAdd(a, b, out, p.getInt("multiplier_bits", 2, 24), p.getInt("guard_bits", 0, 8));
    } catch (IllegalArgumentException e) {
      throw ParameterError.invalid("multiplier_bits", p.getString("multiplier_bits"),
          "a width that can represent both scale ratios: " + e.getMessage());
    }
  }

  private static QuantSpec spec(Params p, String operand) {
    int bits = BlockParams.codeBits(p, operand + "_bits");
    return new QuantSpec(BlockParams.positiveReal(p, operand + "_scale"),
        BlockParams.signedCode(p, operand + "_zero_point", bits), IntFormat.signed(bits));
  }
}
