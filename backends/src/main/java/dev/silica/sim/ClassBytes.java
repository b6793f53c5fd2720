package dev.silica.sim;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a class file: the constant pool (entries shared by content), fields and methods with
 * their code. It writes version 52 (Java 8) files, which the JVM verifies by type checking, in one
 * linear pass (the inference of version 49 takes a tenth of a second on a large kernel); the
 * methods it is given have no branches, so they need no stack map frames.
 */
final class ClassBytes {

  static final int PUBLIC = 0x0001;
  static final int PRIVATE = 0x0002;
  static final int STATIC = 0x0008;
  static final int FINAL = 0x0010;
  private static final int SUPER = 0x0020;
  private static final int VERSION = 52;

  private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
  private final DataOutputStream poolOut = new DataOutputStream(pool);
  private final Map<String, Integer> entries = new HashMap<>();
  private int poolCount = 1;
  private final int thisClass;
  private final int superClass;
  private final int[] interfaces;
  private final List<byte[]> fields = new ArrayList<>();
  private final List<byte[]> methods = new ArrayList<>();

  /** A public final class; names in internal form ({@code java/lang/Object}). */
  ClassBytes(String name, String superName, String... interfaceNames) {
    this.thisClass = classRef(name);
    this.superClass = classRef(superName);
    this.interfaces = new int[interfaceNames.length];
    for (int i = 0; i < interfaceNames.length; i++) {
      interfaces[i] = classRef(interfaceNames[i]);
    }
  }

  int classRef(String internalName) {
    return entry("C" + internalName, out -> {
      int name = utf8(internalName);
      out.writeByte(7);
      out.writeShort(name);
    });
  }

  int intConstant(int value) {
    return entry("I" + value, out -> {
      out.writeByte(3);
      out.writeInt(value);
    });
  }

  int longConstant(long value) {
    return entry("J" + value, out -> {
      out.writeByte(5);
      out.writeLong(value);
    });
  }

  int fieldRef(String owner, String name, String descriptor) {
    return memberRef(9, owner, name, descriptor);
  }

  int methodRef(String owner, String name, String descriptor) {
    return memberRef(10, owner, name, descriptor);
  }

  int interfaceMethodRef(String owner, String name, String descriptor) {
    return memberRef(11, owner, name, descriptor);
  }

  void field(int access, String name, String descriptor) {
    fields.add(member(access, name, descriptor, null));
  }

  void method(int access, String name, String descriptor, MethodCode code) {
    methods.add(member(access, name, descriptor, code));
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes, out -> {
      out.writeInt(0xCAFEBABE);
      out.writeShort(0);
      out.writeShort(VERSION);
      out.writeShort(poolCount);
      out.write(pool.toByteArray());
      out.writeShort(PUBLIC | FINAL | SUPER);
      out.writeShort(thisClass);
      out.writeShort(superClass);
      out.writeShort(interfaces.length);
      for (int i : interfaces) {
        out.writeShort(i);
      }
      out.writeShort(fields.size());
      for (byte[] f : fields) {
        out.write(f);
      }
      out.writeShort(methods.size());
      for (byte[] m : methods) {
        out.write(m);
      }
      out.writeShort(0);
    });
    return bytes.toByteArray();
  }

  private int utf8(String text) {
    return entry("U" + text, out -> {
      out.writeByte(1);
      out.writeUTF(text);
    });
  }

  private int memberRef(int tag, String owner, String name, String descriptor) {
    return entry(tag + owner + "." + name + descriptor, out -> {
      int ownerIndex = classRef(owner);
      int nameAndType = entry("N" + name + descriptor, nt -> {
        int n = utf8(name);
        int d = utf8(descriptor);
        nt.writeByte(12);
        nt.writeShort(n);
        nt.writeShort(d);
      });
      out.writeByte(tag);
      out.writeShort(ownerIndex);
      out.writeShort(nameAndType);
    });
  }

  private byte[] member(int access, String name, String descriptor, MethodCode code) {
    int nameIndex = utf8(name);
    int descriptorIndex = utf8(descriptor);
    int codeName = code == null ? 0 : utf8("Code");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes, out -> {
      out.writeShort(access);
      out.writeShort(nameIndex);
      out.writeShort(descriptorIndex);
      out.writeShort(code == null ? 0 : 1);
      if (code != null) {
        byte[] instructions = code.bytes();
        out.writeShort(codeName);
        out.writeInt(12 + instructions.length);
        out.writeShort(code.maxStack());
        out.writeShort(code.maxLocals());
        out.writeInt(instructions.length);
        out.write(instructions);
        out.writeShort(0);
        out.writeShort(0);
      }
    });
    return bytes.toByteArray();
  }

  /**
   * The index of the entry with {@code key}, writing it first when new; entries it refers to are
   * written (by {@code body}) before it, so the pool needs no forward references.
   */
  private int entry(String key, Writer body) {
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes, body);
    int index = poolCount;
    pool.writeBytes(bytes.toByteArray());
    poolCount += key.charAt(0) == 'J' ? 2 : 1;
    entries.put(key, index);
    return index;
  }

  private static void write(ByteArrayOutputStream bytes, Writer body) {
    try {
      body.write(new DataOutputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes bytes to a data stream. */
  @FunctionalInterface
  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }
}
