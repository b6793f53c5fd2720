package dev.silica.examples.explore;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The exploration's three Pareto fronts among the valid points that fit the device: latency
 * against LUTs (all of them), RMSE against latency (those with a trained model's RMSE) and energy
 * against RMSE (those with both an RMSE and a simulated energy).
 *
 * @param latencyLut cycles against estimated LUTs
 * @param rmseLatency test RMSE against cycles
 * @param energyRmse energy per inference against test RMSE
 */
public record ExploreFronts(ImmutableList<PointResult> latencyLut, ImmutableList<PointResult> rmseLatency,
    ImmutableList<PointResult> energyRmse) {

  /** The fronts of the fitting points among {@code results}. */
  public static ExploreFronts of(List<PointResult> results) {
    List<PointResult> fitting = fitting(results);
    List<PointResult> withRmse = fitting.stream().filter(r -> r.rmse().isPresent()).toList();
    List<PointResult> withEnergy = withRmse.stream().filter(r -> r.energy().isPresent()).toList();
    return new ExploreFronts(ParetoFront.of(fitting, r -> r.lut(), r -> r.cycles()),
        ParetoFront.of(withRmse, r -> r.cycles(), r -> r.rmse().getAsDouble()),
        ParetoFront.of(withEnergy, PointResult::millijoules, r -> r.rmse().getAsDouble()));
  }

  /** The valid points that fit the device (by Yosys where checked, else by the estimate). */
  public static List<PointResult> fitting(List<PointResult> results) {
    return results.stream().filter(r -> r.valid() && r.fits()).toList();
  }
}
