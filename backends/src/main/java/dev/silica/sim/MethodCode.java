package dev.silica.sim;

import java.io.ByteArrayOutputStream;

/**
 * The instructions of one method, written one at a time, with the few helpers the {@link
 * KernelEmitter} needs: constants in their shortest form and local variables at any index.
 */
final class MethodCode {

  static final int ALOAD_0 = 0x2a;
  static final int ALOAD_1 = 0x2b;
  static final int ALOAD_2 = 0x2c;
  static final int LALOAD = 0x2f;
  static final int AALOAD = 0x32;
  static final int LASTORE = 0x50;
  static final int RETURN = 0xb1;
  static final int GETFIELD = 0xb4;
  static final int PUTFIELD = 0xb5;
  static final int INVOKESPECIAL = 0xb7;
  static final int INVOKESTATIC = 0xb8;
  static final int INVOKEINTERFACE = 0xb9;
  private static final int LLOAD = 0x16;
  private static final int LSTORE = 0x37;
  private static final int WIDE = 0xc4;

  private final ClassBytes owner;
  private final ByteArrayOutputStream code = new ByteArrayOutputStream();
  private final int maxStack;
  private int maxLocals;

  MethodCode(ClassBytes owner, int maxStack, int maxLocals) {
    this.owner = owner;
    this.maxStack = maxStack;
    this.maxLocals = maxLocals;
  }

  /** The class whose constant pool this code's instructions refer to. */
  ClassBytes owner() {
    return owner;
  }

  int size() {
    return code.size();
  }

  int maxStack() {
    return maxStack;
  }

  int maxLocals() {
    return maxLocals;
  }

  byte[] bytes() {
    return code.toByteArray();
  }

  void op(int opcode) {
    code.write(opcode);
  }

  /** An instruction with a constant pool operand (field, method and class references). */
  void op(int opcode, int poolIndex) {
    code.write(opcode);
    u2(poolIndex);
  }

  void invokeInterface(int poolIndex, int argumentSlots) {
    op(INVOKEINTERFACE, poolIndex);
    code.write(argumentSlots + 1);
    code.write(0);
  }

  void pushInt(int value) {
    if (value >= -1 && value <= 5) {
      code.write(0x03 + value);
    } else if (value == (byte) value) {
      code.write(0x10);
      code.write(value);
    } else if (value == (short) value) {
      code.write(0x11);
      u2(value);
    } else {
      op(0x13, owner.intConstant(value));
    }
  }

  void pushLong(long value) {
    if (value == 0 || value == 1) {
      code.write(0x09 + (int) value);
    } else {
      op(0x14, owner.longConstant(value));
    }
  }

  void loadLong(int local) {
    local(LLOAD, local);
  }

  void storeLong(int local) {
    local(LSTORE, local);
    maxLocals = Math.max(maxLocals, local + 2);
  }

  private void local(int opcode, int index) {
    if (index <= 255) {
      code.write(opcode);
      code.write(index);
    } else {
      code.write(WIDE);
      code.write(opcode);
      u2(index);
    }
  }

  private void u2(int value) {
    code.write(value >>> 8);
    code.write(value);
  }
}
