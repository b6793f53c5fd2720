package dev.silica.testbench.cosim;

import com.google.common.collect.ImmutableList;
import java.time.Duration;

/**
 * What a {@linkplain FreeRunning free-running} simulation gave: the digest of every output of every
 * cycle (16 hex digits; an external tool may print {@code x} digits for unknown bits), the outputs
 * of the first cycles in hex (one row per cycle, outputs in layout order) for diagnosis, and the
 * wall time of the run.
 */
public record FreeRun(String digest, ImmutableList<ImmutableList<String>> prefix, Duration runTime) {}
