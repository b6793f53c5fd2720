package dev.silica.ir.pass;

import dev.silica.ir.Design;

/**
 * One transformation or check of a whole design. A pass never changes what the design computes:
 * checks return their input or throw {@link dev.silica.ir.DesignError}, transformations return an
 * equivalent design.
 */
public interface Pass {

  /** A short name for logs ({@code fold-constants}). */
  String name();

  Design run(Design design);
}
