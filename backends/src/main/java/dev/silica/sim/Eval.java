package dev.silica.sim;

/**
 * One precompiled combinational computation: reads operand slots and writes its result slot of
 * the simulator's value array. Instances hold slot offsets in final fields and never allocate.
 */
abstract class Eval {
  abstract void eval(long[] v);
}
