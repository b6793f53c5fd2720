package dev.silica.ir;

import com.google.common.base.Preconditions;
import java.math.BigInteger;

/**
 * A flip-flop of {@code type}, clocked by the module's {@code clk}. On a clock edge with the
 * module's synchronous active-high {@code rst} high it takes {@code init}; otherwise, when {@code
 * enable} is absent or high, it takes the value of {@code next}. A register whose {@code next} is null
 * is a design error, reported by {@link dev.silica.ir.pass.CheckDrivers}.
 */
public record Register(
    String name, Type type, BigInteger init, String next, String enable, SourceLoc loc) {

  public Register {
    Preconditions.checkNotNull(init, "register %s has no reset value", name);
  }

  public Register withNext(String newNext, String newEnable) {
    return new Register(name, type, init, newNext, newEnable, loc);
  }
}
