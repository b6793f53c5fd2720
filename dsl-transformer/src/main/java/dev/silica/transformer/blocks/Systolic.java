package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.stateMachine;
import static dev.silica.dsl.Hw.when;
import static dev.silica.transformer.blocks.DelayLine.delay;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.StateMachine;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Vec;
import dev.silica.dsl.Widths;
import java.util.ArrayList;
import java.util.List;

/**
 * Output-stationary systolic matrix multiply {@code Y = A B} of one {@code R x K} by {@code K x C}
 * tile, {@code K <= maxK}, each element of {@code Y} accumulated in place by one processing
 * element.
 *
 * <p>Why output-stationary: the target models are small (d_model and K up to a few dozen) and
 * many of their products have no stationary weights at all (attention's {@code Q K^T} and {@code
 * P V} multiply two activations), so streaming both operands and keeping sums in place serves every
 * matmul the same way; sums never move between elements, so each accumulator is sized once from
 * {@code maxK} ({@link SystolicConfig#accumulator()}) and no partial sum crosses the array.
 *
 * <p>Dataflow: operand beat {@code k} ({@link OperandStream}) enters row {@code i} after an {@code
 * i}-register skew and column {@code j} after a {@code j}-register skew, so {@code A[i][k]} and
 * {@code B[k][j]} meet in element {@code (i, j)}; a {@code first} flag travels with {@code a} and
 * restarts the sums. The array runs every cycle; a missing beat injects zeros, which leave sums
 * unchanged. After the last beat the block waits {@link SystolicConfig#flushCycles()} cycles, then
 * drains {@code Y} one row per beat ({@code C} accumulator lanes, {@code last} on row {@code R-1}),
 * and only then accepts the next tile.
 *
 * <p>Timing: a tile takes {@code K} load cycles, {@code F} flush cycles ({@link
 * SystolicConfig#flushCycles()}: {@code R + C - 1}, the plain elements registering their products,
 * or {@code R + C/2 - 2} when packed) and {@code R} drain cycles when neither side stalls; the
 * first row leaves {@code K + F} cycles after the first beat.
 */
public final class Systolic extends Module {

  public final OperandStream in;
  public final VecStream<SInt> out;

  private enum Phase {
    LOAD,
    FLUSH,
    DRAIN
  }

  public Systolic(SystolicConfig config) {
    int rows = config.rows();
    int cols = config.cols();
    int accBits = config.accumulator().bits();
    in = bundle("in", p -> new OperandStream(p.flipped(), rows, config.a().bits(), cols, config.b().bits(),
        config.accumulatorShift() > 0));
    out = bundle("out", p -> new VecStream<>(p, cols, SInt.of(accBits)));

    StateMachine<Phase> phase = stateMachine("phase", Phase.class, Phase.LOAD);
    int counterBits = Widths.unsignedBits(Math.max(config.flushCycles(), rows));
    UInt counter = reg("counter", UInt.of(counterBits));
    Bool expectFirst = reg("expect_first", Bool.TYPE, 1);
    Bool loading = phase.isIn(Phase.LOAD);
    Bool fire = in.valid.and(loading);
    in.ready.connect(loading);
    when(fire, () -> expectFirst.connect(in.last));

    List<SInt> aInjected = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      aInjected.add(delay("a_skew_" + i, mux(fire, in.a.get(i), SInt.lit(0, config.a().bits())), i));
    }
    List<Bool> firstInjected = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      firstInjected.add(delay("first_skew_" + i, fire.and(expectFirst), i));
    }
    List<Bool> shiftInjected = new ArrayList<>();
    if (config.accumulatorShift() > 0) {
      for (int i = 0; i < rows; i++) {
        shiftInjected.add(delay("shift_skew_" + i, fire.and(in.shift), i));
      }
    }
    List<SInt> bInjected = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      int delay = config.multiplier() == MultiplierKind.PACKED ? j / 2 : j;
      bInjected.add(delay("b_skew_" + j, mux(fire, in.b.get(j), SInt.lit(0, config.b().bits())), delay));
    }

    List<List<SInt>> results = config.multiplier() == MultiplierKind.PACKED
        ? packedArray(config, aInjected, bInjected, firstInjected)
        : plainArray(config, aInjected, bInjected, firstInjected, shiftInjected);

    UInt lastRow = UInt.lit(rows - 1, counterBits);
    Bool draining = phase.isIn(Phase.DRAIN);
    Bool drained = draining.and(out.ready).and(counter.eq(lastRow));
    for (int j = 0; j < cols; j++) {
      List<SInt> column = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        column.add(results.get(i).get(j));
      }
      out.data.get(j).connect(Vec.of(column).get(counter));
    }
    out.valid.connect(draining);
    out.last.connect(counter.eq(lastRow));

    UInt nextCount = counter.addWrap(1);
    int flush = config.flushCycles();
    when(fire.and(in.last), () -> {
      phase.goTo(flush == 0 ? Phase.DRAIN : Phase.FLUSH);
      counter.connect(flush == 0 ? 0 : 1);
    });
    phase.is(Phase.FLUSH, () -> {
      counter.connect(nextCount);
      when(counter.eq(flush), () -> {
        phase.goTo(Phase.DRAIN);
        counter.connect(0);
      });
    });
    when(draining.and(out.ready), () -> counter.connect(nextCount));
    when(drained, () -> {
      phase.goTo(Phase.LOAD);
      counter.connect(0);
    });
  }

  private static List<List<SInt>> plainArray(SystolicConfig config, List<SInt> a, List<SInt> b, List<Bool> first,
      List<Bool> shift) {
    int accBits = config.accumulator().bits();
    List<List<SInt>> results = new ArrayList<>();
    List<SInt> fromAbove = new ArrayList<>(b);
    for (int i = 0; i < config.rows(); i++) {
      SInt fromLeft = a.get(i);
      Bool firstFromLeft = first.get(i);
      Bool shiftFromLeft = shift.isEmpty() ? null : shift.get(i);
      List<SInt> row = new ArrayList<>();
      for (int j = 0; j < config.cols(); j++) {
        ProcessingElement pe = instance("pe_" + i + "_" + j, () -> new ProcessingElement(config.a().bits(),
            config.b().bits(), accBits, config.multiplier(), config.accumulatorShift()));
        pe.aIn.connect(fromLeft);
        pe.bIn.connect(fromAbove.get(j));
        pe.firstIn.connect(firstFromLeft);
        if (shiftFromLeft != null) {
          pe.shiftIn.connect(shiftFromLeft);
          shiftFromLeft = pe.shiftOut;
        }
        fromLeft = pe.aOut;
        firstFromLeft = pe.firstOut;
        fromAbove.set(j, pe.bOut);
        row.add(pe.acc);
      }
      results.add(row);
    }
    return results;
  }

  private static List<List<SInt>> packedArray(SystolicConfig config, List<SInt> a, List<SInt> b, List<Bool> first) {
    DspPacking packing = config.packing();
    int accBits = config.accumulator().bits();
    List<List<SInt>> results = new ArrayList<>();
    List<SInt> fromAbove = new ArrayList<>(b);
    for (int i = 0; i < config.rows(); i++) {
      SInt fromLeft = a.get(i);
      Bool firstFromLeft = first.get(i);
      List<SInt> row = new ArrayList<>();
      for (int pair = 0; pair < config.cols() / 2; pair++) {
        int hiColumn = 2 * pair;
        int loColumn = 2 * pair + 1;
        PackedProcessingElement pe = instance("pe_" + i + "_" + pair, () -> new PackedProcessingElement(packing));
        pe.aIn.connect(fromLeft);
        pe.bHiIn.connect(fromAbove.get(hiColumn));
        pe.bLoIn.connect(fromAbove.get(loColumn));
        pe.firstIn.connect(firstFromLeft);
        fromLeft = pe.aOut;
        firstFromLeft = pe.firstOut;
        fromAbove.set(hiColumn, pe.bHiOut);
        fromAbove.set(loColumn, pe.bLoOut);
        row.add(pe.hi.resize(accBits));
        row.add(pe.lo.resize(accBits));
      }
      results.add(row);
    }
    return results;
  }
}
