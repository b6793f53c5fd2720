/**
 * Silica's cycle-accurate simulator: {@link dev.silica.sim.Simulator} compiles a design's IR once
 * and then runs clock cycles without allocating.
 *
 * <h2>Compilation</h2>
 *
 * <p>The design goes through the IR's checks ({@link dev.silica.ir.pass.Passes#checks()}: wiring,
 * the width table, combinational loops, each a {@link dev.silica.ir.DesignError} at the user's
 * source line) and the {@link dev.silica.ir.pass.Flatten} pass (every element named by its instance
 * path, {@code pe_1_2.acc}; instance ports become same-type casts, which share their operand's slot,
 * and top outputs name the slot that drives them). The combinational nodes and asynchronous read
 * ports are put in topological order and {@link dev.silica.sim.Lowering} turns each node, once, into
 * steps of a plain list ({@link dev.silica.sim.Step}): {@code v[dest] = kind(operands, parameters)}
 * over words of at most 64 bits, whose meaning is one static method per kind in {@link
 * dev.silica.sim.NarrowOps}, or a call of a word-by-word object ({@link dev.silica.sim.WideOps}) for
 * wider values. The settle list also computes each narrow register's next value (reset, enable)
 * into a pending slot, right after its operands; the clock edge is a step list too, the wide
 * registers, synchronous read ports and write ports, then one copy of the pending slots into the
 * registers.
 *
 * <h2>Kernels</h2>
 *
 * <p>Both kernels consume the same step lists. The {@link dev.silica.sim.Interpreter} calls each
 * step's method. The {@link dev.silica.sim.KernelEmitter} writes JVM bytecode computing the same
 * formulas inline ({@link dev.silica.sim.StepCode}), parameters folded in, which {@link
 * dev.silica.sim.GeneratedKernel} defines as a hidden class in milliseconds; the JIT compiles the
 * straight-line code to machine code. {@link dev.silica.sim.Simulator.Execution} picks one, or
 * starts interpreting and switches after the first cycles.
 *
 * <h2>Slot layout</h2>
 *
 * <p>All values live in one {@code long[]}. A value of {@code w} bits takes {@code ceil(w/64)}
 * consecutive words, least significant word first. Values are stored <em>normalized</em>: the bits
 * of the top word above {@code w} repeat the sign bit for signed types and are zero for unsigned
 * ones, so a value of up to 64 bits is simply its Java {@code long} (a {@code u64} at or above
 * 2^63 is its bit pattern), and reading a run past its end yields its sign or zero extension.
 * Order: {@code rst} and the inputs, registers, memory read ports, then the nodes in evaluation
 * order, then the registers' pending next values (after a gap chosen by {@link
 * dev.silica.sim.PendingPlacement}); constants are written once at compile time; a resize that
 * widens within one word shares its operand's slot, and a node computing what an earlier one
 * computes (the same logic copied into several instances) shares the earlier one's. Memories keep
 * their words in their own {@code long[]}, entry after entry.
 *
 * <h2>A cycle</h2>
 *
 * <p>Peeking settles the combinational logic for the current inputs (once per change). {@code
 * step()} settles, then every register and synchronous read port captures its next value from the
 * settled signals, the write ports store (in order, so the later port wins), and the captured
 * values become visible: registers reset synchronously to {@code init} while {@code rst} is high,
 * synchronous reads are read-first.
 */
package dev.silica.sim;
