package dev.silica.sim;

/**
 * A name of the flattened design (a declared signal or an alias of one) and where its value
 * lives; {@code input} marks the top-level inputs, the only names a user may poke.
 */
record Slot(String name, Run run, boolean input) {}
