package dev.silica.testbench;

/** The simulators a {@link Tester} or {@link TraceRunner} can drive, chosen by one argument. */
public enum Engine {
  /** Silica's own compiled interpreter ({@link dev.silica.sim.Simulator}), in this process. */
  SILICA,
  /** Verilator, from the emitted Verilog and a generated C++ harness ({@link dev.silica.testbench.cosim.VerilatorHarness}). */
  VERILATOR,
  /** Icarus Verilog, from the emitted Verilog and a generated testbench ({@link dev.silica.testbench.cosim.IcarusHarness}). */
  ICARUS
}
