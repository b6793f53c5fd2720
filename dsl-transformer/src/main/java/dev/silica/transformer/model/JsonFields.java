package dev.silica.transformer.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads typed fields out of a parsed JSON object, naming the field's path in every error ({@code
 * linears.ffn1.weights[3]: expected 128 values, got 127}).
 */
final class JsonFields {

  private final JsonObject object;
  private final String path;

  JsonFields(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private JsonElement get(String name) {
    JsonElement element = object.get(name);
    if (element == null || element.isJsonNull()) {
      throw new ModelFormatException(path(name), "missing");
    }
    return element;
  }

  boolean has(String name) {
    return object.has(name) && !object.get(name).isJsonNull();
  }

  JsonFields object(String name) {
    JsonElement element = get(name);
    if (!element.isJsonObject()) {
      throw new ModelFormatException(path(name), "expected an object");
    }
    return new JsonFields(element.getAsJsonObject(), path(name));
  }

  /** The underlying object. */
  JsonObject toObject() {
    return object;
  }

  java.util.Set<String> keys() {
    return object.keySet();
  }

  String string(String name) {
    JsonElement element = get(name);
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      throw new ModelFormatException(path(name), "expected a string");
    }
    return element.getAsString();
  }

  double number(String name) {
    return number(get(name), path(name));
  }

  long integer(String name, long min, long max) {
    return integer(get(name), path(name), min, max);
  }

  int integer(String name, int min, int max) {
    return (int) integer(get(name), path(name), (long) min, (long) max);
  }

  boolean bool(String name) {
    JsonElement element = get(name);
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isBoolean()) {
      throw new ModelFormatException(path(name), "expected true or false");
    }
    return element.getAsBoolean();
  }

  /** An array of exactly {@code length} numbers. */
  float[] floats(String name, int length) {
    JsonArray array = array(get(name), path(name), length);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) number(array.get(i), path(name) + "[" + i + "]");
    }
    return values;
  }

  /** An array of exactly {@code length} integers in {@code [min, max]}. */
  long[] longs(String name, int length, long min, long max) {
    return longs(get(name), path(name), length, min, max);
  }

  /** A {@code rows x columns} matrix of integers in {@code [min, max]}. */
  int[][] intMatrix(String name, int rows, int columns, long min, long max) {
    JsonArray array = array(get(name), path(name), rows);
    int[][] matrix = new int[rows][];
    for (int r = 0; r < rows; r++) {
      long[] row = longs(array.get(r), path(name) + "[" + r + "]", columns, min, max);
      matrix[r] = new int[columns];
      for (int c = 0; c < columns; c++) {
        matrix[r][c] = (int) row[c];
      }
    }
    return matrix;
  }

  private static long[] longs(JsonElement element, String path, int length, long min, long max) {
    JsonArray array = array(element, path, length);
    long[] values = new long[length];
    for (int i = 0; i < length; i++) {
      values[i] = integer(array.get(i), path + "[" + i + "]", min, max);
    }
    return values;
  }

  private static JsonArray array(JsonElement element, String path, int length) {
    if (!element.isJsonArray()) {
      throw new ModelFormatException(path, "expected an array");
    }
    JsonArray array = element.getAsJsonArray();
    if (length >= 0 && array.size() != length) {
      throw new ModelFormatException(path, "expected " + length + " values, got " + array.size());
    }
    return array;
  }

  private static double number(JsonElement element, String path) {
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
      throw new ModelFormatException(path, "expected a number, got " + element);
    }
    double value = element.getAsDouble();
    if (!Double.isFinite(value)) {
      throw new ModelFormatException(path, "expected a finite number, got " + element);
    }
    return value;
  }

  private static long integer(JsonElement element, String path, long min, long max) {
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
      throw new ModelFormatException(path, "expected an integer, got " + element);
    }
    long value;
    try {
      value = element.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
    } catch (ArithmeticException e) {
      throw new ModelFormatException(path, "expected an integer, got " + element);
    }
    if (value < min || value > max) {
      throw new ModelFormatException(path, value + " is outside [" + min + ", " + max + "]");
    }
    return value;
  }

  /** A JSON array of numbers. */
  static JsonArray toJson(float[] values) {
    JsonArray array = new JsonArray(values.length);
    for (float v : values) {
      array.add(new JsonPrimitive(v));
    }
    return array;
  }

  static JsonArray toJson(long[] values) {
    JsonArray array = new JsonArray(values.length);
    for (long v : values) {
      array.add(new JsonPrimitive(v));
    }
    return array;
  }

  static JsonArray toJson(int[][] matrix) {
    JsonArray array = new JsonArray(matrix.length);
    for (int[] row : matrix) {
      JsonArray r = new JsonArray(row.length);
      for (int v : row) {
        r.add(new JsonPrimitive(v));
      }
      array.add(r);
    }
    return array;
  }
}
