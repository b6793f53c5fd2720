package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.Signal;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Vec;
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

    UInt phase = reg("phase", UInt.of(2), Phase.LOAD.ordinal());
    int counterBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(config.flushCycles(), rows)));
    UInt counter = reg("counter", UInt.of(counterBits));
    Bool expectFirst = reg("expect_first", Bool.TYPE, 1);
    Bool loading = phase.eq(Phase.LOAD.ordinal());
    Bool fire = in.valid.and(loading);
    in.ready.connect(loading);
    when(fire, () -> expectFirst.connect(in.last));

    List<SInt> aInjected = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      aInjected.add(skew("a_skew_" + i, mux(fire, in.a.get(i), SInt.lit(0, config.a().bits())), i));
    }
    List<Bool> firstInjected = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      firstInjected.add(skew("first_skew_" + i, fire.and(expectFirst), i));
    }
    List<Bool> shiftInjected = new ArrayList<>();
    if (config.accumulatorShift() > 0) {
      for (int i = 0; i < rows; i++) {
        shiftInjected.add(skew("shift_skew_" + i, fire.and(in.shift), i));
      }
    }
    List<SInt> bInjected = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      int delay = config.multiplier() == MultiplierKind.PACKED ? j / 2 : j;
      bInjected.add(skew("b_skew_" + j, mux(fire, in.b.get(j), SInt.lit(0, config.b().bits())), delay));
    }

    List<List<SInt>> results = config.multiplier() == MultiplierKind.PACKED
        ? packedArray(config, aInjected, bInjected, firstInjected)
        : plainArray(config, aInjected, bInjected, firstInjected, shiftInjected);

    UInt lastRow = UInt.lit(rows - 1, counterBits);
    Bool draining = phase.eq(Phase.DRAIN.ordinal());
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

    UInt nextCount = counter.add(1).resize(counterBits);
    int flush = config.flushCycles();
    when(fire.and(in.last), () -> {
      phase.connect(UInt.lit((flush == 0 ? Phase.DRAIN : Phase.FLUSH).ordinal(), 2));
      counter.connect(UInt.lit(flush == 0 ? 0 : 1, counterBits));
    });
    when(phase.eq(Phase.FLUSH.ordinal()), () -> {
      counter.connect(nextCount);
      when(counter.eq(flush), () -> {
        phase.connect(UInt.lit(Phase.DRAIN.ordinal(), 2));
        counter.connect(UInt.lit(0, counterBits));
      });
    });
    when(draining.and(out.ready), () -> counter.connect(nextCount));
    when(drained, () -> {
      phase.connect(UInt.lit(Phase.LOAD.ordinal(), 2));
      counter.connect(UInt.lit(0, counterBits));
    });
  }

  /** {@code value} delayed by {@code cycles} registers. */
  private static <T extends Signal> T skew(String name, T value, int cycles) {
    T delayed = value;
    for (int d = 1; d <= cycles; d++) {
      delayed = regNext(name + "_" + d, delayed);
    }
    return delayed;
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
