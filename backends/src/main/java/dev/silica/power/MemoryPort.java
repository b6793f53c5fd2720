package dev.silica.power;

/**
 * A clocked port of a memory, by the memory's hierarchical name: a synchronous read port or a
 * write port, with the hierarchical name of its enable (null when it has none and works on every
 * edge).
 */
record MemoryPort(String memory, boolean write, String enable) {}
