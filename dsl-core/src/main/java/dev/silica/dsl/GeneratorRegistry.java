package dev.silica.dsl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every {@link Generator} on the classpath (registered through {@link ServiceLoader}), by name. */
public final class GeneratorRegistry {

  private final ImmutableSortedMap<String, Generator> byName;

  private GeneratorRegistry(ImmutableSortedMap<String, Generator> byName) {
    this.byName = byName;
  }

  /**
   * The generators the current thread's context class loader can see.
   *
   * @throws ParameterError when a registered generator cannot be loaded or two share a name
   */
  public static GeneratorRegistry load() {
    TreeMap<String, Generator> map = new TreeMap<>();
    try {
      for (Generator g : ServiceLoader.load(Generator.class)) {
        Generator previous = map.putIfAbsent(g.name(), g);
        if (previous != null) {
          throw new ParameterError(
              "two generators are named '" + g.name() + "': " + previous.getClass().getName() + " and "
                  + g.getClass().getName());
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new ParameterError("cannot load a generator registered in META-INF/services/"
          + Generator.class.getName() + ": " + e.getMessage());
    }
    return new GeneratorRegistry(ImmutableSortedMap.copyOf(map));
  }

  /** All generators, sorted by name. */
  public ImmutableList<Generator> all() {
    return byName.values().asList();
  }

  /**
   * The generator called {@code name}.
   *
   * @throws ParameterError naming the valid generators when there is none
   */
  public Generator get(String name) {
    Generator g = byName.get(name);
    if (g == null) {
      throw new ParameterError(
          "unknown generator '" + name + "'; valid generators: " + String.join(", ", byName.keySet()));
    }
    return g;
  }
}
