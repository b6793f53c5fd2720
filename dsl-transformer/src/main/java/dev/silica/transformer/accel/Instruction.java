package dev.silica.transformer.accel;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;

/** One step of a forecaster program: an opcode and the values of the fields it uses. */
public record Instruction(Opcode opcode, ImmutableMap<Field, Long> fields) {

  public Instruction {
    fields = Maps.immutableEnumMap(fields);
  }

  /** An instruction with no fields but its opcode. */
  public static Instruction of(Opcode opcode) {
    return new Instruction(opcode, ImmutableMap.of(Field.OP, (long) opcode.ordinal()));
  }

  /** This instruction with {@code field} set to {@code value}. */
  public Instruction with(Field field, long value) {
    Map<Field, Long> copy = new EnumMap<>(Field.class);
    copy.putAll(fields);
    copy.put(field, value);
    return new Instruction(opcode, ImmutableMap.copyOf(copy));
  }

  /** The field's value, 0 when unset. */
  public long get(Field field) {
    return fields.getOrDefault(field, 0L);
  }
}
