package dev.silica.transformer.accel;

import dev.silica.transformer.blocks.SystolicConfig;

/**
 * The cycles one inference of a {@link Program} takes on {@link ForecasterAccelerator}, computed
 * from the program's instructions and the sequencer's timing rules, without simulating. The
 * schedule does not depend on the data, so this is exact; test-benches checks it against
 * simulation.
 *
 * <p>The rules, per instruction (every one starts with one FETCH cycle):
 *
 * <ul>
 *   <li>MATMUL: {@code K} feed cycles; two more until the last beat enters the array (its operands
 *       are read, then registered); the array's {@link SystolicConfig#flushCycles() flush}; one
 *       cycle taking row 0; then each drained row is held for {@code COLS} cycles (one element
 *       issued to the vector unit per cycle) and each discarded row for one. A fenced tile then
 *       waits {@link VectorUnit#LATENCY}{@code + 1} cycles for its last element's write.
 *   <li>SOFTMAX of a row of {@code L}: {@code L} cycles finding the maximum, {@code L} reading the
 *       exponentials, three for the last exponential to reach the sum, {@code L} issuing
 *       divisions, and the divider's {@link PipelinedDivider#latency latency} plus one for the last
 *       quotient's write.
 *   <li>POOL of {@code L} channels: one cycle per channel and row block, then the lane adder
 *       tree's levels, the register after it, the divider's latency and the write.
 *   <li>END: the fetch alone, whose edge raises {@code done}.
 * </ul>
 *
 * An inference counts from the edge that takes {@code start} (one cycle) to the edge that raises
 * {@code done}.
 */
public final class Schedule {

  private final long cycles;

  private Schedule(long cycles) {
    this.cycles = cycles;
  }

  /** The schedule of {@code program}. */
  public static Schedule of(Program program) {
    int flush = program.arrayConfig().flushCycles();
    long start = 1;
    return new Schedule(start + program.instructions().stream().mapToLong(i -> cycles(program, flush, i)).sum());
  }

  /** Clock cycles of one inference, from the edge that takes {@code start} to the one that raises {@code done}. */
  public long cycles() {
    return cycles;
  }

  /** Cycles of one instruction of {@code program} (whose array flushes in {@code flush} cycles), its fetch included. */
  private static long cycles(Program program, int flush, Instruction instruction) {
    long fetch = 1;
    long length = instruction.get(Field.LENGTH);
    int dividerLatency = PipelinedDivider.latency(Math.max(program.bits(), program.probabilityBits()));
    return fetch + switch (instruction.opcode()) {
      case MATMUL -> matmul(program.accel().rows(), flush, instruction);
      case SOFTMAX -> 3 * length + 3 + dividerLatency + 1;
      case POOL -> length * program.rowBlocks() + Pipelining.treeLevels(program.accel().rows()) + 1
          + dividerLatency + 1;
      case END -> 0;
    };
  }

  private static long matmul(int arrayRows, int flush, Instruction tile) {
    long operandRegisters = 2;
    long firstTake = 1;
    long drainedRows = tile.get(Field.ROWS);
    long drain = drainedRows * tile.get(Field.COLS) + (arrayRows - drainedRows);
    long fence = tile.get(Field.FENCE) == 1 ? VectorUnit.LATENCY + 1 : 0;
    return tile.get(Field.LENGTH) + operandRegisters + flush + firstTake + drain + fence;
  }
}
