package dev.silica.power;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import dev.silica.ir.Design;
import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import dev.silica.synth.ResourceAttribution;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The energy a design spends on the XC7S15 over a recorded interval, by {@link Part}: dynamic
 * energy from the recorded switching, each element of the design costed with the resources the
 * {@link Estimator} maps it to, plus static power over the interval's duration.
 *
 * <p>Per element (register, node or memory of the flattened design), with {@code a} its recorded
 * transitions per bit (for a memory, those of its read ports' outputs): its LUTs cost {@code a}
 * LUT transitions each, its CARRY4s four carry-bit transitions of rate {@code a}, its flip-flops
 * {@code a} output transitions each; each DSP48E1 one operation per cycle in which its product
 * changed; a block RAM memory one access per enabled port edge, by its word width. Every
 * flip-flop's clock pin and the clock tree cost every cycle. Elements the estimator sees under a
 * name the simulation does not have (optimization renamed or merged them) get the mean activity
 * of the others; {@link #unmatchedElements} counts them.
 *
 * @param joules energy by part, every part present
 * @param cycles clock cycles of the interval
 * @param seconds its duration at the clock
 * @param unmatchedElements costed elements without recorded activity
 */
public record EnergyEstimate(ImmutableMap<Part, Double> joules, double cycles, double seconds, int unmatchedElements) {

  /** Where the energy goes. */
  public enum Part {
    LOGIC("LUT logic"),
    CARRY("carry chains"),
    LUT_MEMORY("LUT RAM"),
    FLIP_FLOPS("flip-flops"),
    CLOCK("clock"),
    BLOCK_RAM("block RAM"),
    DSP("DSP48E1"),
    STATIC("static");

    private final String label;

    Part(String label) {
      this.label = label;
    }

    /** The row label in a report. */
    public String label() {
      return label;
    }
  }

  /**
   * The energy of {@code design} over the interval of {@code activity}, recorded on a simulation of
   * that design at {@code clockMhz}, with the XC7S15 coefficients.
   */
  public static EnergyEstimate of(Design design, SwitchingActivity activity, double clockMhz) {
    return of(design, activity, clockMhz, EnergyCoefficients.XC7S15);
  }

  /** As {@link #of(Design, SwitchingActivity, double)}, with the given coefficients. */
  public static EnergyEstimate of(Design design, SwitchingActivity activity, double clockMhz, EnergyCoefficients k) {
    if (!(clockMhz > 0)) {
      throw new IllegalArgumentException("the clock must be positive, not " + clockMhz + " MHz");
    }
    ResourceAttribution attribution = Estimator.attribute(design);
    Map<String, Double> rates = new HashMap<>();
    double weighted = 0;
    double weights = 0;
    for (Map.Entry<String, ImmutableMap<Resource, Integer>> e : attribution.elements().entrySet()) {
      Optional<Double> a = transitionsPerBit(activity, e.getKey());
      if (a.isPresent()) {
        rates.put(e.getKey(), a.get());
        int weight = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
        weighted += weight * a.get();
        weights += weight;
      }
    }
    double mean = weights == 0 ? 0 : weighted / weights;
    Map<Part, Double> joules = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      joules.put(p, 0.0);
    }
    long cycles = activity.cycles();
    int unmatched = 0;
    for (Map.Entry<String, ImmutableMap<Resource, Integer>> e : attribution.elements().entrySet()) {
      String name = e.getKey();
      Double known = rates.get(name);
      if (known == null) {
        unmatched++;
      }
      double a = known == null ? mean : known;
      for (Map.Entry<Resource, Integer> cost : e.getValue().entrySet()) {
        int n = cost.getValue();
        switch (cost.getKey()) {
          case LUT_AS_LOGIC -> joules.merge(Part.LOGIC, n * a * k.lutToggle(), Double::sum);
          case LUT_AS_MEMORY -> joules.merge(Part.LUT_MEMORY, n * a * k.lutToggle(), Double::sum);
          case CARRY4 -> joules.merge(Part.CARRY, n * 4 * a * k.carryBitToggle(), Double::sum);
          case FF -> joules.merge(Part.FLIP_FLOPS, n * a * k.flipFlopToggle(), Double::sum);
          case DSP48E1 -> joules.merge(Part.DSP, n * operations(activity, name, a, cycles) * k.dspOperation(), Double::sum);
          case RAMB18, RAMB36 -> {}
          case LUT -> throw new IllegalStateException("the estimator attributes LUTs by kind, not " + cost.getKey());
        }
      }
      if (e.getValue().containsKey(Resource.RAMB18) || e.getValue().containsKey(Resource.RAMB36)) {
        activity.memory(name).ifPresent(m -> joules.merge(Part.BLOCK_RAM,
            (m.reads() + m.writes()) * (k.blockRamAccess() + m.width() * k.blockRamAccessPerBit()), Double::sum));
      }
    }
    int flipFlops = attribution.table().used(Resource.FF);
    joules.put(Part.CLOCK, cycles * (k.clockTreePerCycle() + flipFlops * k.clockPerFlipFlop()));
    double seconds = cycles / (clockMhz * 1e6);
    joules.put(Part.STATIC, k.staticWatts() * seconds);
    return new EnergyEstimate(Maps.immutableEnumMap(joules), cycles, seconds, unmatched);
  }

  /** This energy divided over {@code n} equal runs (inferences) of the interval. */
  public EnergyEstimate per(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("cannot divide over " + n + " runs");
    }
    Map<Part, Double> each = new EnumMap<>(Part.class);
    joules.forEach((part, j) -> each.put(part, j / n));
    return new EnergyEstimate(Maps.immutableEnumMap(each), cycles / n, seconds / n, unmatchedElements);
  }

  /** The energy of one part. */
  public double joules(Part part) {
    return joules.get(part);
  }

  /** Everything but static. */
  public double dynamicJoules() {
    return totalJoules() - joules(Part.STATIC);
  }

  public double staticJoules() {
    return joules(Part.STATIC);
  }

  public double totalJoules() {
    return joules.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Mean power over the interval, in watts. */
  public double watts() {
    return totalJoules() / seconds;
  }

  /**
   * The recorded transitions per bit of an element: a signal's own, or for a memory the mean of
   * its read ports' outputs; empty when the simulation has neither under this name.
   */
  private static Optional<Double> transitionsPerBit(SwitchingActivity activity, String name) {
    Optional<SignalActivity> signal = activity.signal(name);
    if (signal.isPresent()) {
      return Optional.of(signal.get().meanToggles());
    }
    return activity.memory(name).flatMap(m -> m.readPorts().stream()
        .map(activity::signal).flatMap(Optional::stream)
        .mapToDouble(SignalActivity::meanToggles).boxed()
        .reduce(Double::sum).map(sum -> sum / m.readPorts().size()));
  }

  /**
   * The multiplications of a DSP-mapped node: the cycles in which its product changed, or for a
   * node without recorded activity its mean transitions per bit taken as a per-cycle rate.
   */
  private static double operations(SwitchingActivity activity, String name, double transitionsPerBit, long cycles) {
    return activity.signal(name).map(s -> (double) s.changedCycles())
        .orElse(Math.min(cycles, transitionsPerBit));
  }
}
