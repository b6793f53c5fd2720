package dev.silica.sim;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the bytecode of a kernel class for one compiled design, straight from its step lists:
 * {@code settle} and {@code clock} each call static methods of a bounded size, in which every step
 * is its operation written out by {@link StepCode} on its operand words (constants pushed as
 * literals, values computed or read earlier in the same method from local variables, the rest read
 * from the value array once), its result kept in a local and stored into the array. {@link
 * StepKind#CALL} steps call their object, held in an array the constructor takes with the memories'
 * word arrays.
 *
 * <p>The class lives in this package (it is defined as a hidden class of it), so it implements
 * {@link Kernel} and calls {@link NarrowOps} and {@link Eval} directly.
 */
final class KernelEmitter {

  /** The internal name the class is written under (a hidden class gets a unique suffix). */
  static final String NAME = "dev/silica/sim/KernelCode";

  /**
   * Own bytecode per part method: small enough that with the inlined {@link NarrowOps} methods it
   * stays within the JIT's inlining budget (about 8000 bytes per compiled method).
   */
  private static final int PART_BYTES = 1500;

  private static final String OPS = "dev/silica/sim/NarrowOps";
  private static final String EVAL = "dev/silica/sim/Eval";
  private static final String VALUES = "[J";
  private static final String CALLS = "[L" + EVAL + ";";
  private static final String MEMORIES = "[[J";
  private static final String PART = "(" + VALUES + CALLS + MEMORIES + ")V";
  /** Local variables of a part: the value array, the calls, the memories, then the kept words. */
  private static final int FIRST_WORD_LOCAL = 3;
  /** Enough for the longest step: array, index, memory, four operands, a long parameter, a copy. */
  private static final int MAX_STACK = 16;

  /** The class file and the objects its constructor takes. */
  record Emitted(byte[] bytes, Eval[] calls, long[][] memories) {}

  private final SimCompiler.Compiled c;
  private final ClassBytes out = new ClassBytes(NAME, "java/lang/Object", "dev/silica/sim/Kernel");
  private final List<Eval> calls = new ArrayList<>();
  private final Map<long[], Integer> memoryIndex = new IdentityHashMap<>();
  private final Map<StepKind, Integer> methodRefs = new HashMap<>();
  private int parts;

  private KernelEmitter(SimCompiler.Compiled c) {
    this.c = c;
  }

  static Emitted emit(SimCompiler.Compiled c) {
    return new KernelEmitter(c).run();
  }

  private Emitted run() {
    out.field(ClassBytes.PRIVATE | ClassBytes.FINAL, "x", CALLS);
    out.field(ClassBytes.PRIVATE | ClassBytes.FINAL, "m", MEMORIES);
    constructor();
    entry("settle", parts(c.settle()));
    entry("clock", parts(c.clock()));
    long[][] memories = new long[memoryIndex.size()][];
    memoryIndex.forEach((words, i) -> memories[i] = words);
    return new Emitted(out.toBytes(), calls.toArray(Eval[]::new), memories);
  }

  private void constructor() {
    MethodCode code = new MethodCode(out, 2, 3);
    code.op(MethodCode.ALOAD_0);
    code.op(MethodCode.INVOKESPECIAL, out.methodRef("java/lang/Object", "<init>", "()V"));
    code.op(MethodCode.ALOAD_0);
    code.op(MethodCode.ALOAD_1);
    code.op(MethodCode.PUTFIELD, out.fieldRef(NAME, "x", CALLS));
    code.op(MethodCode.ALOAD_0);
    code.op(MethodCode.ALOAD_2);
    code.op(MethodCode.PUTFIELD, out.fieldRef(NAME, "m", MEMORIES));
    code.op(MethodCode.RETURN);
    out.method(ClassBytes.PUBLIC, "<init>", "(" + CALLS + MEMORIES + ")V", code);
  }

  /** The {@link Kernel} method {@code name}, calling the given part methods in order. */
  private void entry(String name, List<String> partNames) {
    MethodCode code = new MethodCode(out, 3, 2);
    for (String part : partNames) {
      code.op(MethodCode.ALOAD_1);
      code.op(MethodCode.ALOAD_0);
      code.op(MethodCode.GETFIELD, out.fieldRef(NAME, "x", CALLS));
      code.op(MethodCode.ALOAD_0);
      code.op(MethodCode.GETFIELD, out.fieldRef(NAME, "m", MEMORIES));
      code.op(MethodCode.INVOKESTATIC, out.methodRef(NAME, part, PART));
    }
    code.op(MethodCode.RETURN);
    out.method(ClassBytes.PUBLIC, name, "(" + VALUES + ")V", code);
  }

  /** Writes {@code steps} as part methods of at most about {@link #PART_BYTES}; their names. */
  private List<String> parts(List<Step> steps) {
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < steps.size()) {
      MethodCode code = new MethodCode(out, MAX_STACK, FIRST_WORD_LOCAL);
      Map<Integer, Integer> kept = new HashMap<>();
      while (i < steps.size() && code.size() < PART_BYTES) {
        step(code, steps.get(i++), kept);
      }
      code.op(MethodCode.RETURN);
      String name = "part" + parts++;
      out.method(ClassBytes.PRIVATE | ClassBytes.STATIC, name, PART, code);
      names.add(name);
    }
    return names;
  }

  /** One step; {@code kept} maps the slots computed or read earlier in this method to their locals. */
  private void step(MethodCode code, Step s, Map<Integer, Integer> kept) {
    if (s.kind() == StepKind.CALL) {
      calls.add(s.call());
      code.op(MethodCode.ALOAD_1);
      code.pushInt(calls.size() - 1);
      code.op(MethodCode.AALOAD);
      code.op(MethodCode.ALOAD_0);
      code.invokeInterface(out.interfaceMethodRef(EVAL, "eval", "(" + VALUES + ")V"), 1);
      kept.clear();
      return;
    }
    StepCode.Operand[] operands = new StepCode.Operand[s.args().length];
    for (int i = 0; i < operands.length; i++) {
      operands[i] = operand(code, s.args()[i], kept);
    }
    if (StepCode.inline(s.kind())) {
      StepCode.emit(code, s.kind(), operands, s.params());
    } else {
      call(code, s, operands);
    }
    int local = code.maxLocals();
    code.storeLong(local);
    code.op(MethodCode.ALOAD_0);
    code.pushInt(s.dest());
    code.loadLong(local);
    code.op(MethodCode.LASTORE);
    kept.put(s.dest(), local);
  }

  /** A step whose kind is not written inline: an {@code invokestatic} of its {@link NarrowOps} method. */
  private void call(MethodCode code, Step s, StepCode.Operand[] operands) {
    if (s.kind() == StepKind.READ) {
      code.op(MethodCode.ALOAD_2);
      code.pushInt(memoryIndex.computeIfAbsent(s.memory(), w -> memoryIndex.size()));
      code.op(MethodCode.AALOAD);
    }
    for (StepCode.Operand x : operands) {
      if (x.constant()) {
        code.pushLong(x.value());
      } else {
        code.loadLong(x.local());
      }
    }
    Class<?>[] types = s.kind().parameterTypes();
    for (int p = 0; p < types.length; p++) {
      if (types[p] == long.class) {
        code.pushLong(s.params()[p]);
      } else {
        code.pushInt(types[p] == boolean.class ? (s.flag(p) ? 1 : 0) : s.param(p));
      }
    }
    code.op(MethodCode.INVOKESTATIC, methodRefs.computeIfAbsent(s.kind(), this::methodRef));
  }

  /** Where operand {@code slot} is: a constant, or a local (read from the value array the first time). */
  private StepCode.Operand operand(MethodCode code, int slot, Map<Integer, Integer> kept) {
    Long constant = c.constants().get(slot);
    if (constant != null) {
      return StepCode.Operand.ofConstant(constant);
    }
    Integer local = kept.get(slot);
    if (local == null) {
      code.op(MethodCode.ALOAD_0);
      code.pushInt(slot);
      code.op(MethodCode.LALOAD);
      local = code.maxLocals();
      code.storeLong(local);
      kept.put(slot, local);
    }
    return StepCode.Operand.ofLocal(local);
  }

  private int methodRef(StepKind kind) {
    Method m = kind.method;
    StringBuilder descriptor = new StringBuilder("(");
    for (Class<?> t : m.getParameterTypes()) {
      descriptor.append(t == long.class ? "J" : t == int.class ? "I" : t == boolean.class ? "Z" : "[J");
    }
    return out.methodRef(OPS, m.getName(), descriptor.append(")J").toString());
  }
}
