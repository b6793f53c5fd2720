package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntLayerNorm;
import dev.silica.transformer.golden.QuantSpec;
import java.util.Arrays;

/** The {@code layernorm} generator: a streaming {@link LayerNormBlock} (bit-serial root, restoring divider). */
public final class LayerNormGenerator implements Generator {

  @Override
  public String name() {
    return "layernorm";
  }

  @Override
  public String description() {
    return "I-BERT-style integer LayerNorm over L channels: integer variance, bit-serial square root,"
        + " restoring division, per-channel affine requantization.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("in_bits", "8", "bits of the signed input codes (2..16)"),
        new Param("out_bits", "8", "bits of the signed output codes (2..16)"),
        new Param("channels", "16", "L, channels per position (2..256)"),
        new Param("out_scale", "0.03125", "real scale of the output"),
        new Param("gamma", "1.0", "gamma, one value for every channel"),
        new Param("beta", "0.0", "beta, one value for every channel"),
        new Param("fraction_bits", "8", "F, fraction bits of the normalized value (0..16)"),
        new Param("coefficient_bits", "16", "signed width of the per-channel gamma (4..24)"));
  }

  @Override
  public Design elaborate(Params p) {
    IntLayerNorm golden = layerNorm(p);
    return Elaborator.elaborate(() -> new LayerNormBlock(golden), p.designAttributes());
  }

  /** The golden LayerNorm these parameters describe. */
  public static IntLayerNorm layerNorm(Params p) {
    int channels = p.getInt("channels", 2, 256);
    double[] gamma = new double[channels];
    double[] beta = new double[channels];
    Arrays.fill(gamma, real(p, "gamma"));
    Arrays.fill(beta, real(p, "beta"));
    QuantSpec out = new QuantSpec(BlockParams.positiveReal(p, "out_scale"), 0,
        IntFormat.signed(BlockParams.codeBits(p, "out_bits")));
    try {
      return IntLayerNorm.of(gamma, beta, IntFormat.signed(BlockParams.codeBits(p, "in_bits")), out,
          p.getInt("fraction_bits", 0, 16), p.getInt("coefficient_bits", 4, 24));
    } catch (IllegalArgumentException e) {
      throw ParameterError.invalid("coefficient_bits", p.getString("coefficient_bits"), e.getMessage());
    }
  }

  private static double real(Params p, String name) {
    try {
      return Double.parseDouble(p.getString(name).trim());
    } catch (NumberFormatException e) {
      throw ParameterError.invalid(name, p.getString(name), "a real number");
    }
  }
}
