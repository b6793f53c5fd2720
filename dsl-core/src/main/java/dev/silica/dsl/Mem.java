package dev.silica.dsl;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A RAM or ROM of {@code depth} words: made by {@link Hw#mem} or {@link Hw#rom}, read through
 * asynchronous ports ({@link #read}) or synchronous read-first ports ({@link #readSync}), written
 * through synchronous ports ({@link #write}). Addresses are {@code UInt}s of exactly {@link
 * #addressWidth()} bits. A write or synchronous read inside a {@code when} happens only when the
 * when's condition holds.
 */
public final class Mem<T extends Signal> {

  record Read(Ref port, Ref addr, boolean sync, Ref enable, SourceLoc loc) {}

  record Write(Ref addr, Ref data, Ref enable, SourceLoc loc) {}

  final ModuleBuilder owner;
  final SignalType<T> type;
  final int depth;
  final ImmutableList<BigInteger> init;
  final SourceLoc loc;
  final boolean readOnly;
  final List<Read> reads = new ArrayList<>();
  final List<Write> writes = new ArrayList<>();
  String name;
  Memory.Style style = Memory.Style.AUTO;

  private Mem(
      ModuleBuilder owner, String name, SignalType<T> type, int depth, ImmutableList<BigInteger> init,
      boolean readOnly, SourceLoc loc) {
    this.owner = owner;
    this.readOnly = readOnly;
    this.name = name;
    this.type = type;
    this.depth = depth;
    this.init = init;
    this.loc = loc;
  }

  static <T extends Signal> Mem<T> create(
      String name, SignalType<T> type, int depth, ImmutableList<BigInteger> init, boolean readOnly) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = Elaboration.currentModule(loc);
    Names.checkLegal(name, loc);
    if (depth < 1) {
      throw new DesignError(loc, "memory '" + name + "' needs at least one word, not " + depth);
    }
    Type t = type.irType();
    for (int i = 0; i < init.size(); i++) {
      if (!t.fits(init.get(i))) {
        throw new DesignError(
            loc, "word " + i + " of memory '" + name + "' is " + init.get(i) + ", which does not fit " + t);
      }
    }
    Mem<T> mem = new Mem<>(m, name, type, depth, init, readOnly, loc);
    m.addMemory(mem);
    return mem;
  }

  /** Asks synthesis for block RAM, distributed (LUT) RAM, or its own choice; returns this memory. */
  public Mem<T> style(Memory.Style newStyle) {
    this.style = newStyle;
    return this;
  }

  public int depth() {
    return depth;
  }

  /** The width of every address: ceil(log2(depth)), at least 1. */
  public int addressWidth() {
    return Memory.addressWidth(depth);
  }

  /** The word at {@code addr}, combinationally (0 beyond the depth). */
  public T read(UInt addr) {
    return readPort(addr, false, null);
  }

  /** The word at {@code addr} as it was before this clock edge's writes, one cycle later. */
  public T readSync(UInt addr) {
    return readPort(addr, true, null);
  }

  /** Like {@link #readSync(UInt)}, but the output only changes on edges where {@code enable} is high. */
  public T readSync(UInt addr, Bool enable) {
    return readPort(addr, true, enable);
  }

  private T readPort(UInt addr, boolean sync, Bool enable) {
    SourceLoc at = UserCode.location();
    ModuleBuilder m = checkOwner(at);
    Ref a = address(m, addr, at);
    Ref en = null;
    if (sync) {
      en = m.and(m.activeCondition(), enable == null ? null : m.use(enable.ref, at), at);
    }
    Ref port = m.readPort(type.irType(), name, at);
    reads.add(new Read(port, a, sync, en, at));
    return type.view(port);
  }

  /** Stores {@code data} at {@code addr} on the clock edge (where an enclosing when holds). */
  public void write(UInt addr, T data) {
    writePort(addr, data, null);
  }

  /** Stores {@code data} at {@code addr} on clock edges where {@code enable} is high. */
  public void write(UInt addr, T data, Bool enable) {
    writePort(addr, data, enable);
  }

  private void writePort(UInt addr, T data, Bool enable) {
    SourceLoc at = UserCode.location();
    ModuleBuilder m = checkOwner(at);
    if (readOnly) {
      throw new DesignError(at, "memory '" + name + "' is a ROM (made by rom(...)): it cannot be written");
    }
    Ref a = address(m, addr, at);
    Ref d = m.use(data.ref, at);
    if (!d.type.equals(type.irType())) {
      throw new DesignError(
          at,
          "cannot write " + d.type + " to memory '" + name + "' of " + type.irType() + " words: "
              + ModuleBuilder.conversionHint(d.type, type.irType()));
    }
    Ref en = m.and(m.activeCondition(), enable == null ? null : m.use(enable.ref, at), at);
    if (en == null) {
      en = m.constant(BigInteger.ONE, Type.bool(), at);
    }
    writes.add(new Write(a, d, en, at));
  }

  private ModuleBuilder checkOwner(SourceLoc at) {
    ModuleBuilder m = Elaboration.currentModule(at);
    if (m != owner) {
      throw new DesignError(
          at, "memory '" + name + "' belongs to module " + owner.baseName() + ", not to " + m.baseName());
    }
    return m;
  }

  private Ref address(ModuleBuilder m, UInt addr, SourceLoc at) {
    Ref a = m.use(addr.ref, at);
    Type want = Type.u(addressWidth());
    if (!a.type.equals(want)) {
      throw new DesignError(
          at,
          "the address of memory '" + name + "' (" + depth + " words) must be " + want + ", not " + a.type
              + ": resize it");
    }
    return a;
  }
}
