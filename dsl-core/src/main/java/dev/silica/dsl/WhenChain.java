package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;

/**
 * A {@code when} that can be continued by {@code elseWhen} and ended by {@code otherwise}. Only the
 * first branch whose condition holds is active; connections in it override those made before the
 * chain.
 */
public final class WhenChain {

  private final ModuleBuilder module;
  private final Scope.WhenBlock block;

  WhenChain(ModuleBuilder module, Scope.WhenBlock block) {
    this.module = module;
    this.block = block;
  }

  /** A further branch, active when the earlier conditions are false and {@code condition} is true. */
  public WhenChain elseWhen(Bool condition, Runnable body) {
    return elseWhen("elseWhen", condition, body, UserCode.location());
  }

  /** The last branch, active when every condition of the chain is false. */
  public void otherwise(Runnable body) {
    otherwise("otherwise", body, UserCode.location());
  }

  /** {@link #elseWhen(Bool, Runnable)} called {@code what} in messages (a switch's {@code is}). */
  WhenChain elseWhen(String what, Bool condition, Runnable body, SourceLoc loc) {
    checkContinuable(what, loc);
    Arguments.required(condition, "the condition of " + what);
    Arguments.required(body, "the body of " + what);
    module.runBranch(block, condition.ref, body, loc);
    return this;
  }

  /** {@link #otherwise(Runnable)} called {@code what} in messages. */
  void otherwise(String what, Runnable body, SourceLoc loc) {
    checkContinuable(what, loc);
    Arguments.required(body, "the body of " + what);
    module.runOtherwise(block, body, loc);
  }

  private void checkContinuable(String what, SourceLoc loc) {
    if (Elaboration.currentModule(loc) != module
        || module.scope() != block.parent
        || !block.parent.isLastStatement(block)) {
      throw new DesignError(
          loc, what + " must directly follow its when (at " + block.loc + ") in the same scope");
    }
    if (block.otherwise != null) {
      throw new DesignError(loc, what + " after otherwise: otherwise ends the when at " + block.loc);
    }
  }
}
