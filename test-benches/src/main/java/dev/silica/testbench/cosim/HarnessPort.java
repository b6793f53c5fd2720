package dev.silica.testbench.cosim;

import dev.silica.ir.Type;

/**
 * A port of the harness wrapper module: the top-level port {@code portName} of design number
 * {@code design} in the bundle, exposed as {@code wrapperName} ({@code i3}, {@code o0}) so that
 * generated harness code never depends on how the Verilog emitter renamed a port.
 */
public record HarnessPort(int design, String portName, String wrapperName, Type type) {

  /** The Verilog range of a vector of this port's width with a trailing space, or nothing for one bit. */
  String verilogRange() {
    return type.width() == 1 ? "" : "[" + (type.width() - 1) + ":0] ";
  }
}
