package dev.silica.examples.explore;

import dev.silica.power.EnergyEstimate;
import dev.silica.examples.forecast.ForecastEnergy;
import java.util.Locale;

/**
 * The energy per inference of one design point, measured as {@code silica energy} measures it
 * ({@link ForecastEnergy}): the switching of real inferences of its model's first test windows on
 * Silica's simulator, costed by the {@link dev.silica.power.EnergyCoefficients} of the XC7S15. The
 * recorded activity itself is not kept.
 *
 * @param perInference the estimate per inference
 * @param windows test windows simulated
 * @param agreeing windows whose prediction equals the integer-only inference's
 */
public record PointEnergy(EnergyEstimate perInference, int windows, int agreeing) {

  /** The part of a measurement the exploration keeps. */
  public static PointEnergy of(ForecastEnergy.Result measured) {
    return new PointEnergy(measured.perInference(), measured.windows(), measured.agreeing());
  }

  /** Millijoules per inference, dynamic and static. */
  public double millijoules() {
    return perInference.totalJoules() * 1e3;
  }

  /** Whether every simulated window agreed with the integer-only inference. */
  public boolean bitExact() {
    return agreeing == windows;
  }

  /** The agreement as {@code silica energy} prints it: {@code agreeing/windows}. */
  public String exact() {
    return agreeing + "/" + windows;
  }

  /** The millijoules as the exploration and {@code silica energy} print them: {@code 0.00798}. */
  public String millijoulesText() {
    return String.format(Locale.ROOT, "%.5f", millijoules());
  }
}
