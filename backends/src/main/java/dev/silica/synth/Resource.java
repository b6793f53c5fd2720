package dev.silica.synth;

/** The XC7S15 resources a design is measured in, in the order reports list them. */
public enum Resource {
  LUT("LUT"),
  LUT_AS_LOGIC("  as logic"),
  LUT_AS_MEMORY("  as memory (LUTRAM/SRL)"),
  FF("FF"),
  CARRY4("CARRY4"),
  DSP48E1("DSP48E1"),
  RAMB36("RAMB36"),
  RAMB18("RAMB18");

  private final String label;

  Resource(String label) {
    this.label = label;
  }

  /** The row label in a report. */
  public String label() {
    return label;
  }
}
