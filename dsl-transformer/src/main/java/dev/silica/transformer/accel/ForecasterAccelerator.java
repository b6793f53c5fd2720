package dev.silica.transformer.accel;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.stateMachine;
import static dev.silica.dsl.Hw.switchOn;
import static dev.silica.dsl.Hw.when;
import static dev.silica.dsl.Hw.wire;
import static dev.silica.transformer.blocks.DelayLine.delay;

import dev.silica.dsl.Bool;
import dev.silica.dsl.EnumType;
import dev.silica.dsl.HwEnum;
import dev.silica.dsl.Mem;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.StateMachine;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Vec;
import dev.silica.dsl.Widths;
import dev.silica.ir.Memory;
import dev.silica.transformer.blocks.RegisteredRom;
import dev.silica.transformer.blocks.Systolic;
import dev.silica.transformer.blocks.SystolicConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The integer-only forecaster accelerator: a {@link Program} run by a sequencer over one shared
 * {@link Systolic} array, a {@link VectorUnit} for the element-wise steps, a softmax and pooling
 * unit around one {@link PipelinedDivider}, banked activation memory ({@code R} banks, one per
 * array row) and attention memory ({@code C} banks holding keys and values), and the weight ROM
 * ({@code C} lanes).
 *
 * <h2>Host interface</h2>
 *
 * <ul>
 *   <li>While {@code busy} is low, write the window's input codes (signed, of the model's input
 *       width, as {@code IntegerForecaster.inputCodes} gives them): {@code in_addr = t * features + f},
 *       {@code in_data} the code, {@code in_write} high for one cycle per code.
 *   <li>Pulse {@code start} for one cycle. {@code busy} rises on the next edge and {@code done}
 *       falls.
 *   <li>When {@code done} rises (and {@code busy} falls), {@code prediction} holds the head's
 *       accumulator: the forecast in units of {@code IntegerForecaster.accumulatorScale()}. It stays
 *       until the next start. The input codes stay in memory, so a window can be run again.
 * </ul>
 */
public final class ForecasterAccelerator extends Module {

  public final Bool start;
  public final Bool inWrite;
  public final UInt inAddr;
  public final SInt inData;
  public final Bool busy;
  public final Bool done;
  public final SInt prediction;

  /** The sequencer's states. */
  private enum State { IDLE, FETCH, FEED, DRAIN, SETTLE, MAX, EXP, DIVIDE, POOL }

  private static final EnumType<Opcode> OPCODES = EnumType.of(Opcode.class);
  private static final EnumType<Destination> DESTINATIONS = EnumType.of(Destination.class);

  private final StateMachine<State> fsm = stateMachine("state", State.class, State.IDLE);
  private final Map<Field, UInt> fields = new EnumMap<>(Field.class);

  public ForecasterAccelerator(Program program) {
    AcceleratorConfig accel = program.accel();
    int rows = accel.rows();
    int cols = accel.cols();
    int bits = program.bits();
    int window = program.model().window();
    int dModel = program.model().dModel();
    int laneBits = program.laneBits();
    int quotientBits = Math.max(bits, program.probabilityBits());

    start = input("start", Bool.TYPE);
    inWrite = input("in_write", Bool.TYPE);
    inAddr = input("in_addr", UInt.of(Widths.indexBits(window * program.model().features())));
    inData = input("in_data", SInt.of(program.inputBits()));
    busy = output("busy", Bool.TYPE);
    done = output("done", Bool.TYPE);

    // ---- program counter and instruction fields ----
    List<Instruction> instructions = program.instructions();
    UInt pc = reg("pc", UInt.of(Widths.indexBits(instructions.size())));
    Map<Field, UInt> fetched = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      long[] values = instructions.stream().mapToLong(i -> i.get(f)).toArray();
      int width = f.signed() ? Widths.signedBitsOf(values) : Widths.unsignedBits(LongStream.of(values).max().orElse(0));
      long[] words = LongStream.of(values).map(v -> width == 64 ? v : v & ((1L << width) - 1)).toArray();
      String name = f.name().toLowerCase(Locale.ROOT);
      UInt word = rom("program_" + name, UInt.of(width), words).read(pc);
      UInt held = reg(name, UInt.of(width));
      fsm.is(State.FETCH, () -> held.connect(word));
      fields.put(f, held);
      fetched.put(f, word);
    }

    // ---- memories ----
    // a block RAM holds a power of two words at no extra cost, and a memory that fills its address
    // space needs no range check on the read address (the longest path when it had one)
    int activationDepth = accel.storage() == Memory.Style.BLOCK
        ? 1 << Widths.log2Ceil(program.activationDepth())
        : program.activationDepth();
    List<Mem<SInt>> activations = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      activations.add(mem("activations_" + r, SInt.of(laneBits), activationDepth).style(accel.storage()));
    }
    List<Mem<SInt>> attention = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      attention.add(mem("attention_" + c, SInt.of(bits), program.attentionDepth()).style(Memory.Style.DISTRIBUTED));
    }
    int actAddrBits = activations.get(0).addressWidth();
    UInt actReadAddr = wire("activation_read_address", UInt.of(actAddrBits), 0);
    List<SInt> actData = new ArrayList<>();
    for (Mem<SInt> bank : activations) {
      actData.add(bank.readSync(actReadAddr));
    }
    Vec<SInt> actLanes = Vec.of(actData);

    // ---- counters ----
    UInt k = reg("k", UInt.of(Widths.unsignedBits(Math.max(program.maxK(), window))));
    UInt settle = reg("settle", UInt.of(Widths.unsignedBits(VectorUnit.LATENCY + quotientBits + 4)));
    HwEnum<State> resume = reg("resume", fsm.state().enumType(), State.IDLE);
    UInt length = field(Field.LENGTH);
    Bool lastK = k.add(1).eq(length);

    // ---- host ----
    Bool idle = fsm.isIn(State.IDLE);
    busy.connect(idle.not());
    Bool finished = reg("finished", Bool.TYPE);
    done.connect(finished);
    when(idle.and(start), () -> {
      fsm.goTo(State.FETCH);
      pc.connect(0);
      finished.connect(Bool.lit(false));
    });

    // ---- fetch and dispatch ----
    fsm.is(State.FETCH, () -> {
      k.connect(0);
      pc.connect(pc.addWrap(1));
      switchOn(decoded(fetched.get(Field.OP), OPCODES))
          .is(Opcode.MATMUL, () -> fsm.goTo(State.FEED))
          .is(Opcode.SOFTMAX, () -> fsm.goTo(State.MAX))
          .is(Opcode.POOL, () -> fsm.goTo(State.POOL))
          .otherwise(() -> {
            fsm.goTo(State.IDLE);
            finished.connect(Bool.lit(true));
          });
    });
    fsm.is(State.SETTLE, () -> {
      settle.connect(settle.subWrap(1));
      when(settle.eq(0), () -> fsm.goTo(resume));
    });

    // ---- feed: K operand beats into the array ----
    boolean split = program.splits();
    SystolicConfig arrayConfig = program.arrayConfig();
    Systolic array = instance("array", () -> new Systolic(arrayConfig));
    Bool feeding = fsm.isIn(State.FEED);
    // a split tile runs its operands twice: high halves, then low halves; beat is k within the
    // current half
    UInt beat = reg("beat", k.signalType());
    Bool lowHalf = reg("low_half", Bool.TYPE);
    Bool splitting = field(Field.SPLIT).asBool();
    fsm.is(State.FETCH, () -> {
      beat.connect(0);
      lowHalf.connect(Bool.lit(false));
    });
    when(feeding, () -> {
      actReadAddr.connect(field(Field.A_ADDR).add(beat).resize(actAddrBits));
      k.connect(k.addWrap(1));
      Bool wrap = splitting.and(beat.add(1).eq(length.shr(1)));
      beat.connect(mux(wrap, UInt.lit(0, beat.width()), beat.addWrap(1)));
      when(wrap, () -> lowHalf.connect(Bool.lit(true)));
      when(lastK, () -> fsm.goTo(State.DRAIN));
    });
    UInt bAddr = field(Field.B_ADDR).add(beat);
    Bool fromMemory = field(Field.B_FROM_MEMORY).asBool();
    SInt aZero = field(Field.A_ZERO).asSInt();
    SInt bZero = field(Field.B_ZERO).asSInt();
    Bool lowBeat = regNext("low_beat", lowHalf);
    Bool highBeat = regNext("high_beat", splitting.and(lowHalf.not()));
    int aBits = arrayConfig.a().bits();
    for (int r = 0; r < rows; r++) {
      SInt lane = actData.get(r);
      SInt operand = lane.sub(aZero).resize(aBits);
      if (split) {
        SInt high = lane.shr(bits).resize(aBits);
        SInt low = lane.asUInt().slice(bits - 1, 0).resize(aBits).asSInt();
        operand = mux(highBeat, high, mux(lowBeat, low, operand));
      }
      array.in.a.get(r).connect(regNext("operand_a_" + r, operand));
    }
    for (int c = 0; c < cols; c++) {
      long[] lane = program.weights()[c];
      SInt weight = RegisteredRom.read("weights_" + c, bits, lane, bAddr.resize(Widths.indexBits(lane.length)),
          Bool.lit(true), accel.storage());
      SInt stored = attention.get(c).readSync(bAddr.resize(attention.get(c).addressWidth()));
      array.in.b.get(c).connect(regNext("operand_b_" + c,
          mux(fromMemory, stored, weight).sub(bZero).resize(arrayConfig.b().bits())));
    }
    if (split) {
      array.in.shift.connect(delay("beat_shift", feeding.and(lowHalf).and(beat.eq(0)), 2));
    }
    // operands are read one edge after their address and registered once more before the array
    array.in.valid.connect(delay("beat_valid", feeding, 2));
    array.in.last.connect(delay("beat_last", feeding.and(lastK), 2));

    // ---- drain: rows of the tile into the vector unit, one element per cycle ----
    Bool draining = fsm.isIn(State.DRAIN);
    Bool holding = reg("holding", Bool.TYPE);
    UInt row = reg("row", UInt.of(Widths.indexBits(rows + 1)));
    UInt col = reg("col", UInt.of(Widths.indexBits(cols + 1)));
    UInt rowAddress = reg("row_address", UInt.of(field(Field.DST_ADDR).width() + 1));
    UInt keyBank = reg("key_bank", UInt.of(Widths.indexBits(cols)));
    UInt rowTable = reg("row_table", UInt.of(Widths.indexBits(window * dModel)));
    List<SInt> held = new ArrayList<>();
    fsm.is(State.FETCH, () -> {
      row.connect(0);
      rowAddress.connect(fetched.get(Field.DST_ADDR).resize(rowAddress.width()));
      keyBank.connect(fetched.get(Field.BANK).resize(keyBank.width()));
      rowTable.connect(fetched.get(Field.TABLE_ADDR).resize(rowTable.width()));
    });
    HwEnum<Destination> destination = decoded(field(Field.DESTINATION), DESTINATIONS);
    Bool rowValid = row.lt(field(Field.ROWS));
    Bool lastCol = col.add(1).eq(field(Field.COLS));
    Bool issue = holding.and(rowValid);
    Bool release = holding.and(rowValid.not().or(lastCol));
    when(issue, () -> col.connect(col.addWrap(1)));
    Bool toKeys = destination.is(Destination.KEYS);
    Bool toValues = destination.is(Destination.VALUES);
    when(release, () -> {
      holding.connect(Bool.lit(false));
      row.connect(row.addWrap(1));
      rowTable.connect(rowTable.add(dModel).resize(rowTable.width()));
      when(toValues, () -> rowAddress.connect(rowAddress.addWrap(1)));
      when(toKeys, () -> {
        Bool wrap = keyBank.eq(cols - 1);
        keyBank.connect(mux(wrap, UInt.lit(0, keyBank.width()), keyBank.addWrap(1)));
        when(wrap, () -> rowAddress.connect(rowAddress.add(dModel).resize(rowAddress.width())));
      });
      when(row.eq(rows - 1), () -> {
        fsm.goTo(State.FETCH);
        when(field(Field.FENCE).asBool(), () -> settleThen(settle, resume, VectorUnit.LATENCY, State.FETCH));
      });
    });
    // the next row is taken in the cycle the current one is released
    Bool take = draining.and(array.out.valid).and(holding.not().or(release));
    array.out.ready.connect(draining.and(holding.not().or(release)));
    for (int c = 0; c < cols; c++) {
      SInt acc = reg("held_" + c, SInt.of(arrayConfig.accumulator().bits()));
      SInt result = array.out.data.get(c);
      when(take, () -> acc.connect(result));
      held.add(acc);
    }
    when(take, () -> {
      holding.connect(Bool.lit(true));
      col.connect(0);
    });
    when(draining, () -> actReadAddr.connect(field(Field.RES_ADDR).add(col).resize(actAddrBits)));
    int bankBits = Widths.indexBits(Math.max(rows, cols));
    UInt elementBank = mux(toKeys, keyBank.resize(bankBits), mux(toValues, col.resize(bankBits), row.resize(bankBits)));
    UInt elementAddress = mux(toValues, rowAddress, rowAddress.add(col).resize(rowAddress.width()));
    UInt residualLane = regNext("residual_lane", row);
    VectorUnit vector = new VectorUnit(program, field(Field.POST_OP), issue, Vec.of(held).get(col),
        field(Field.CHANNEL), col, rowTable.add(col), destination, elementBank, elementAddress,
        actLanes.get(residualLane));
    prediction = output("prediction", vector.prediction.signalType());
    prediction.connect(vector.prediction);

    // ---- softmax: maximum, exponentials, divisions ----
    Bool maxing = fsm.isIn(State.MAX);
    Bool exping = fsm.isIn(State.EXP);
    Bool dividing = fsm.isIn(State.DIVIDE);
    UInt scoreLane = field(Field.BANK).resize(Widths.indexBits(rows));
    when(maxing.or(exping), () -> {
      actReadAddr.connect(field(Field.A_ADDR).add(k).resize(actAddrBits));
      k.connect(k.addWrap(1));
      when(lastK, () -> {
        k.connect(0);
        when(maxing, () -> fsm.goTo(State.EXP))
            .otherwise(() -> settleThen(settle, resume, 2, State.DIVIDE));
      });
    });
    SInt score = actLanes.get(scoreLane).resize(bits);
    SInt rowMax = reg("row_max", SInt.of(bits));
    Bool maxValid = regNext("max_valid", maxing);
    Bool maxFirst = regNext("max_first", maxing.and(k.eq(0)));
    when(maxValid, () -> rowMax.connect(mux(maxFirst.or(score.gt(rowMax)), score, rowMax)));
    long[] expTable = program.expTable();
    Mem<UInt> expRom = rom("exp_table", UInt.of(Widths.unsignedBits(LongStream.of(expTable).max().orElse(0))), expTable);
    Bool expValid1 = regNext("exp_valid_1", exping);
    UInt expIndex1 = regNext("exp_index_1", k);
    UInt delta2 = regNext("exp_delta_2", rowMax.sub(score).asUInt().resize(bits));
    Bool expValid2 = regNext("exp_valid_2", expValid1);
    UInt expIndex2 = regNext("exp_index_2", expIndex1);
    UInt e3 = regNext("exp_3", expRom.read(field(Field.TABLE_ADDR).add(delta2).resize(expRom.addressWidth())));
    Bool expValid3 = regNext("exp_valid_3", expValid2);
    UInt expIndex3 = regNext("exp_index_3", expIndex2);
    long expMax = LongStream.of(expTable).max().orElse(0);
    UInt expSum = reg("exp_sum", UInt.of(Widths.unsignedBits(expMax * window)));
    // each exponential is kept times 2P, the numerator's first term
    long probabilityMax = (1L << program.probabilityBits()) - 1;
    UInt scaled = e3.mul(UInt.lit(2 * probabilityMax, Widths.unsignedBits(2 * probabilityMax)));
    List<UInt> exps = new ArrayList<>();
    for (int j = 0; j < window; j++) {
      UInt e = reg("exp_" + j, scaled.signalType());
      when(expValid3.and(expIndex3.eq(j)), () -> e.connect(scaled));
      exps.add(e);
    }
    when(expValid3, () -> expSum.connect(mux(expIndex3.eq(0), e3.resize(expSum.width()),
        expSum.addWrap(e3))));
    int dividerLatency = PipelinedDivider.latency(quotientBits);
    when(dividing, () -> {
      k.connect(k.addWrap(1));
      when(lastK, () -> settleThen(settle, resume, dividerLatency, State.FETCH));
    });
    Bool divideValid1 = regNext("divide_valid_1", dividing);
    UInt divideIndex1 = regNext("divide_index_1", k);
    UInt softmaxNumerator = regNext("divide_exp_1", Vec.of(exps).get(k)).add(expSum);
    UInt softmaxDenominator = expSum.shl(1);

    // ---- pooling: each channel's sum over the window, divided by the window ----
    Bool pooling = fsm.isIn(State.POOL);
    int rowBlocks = program.rowBlocks();
    UInt block = reg("pool_block", UInt.of(Widths.indexBits(rowBlocks)));
    UInt poolAddress = reg("pool_address", UInt.of(actAddrBits));
    UInt channelAddress = reg("pool_channel_address", UInt.of(actAddrBits));
    Bool lastBlock = block.eq(rowBlocks - 1);
    int treeLevels = Pipelining.treeLevels(rows);
    fsm.is(State.FETCH, () -> {
      block.connect(0);
      poolAddress.connect(fetched.get(Field.A_ADDR).resize(actAddrBits));
      channelAddress.connect(fetched.get(Field.A_ADDR).resize(actAddrBits));
    });
    when(pooling, () -> {
      actReadAddr.connect(poolAddress);
      when(lastBlock, () -> {
        block.connect(0);
        UInt next = channelAddress.addWrap(1);
        channelAddress.connect(next);
        poolAddress.connect(next);
        k.connect(k.addWrap(1));
        when(lastK, () -> settleThen(settle, resume, treeLevels + dividerLatency + 1, State.FETCH));
      }).otherwise(() -> {
        block.connect(block.addWrap(1));
        poolAddress.connect(poolAddress.add(field(Field.STRIDE)).resize(actAddrBits));
      });
    });
    // the lanes arrive a cycle after their read and are summed over treeLevels registered levels
    int poolDelay = 1 + treeLevels;
    Bool poolValid = delay("pool_valid", pooling, poolDelay);
    Bool poolFirst = delay("pool_first", pooling.and(block.eq(0)), poolDelay);
    Bool poolLast = delay("pool_last", pooling.and(lastBlock), poolDelay);
    UInt poolChannel = delay("pool_channel", k, poolDelay);
    SInt laneSum = Pipelining.sumTree("pool_lanes", actData.stream().map(v -> v.resize(bits)).toList());
    int poolSumBits = Widths.signedBitsOf((long) window * (1L << (bits - 1)), -(long) window * (1L << (bits - 1))) + 1;
    SInt poolSum = reg("pool_sum", SInt.of(poolSumBits));
    when(poolValid, () -> poolSum.connect(mux(poolFirst, laneSum.resize(poolSumBits),
        poolSum.add(laneSum).resize(poolSumBits))));
    Bool poolDone = regNext("pool_done", poolValid.and(poolLast));
    UInt pooledChannel = regNext("pool_done_channel", poolChannel);
    long minCode = -(1L << (bits - 1));
    // floor((2 sum + T) / 2T) = floor((2 (sum - T min) + T) / 2T) + min, with a non-negative numerator
    UInt poolNumerator = poolSum.shl(1).add(window - 2L * window * minCode).asUInt();

    // ---- the divider, shared by softmax and pooling ----
    int numeratorBits = Math.max(softmaxNumerator.width(), poolNumerator.width());
    int denominatorBits = Math.max(softmaxDenominator.width(), Widths.unsignedBits(2L * window));
    int tagBits = k.width();
    PipelinedDivider divider = instance("divider",
        () -> new PipelinedDivider(numeratorBits, denominatorBits, quotientBits, tagBits));
    divider.inValid.connect(divideValid1.or(poolDone));
    divider.numerator.connect(mux(divideValid1, softmaxNumerator.resize(numeratorBits),
        poolNumerator.resize(numeratorBits)));
    divider.denominator.connect(mux(divideValid1, softmaxDenominator.resize(denominatorBits),
        UInt.lit(2L * window, denominatorBits)));
    divider.tagIn.connect(mux(divideValid1, divideIndex1, pooledChannel));
    Bool pooled = decoded(field(Field.OP), OPCODES).is(Opcode.POOL);
    SInt quotient = divider.quotient.resize(quotientBits + 1).asSInt();
    SInt divided = mux(pooled, quotient.add(minCode).resize(laneBits), quotient.resize(laneBits));
    UInt dividedBank = mux(pooled, UInt.lit(0, scoreLane.width()), scoreLane);
    UInt dividedAddress = field(Field.DST_ADDR).add(divider.tagOut).resize(actAddrBits);

    // ---- write ports ----
    long[] hostBank = new long[window * program.model().features()];
    long[] hostAddress = new long[hostBank.length];
    int features = program.model().features();
    for (int i = 0; i < hostBank.length; i++) {
      hostBank[i] = (i / features) % rows;
      hostAddress[i] = program.input().address(i / features, i % features, rows);
    }
    UInt inBank = rom("input_bank", UInt.of(Widths.indexBits(rows)), hostBank).read(inAddr);
    UInt inAddress = rom("input_address", UInt.of(actAddrBits), hostAddress).read(inAddr);
    Bool hostWrite = idle.and(inWrite);
    Bool vectorToActivations = vector.writeValid.and(vector.writeKind.is(Destination.ACTIVATIONS));
    UInt writeAddress = mux(hostWrite, inAddress, mux(divider.outValid, dividedAddress,
        vector.writeAddress.resize(actAddrBits)));
    SInt writeData = mux(hostWrite, inData.resize(laneBits), mux(divider.outValid, divided,
        vector.writeCode.resize(laneBits)));
    for (int r = 0; r < rows; r++) {
      Bool enable = hostWrite.and(inBank.eq(r)).or(divider.outValid.and(dividedBank.eq(r)))
          .or(vectorToActivations.and(vector.writeBank.eq(r)));
      activations.get(r).write(writeAddress, writeData, enable);
    }
    Bool vectorToAttention = vector.writeValid.and(vectorToActivations.not());
    for (int c = 0; c < cols; c++) {
      Mem<SInt> bank = attention.get(c);
      bank.write(vector.writeAddress.resize(bank.addressWidth()), vector.writeCode,
          vectorToAttention.and(vector.writeBank.eq(c)));
    }
  }

  private UInt field(Field f) {
    return fields.get(f);
  }

  /** An instruction field holding the ordinals of {@code type}'s constants, read as that enum. */
  private static <E extends Enum<E>> HwEnum<E> decoded(UInt bits, EnumType<E> type) {
    return type.fromBits(bits.width() == type.width() ? bits : bits.resize(type.width()));
  }

  /** Waits {@code cycles} more cycles in SETTLE, then goes to {@code next}. */
  private void settleThen(UInt settle, HwEnum<State> resume, int cycles, State next) {
    fsm.goTo(State.SETTLE);
    settle.connect(UInt.lit(cycles, settle.width()));
    resume.connect(next);
  }

  @Override
  protected String moduleName() {
    return "Forecaster";
  }
}
