package dev.silica.transformer.blocks;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Bundle;
import dev.silica.dsl.Ports;
import dev.silica.dsl.SInt;
import dev.silica.dsl.Vec;

/**
 * The operand stream of a matrix multiply: beat {@code k} carries column {@code k} of {@code A}
 * ({@code a_0 .. a_{R-1}}) and row {@code k} of {@code B} ({@code b_0 .. b_{C-1}}); {@code last}
 * marks {@code k = K-1}; {@code shift}, present for arrays that shift their accumulators ({@link
 * SystolicConfig#accumulatorShift()}), scales the sums before the beat's products. Handshake as in
 * {@link Stream}.
 */
public final class OperandStream extends Bundle {

  public final Vec<SInt> a;
  public final Vec<SInt> b;
  public final Bool valid;
  public final Bool ready;
  public final Bool last;
  /** The shift flag, or null for an array that does not shift its accumulators. */
  public final Bool shift;

  public OperandStream(Ports ports, int rows, int aBits, int cols, int bBits, boolean withShift) {
    a = ports.outVec("a", rows, SInt.of(aBits));
    b = ports.outVec("b", cols, SInt.of(bBits));
    valid = ports.out("valid", Bool.TYPE);
    ready = ports.in("ready", Bool.TYPE);
    last = ports.out("last", Bool.TYPE);
    shift = withShift ? ports.out("shift", Bool.TYPE) : null;
  }
}
