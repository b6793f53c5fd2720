package dev.silica.sim;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the bytecode of a kernel class for one compiled design, straight from its step lists:
 * {@code settle} and {@code clock} each call static methods of a bounded size, in which every step
 * is its operation written out by {@link StepCode} on its operand words (constants pushed as
 * literals, values computed or read earlier in the same method from local variables, the rest read
 * from the value array once), its result kept in a local and stored into the array, except a value
 * of {@link SimCompiler.Compiled#hidden} that no later method reads (unless the kernel is to settle
 * every value). {@link
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
   * Own bytecode per part method: far below the size the JIT refuses to compile (8000 bytes), and
   * small enough that the optimizing compiler finishes each part within milliseconds.
   */
  private static final int PART_BYTES = 3000;

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
  /** The slots this kernel's settle need not store (none for a kernel that settles everything). */
  private final BitSet hidden;
  private final ClassBytes out = new ClassBytes(NAME, "java/lang/Object", "dev/silica/sim/Kernel");
  private final List<Eval> calls = new ArrayList<>();
  private final Map<long[], Integer> memoryIndex = new IdentityHashMap<>();
  private int parts;

  private KernelEmitter(SimCompiler.Compiled c, BitSet hidden) {
    this.c = c;
    this.hidden = hidden;
  }

  /**
   * The kernel of {@code c}: its settle stores every value when {@code full}, otherwise only those
   * outside {@link SimCompiler.Compiled#hidden}.
   */
  static Emitted emit(SimCompiler.Compiled c, boolean full) {
    return new KernelEmitter(c, full ? new BitSet() : c.hidden()).run();
  }

  private Emitted run() {
    out.field(ClassBytes.PRIVATE | ClassBytes.FINAL, "x", CALLS);
    out.field(ClassBytes.PRIVATE | ClassBytes.FINAL, "m", MEMORIES);
    constructor();
    entry("settle", parts(c.settle()));
    entry("clock", parts(c.clock()));
    long[][] memories = new long[memoryIndex.size()][];
    for (Map.Entry<long[], Integer> memory : memoryIndex.entrySet()) {
      memories[memory.getValue()] = memory.getKey();
    }
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

  /**
   * Writes {@code steps} as part methods of at most about {@link #PART_BYTES}; their names. A hidden
   * value is stored only when a later part reads it, at the end of its part.
   */
  private List<String> parts(List<Step> steps) {
    Map<Integer, Integer> lastRead = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      for (int slot : steps.get(i).args()) {
        lastRead.put(slot, i);
      }
    }
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < steps.size()) {
      Part part = new Part();
      while (i < steps.size() && part.code.size() < PART_BYTES) {
        Step s = steps.get(i++);
        if (s.kind() == StepKind.CALL) {
          part.storeReadFrom(i - 1, lastRead);
        }
        step(part, s);
      }
      part.storeReadFrom(i, lastRead);
      part.code.op(MethodCode.RETURN);
      String name = "part".concat(Integer.toString(parts++));
      out.method(ClassBytes.PRIVATE | ClassBytes.STATIC, name, PART, part.code);
      names.add(name);
    }
    return names;
  }

  /** A part method being written. */
  private final class Part {
    final MethodCode code = new MethodCode(out, MAX_STACK, FIRST_WORD_LOCAL);
    /** The slots computed or read earlier in this method, and the locals holding them. */
    final Map<Integer, Integer> kept = new HashMap<>();
    /** The hidden slots computed in this method and not stored yet. */
    final Set<Integer> unstored = new LinkedHashSet<>();

    void store(int slot, int local) {
      code.op(MethodCode.ALOAD_0);
      code.pushInt(slot);
      code.loadLong(local);
      code.op(MethodCode.LASTORE);
    }

    /** Stores the unstored values that the steps from index {@code next} on read. */
    void storeReadFrom(int next, Map<Integer, Integer> lastRead) {
      for (int slot : unstored) {
        if (lastRead.getOrDefault(slot, -1) >= next) {
          store(slot, kept.get(slot));
        }
      }
      unstored.clear();
    }
  }

  /** One step, its result kept in a new local and stored unless hidden. */
  private void step(Part part, Step s) {
    MethodCode code = part.code;
    if (s.kind() == StepKind.CALL) {
      calls.add(s.call());
      code.op(MethodCode.ALOAD_1);
      code.pushInt(calls.size() - 1);
      code.op(MethodCode.AALOAD);
      code.op(MethodCode.ALOAD_0);
      code.invokeInterface(out.interfaceMethodRef(EVAL, "eval", "(" + VALUES + ")V"), 1);
      part.kept.clear();
      return;
    }
    StepCode.Operand[] operands = new StepCode.Operand[s.args().length];
    for (int i = 0; i < operands.length; i++) {
      operands[i] = operand(code, s.args()[i], part.kept);
    }
    if (StepCode.inline(s.kind())) {
      StepCode.emit(code, s.kind(), operands, s.params());
    } else {
      call(code, s, operands);
    }
    int local = code.maxLocals();
    code.storeLong(local);
    part.kept.put(s.dest(), local);
    if (hidden.get(s.dest())) {
      part.unstored.add(s.dest());
    } else {
      part.store(s.dest(), local);
    }
  }

  /** A step whose kind is not written inline: an {@code invokestatic} of its {@link NarrowOps} method. */
  private void call(MethodCode code, Step s, StepCode.Operand[] operands) {
    if (s.kind() == StepKind.READ) {
      code.op(MethodCode.ALOAD_2);
      code.pushInt(memoryIndex(s.memory()));
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
    code.op(MethodCode.INVOKESTATIC, methodRef(s.kind()));
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

  private int memoryIndex(long[] memory) {
    Integer index = memoryIndex.get(memory);
    if (index == null) {
      index = memoryIndex.size();
      memoryIndex.put(memory, index);
    }
    return index;
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
