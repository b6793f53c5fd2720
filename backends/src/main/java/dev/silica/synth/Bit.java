package dev.silica.synth;

/** Bit {@code index} of signal {@code signal} of the flat module. */
record Bit(String signal, int index) {}
