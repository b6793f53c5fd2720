package dev.silica.testbench.cosim;

/**
 * The first place two simulators disagree: in {@code cycle} (counted from 0, as rows of the trace),
 * output {@code signal} was {@code silicaValue} in Silica's simulator and {@code toolValue} in the
 * other tool. Values are decimal, or the tool's raw hex when it printed unknown bits.
 */
public record Mismatch(int cycle, String signal, String silicaValue, String toolValue) {

  @Override
  public String toString() {
    return "cycle " + cycle + ": " + signal + " = " + silicaValue + " in silica, " + toolValue + " in the other tool";
  }
}
