package dev.silica.ir.pass;

import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;

/**
 * Checks every type against the width table: each node's declared type is the one its operation
 * gives, and whatever drives a register, a memory port, an instance input or an output port has
 * exactly the type that element demands (enables u1, addresses unsigned and as wide as the
 * memory's address). Initial values must fit their registers and memories.
 *
 * <p>Assumes names resolve ({@link CheckDrivers}); a name that does not is still reported.
 */
public final class CheckTypes extends ModuleCheck {

  @Override
  public String name() {
    return "check-types";
  }

  @Override
  void check(Design design, ModuleDef module) {
    Signals signals = Signals.of(design, module);
    for (Node n : module.nodes()) {
      Type computed;
      try {
        computed = TypeRules.resultType(n.op(), name -> signals.type(name, n.loc()));
      } catch (TypeRules.TypeRuleViolation e) {
        throw new DesignError(n.loc(), "node '" + n.name() + "': " + e.getMessage());
      }
      if (!computed.equals(n.type())) {
        throw new DesignError(
            n.loc(), "node '" + n.name() + "' is declared " + n.type() + ", but the width table gives " + computed);
      }
    }
    for (Reads.Read read : Reads.of(design, module)) {
      if (read.required().isPresent()) {
        Type required = read.required().get();
        Type actual = signals.type(read.signal(), read.loc());
        if (!actual.equals(required)) {
          throw new DesignError(
              read.loc(), read.role() + " must be " + required + ", but '" + read.signal() + "' is " + actual);
        }
      }
    }
    for (Register r : module.registers()) {
      checkFits(r.init(), r.type(), "initial value of register '" + r.name() + "'", r.loc());
    }
    for (Memory m : module.memories()) {
      for (int i = 0; i < m.init().size(); i++) {
        checkFits(m.init().get(i), m.type(), "initial word " + i + " of memory '" + m.name() + "'", m.loc());
      }
    }
  }

  private static void checkFits(BigInteger value, Type type, String what, SourceLoc loc) {
    if (!type.fits(value)) {
      throw new DesignError(loc, what + " is " + value + ", which does not fit " + type);
    }
  }
}
