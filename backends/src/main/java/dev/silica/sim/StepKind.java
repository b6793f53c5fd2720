package dev.silica.sim;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The operations of the step list. Every kind but {@link #CALL} is the {@link NarrowOps} method of
 * the same name applied to its operand words and constant parameters, its result stored in the
 * step's destination; {@link #CALL} runs the step's {@link Eval} object.
 */
enum StepKind {
  COPY("copy", 1),
  NOT("not", 1),
  NEG("neg", 1),
  AND_REDUCE("andReduce", 1),
  OR_REDUCE("orReduce", 1),
  XOR_REDUCE("xorReduce", 1),
  ADD("add", 2),
  SUB("sub", 2),
  MUL("mul", 2),
  AND("and", 2),
  OR("or", 2),
  XOR("xor", 2),
  EQ("eq", 2),
  NE("ne", 2),
  LT("lt", 2),
  LE("le", 2),
  LT_UNSIGNED("ltUnsigned", 2),
  LE_UNSIGNED("leUnsigned", 2),
  SHL("shl", 2),
  SHR("shr", 2),
  SRA("sra", 2),
  SHL_CONST("shlConst", 1),
  SHR_CONST("shrConst", 1),
  MUX("mux", 3),
  APPEND("append", 2),
  MASK("mask", 1),
  SLICE("slice", 1),
  NORMALIZE("normalize", 1),
  /** Reads the step's memory array at its operand; the array comes before the operands. */
  READ("read", 1),
  REGISTER("register", 4),
  CALL(null, 0);

  /** The {@link NarrowOps} method; null for {@link #CALL}. */
  final Method method;
  /** How many of the method's parameters are operand words (read from slots). */
  final int operands;

  StepKind(String methodName, int operands) {
    this.method = methodName == null ? null
        : Arrays.stream(NarrowOps.class.getDeclaredMethods()).filter(m -> m.getName().equals(methodName))
            .findFirst().orElseThrow();
    this.operands = operands;
  }

  /** The types of the method's constant parameters, after the memory array and the operands. */
  Class<?>[] parameterTypes() {
    Class<?>[] all = method.getParameterTypes();
    int first = operands + (this == READ ? 1 : 0);
    return Arrays.copyOfRange(all, first, all.length);
  }
}
