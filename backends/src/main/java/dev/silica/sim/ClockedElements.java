package dev.silica.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The clocked elements that the step list leaves to objects: registers wider than 64 bits
 * (synchronous active-high reset to {@code init}, then an optional enable; narrower ones are {@link
 * StepKind#REGISTER} steps of the settle list), synchronous read ports (read-first, optional enable,
 * not reset), write ports, and the commit of the narrow registers. A slot of -1 means the element has
 * no such input.
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

  /**
   * The narrow registers' edge: each takes the next value that the settle steps computed into its
   * pending slot, the i-th register's at {@code firstPending + i}; registers in consecutive slots
   * are copied as one block.
   */
  static final class Commit {
    /** Per block of registers in consecutive slots: its first pending slot, first slot and length. */
    private final int[] blocks;

    Commit(int firstPending, int[] q) {
      List<Integer> b = new ArrayList<>();
      int start = 0;
      for (int i = 1; i <= q.length; i++) {
        if (i == q.length || q[i] != q[i - 1] + 1) {
          b.add(firstPending + start);
          b.add(q[start]);
          b.add(i - start);
          start = i;
        }
      }
      this.blocks = b.stream().mapToInt(Integer::intValue).toArray();
    }

    void apply(long[] v) {
      for (int i = 0; i < blocks.length; i += 3) {
        System.arraycopy(v, blocks[i], v, blocks[i + 1], blocks[i + 2]);
      }
    }
  }
}
