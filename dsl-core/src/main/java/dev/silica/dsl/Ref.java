package dev.silica.dsl;

import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * One hardware element behind a {@link Signal}: a port, node, register, wire, memory read port,
 * literal, or a view of an instance's port from its parent. Operations refer to elements by
 * {@link #id}, a placeholder that becomes the element's final IR name when its module is finished.
 */
final class Ref {

  /** What kind of element this is. */
  enum Kind {
    INPUT,
    OUTPUT,
    NODE,
    REGISTER,
    WIRE,
    READ_PORT,
    /** A constant not yet placed in any module: it is materialized as a node where it is used. */
    LITERAL,
    /** An output of a submodule instance, read by the parent. */
    INSTANCE_OUTPUT,
    /** An input of a submodule instance, driven by the parent. */
    INSTANCE_INPUT
  }

  /** How firmly a name was chosen: a stronger name is never replaced by a weaker one. */
  enum NameSource {
    AUTO,
    ADOPTED_FROM_WIRE,
    FIELD,
    EXPLICIT
  }

  private static long nextId;

  final ModuleBuilder owner;
  final Kind kind;
  final Type type;
  final SourceLoc loc;
  final String id;

  /** NODE: the operation over operand ids. */
  Op op;
  /** LITERAL: the value; REGISTER: the reset value. */
  BigInteger value;
  /** REGISTER: an explicit enable, or null. */
  Ref enable;
  /** WIRE: the value it has where nothing connects it, or null. */
  Ref defaultValue;
  /** INSTANCE_INPUT, INSTANCE_OUTPUT: the child's port, and the instance it belongs to. */
  Ref childPort;
  InstanceRecord instance;
  /** WIRE: where it was first read before anything connected it. */
  SourceLoc readBeforeConnect;

  String name;
  NameSource nameSource = NameSource.AUTO;
  /** The start of an automatic name ({@code add_17}); null once a stronger name is known. */
  String autoBase;

  Ref(ModuleBuilder owner, Kind kind, Type type, SourceLoc loc) {
    this.owner = owner;
    this.kind = kind;
    this.type = type;
    this.loc = loc;
    synchronized (Ref.class) {
      this.id = "%" + nextId++;
    }
  }

  void nameAs(String newName, NameSource source) {
    if (source.compareTo(nameSource) > 0 || name == null) {
      name = newName;
      nameSource = source;
    }
  }

  boolean isTarget() {
    return kind == Kind.OUTPUT || kind == Kind.WIRE || kind == Kind.REGISTER || kind == Kind.INSTANCE_INPUT;
  }

  /** A description for messages, before final names are known ({@code output 'y'}). */
  String describe() {
    return switch (kind) {
      case INPUT -> "input '" + name + "'";
      case OUTPUT -> "output '" + name + "'";
      case REGISTER -> "register '" + name + "'";
      case WIRE -> "wire '" + name + "'";
      case INSTANCE_INPUT -> "input '" + childPort.name + "' of instance " + instance.describe();
      case INSTANCE_OUTPUT -> "output '" + childPort.name + "' of instance " + instance.describe();
      case LITERAL -> "the literal " + value + " (" + type + ")";
      case NODE, READ_PORT ->
          nameSource == NameSource.EXPLICIT ? "'" + name + "'" : "the " + autoBase + " value made at " + loc;
    };
  }
}
