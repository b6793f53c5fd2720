package dev.silica.sim;

/**
 * Evaluates one compiled design on its value array: {@link #settle} computes every combinational
 * value from the inputs and state, {@link #clock} is one rising edge on settled values (registers
 * and synchronous read ports capture, write ports store, then the captured values become visible).
 */
interface Kernel {
  void settle(long[] v);

  void clock(long[] v);
}
