package dev.silica.dsl;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;
import java.util.Map;

/**
 * A named group of ports, such as a valid/ready stream. Subclass it with a constructor that takes
 * a {@link Ports} factory and makes each element through it:
 *
 * <pre>{@code
 * final class Stream extends Bundle {
 *   final UInt data; final Bool valid; final Bool ready;
 *   Stream(Ports p, int width) {
 *     data = p.out("data", UInt.of(width));
 *     valid = p.out("valid", Bool.TYPE);
 *     ready = p.in("ready", Bool.TYPE);
 *   }
 * }
 * Stream out = bundle("out", p -> new Stream(p, 8));           // out_data, out_valid, out_ready
 * Stream in = bundle("in", p -> new Stream(p.flipped(), 8));   // the receiving side
 * }</pre>
 */
public abstract class Bundle {

  private ImmutableMap<String, Signal> elements = ImmutableMap.of();

  void setElements(ImmutableMap<String, Signal> newElements) {
    this.elements = newElements;
  }

  /** The elements by name (without the bundle's prefix), in the order they were made. */
  public final ImmutableMap<String, Signal> elements() {
    return elements;
  }

  /**
   * Connects every element of this bundle to the element of the same name in {@code other}, each
   * in the direction it can go in the module being built: outputs of this module and inputs of its
   * instances are driven, the other side is read. The two bundles must have the same elements and
   * types.
   */
  public final void connectAll(Bundle other) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = Elaboration.currentModule(loc);
    if (!elements.keySet().equals(other.elements.keySet())) {
      throw new DesignError(
          loc, "cannot connect bundles with different elements: " + elements.keySet() + " and " + other.elements.keySet());
    }
    for (Map.Entry<String, Signal> e : elements.entrySet()) {
      EnumKinds.checkSame(e.getValue(), other.elements.get(e.getKey()), "bundle element '" + e.getKey() + "'", loc);
      Ref mine = e.getValue().ref;
      Ref theirs = other.elements.get(e.getKey()).ref;
      boolean drivesMine = m.isDrivableHere(mine);
      boolean drivesTheirs = m.isDrivableHere(theirs);
      if (drivesMine == drivesTheirs) {
        throw new DesignError(
            loc,
            "cannot connect bundle element '" + e.getKey() + "': "
                + (drivesMine ? "both sides are driven" : "neither side can be driven") + " in module " + m.baseName());
      }
      if (drivesMine) {
        m.connect(mine, theirs, loc);
      } else {
        m.connect(theirs, mine, loc);
      }
    }
  }
}
