package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state of one running elaboration, bound to the current thread: the stack of modules being
 * constructed (the innermost is where hardware is built now) and the IR modules finished so far,
 * children before parents, with identical modules shared.
 */
final class Elaboration {

  private static final ThreadLocal<Elaboration> CURRENT = new ThreadLocal<>();

  private final Deque<ModuleBuilder> open = new ArrayDeque<>();
  private final Map<String, ModuleDef> modules = new LinkedHashMap<>();
  /** Set by {@link #construct} just before the user's supplier runs: the next module's parent. */
  private boolean expectingModule;
  private ModuleBuilder expectedParent;

  /** Runs {@code body} with a fresh elaboration bound to this thread. */
  static <R> R run(java.util.function.Function<Elaboration, R> body) {
    Elaboration previous = CURRENT.get();
    Elaboration e = new Elaboration();
    CURRENT.set(e);
    try {
      return body.apply(e);
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The elaboration running on this thread (there is one whenever a module is being built). */
  static Elaboration current() {
    return CURRENT.get();
  }

  /** The module in which hardware is being built right now. */
  static ModuleBuilder currentModule(SourceLoc loc) {
    Elaboration e = CURRENT.get();
    if (e == null || e.open.isEmpty()) {
      throw new DesignError(
          loc, "hardware can only be built while a module is being elaborated (inside its constructor)");
    }
    return e.open.peek();
  }

  /** Called by the {@link Module} constructor: opens the builder that collects its hardware. */
  static ModuleBuilder open(Module module, SourceLoc loc) {
    Elaboration e = CURRENT.get();
    if (e == null || !e.expectingModule) {
      String name = module.getClass().getSimpleName();
      throw new DesignError(
          constructorCaller(),
          "module "
              + name
              + " is constructed directly: create a submodule with instance(() -> new "
              + name
              + "(...)) and a design with Elaborator.elaborate(() -> new "
              + name
              + "(...))");
    }
    e.expectingModule = false;
    ModuleBuilder b = new ModuleBuilder(module, e.expectedParent, loc);
    e.open.push(b);
    return b;
  }

  /** The line that called {@code new} on a module class (outside every module constructor). */
  private static SourceLoc constructorCaller() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .filter(f -> f.getDeclaringClass() != Elaboration.class)
                    .filter(f -> !(f.getMethodName().equals("<init>") && Module.class.isAssignableFrom(f.getDeclaringClass())))
                    .findFirst()
                    .map(f -> new SourceLoc(f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber()))
                    .orElse(SourceLoc.UNKNOWN));
  }

  /**
   * Runs {@code make}, which must construct exactly one module, as a child of {@code parent} (null
   * for the top), then finishes it into an IR module.
   */
  <M extends Module> M construct(Supplier<M> make, ModuleBuilder parent, SourceLoc loc) {
    expectingModule = true;
    expectedParent = parent;
    int depth = open.size();
    M module;
    try {
      module = make.get();
    } finally {
      expectingModule = false;
      while (open.size() > depth + 1) {
        open.pop();
      }
    }
    if (module == null || open.size() != depth + 1 || open.peek() != module.builder()) {
      throw new DesignError(loc, "the supplier must construct and return exactly one new module");
    }
    open.pop();
    module.builder().finish(this);
    return module;
  }

  /**
   * Adds {@code def}, or finds an identical module already there, and returns the IR name it has:
   * its own, or that name with {@code _1}, {@code _2}... when modules of that name differ in
   * structure.
   */
  String share(ModuleDef named) {
    for (int i = 0; ; i++) {
      String candidate = i == 0 ? named.name() : named.name() + "_" + i;
      ModuleDef def =
          new ModuleDef(
              candidate, named.ports(), named.nodes(), named.registers(), named.memories(),
              named.instances(), named.connects(), named.loc(), named.blackBox());
      ModuleDef existing = modules.get(candidate);
      if (existing == null) {
        modules.put(candidate, def);
        return candidate;
      }
      if (existing.equals(def)) {
        return candidate;
      }
    }
  }

  Map<String, ModuleDef> modules() {
    return modules;
  }
}
