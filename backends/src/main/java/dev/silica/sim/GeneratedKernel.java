package dev.silica.sim;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Makes the fast {@link Kernel} of a compiled design: defines the class the {@link KernelEmitter}
 * writes as a hidden class of this package (collected with the simulator that uses it) and
 * instantiates it. Takes milliseconds; the JIT then compiles the straight-line code to machine code
 * as it runs.
 */
final class GeneratedKernel {

  private GeneratedKernel() {}

  static Kernel of(SimCompiler.Compiled c) {
    KernelEmitter.Emitted emitted = KernelEmitter.emit(c);
    try {
      MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(emitted.bytes(), true);
      MethodHandle constructor = hidden.findConstructor(
          hidden.lookupClass(), MethodType.methodType(void.class, Eval[].class, long[][].class));
      return (Kernel) constructor.invoke(emitted.calls(), emitted.memories());
    } catch (Throwable e) {
      throw new IllegalStateException("cannot load the generated simulation code (a simulator bug)", e);
    }
  }
}
