/**
 * Simulator benchmarks: {@link dev.silica.testbench.bench.SimBench} runs one design on Silica's
 * simulator, Verilator and Icarus under the same free-running random stimulus and checks that they
 * agree; {@link dev.silica.testbench.bench.BenchReport} holds the times and prints the table and the
 * speed ratios of {@code silica bench-sim}.
 */
package dev.silica.testbench.bench;
