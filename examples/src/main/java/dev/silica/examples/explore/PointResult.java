package dev.silica.examples.explore;

import com.google.common.base.Preconditions;
import dev.silica.synth.Resource;
import dev.silica.synth.ResourceTable;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the exploration found for one {@link DesignPoint}: either why the point is invalid, or its
 * estimated resources, its cycles per inference, how long the estimate took, Yosys's resources
 * where the point was checked, and its energy per inference where it was simulated.
 *
 * @param point the point
 * @param model where its model came from ({@link ShapeModel#source})
 * @param invalid why the accelerator cannot be built for the point, or empty
 * @param estimate the estimator's resource table (null for an invalid point)
 * @param yosys Yosys's resource table, for checked points
 * @param yosysFailure why Yosys gave no table, for a checked point it failed on
 * @param cycles clock cycles of one inference ({@code 0} for an invalid point)
 * @param estimateMillis milliseconds to compile, elaborate, optimize and estimate the point
 * @param rmse the model's test RMSE, when trained
 * @param energy the energy per inference, for points whose inferences were simulated
 */
public record PointResult(DesignPoint point, String model, Optional<String> invalid, ResourceTable estimate,
    Optional<ResourceTable> yosys, Optional<String> yosysFailure, long cycles, double estimateMillis,
    OptionalDouble rmse, Optional<PointEnergy> energy) {

  public PointResult {
    Preconditions.checkArgument(invalid.isPresent() == (estimate == null), "a point is invalid or estimated");
    Preconditions.checkArgument(invalid.isEmpty() || energy.isEmpty(), "an invalid point has no energy");
  }

  /** A point the accelerator cannot be built for, and why. */
  public static PointResult invalid(DesignPoint point, String model, String reason, double millis) {
    return new PointResult(point, model, Optional.of(reason), null, Optional.empty(), Optional.empty(), 0, millis,
        OptionalDouble.empty(), Optional.empty());
  }

  /** Whether the point was built. */
  public boolean valid() {
    return invalid.isEmpty();
  }

  /** The same result with Yosys's table beside the estimate. */
  public PointResult withYosys(ResourceTable table) {
    return new PointResult(point, model, invalid, estimate, Optional.of(table), Optional.empty(), cycles,
        estimateMillis, rmse, energy);
  }

  /** The same result with the reason Yosys failed on it. */
  public PointResult withYosysFailure(String reason) {
    return new PointResult(point, model, invalid, estimate, Optional.empty(), Optional.of(reason), cycles,
        estimateMillis, rmse, energy);
  }

  /** The same result with its energy per inference. */
  public PointResult withEnergy(PointEnergy measured) {
    return new PointResult(point, model, invalid, estimate, yosys, yosysFailure, cycles, estimateMillis, rmse,
        Optional.of(measured));
  }

  /** Millijoules per inference; only for a point with {@link #energy}. */
  public double millijoules() {
    return energy.orElseThrow().millijoules();
  }

  /** LUTs by the estimate. */
  public int lut() {
    return estimate.used(Resource.LUT);
  }

  /** Microseconds per inference at {@code clockMhz}. */
  public double latencyUs(double clockMhz) {
    return cycles / clockMhz;
  }

  /** Whether the point fits the device: by Yosys where checked, else by the estimate. */
  public boolean fits() {
    return yosys.map(ResourceTable::fits).orElse(estimate.fits());
  }
}
