package dev.silica.sim;

/**
 * A state element updated at the clock edge in two phases, so that every element sees the values
 * from before the edge: {@link #capture} reads the settled signals, {@link #commit} makes the
 * captured value visible.
 */
abstract class Clocked {
  abstract void capture(long[] v);

  abstract void commit(long[] v);
}
