package dev.silica.dsl;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.DesignError;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A fixed-size, ordered group of values of one type (ports, registers, or any values), indexed by
 * a Java int at elaboration time or by a {@code UInt} in hardware.
 */
public final class Vec<T extends Signal> implements Iterable<T> {

  private final ImmutableList<T> elements;

  private Vec(ImmutableList<T> elements) {
    this.elements = elements;
  }

  /** A vector of {@code elements}, which must all have one type. */
  public static <T extends Signal> Vec<T> of(List<T> elements) {
    if (Arguments.required(elements, "the list of Vec elements").isEmpty()) {
      throw new DesignError(UserCode.location(), "a Vec needs at least one element");
    }
    for (int i = 0; i < elements.size(); i++) {
      Arguments.required(elements.get(i), "element " + i + " of the Vec");
    }
    Type first = elements.get(0).type();
    for (int i = 1; i < elements.size(); i++) {
      EnumKinds.checkSame(elements.get(0), elements.get(i), "the elements of a Vec", UserCode.location());
      if (!elements.get(i).type().equals(first)) {
        throw new DesignError(
            UserCode.location(),
            "a Vec holds values of one type: element 0 is " + first + ", element " + i + " is " + elements.get(i).type());
      }
    }
    return new Vec<>(ImmutableList.copyOf(elements));
  }

  /** The vector {@code make(0) ... make(n-1)}. */
  public static <T extends Signal> Vec<T> tabulate(int n, IntFunction<T> make) {
    return of(IntStream.range(0, n).mapToObj(make).toList());
  }

  public int size() {
    return elements.size();
  }

  /** Element {@code i}, chosen at elaboration time. */
  public T get(int i) {
    if (i < 0 || i >= elements.size()) {
      throw new DesignError(UserCode.location(), "index " + i + " is outside this Vec of " + elements.size());
    }
    return elements.get(i);
  }

  /**
   * The element at a run-time {@code index}: a tree of multiplexers on the index bits. An index at
   * or beyond the size gives 0, as a memory read does.
   */
  @SuppressWarnings("unchecked")
  public T get(UInt index) {
    int levels = Widths.indexBits(elements.size());
    int used = Math.min(levels, index.width());
    T zero = (T) elements.get(0).sameKind(Literals.literal(BigInteger.ZERO, elements.get(0).type()));
    T selected = select(index, used - 1, 0, zero);
    if (index.width() > used) {
      Bool beyond = index.slice(index.width() - 1, used).orR();
      return Hw.mux(beyond, zero, selected);
    }
    return selected;
  }

  /** Elements {@code base .. base + 2^(bit+1) - 1} selected by index bits {@code bit..0}. */
  private T select(UInt index, int bit, int base, T zero) {
    if (bit < 0) {
      return base < elements.size() ? elements.get(base) : zero;
    }
    int half = 1 << bit;
    if (base + half >= elements.size()) {
      T low = select(index, bit - 1, base, zero);
      return Hw.mux(index.bit(bit), zero, low);
    }
    return Hw.mux(index.bit(bit), select(index, bit - 1, base + half, zero), select(index, bit - 1, base, zero));
  }

  /** Connects {@code value} to the element at a run-time {@code index} (a when per element). */
  public void connectAt(UInt index, T value) {
    for (int i = 0; i < elements.size(); i++) {
      T target = elements.get(i);
      if (i >> Math.min(index.width(), 31) != 0) {
        break;
      }
      Hw.when(index.eq(i), () -> target.connectFrom(value));
    }
  }

  public List<T> asList() {
    return elements;
  }

  public Stream<T> stream() {
    return elements.stream();
  }

  @Override
  public Iterator<T> iterator() {
    return elements.iterator();
  }
}
