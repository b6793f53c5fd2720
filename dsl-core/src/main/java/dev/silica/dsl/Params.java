package dev.silica.dsl;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameter values of one generator run: every declared parameter, given or defaulted, read
 * with typed getters that report a bad value as a {@link ParameterError} naming the parameter, the
 * value and what is valid.
 */
public final class Params {

  private final String generator;
  private final ImmutableMap<String, String> values;

  private Params(String generator, ImmutableMap<String, String> values) {
    this.generator = generator;
    this.values = values;
  }

  /**
   * The values for {@code generator}: {@code given} overrides the defaults.
   *
   * @throws ParameterError for a name the generator does not declare
   */
  public static Params of(Generator generator, Map<String, String> given) {
    Map<String, String> values = new LinkedHashMap<>();
    generator.params().forEach(p -> values.put(p.name(), p.defaultValue()));
    given.forEach(
        (name, value) -> {
          if (!values.containsKey(name)) {
            throw new ParameterError(
                "unknown parameter '" + name + "' for generator '" + generator.name() + "'; valid parameters: "
                    + String.join(", ", values.keySet()));
          }
          values.put(name, value);
        });
    return new Params(generator.name(), ImmutableMap.copyOf(values));
  }

  /** Every parameter and its value, in declaration order. */
  public ImmutableMap<String, String> values() {
    return values;
  }

  /** {@code generator=<name>} and {@code param.<k>=<v>} for every parameter, for the design's attributes. */
  public ImmutableMap<String, String> designAttributes() {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    b.put("generator", generator);
    values.forEach((k, v) -> b.put("param." + k, v));
    return b.build();
  }

  public String getString(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new ParameterError(
          "generator '" + generator + "' has no parameter '" + name + "'; valid parameters: "
              + String.join(", ", values.keySet()));
    }
    return v;
  }

  public int getInt(String name) {
    String v = getString(name);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ParameterError.invalid(name, v, "an integer");
    }
  }

  /** An integer that must lie in {@code min..max}. */
  public int getInt(String name, int min, int max) {
    int v = getInt(name);
    if (v < min || v > max) {
      throw ParameterError.invalid(name, getString(name), "an integer in " + min + ".." + max);
    }
    return v;
  }

  /** {@code true} or {@code false}, in any case. */
  public boolean getBoolean(String name) {
    String v = getString(name).trim();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw ParameterError.invalid(name, getString(name), "true or false");
  }

  /** Comma-separated integers ({@code 1,-2,3}). */
  public ImmutableList<Integer> getIntList(String name) {
    String v = getString(name);
    try {
      return Splitter.on(',').trimResults().splitToStream(v).map(Integer::parseInt).collect(ImmutableList.toImmutableList());
    } catch (NumberFormatException e) {
      throw ParameterError.invalid(name, v, "comma-separated integers");
    }
  }

  /** One of the constants of {@code type}, written in any case ({@code block}, {@code BLOCK}). */
  public <E extends Enum<E>> E getEnum(String name, Class<E> type) {
    String v = getString(name);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.trim())) {
        return e;
      }
    }
    throw ParameterError.invalid(
        name,
        v,
        "one of "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
