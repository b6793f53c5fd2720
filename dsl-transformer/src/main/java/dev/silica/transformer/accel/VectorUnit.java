package dev.silica.transformer.accel;

import static dev.silica.dsl.Hw.cat;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.when;
import static dev.silica.transformer.blocks.DelayLine.delay;

import dev.silica.dsl.Bool;
import dev.silica.dsl.HwEnum;
import dev.silica.dsl.Mem;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Widths;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;

/**
 * The accelerator's element-wise pipeline, one drained accumulator per cycle through the {@link
 * PostOp} chain of the running instruction: bias, requantizer (multiply, rounding shift, zero point,
 * saturation), ReLU, positional encoding, residual add, folded BatchNorm. Every step is built once
 * and parameterized from small ROMs indexed by the post-operation; a step an instruction does not
 * use passes its value through. Each element carries its post-operation index down the pipeline,
 * so the next instruction's elements can follow the last ones of the previous instruction. Built
 * inside the accelerator's module; {@link #LATENCY} cycles from an element's issue to its write.
 */
final class VectorUnit {

  /** Cycles from issue to the cycle whose edge writes the result. */
  static final int LATENCY = 21;

  /** The pipeline's write-back: valid, destination kind, bank, address and code. */
  final Bool writeValid;
  final HwEnum<Destination> writeKind;
  final UInt writeBank;
  final UInt writeAddress;
  final SInt writeCode;
  /** The head's accumulator, registered whenever a PREDICTION element passes. */
  final SInt prediction;

  private final List<PostOp> postOps;
  private final UInt postOp;
  private final Meta[] stages;

  /**
   * @param program the compiled program (post-operations and ROM images)
   * @param postOp the draining instruction's post-operation index
   * @param issue an element enters this cycle
   * @param acc its accumulator
   * @param firstChannel the output channel of the tile's column 0 (stable while it drains)
   * @param column its column in the tile
   * @param table its positional-encoding ROM address
   * @param kind its destination
   * @param bank its destination bank
   * @param address its destination address
   * @param residualOperand the residual add's read-back operand, one cycle after issue
   */
  VectorUnit(Program program, UInt postOp, Bool issue, SInt acc, UInt firstChannel, UInt column, UInt table,
      HwEnum<Destination> kind, UInt bank, UInt address, SInt residualOperand) {
    this.postOps = program.postOps();
    this.postOp = postOp;
    int bits = program.bits();
    int clampBits = bits + 3;

    // issue: the bias word and the accumulator into registers
    Mem<SInt> biasRom = rom("bias", SInt.of(Widths.signedBitsOf(program.bias())), program.bias());
    UInt biasRow = regNext("bias_row", sum(issueField("bias_base", PostOp::biasBase), firstChannel,
        biasRom.addressWidth()));
    SInt bias1 = regNext("bias_1", biasRom.read(sum(biasRow, column, biasRom.addressWidth())));
    UInt channel = firstChannel.add(column);
    SInt acc1 = regNext("acc_1", acc);
    stages = new Meta[LATENCY + 1];
    stages[0] = new Meta(issue, kind, bank, address, channel, table, postOp);
    for (int stage = 1; stage <= LATENCY; stage++) {
      stages[stage] = stages[stage - 1].next(stage);
    }
    SInt residual1 = residualOperand;

    // 2: bias
    SInt sum2 = regNext("sum_2", acc1.add(mux(flag("bias", PostOp::bias, 1), bias1, SInt.lit(0, bias1.width()))));
    Meta m2 = stages[2];
    SInt residual2 = regNext("residual_2", residual1);
    prediction = reg("prediction_acc", sum2.signalType());
    when(m2.valid.and(m2.kind.is(Destination.PREDICTION)), () -> prediction.connect(sum2));

    // 3: requantizer multiply; 4: its shift; 5: clamp; 6: zero point and saturation
    SInt product3 = regNext("product_3", sum2.mul(unsignedAsSigned(field("multiplier", PostOp::multiplier, 2))));
    SInt shifted4 = regNext("shifted_4", Pipelining.halfShift(product3, field("requant_shift", PostOp::shift, 3)));
    SInt clamped5 = regNext("clamped_5", Pipelining.clamp(shifted4, clampBits));
    SInt code6 = regNext("code_6", Pipelining.roundingFinish(clamped5,
        signedField("requant_offset", p -> 1 + 2L * p.zeroPoint(), 5)).saturate(bits));
    SInt residual6 = delay("residual_2", residual2, 4);

    // 7: ReLU, and the positional-encoding word; 8: the positional add
    SInt zeroPoint = signedField("zero_point", PostOp::zeroPoint, 6);
    SInt code7 = regNext("code_7", mux(flag("relu", PostOp::relu, 6).and(code6.lt(zeroPoint)), zeroPoint.resize(bits),
        code6));
    long[] peTable = program.positional();
    Mem<SInt> peRom = rom("positional", SInt.of(Widths.signedBitsOf(peTable)), peTable);
    SInt pe7 = regNext("positional_7", peRom.read(stages[6].table.resize(peRom.addressWidth())));
    SInt code8 = regNext("code_8", mux(flag("positional", PostOp::positional, 7), code7.add(pe7).saturate(bits), code7));
    SInt residual8 = delay("residual_6", residual6, 2);

    // 9: residual products; 10-11: their sum; 12: its shift; 13: clamp; 14: zero point and saturation
    SInt productA = regNext("residual_a_9", residual8.sub(signedField("zero_a", PostOp::zeroA, 8))
        .mul(unsignedAsSigned(field("multiplier_a", PostOp::multiplierA, 8))));
    SInt productB = regNext("residual_b_9", code8.sub(signedField("zero_b", PostOp::zeroB, 8))
        .mul(unsignedAsSigned(field("multiplier_b", PostOp::multiplierB, 8))));
    SInt residualSum = Pipelining.add("residual_sum_11", productA, productB);
    SInt residualShifted = regNext("residual_shifted_12", Pipelining.halfShift(residualSum,
        field("guard_bits", PostOp::guardBits, 11)));
    SInt residualClamped = regNext("residual_clamped_13", Pipelining.clamp(residualShifted, clampBits));
    SInt residualCode = Pipelining.roundingFinish(residualClamped, signedField("residual_offset",
        p -> 1 + 2L * p.zeroOut(), 13)).saturate(bits);
    SInt code13 = delay("code_8", code8, 5);
    SInt code14 = regNext("code_14", mux(flag("residual", PostOp::residual, 13), residualCode, code13));

    // 15: the normalization's coefficients; 16: product; 17-18: plus offset; 19: shift; 20: clamp;
    // 21: saturation
    Mem<SInt> normA = rom("norm_multiplier", SInt.of(Widths.signedBitsOf(program.normMultipliers())),
        program.normMultipliers());
    Mem<SInt> normB = rom("norm_offset", SInt.of(Widths.signedBitsOf(program.normOffsets())), program.normOffsets());
    UInt normBase = field("norm_base", PostOp::normBase, 14);
    UInt channel14 = stages[14].channel;
    SInt coefficient15 = regNext("norm_multiplier_15", normA.read(sum(normBase, channel14, normA.addressWidth())));
    SInt offset15 = regNext("norm_offset_15", normB.read(sum(normBase, channel14, normB.addressWidth())));
    SInt code15 = regNext("code_15", code14);
    SInt normProduct16 = regNext("norm_product_16", code15.mul(coefficient15));
    SInt offset16 = regNext("norm_offset_16", offset15);
    SInt normSum = Pipelining.add("norm_sum_18", normProduct16, offset16);
    SInt normShifted = regNext("norm_shifted_19", Pipelining.halfShift(normSum,
        field("norm_shift", PostOp::normShift, 18)));
    SInt normClamped = regNext("norm_clamped_20", Pipelining.clamp(normShifted, clampBits));
    SInt normCode = Pipelining.roundingFinish(normClamped, SInt.lit(1, 2)).saturate(bits);
    SInt code20 = delay("code_15", code15, 5);
    writeCode = regNext("code_21", mux(flag("norm", PostOp::norm, 20), normCode, code20));
    Meta last = stages[LATENCY];
    writeValid = last.valid.and(last.kind.isNot(Destination.PREDICTION));
    writeKind = last.kind;
    writeBank = last.bank;
    writeAddress = last.address;
  }

  private static UInt sum(UInt base, UInt offset, int width) {
    return base.add(offset).resize(width);
  }

  private static SInt unsignedAsSigned(UInt value) {
    return cat(UInt.lit(0, 1), value).asSInt();
  }

  /**
   * An unsigned post-operation parameter of the draining instruction, registered (its index is set
   * when the instruction is fetched, long before its first element issues).
   */
  private UInt issueField(String name, ToLongFunction<PostOp> value) {
    return regNext("post_" + name + "_r", read(name, value, postOp));
  }

  /**
   * An unsigned post-operation parameter of the element in pipeline register {@code stage}: read
   * with the previous stage's index and registered, so each element meets its own instruction's
   * parameters even when the next instruction's elements follow it.
   */
  private UInt field(String name, ToLongFunction<PostOp> value, int stage) {
    return regNext("post_" + name + "_" + stage, read(name, value, stages[stage - 1].post));
  }

  private UInt read(String name, ToLongFunction<PostOp> value, UInt index) {
    long[] values = postOps.stream().mapToLong(value).toArray();
    Mem<UInt> table = rom("post_" + name, UInt.of(Widths.unsignedBits(LongStream.of(values).max().orElse(0))), values);
    return table.read(index.resize(table.addressWidth()));
  }

  private SInt signedField(String name, ToLongFunction<PostOp> value, int stage) {
    long[] values = postOps.stream().mapToLong(value).toArray();
    Mem<SInt> table = rom("post_" + name, SInt.of(Widths.signedBitsOf(values)), values);
    return regNext("post_" + name + "_" + stage, table.read(stages[stage - 1].post.resize(table.addressWidth())));
  }

  private Bool flag(String name, Predicate<PostOp> value, int stage) {
    return field(name, p -> value.test(p) ? 1 : 0, stage).asBool();
  }

  /** What travels with an element down the pipeline. */
  private record Meta(Bool valid, HwEnum<Destination> kind, UInt bank, UInt address, UInt channel, UInt table, UInt post) {

    Meta next(int stage) {
      return new Meta(regNext("valid_" + stage, valid), regNext("kind_" + stage, kind),
          regNext("bank_" + stage, bank), regNext("address_" + stage, address),
          regNext("channel_" + stage, channel), regNext("table_" + stage, table), regNext("post_" + stage, post));
    }
  }
}
