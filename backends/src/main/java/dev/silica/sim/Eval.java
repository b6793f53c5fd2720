package dev.silica.sim;

/**
 * A computation on the simulator's value array that the step list leaves to an object: the values
 * wider than 64 bits and the clocked elements other than narrow registers. Instances hold slot
 * offsets in final fields and never allocate.
 */
@FunctionalInterface
interface Eval {
  void eval(long[] v);
}
