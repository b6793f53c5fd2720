/**
 * Library modules on ready/valid {@link dev.silica.dsl.Stream}s, usable in any design: the FIFO
 * {@link dev.silica.dsl.lib.Queue} (with the {@code fifo} generator) and the pipeline register
 * {@link dev.silica.dsl.lib.SkidBuffer}. Their mistakes are reported at the line of user code that
 * instantiates them.
 */
package dev.silica.dsl.lib;
