package dev.silica.transformer.accel;

import static dev.silica.dsl.Hw.cat;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Mem;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The accelerator's element-wise pipeline, one drained accumulator per cycle through the {@link
 * PostOp} chain of the running instruction: bias, requantizer (multiply, rounding shift, zero point,
 * saturation), ReLU, positional encoding, residual add, folded BatchNorm. Every step is built once
 * and parameterized from small ROMs indexed by the post-operation; a step an instruction does not
 * use passes its value through. Built inside the accelerator's module; {@link #LATENCY} cycles from
 * an element's issue to its write.
 */
final class VectorUnit {

  /** Cycles from issue to the cycle whose edge writes the result. */
  static final int LATENCY = 9;

  /** The pipeline's write-back: valid, destination kind, bank, address and code. */
  final Bool writeValid;
  final UInt writeKind;
  final UInt writeBank;
  final UInt writeAddress;
  final SInt writeCode;
  /** The head's accumulator, registered whenever a PREDICTION element passes. */
  final SInt prediction;

  private final List<PostOp> postOps;
  private final UInt postOp;

  /**
   * @param program the compiled program (post-operations and ROM images)
   * @param postOp the running instruction's post-operation index (stable while it runs)
   * @param issue an element enters this cycle
   * @param acc its accumulator
   * @param channel its output channel
   * @param table its positional-encoding ROM address
   * @param kind its {@link Destination}'s ordinal
   * @param bank its destination bank
   * @param address its destination address
   * @param residualOperand the residual add's read-back operand, one cycle after issue
   */
  VectorUnit(Program program, UInt postOp, Bool issue, SInt acc, UInt channel, UInt table, UInt kind, UInt bank,
      UInt address, SInt residualOperand) {
    this.postOps = program.postOps();
    this.postOp = postOp;
    int bits = program.bits();

    // stage 1: bias
    Mem<SInt> biasRom = rom("bias", SInt.of(Widths.signed(program.bias())), program.bias());
    SInt bias = biasRom.read(sum(field("bias_base", PostOp::biasBase), channel, biasRom.addressWidth()));
    SInt withBias = acc.add(mux(flag("bias", PostOp::bias), bias, SInt.lit(0, bias.width())));
    Meta m1 = new Meta(issue, kind, bank, address, channel, table).next(1);
    SInt sum1 = regNext("sum_1", withBias);
    SInt residual1 = residualOperand;
    prediction = reg("prediction_acc", sum1.signalType());
    when(m1.valid.and(m1.kind.eq(Destination.PREDICTION.ordinal())), () -> prediction.connect(sum1));

    // stage 2: requantizer multiply
    UInt multiplier = field("multiplier", PostOp::multiplier);
    SInt product2 = regNext("product_2", sum1.mul(cat(UInt.lit(0, 1), multiplier).asSInt()));
    Meta m2 = m1.next(2);
    SInt residual2 = regNext("residual_2", residual1);

    // stage 3: rounding shift
    int shiftMax = postOps.stream().mapToInt(PostOp::shift).max().orElse(0);
    int roundedBits = Math.max(product2.width(), shiftMax + 1) + 1;
    SInt half = signedField("requant_half", p -> PostOp.half(p.shift()));
    SInt rounded3 = regNext("rounded_3",
        product2.resize(roundedBits).add(half).sra(field("requant_shift", PostOp::shift)));
    Meta m3 = m2.next(3);
    SInt residual3 = regNext("residual_3", residual2);

    // stage 4: zero point, saturation, ReLU
    SInt zeroPoint = signedField("zero_point", PostOp::zeroPoint);
    SInt code = rounded3.add(zeroPoint).saturate(bits);
    SInt relu = mux(flag("relu", PostOp::relu).and(code.lt(zeroPoint)), zeroPoint.resize(bits), code);
    SInt code4 = regNext("code_4", relu);
    Meta m4 = m3.next(4);
    SInt residual4 = regNext("residual_4", residual3);

    // stage 5: positional encoding
    long[] peTable = program.positional();
    Mem<SInt> peRom = rom("positional", SInt.of(Widths.signed(peTable)), peTable);
    SInt pe = peRom.read(m4.table.resize(peRom.addressWidth()));
    SInt code5 = regNext("code_5", mux(flag("positional", PostOp::positional), code4.add(pe).saturate(bits), code4));
    Meta m5 = m4.next(5);
    SInt residual5 = regNext("residual_5", residual4);

    // stage 6: residual products
    SInt productA = regNext("residual_a_6", residual5.sub(signedField("zero_a", PostOp::zeroA))
        .mul(unsignedAsSigned(field("multiplier_a", PostOp::multiplierA))));
    SInt productB = regNext("residual_b_6", code5.sub(signedField("zero_b", PostOp::zeroB))
        .mul(unsignedAsSigned(field("multiplier_b", PostOp::multiplierB))));
    SInt code6 = regNext("code_6", code5);
    Meta m6 = m5.next(6);

    // stage 7: residual rounding, zero point, saturation
    SInt residualSum = productA.add(productB).add(signedField("guard_half", p -> PostOp.half(p.guardBits())));
    SInt added = residualSum.sra(field("guard_bits", PostOp::guardBits)).add(signedField("zero_out", PostOp::zeroOut))
        .saturate(bits);
    SInt code7 = regNext("code_7", mux(flag("residual", PostOp::residual), added, code6));
    Meta m7 = m6.next(7);

    // stage 8: normalization multiply-add
    Mem<SInt> normA = rom("norm_multiplier", SInt.of(Widths.signed(program.normMultipliers())),
        program.normMultipliers());
    Mem<SInt> normB = rom("norm_offset", SInt.of(Widths.signed(program.normOffsets())), program.normOffsets());
    UInt normBase = field("norm_base", PostOp::normBase);
    SInt normSum = code7.mul(normA.read(sum(normBase, m7.channel, normA.addressWidth())))
        .add(normB.read(sum(normBase, m7.channel, normB.addressWidth())));
    SInt norm8 = regNext("norm_8", normSum);
    SInt code8 = regNext("code_8", code7);
    Meta m8 = m7.next(8);

    // stage 9: normalization rounding and saturation
    int normShiftMax = postOps.stream().mapToInt(PostOp::normShift).max().orElse(0);
    SInt normRounded = norm8.resize(Math.max(norm8.width(), normShiftMax + 1) + 1)
        .add(signedField("norm_half", p -> PostOp.half(p.normShift()))).sra(field("norm_shift", PostOp::normShift))
        .saturate(bits);
    writeCode = regNext("code_9", mux(flag("norm", PostOp::norm), normRounded, code8));
    Meta m9 = m8.next(9);
    writeValid = m9.valid.and(m9.kind.ne(Destination.PREDICTION.ordinal()));
    writeKind = m9.kind;
    writeBank = m9.bank;
    writeAddress = m9.address;
  }

  private static UInt sum(UInt base, UInt offset, int width) {
    return base.add(offset).resize(width);
  }

  private static SInt unsignedAsSigned(UInt value) {
    return cat(UInt.lit(0, 1), value).asSInt();
  }

  /** An unsigned post-operation parameter, registered (the index is stable while an instruction runs). */
  private UInt field(String name, ToLongFunction<PostOp> value) {
    long[] values = postOps.stream().mapToLong(value).toArray();
    long max = java.util.Arrays.stream(values).max().orElse(0);
    Mem<UInt> table = rom("post_" + name, UInt.of(Widths.unsigned(max)), values);
    UInt read = table.read(postOp.resize(table.addressWidth()));
    return regNext("post_" + name + "_r", read);
  }

  private SInt signedField(String name, ToLongFunction<PostOp> value) {
    long[] values = postOps.stream().mapToLong(value).toArray();
    Mem<SInt> table = rom("post_" + name, SInt.of(Widths.signed(values)), values);
    SInt read = table.read(postOp.resize(table.addressWidth()));
    return regNext("post_" + name + "_r", read);
  }

  private Bool flag(String name, java.util.function.Predicate<PostOp> value) {
    return field(name, p -> value.test(p) ? 1 : 0).asBool();
  }

  /** What travels with an element down the pipeline. */
  private record Meta(Bool valid, UInt kind, UInt bank, UInt address, UInt channel, UInt table) {

    Meta next(int stage) {
      return new Meta(regNext("valid_" + stage, valid), regNext("kind_" + stage, kind),
          regNext("bank_" + stage, bank), regNext("address_" + stage, address),
          regNext("channel_" + stage, channel), regNext("table_" + stage, table));
    }
  }
}
