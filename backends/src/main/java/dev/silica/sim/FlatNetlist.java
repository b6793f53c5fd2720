package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Memory;
import dev.silica.ir.Node;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;

/**
 * A design with its hierarchy dissolved: every element renamed by its instance path ({@code
 * pe_1_2.acc}), and every wire that only forwards a value (submodule ports, top outputs) kept as an
 * alias of the signal that drives it.
 *
 * @param inputs the top module's inputs, with {@code rst} first when the design has state
 * @param outputs the top module's outputs
 * @param aliases every forwarding name mapped to the signal that drives it (never another alias)
 */
record FlatNetlist(
    ImmutableList<Port> inputs,
    ImmutableList<Port> outputs,
    ImmutableList<Node> nodes,
    ImmutableList<Register> registers,
    ImmutableList<Memory> memories,
    ImmutableMap<String, Alias> aliases) {

  /**
   * A forwarding name (a submodule port or a top output): the signal that drives it, which is never
   * another alias, the port type it was declared with, and where.
   */
  record Alias(String source, Type type, SourceLoc loc) {}
}
