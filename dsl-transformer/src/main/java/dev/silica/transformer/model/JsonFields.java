package dev.silica.transformer.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Set;

/**
 * Typed access to one JSON object of a model file that knows its own path, so that every missing
 * or mistyped field is reported by name ({@code integer.dense.head.bias[0]: expected an integer}).
 */
final class JsonFields {

  private final JsonObject object;
  private final String path;

  JsonFields(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  /** The root of a parsed document. */
  static JsonFields root(JsonElement element) {
    if (!element.isJsonObject()) {
      throw new ModelFormatException("(root)", "expected a JSON object");
    }
    return new JsonFields(element.getAsJsonObject(), "");
  }

  String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean has(String name) {
    return object.has(name) && !object.get(name).isJsonNull();
  }

  Set<String> keys() {
    return object.keySet();
  }

  private JsonElement get(String name) {
    if (!has(name)) {
      throw new ModelFormatException(path(name), "missing");
    }
    return object.get(name);
  }

  JsonFields object(String name) {
    JsonElement e = get(name);
    if (!e.isJsonObject()) {
      throw new ModelFormatException(path(name), "expected an object");
    }
    return new JsonFields(e.getAsJsonObject(), path(name));
  }

  String string(String name) {
    JsonElement e = get(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new ModelFormatException(path(name), "expected a string");
    }
    return e.getAsString();
  }

  boolean bool(String name) {
    JsonElement e = get(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw new ModelFormatException(path(name), "expected true or false");
    }
    return e.getAsBoolean();
  }

  double number(String name) {
    return number(get(name), path(name));
  }

  long integer(String name) {
    return integer(get(name), path(name));
  }

  int smallInteger(String name) {
    long value = integer(name);
    if (value != (int) value) {
      throw new ModelFormatException(path(name), value + " is out of range");
    }
    return (int) value;
  }

  double[] numbers(String name) {
    JsonArray array = array(name);
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(array.get(i), path(name) + "[" + i + "]");
    }
    return values;
  }

  long[] integers(String name) {
    JsonArray array = array(name);
    long[] values = new long[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = integer(array.get(i), path(name) + "[" + i + "]");
    }
    return values;
  }

  int[][] integerMatrix(String name) {
    JsonArray rows = array(name);
    int[][] matrix = new int[rows.size()][];
    for (int r = 0; r < matrix.length; r++) {
      String rowPath = path(name) + "[" + r + "]";
      if (!rows.get(r).isJsonArray()) {
        throw new ModelFormatException(rowPath, "expected an array");
      }
      JsonArray row = rows.get(r).getAsJsonArray();
      matrix[r] = new int[row.size()];
      for (int c = 0; c < matrix[r].length; c++) {
        long value = integer(row.get(c), rowPath + "[" + c + "]");
        if (value != (int) value) {
          throw new ModelFormatException(rowPath + "[" + c + "]", value + " is out of range");
        }
        matrix[r][c] = (int) value;
      }
    }
    return matrix;
  }

  private JsonArray array(String name) {
    JsonElement e = get(name);
    if (!e.isJsonArray()) {
      throw new ModelFormatException(path(name), "expected an array");
    }
    return e.getAsJsonArray();
  }

  private static double number(JsonElement e, String path) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new ModelFormatException(path, "expected a number, found " + e);
    }
    double value = e.getAsDouble();
    if (!Double.isFinite(value)) {
      throw new ModelFormatException(path, "expected a finite number, found " + e);
    }
    return value;
  }

  private static long integer(JsonElement e, String path) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new ModelFormatException(path, "expected an integer, found " + e);
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    try {
      return p.getAsBigDecimal().longValueExact();
    } catch (ArithmeticException ex) {
      throw new ModelFormatException(path, "expected an integer, found " + e);
    }
  }
}
