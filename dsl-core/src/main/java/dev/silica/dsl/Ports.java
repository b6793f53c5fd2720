package dev.silica.dsl;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes the ports of a {@link Bundle}: each is named after the bundle ({@code in_data}) and
 * recorded as one of its elements. {@link #flipped()} gives a factory whose {@code in} and {@code
 * out} are swapped, so one bundle class describes both sides of an interface.
 */
public final class Ports {

  private final String prefix;
  private final boolean flipped;
  private final Map<String, Signal> elements;

  private Ports(String prefix, boolean flipped, Map<String, Signal> elements) {
    this.prefix = prefix;
    this.flipped = flipped;
    this.elements = elements;
  }

  static <B extends Bundle> B make(String prefix, boolean flipped, Function<Ports, B> make) {
    Map<String, Signal> elements = new LinkedHashMap<>();
    B bundle = make.apply(new Ports(prefix, flipped, elements));
    bundle.setElements(ImmutableMap.copyOf(elements));
    return bundle;
  }

  /** This factory with input and output swapped: for the receiving side of an interface. */
  public Ports flipped() {
    return new Ports(prefix, !flipped, elements);
  }

  /** An input port (an output when flipped) named {@code prefix_name}. */
  public <T extends Signal> T in(String name, SignalType<T> type) {
    return record(name, Hw.port(flipped ? Ref.Kind.OUTPUT : Ref.Kind.INPUT, prefix + "_" + name, type));
  }

  /** An output port (an input when flipped) named {@code prefix_name}. */
  public <T extends Signal> T out(String name, SignalType<T> type) {
    return record(name, Hw.port(flipped ? Ref.Kind.INPUT : Ref.Kind.OUTPUT, prefix + "_" + name, type));
  }

  /** {@code n} input ports {@code prefix_name_0} ... */
  public <T extends Signal> Vec<T> inVec(String name, int n, SignalType<T> type) {
    return Vec.tabulate(n, i -> in(name + "_" + i, type));
  }

  /** {@code n} output ports {@code prefix_name_0} ... */
  public <T extends Signal> Vec<T> outVec(String name, int n, SignalType<T> type) {
    return Vec.tabulate(n, i -> out(name + "_" + i, type));
  }

  /** A nested bundle whose ports are named {@code prefix_name_element}. */
  public <B extends Bundle> B bundle(String name, Function<Ports, B> make) {
    B inner = make(prefix + "_" + name, flipped, make);
    inner.elements().forEach((k, v) -> elements.put(name + "_" + k, v));
    return inner;
  }

  private <T extends Signal> T record(String name, T port) {
    elements.put(name, port);
    return port;
  }
}
