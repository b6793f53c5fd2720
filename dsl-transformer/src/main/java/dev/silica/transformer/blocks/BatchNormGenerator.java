package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.transformer.golden.BatchNormParams;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.QuantSpec;
import java.util.List;

/**
 * The {@code batchnorm} generator: a streaming {@link BatchNormBlock}. Per-channel statistics are
 * comma-separated lists (one value per channel); the defaults describe four channels.
 */
public final class BatchNormGenerator implements Generator {

  @Override
  public String name() {
    return "batchnorm";
  }

  @Override
  public String description() {
    return "BatchNorm folded into a per-channel integer affine map and requantization; latency 2,"
        + " one code per cycle.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("in_bits", "8", "bits of the signed input codes (2..16)"),
        new Param("out_bits", "8", "bits of the signed output codes (2..16)"),
        new Param("in_scale", "0.03125", "real scale of the input"),
        new Param("out_scale", "0.03125", "real scale of the output"),
        new Param("gamma", "1.0,0.8,1.2,0.5", "per-channel gamma"),
        new Param("beta", "0.0,0.1,-0.2,0.3", "per-channel beta"),
        new Param("mean", "0.0,0.5,-0.5,1.0", "per-channel running mean"),
        new Param("variance", "1.0,2.0,0.5,1.5", "per-channel running variance"),
        new Param("coefficient_bits", "16", "signed width of the per-channel multipliers (4..24)"));
  }

  @Override
  public Design elaborate(Params p) {
    FoldedBatchNorm golden = batchNorm(p);
    return Elaborator.elaborate(() -> new BatchNormBlock(golden), p.designAttributes());
  }

  /** The folded golden model these parameters describe. */
  public static FoldedBatchNorm batchNorm(Params p) {
    double[] gamma = reals(p, "gamma");
    int channels = gamma.length;
    BatchNormParams stats;
    try {
      stats = new BatchNormParams(gamma, sized(p, "beta", channels), sized(p, "mean", channels),
          sized(p, "variance", channels), 1e-5);
    } catch (IllegalArgumentException e) {
      throw ParameterError.invalid("variance", p.getString("variance"), e.getMessage());
    }
    QuantSpec in = QuantSpec.symmetric(BlockParams.positiveReal(p, "in_scale"), BlockParams.codeBits(p, "in_bits"));
    QuantSpec out = new QuantSpec(BlockParams.positiveReal(p, "out_scale"), 0,
        IntFormat.signed(BlockParams.codeBits(p, "out_bits")));
    try {
      return FoldedBatchNorm.fold(stats, in, out, p.getInt("coefficient_bits", 4, 24));
    } catch (IllegalArgumentException e) {
      throw ParameterError.invalid("coefficient_bits", p.getString("coefficient_bits"), e.getMessage());
    }
  }

  private static double[] sized(Params p, String name, int channels) {
    double[] values = reals(p, name);
    if (values.length != channels) {
      throw ParameterError.invalid(name, p.getString(name), channels + " values, one per channel like gamma");
    }
    return values;
  }

  private static double[] reals(Params p, String name) {
    try {
      return List.of(p.getString(name).split(",")).stream().map(String::trim).mapToDouble(Double::parseDouble)
          .toArray();
    } catch (NumberFormatException e) {
      throw ParameterError.invalid(name, p.getString(name), "comma-separated real numbers");
    }
  }
}
