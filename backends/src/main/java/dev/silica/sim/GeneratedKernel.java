package dev.silica.sim;

import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Makes the fast {@link Kernel} of a compiled design: defines the class the {@link KernelEmitter}
 * writes as a hidden class of this package and instantiates it on the simulation's own objects.
 *
 * <p>Simulations of the same design (the threads of a batch run, the tests of one block) get the
 * same class, because the class file is the same: it is defined once and the JIT compiles it once,
 * and every instance runs the compiled code. A class stays defined while an instance of it lives.
 * (A plain map, not a Guava cache: loading the cache's classes costs a tenth of a second; no
 * lambdas, as in {@link ClassBytes}.)
 */
final class GeneratedKernel {

  /** The defined classes by the content of their class file, held weakly, so a class is dropped once unused. */
  private static final Map<ByteBuffer, WeakReference<Class<?>>> CLASSES = new HashMap<>();

  private GeneratedKernel() {}

  /** The kernel of {@code c}; see {@link KernelEmitter#emit} for {@code full}. */
  static Kernel of(SimCompiler.Compiled c, boolean full) {
    KernelEmitter.Emitted emitted = KernelEmitter.emit(c, full);
    try {
      return (Kernel) classOf(emitted.bytes()).getConstructor(Eval[].class, long[][].class)
          .newInstance(emitted.calls(), emitted.memories());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot load the generated simulation code (a simulator bug)", e);
    }
  }

  private static synchronized Class<?> classOf(byte[] bytes) throws IllegalAccessException {
    ByteBuffer key = ByteBuffer.wrap(bytes);
    WeakReference<Class<?>> known = CLASSES.get(key);
    Class<?> code = known == null ? null : known.get();
    if (code == null) {
      for (Iterator<WeakReference<Class<?>>> i = CLASSES.values().iterator(); i.hasNext(); ) {
        if (i.next().get() == null) {
          i.remove();
        }
      }
      code = MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
      CLASSES.put(key, new WeakReference<>(code));
    }
    return code;
  }
}
