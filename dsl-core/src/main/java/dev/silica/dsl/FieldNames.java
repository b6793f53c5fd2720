package dev.silica.dsl;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Names a module's values after the fields of the module object that hold them, once its
 * constructor has run: a field {@code sum} holding an unnamed value names it {@code sum}; a list or
 * {@link Vec} field {@code taps} names its elements {@code taps_0}, {@code taps_1}...; a field
 * holding a submodule names the instance. Names given explicitly are kept.
 */
final class FieldNames {

  private static final int MAX_NESTING = 3;

  private FieldNames() {}

  static void apply(ModuleBuilder m) {
    for (Class<?> c = m.module.getClass(); c != null && c != Module.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        Object value;
        try {
          f.setAccessible(true);
          value = f.get(m.module);
        } catch (InaccessibleObjectException | IllegalAccessException e) {
          continue;
        }
        name(m, f.getName(), value, 0);
      }
    }
  }

  private static void name(ModuleBuilder m, String name, Object value, int depth) {
    if (value instanceof Signal s) {
      Ref r = s.ref;
      if (r.owner == m && (r.kind == Ref.Kind.NODE || r.kind == Ref.Kind.READ_PORT)) {
        r.nameAs(name, Ref.NameSource.FIELD);
      }
    } else if (value instanceof Module child) {
      m.instances.stream()
          .filter(i -> i.child == child)
          .forEach(i -> i.nameAs(name, Ref.NameSource.FIELD));
    } else if (depth < MAX_NESTING && value instanceof Vec<?> v) {
      nameElements(m, name, v.asList(), depth);
    } else if (depth < MAX_NESTING && value instanceof List<?> list) {
      nameElements(m, name, list, depth);
    } else if (depth < MAX_NESTING && value instanceof Object[] array) {
      nameElements(m, name, Arrays.asList(array), depth);
    }
  }

  private static void nameElements(ModuleBuilder m, String name, List<?> elements, int depth) {
    for (int i = 0; i < elements.size(); i++) {
      Object e = elements.get(i);
      if (e != null) {
        name(m, name + "_" + i, e, depth + 1);
      }
    }
  }
}
