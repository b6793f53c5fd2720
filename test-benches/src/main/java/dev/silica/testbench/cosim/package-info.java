/**
 * Co-simulation of Silica's simulator against Verilator and Icarus.
 *
 * <p>{@link dev.silica.testbench.cosim.Cosim#run(dev.silica.ir.Design, long, int,
 * dev.silica.testbench.Engine)} runs one random stimulus (reset in cycle 0) on both and reports
 * the first disagreement as cycle, signal and both values ({@link
 * dev.silica.testbench.cosim.CosimResult}). The external side is the design's emitted Verilog inside
 * a {@link dev.silica.testbench.cosim.HarnessLayout} wrapper, compiled by {@link
 * dev.silica.testbench.cosim.VerilatorHarness} or {@link dev.silica.testbench.cosim.IcarusHarness}
 * once per distinct set of sources (a cache under {@code java.io.tmpdir}), and driven through the
 * line {@link dev.silica.testbench.cosim.HarnessProtocol}: in one scripted batch for co-simulation,
 * or one command at a time by {@link dev.silica.testbench.cosim.ExternalEngine} for the {@link
 * dev.silica.testbench.Tester}. Several designs can share one build, which the fuzzer uses to
 * spread Verilator's fixed build cost. For runs too long to pipe a trace, the {@linkplain
 * dev.silica.testbench.cosim.FreeRunning free-running} harnesses make the random stimulus themselves
 * and print a digest of every output of every cycle, which Silica's side computes alike.
 */
package dev.silica.testbench.cosim;
