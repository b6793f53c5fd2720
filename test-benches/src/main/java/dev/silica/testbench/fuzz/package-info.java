/**
 * Differential fuzzing: {@link dev.silica.testbench.fuzz.RandomDesigns} makes a legal random IR
 * design per seed, {@link dev.silica.testbench.fuzz.Fuzzer} co-simulates many of them against
 * Verilator or Icarus, and {@link dev.silica.testbench.fuzz.Shrinker} reduces each failure to a small
 * {@code .sir} reproducer, kept under {@code test-benches/src/test/resources/fuzz-regressions/}
 * ({@code open/} for bugs not fixed yet) and re-run by the regression tests.
 */
package dev.silica.testbench.fuzz;
