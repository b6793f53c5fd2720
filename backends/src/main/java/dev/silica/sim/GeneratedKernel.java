package dev.silica.sim;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

/**
 * Makes the fast {@link Kernel} of a compiled design: defines the class the {@link KernelEmitter}
 * writes as a hidden class of this package and instantiates it on the simulation's own objects.
 *
 * <p>Simulations of the same design (the threads of a batch run, the tests of one block) get the
 * same class, because the class file is the same: it is defined once and the JIT compiles it once,
 * and every instance runs the compiled code. A class stays defined while an instance of it lives.
 */
final class GeneratedKernel {

  /** The defined classes by the content of their class file; a class is dropped once unused. */
  private static final Cache<ByteBuffer, Class<?>> CLASSES = CacheBuilder.newBuilder().weakValues().build();

  private GeneratedKernel() {}

  static Kernel of(SimCompiler.Compiled c) {
    KernelEmitter.Emitted emitted = KernelEmitter.emit(c);
    try {
      Class<?> code = CLASSES.get(ByteBuffer.wrap(emitted.bytes()), () -> define(emitted.bytes()));
      return (Kernel) code.getConstructor(Eval[].class, long[][].class).newInstance(emitted.calls(), emitted.memories());
    } catch (ExecutionException | ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot load the generated simulation code (a simulator bug)", e);
    }
  }

  private static Class<?> define(byte[] bytes) throws IllegalAccessException {
    return MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
  }
}
