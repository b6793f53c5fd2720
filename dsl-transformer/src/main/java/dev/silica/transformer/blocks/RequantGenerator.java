package dev.silica.transformer.blocks;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.Requantizer;
import dev.silica.transformer.golden.RoundingMode;

/** The {@code requant} generator: a streaming {@link RequantBlock}. */
public final class RequantGenerator implements Generator {

  @Override
  public String name() {
    return "requant";
  }

  @Override
  public String description() {
    return "Streaming requantizer clamp(round(acc * M) + zp) with TFLite double rounding, single rounding"
        + " or multiply-shift round-half-up; latency 2, one beat per cycle.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("acc_bits", "24", "bits of the signed input accumulator (2..32 for double_rounding, ..40 otherwise)"),
        new Param("out_bits", "8", "bits of the signed output code (2..16)"),
        new Param("scale", "0.0123", "the real multiplier M, positive"),
        new Param("zero_point", "0", "output zero point, a code of out_bits"),
        new Param("rounding", "single_rounding", "double_rounding, single_rounding or round_half_up_shift"),
        new Param("multiplier_bits", "16", "unsigned multiplier width for round_half_up_shift (2..31)"));
  }

  @Override
  public Design elaborate(Params p) {
    return Elaborator.elaborate(() -> new RequantBlock(p.getInt("acc_bits", 2, 40), requantizer(p)),
        p.designAttributes());
  }

  /** The golden requantizer these parameters describe; the hardware is built from its constants. */
  public static Requantizer requantizer(Params p) {
    RoundingMode mode = p.getEnum("rounding", RoundingMode.class);
    int accBits = p.getInt("acc_bits", 2, 40);
    if (mode == RoundingMode.DOUBLE_ROUNDING && accBits > 32) {
      throw ParameterError.invalid("acc_bits", p.getString("acc_bits"), "at most 32 for double_rounding (gemmlowp is int32)");
    }
    int outBits = BlockParams.codeBits(p, "out_bits");
    IntFormat out = IntFormat.signed(outBits);
    double scale = BlockParams.positiveReal(p, "scale");
    int zeroPoint = BlockParams.signedCode(p, "zero_point", outBits);
    try {
      return switch (mode) {
        case DOUBLE_ROUNDING -> Requantizer.doubleRounding(scale, zeroPoint, out);
        case SINGLE_ROUNDING -> Requantizer.singleRounding(scale, zeroPoint, out);
        case ROUND_HALF_UP_SHIFT -> Requantizer.roundHalfUpShift(scale, p.getInt("multiplier_bits", 2, 31), zeroPoint,
            out);
      };
    } catch (IllegalArgumentException e) {
      throw ParameterError.invalid("scale", p.getString("scale"), "a scale the multiplier can represent: " + e.getMessage());
    }
  }
}
