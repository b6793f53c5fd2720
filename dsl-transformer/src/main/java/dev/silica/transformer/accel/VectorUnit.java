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
  static final int LATENCY = 18;

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
  private final Meta[] stages;

  /**
   * @param program the compiled program (post-operations and ROM images)
   * @param postOp the draining instruction's post-operation index
   * @param issue an element enters this cycle
   * @param acc its accumulator
   * @param firstChannel the output channel of the tile's column 0 (stable while it drains)
   * @param column its column in the tile
   * @param table its positional-encoding ROM address
   * @param kind its {@link Destination}'s ordinal
   * @param bank its destination bank
   * @param address its destination address
   * @param residualOperand the residual add's read-back operand, one cycle after issue
   */
  VectorUnit(Program program, UInt postOp, Bool issue, SInt acc, UInt firstChannel, UInt column, UInt table,
      UInt kind, UInt bank, UInt address, SInt residualOperand) {
    this.postOps = program.postOps();
    this.postOp = postOp;
    int bits = program.bits();
    int clampBits = bits + 3;

    // issue: the bias word and the accumulator into registers
    Mem<SInt> biasRom = rom("bias", SInt.of(Widths.signed(program.bias())), program.bias());
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
    when(m2.valid.and(m2.kind.eq(Destination.PREDICTION.ordinal())), () -> prediction.connect(sum2));

    // 3: requantizer multiply; 4: its shift; 5: zero point and saturation
    SInt product3 = regNext("product_3", sum2.mul(unsignedAsSigned(field("multiplier", PostOp::multiplier, 2))));
    SInt shifted4 = regNext("shifted_4", Pipelining.roundingShift(product3,
        field("requant_shift", PostOp::shift, 3), clampBits));
    SInt code5 = regNext("code_5", Pipelining.roundingFinish(shifted4,
        signedField("requant_offset", p -> 1 + 2L * p.zeroPoint(), 4)).saturate(bits));
    Meta m5 = stages[5];
    SInt residual5 = delay("residual", residual2, 3, 5);

    // 6: ReLU, and the positional-encoding word; 7: the positional add
    SInt zeroPoint = signedField("zero_point", PostOp::zeroPoint, 5);
    SInt code6 = regNext("code_6", mux(flag("relu", PostOp::relu, 5).and(code5.lt(zeroPoint)), zeroPoint.resize(bits),
        code5));
    long[] peTable = program.positional();
    Mem<SInt> peRom = rom("positional", SInt.of(Widths.signed(peTable)), peTable);
    SInt pe6 = regNext("positional_6", peRom.read(m5.table.resize(peRom.addressWidth())));
    SInt code7 = regNext("code_7", mux(flag("positional", PostOp::positional, 6), code6.add(pe6).saturate(bits), code6));
    SInt residual7 = delay("residual", residual5, 6, 7);

    // 8: residual products; 9-10: their sum; 11: its shift; 12: zero point and saturation
    SInt productA = regNext("residual_a_8", residual7.sub(signedField("zero_a", PostOp::zeroA, 7))
        .mul(unsignedAsSigned(field("multiplier_a", PostOp::multiplierA, 7))));
    SInt productB = regNext("residual_b_8", code7.sub(signedField("zero_b", PostOp::zeroB, 7))
        .mul(unsignedAsSigned(field("multiplier_b", PostOp::multiplierB, 7))));
    SInt residualSum = Pipelining.add("residual_sum_10", productA, productB);
    SInt residualShifted = regNext("residual_shifted_11", Pipelining.roundingShift(residualSum,
        field("guard_bits", PostOp::guardBits, 10), clampBits));
    SInt residualCode = Pipelining.roundingFinish(residualShifted, signedField("residual_offset",
        p -> 1 + 2L * p.zeroOut(), 11)).saturate(bits);
    SInt code8 = regNext("code_8", code7);
    SInt code11 = delay("code", code8, 9, 11);
    SInt code12 = regNext("code_12", mux(flag("residual", PostOp::residual, 11), residualCode, code11));
    Meta m12 = stages[12];

    // 13: the normalization's coefficients; 14: product; 15-16: plus offset; 17: shift; 18: saturation
    Mem<SInt> normA = rom("norm_multiplier", SInt.of(Widths.signed(program.normMultipliers())),
        program.normMultipliers());
    Mem<SInt> normB = rom("norm_offset", SInt.of(Widths.signed(program.normOffsets())), program.normOffsets());
    UInt normBase = field("norm_base", PostOp::normBase, 12);
    SInt coefficient13 = regNext("norm_multiplier_13", normA.read(sum(normBase, m12.channel, normA.addressWidth())));
    SInt offset13 = regNext("norm_offset_13", normB.read(sum(normBase, m12.channel, normB.addressWidth())));
    SInt code13 = regNext("code_13", code12);
    SInt normProduct14 = regNext("norm_product_14", code13.mul(coefficient13));
    SInt offset14 = regNext("norm_offset_14", offset13);
    SInt normSum = Pipelining.add("norm_sum_16", normProduct14, offset14);
    SInt normShifted = regNext("norm_shifted_17", Pipelining.roundingShift(normSum,
        field("norm_shift", PostOp::normShift, 16), clampBits));
    SInt normCode = Pipelining.roundingFinish(normShifted, SInt.lit(1, 2)).saturate(bits);
    SInt code17 = delay("code", code13, 14, 17);
    writeCode = regNext("code_18", mux(flag("norm", PostOp::norm, 17), normCode, code17));
    Meta m18 = stages[LATENCY];
    writeValid = m18.valid.and(m18.kind.ne(Destination.PREDICTION.ordinal()));
    writeKind = m18.kind;
    writeBank = m18.bank;
    writeAddress = m18.address;
  }

  /** {@code value}, which belongs to stage {@code from - 1}, registered through stages {@code from..to}. */
  private static SInt delay(String name, SInt value, int from, int to) {
    SInt delayed = value;
    for (int stage = from; stage <= to; stage++) {
      delayed = regNext(name + "_" + stage, delayed);
    }
    return delayed;
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
    Mem<UInt> table = rom("post_" + name, UInt.of(Widths.unsigned(LongStream.of(values).max().orElse(0))), values);
    return table.read(index.resize(table.addressWidth()));
  }

  private SInt signedField(String name, ToLongFunction<PostOp> value, int stage) {
    long[] values = postOps.stream().mapToLong(value).toArray();
    Mem<SInt> table = rom("post_" + name, SInt.of(Widths.signed(values)), values);
    return regNext("post_" + name + "_" + stage, table.read(stages[stage - 1].post.resize(table.addressWidth())));
  }

  private Bool flag(String name, Predicate<PostOp> value, int stage) {
    return field(name, p -> value.test(p) ? 1 : 0, stage).asBool();
  }

  /** What travels with an element down the pipeline. */
  private record Meta(Bool valid, UInt kind, UInt bank, UInt address, UInt channel, UInt table, UInt post) {

    Meta next(int stage) {
      return new Meta(regNext("valid_" + stage, valid), regNext("kind_" + stage, kind),
          regNext("bank_" + stage, bank), regNext("address_" + stage, address),
          regNext("channel_" + stage, channel), regNext("table_" + stage, table), regNext("post_" + stage, post));
    }
  }
}
