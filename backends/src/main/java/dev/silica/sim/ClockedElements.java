package dev.silica.sim;

/**
 * The clocked elements that the step list leaves to objects: registers wider than 64 bits
 * (synchronous active-high reset to {@code init}, then an optional enable; narrower ones are {@link
 * StepKind#REGISTER} steps), synchronous read ports (read-first, optional enable, not reset) and
 * write ports. A slot of -1 means the element has no such input.
 */
final class ClockedElements {

  private ClockedElements() {}

  /** A register wider than 64 bits. */
  static final class WideRegister extends Clocked {
    private final int q;
    private final int next;
    private final int enable;
    private final int reset;
    private final long[] init;
    private final long[] pending;

    WideRegister(int q, int next, int enable, int reset, long[] init) {
      this.q = q;
      this.next = next;
      this.enable = enable;
      this.reset = reset;
      this.init = init;
      this.pending = new long[init.length];
    }

    /** Word by word, the narrow registers' {@link NarrowOps#register} rule. */
    @Override
    void capture(long[] v) {
      long resetting = reset < 0 ? 0 : v[reset];
      long enabled = enable < 0 ? 1 : v[enable];
      for (int i = 0; i < pending.length; i++) {
        pending[i] = NarrowOps.register(resetting, enabled, v[next + i], v[q + i], init[i]);
      }
    }

    @Override
    void commit(long[] v) {
      System.arraycopy(pending, 0, v, q, pending.length);
    }
  }

  /** A synchronous read port: on an enabled edge it takes the word stored before the edge's writes. */
  static final class SyncRead extends Clocked {
    private final int q;
    private final int addr;
    private final int enable;
    private final SimMemory memory;
    private final long[] pending;

    SyncRead(int q, int addr, int enable, SimMemory memory) {
      this.q = q;
      this.addr = addr;
      this.enable = enable;
      this.memory = memory;
      this.pending = new long[Words.count(memory.type().width())];
    }

    @Override
    void capture(long[] v) {
      if (enable < 0 || v[enable] != 0) {
        memory.readInto(v[addr], pending, 0);
      } else {
        System.arraycopy(v, q, pending, 0, pending.length);
      }
    }

    @Override
    void commit(long[] v) {
      System.arraycopy(pending, 0, v, q, pending.length);
    }
  }

  /** A write port: between capture and commit, stores its data when enabled. */
  static final class Write {
    private final int addr;
    private final int data;
    private final int enable;
    private final SimMemory memory;

    Write(int addr, int data, int enable, SimMemory memory) {
      this.addr = addr;
      this.data = data;
      this.enable = enable;
      this.memory = memory;
    }

    void apply(long[] v) {
      if (enable < 0 || v[enable] != 0) {
        memory.writeFrom(v[addr], v, data);
      }
    }
  }
}
