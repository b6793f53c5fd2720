package dev.silica.dsl.samples;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;

/** The {@code mac} generator: a signed {@link Mac} of chosen operand and accumulator widths. */
public final class MacGenerator implements Generator {

  @Override
  public String name() {
    return "mac";
  }

  @Override
  public String description() {
    return "A signed multiply-accumulate unit with clear and valid inputs.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("a_bits", "8", "bits of the signed operand a (1..64)"),
        new Param("b_bits", "8", "bits of the signed operand b (1..64)"),
        new Param("acc_bits", "24", "bits of the signed sum, at least a_bits + b_bits (..256)"));
  }

  @Override
  public Design elaborate(Params p) {
    int aBits = p.getInt("a_bits", 1, 64);
    int bBits = p.getInt("b_bits", 1, 64);
    int accBits = p.getInt("acc_bits", 1, 256);
    if (accBits < aBits + bBits) {
      throw ParameterError.invalid(
          "acc_bits", p.getString("acc_bits"), "at least a_bits + b_bits = " + (aBits + bBits) + " so that a product fits");
    }
    return Elaborator.elaborate(() -> new Mac(aBits, bBits, accBits), p.designAttributes());
  }
}
