package dev.silica.testbench.fuzz;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A random design on which Silica and the other tool disagreed (or the tool failed): its seed, its
 * {@linkplain Fuzzer#failureKind kind}, the account of the original failure, and the shrunk
 * reproducer written as {@code .sir}.
 */
public record FuzzFailure(long seed, String kind, String summary, Optional<Path> reproducer, int shrunkElements) {}
