package dev.silica.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a class file: the constant pool (entries shared by content), fields and methods with
 * their code. It writes version 52 (Java 8) files, which the JVM verifies by type checking in one
 * linear pass; the methods it is given have no branches, so they need no stack map frames. Names
 * are ASCII. The writer uses neither lambdas nor string concatenation by {@code +}: it runs once per
 * design, mostly on a cold JVM, where each such call site first costs milliseconds to link.
 */
final class ClassBytes {

  static final int PUBLIC = 0x0001;
  static final int PRIVATE = 0x0002;
  static final int STATIC = 0x0008;
  static final int FINAL = 0x0010;
  private static final int SUPER = 0x0020;
  private static final int VERSION = 52;

  private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
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
    String key = "C".concat(internalName);
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    int name = utf8(internalName);
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.write(7);
    u2(entry, name);
    return add(key, entry, 1);
  }

  int intConstant(int value) {
    String key = "I".concat(Integer.toString(value));
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.write(3);
    u4(entry, value);
    return add(key, entry, 1);
  }

  int longConstant(long value) {
    String key = "J".concat(Long.toString(value));
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.write(5);
    u4(entry, (int) (value >>> 32));
    u4(entry, (int) value);
    return add(key, entry, 2);
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u4(out, 0xCAFEBABE);
    u2(out, 0);
    u2(out, VERSION);
    u2(out, poolCount);
    out.writeBytes(pool.toByteArray());
    u2(out, PUBLIC | FINAL | SUPER);
    u2(out, thisClass);
    u2(out, superClass);
    u2(out, interfaces.length);
    for (int i : interfaces) {
      u2(out, i);
    }
    u2(out, fields.size());
    for (byte[] f : fields) {
      out.writeBytes(f);
    }
    u2(out, methods.size());
    for (byte[] m : methods) {
      out.writeBytes(m);
    }
    u2(out, 0);
    return out.toByteArray();
  }

  private int utf8(String text) {
    String key = "U".concat(text);
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.write(1);
    u2(entry, bytes.length);
    entry.writeBytes(bytes);
    return add(key, entry, 1);
  }

  private int memberRef(int tag, String owner, String name, String descriptor) {
    String key = Integer.toString(tag).concat(owner).concat(".").concat(name).concat(descriptor);
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    int ownerIndex = classRef(owner);
    int nameAndType = nameAndType(name, descriptor);
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.write(tag);
    u2(entry, ownerIndex);
    u2(entry, nameAndType);
    return add(key, entry, 1);
  }

  private int nameAndType(String name, String descriptor) {
    String key = "N".concat(name).concat(descriptor);
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    int n = utf8(name);
    int d = utf8(descriptor);
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.write(12);
    u2(entry, n);
    u2(entry, d);
    return add(key, entry, 1);
  }

  private byte[] member(int access, String name, String descriptor, MethodCode code) {
    int nameIndex = utf8(name);
    int descriptorIndex = utf8(descriptor);
    int codeName = code == null ? 0 : utf8("Code");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u2(out, access);
    u2(out, nameIndex);
    u2(out, descriptorIndex);
    u2(out, code == null ? 0 : 1);
    if (code != null) {
      byte[] instructions = code.bytes();
      u2(out, codeName);
      u4(out, 12 + instructions.length);
      u2(out, code.maxStack());
      u2(out, code.maxLocals());
      u4(out, instructions.length);
      out.writeBytes(instructions);
      u2(out, 0);
      u2(out, 0);
    }
    return out.toByteArray();
  }

  /**
   * Appends {@code entry} to the pool under {@code key}, taking {@code slots} indices (2 for a
   * long); its index. The entries it refers to are added before it, so the pool needs no forward
   * references.
   */
  private int add(String key, ByteArrayOutputStream entry, int slots) {
    int index = poolCount;
    pool.writeBytes(entry.toByteArray());
    poolCount += slots;
    entries.put(key, index);
    return index;
  }

  private static void u2(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value);
  }

  private static void u4(ByteArrayOutputStream out, int value) {
    u2(out, value >>> 16);
    u2(out, value);
  }
}
