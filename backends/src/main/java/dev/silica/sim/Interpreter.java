package dev.silica.sim;

/**
 * The {@link Kernel} that walks the precompiled evaluator objects: no code generation, so it
 * starts at once; every simulation begins on it.
 */
final class Interpreter implements Kernel {

  private final Eval[] comb;
  private final Clocked[] clocked;
  private final ClockedElements.Write[] writes;

  Interpreter(SimCompiler.Compiled c) {
    this.comb = c.evals();
    this.clocked = c.clocked().toArray(Clocked[]::new);
    this.writes = c.writes().toArray(ClockedElements.Write[]::new);
  }

  @Override
  public void settle(long[] v) {
    for (Eval e : comb) {
      e.eval(v);
    }
  }

  @Override
  public void clock(long[] v) {
    for (Clocked e : clocked) {
      e.capture(v);
    }
    for (ClockedElements.Write w : writes) {
      w.apply(v);
    }
    for (Clocked e : clocked) {
      e.commit(v);
    }
  }
}
