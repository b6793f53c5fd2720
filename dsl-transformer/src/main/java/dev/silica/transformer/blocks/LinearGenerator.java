package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.Linear;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.RoundingMode;
import java.util.Random;

/**
 * The {@code linear} generator: a {@link LinearBlock} (one MAC) or a {@link LinearSystolicBlock}
 * (an {@code R x N} systolic array over batches of {@code R} vectors), whose float weights are drawn from N(0, 1/K)
 * with the given seed (a stand-in for trained weights, so the CLI can build and size a layer of
 * any shape) and quantized per tensor.
 */
public final class LinearGenerator implements Generator {

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public String description() {
    return "Quantized linear layer y = requant(x W + b) on one MAC or a systolic array, weights from block or"
        + " distributed ROM, requantizer at the output.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("k", "16", "input features K (1..1024)"),
        new Param("n", "8", "output features N (1..1024)"),
        new Param("in_bits", "8", "bits of the signed input codes (2..16)"),
        new Param("weight_bits", "8", "bits of the signed weights (2..16)"),
        new Param("out_bits", "8", "bits of the signed output codes (2..16)"),
        new Param("in_scale", "0.03125", "real scale of the input"),
        new Param("out_scale", "0.03125", "real scale of the output"),
        new Param("rounding", "single_rounding", "double_rounding, single_rounding or round_half_up_shift"),
        new Param("rom", "distributed", "block or distributed ROM for weights and bias"),
        new Param("engine", "mac", "mac (one multiply-accumulate) or systolic (a batch x n array)"),
        new Param("batch", "4", "systolic: vectors per batch R, the array's rows (1..64)"),
        new Param("multiplier", "dsp", "systolic: lut, dsp or packed"),
        new Param("seed", "1", "seed of the stand-in weights"));
  }

  @Override
  public Design elaborate(Params p) {
    Linear golden = linear(p);
    Memory.Style style = p.getEnum("rom", RomStyle.class) == RomStyle.BLOCK ? Memory.Style.BLOCK
        : Memory.Style.DISTRIBUTED;
    if (p.getEnum("engine", Engine.class) == Engine.SYSTOLIC) {
      int batch = p.getInt("batch", 1, 64);
      MultiplierKind multiplier = p.getEnum("multiplier", MultiplierKind.class);
      try {
        new SystolicConfig(batch, golden.foldedBias().length, golden.input(), golden.weight(), golden.weights().length,
            multiplier);
      } catch (IllegalArgumentException e) {
        throw ParameterError.invalid("multiplier", p.getString("multiplier"), e.getMessage());
      }
      return Elaborator.elaborate(() -> new LinearSystolicBlock(golden, batch, multiplier, style),
          p.designAttributes());
    }
    try {
      return Elaborator.elaborate(() -> new LinearBlock(golden, style), p.designAttributes());
    } catch (IllegalArgumentException e) {
      throw ParameterError.invalid("rounding", p.getString("rounding"), e.getMessage());
    }
  }

  /** What computes the dot products. */
  public enum Engine {
    MAC,
    SYSTOLIC
  }

  /** Where the weights live. */
  public enum RomStyle {
    BLOCK,
    DISTRIBUTED
  }

  /** The golden layer these parameters describe. */
  public static Linear linear(Params p) {
    int k = p.getInt("k", 1, 1024);
    int n = p.getInt("n", 1, 1024);
    Random random = new Random(p.getInt("seed"));
    double[][] weights = new double[k][n];
    for (double[] row : weights) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian() / Math.sqrt(k);
      }
    }
    double[] bias = new double[n];
    for (int j = 0; j < n; j++) {
      bias[j] = random.nextGaussian() * 0.1;
    }
    QuantSpec in = QuantSpec.symmetric(BlockParams.positiveReal(p, "in_scale"), BlockParams.codeBits(p, "in_bits"));
    QuantSpec out = new QuantSpec(BlockParams.positiveReal(p, "out_scale"), 0,
        IntFormat.signed(BlockParams.codeBits(p, "out_bits")));
    return Linear.quantize(weights, bias, in, BlockParams.codeBits(p, "weight_bits"), out,
        p.getEnum("rounding", RoundingMode.class));
  }
}
