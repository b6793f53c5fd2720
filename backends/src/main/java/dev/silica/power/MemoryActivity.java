package dev.silica.power;

import com.google.common.collect.ImmutableList;

/**
 * What one memory did over a recorded interval: the clock edges on which its synchronous read
 * ports read and its write ports wrote (each port counted apart), its word width, and the
 * hierarchical names of its read ports' outputs.
 */
public record MemoryActivity(String memory, int width, long reads, long writes, ImmutableList<String> readPorts) {}
