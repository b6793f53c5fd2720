package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.transformer.golden.IntFormat;

/** The {@code systolic} generator: an output-stationary {@link Systolic} matrix-multiply array. */
public final class SystolicGenerator implements Generator {

  @Override
  public String name() {
    return "systolic";
  }

  @Override
  public String description() {
    return "Output-stationary R x C systolic matrix multiply with skewing and draining; accumulators sized"
        + " from max_k; LUT, DSP or two-per-DSP packed multipliers.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("rows", "4", "R, rows of A and of the array (1..64)"),
        new Param("cols", "4", "C, columns of B and of the array (1..64, even for packed)"),
        new Param("a_bits", "8", "bits of the signed A operand (2..16)"),
        new Param("b_bits", "8", "bits of the signed B operand (2..16)"),
        new Param("max_k", "64", "the longest dot product K the accumulators must hold (1..65536)"),
        new Param("acc_bits", "auto", "accumulator bits; auto sizes them from max_k, a number is checked"),
        new Param("multiplier", "dsp", "lut, dsp or packed (two MACs per DSP48E1)"));
  }

  @Override
  public Design elaborate(Params p) {
    SystolicConfig config = config(p);
    return Elaborator.elaborate(() -> new Systolic(config), p.designAttributes());
  }

  /** The array these parameters describe, with the overflow and packing checks applied. */
  public static SystolicConfig config(Params p) {
    int rows = p.getInt("rows", 1, 64);
    int cols = p.getInt("cols", 1, 64);
    IntFormat a = IntFormat.signed(BlockParams.codeBits(p, "a_bits"));
    IntFormat b = IntFormat.signed(BlockParams.codeBits(p, "b_bits"));
    int maxK = p.getInt("max_k", 1, 65536);
    MultiplierKind kind = p.getEnum("multiplier", MultiplierKind.class);
    SystolicConfig config;
    try {
      config = new SystolicConfig(rows, cols, a, b, maxK, kind);
    } catch (IllegalArgumentException e) {
      throw ParameterError.invalid("multiplier", p.getString("multiplier"), e.getMessage());
    }
    String accBits = p.getString("acc_bits").trim();
    if (!accBits.equals("auto")) {
      int given = p.getInt("acc_bits", 1, 64);
      int needed = config.accumulator().bits();
      if (given != needed) {
        throw ParameterError.invalid("acc_bits", accBits, given < needed
            ? "at least " + needed + ": " + maxK + " products of " + a + " x " + b + " can overflow " + given + " bits"
            : "exactly " + needed + " (auto); wider accumulators only cost resources");
      }
    }
    return config;
  }
}
