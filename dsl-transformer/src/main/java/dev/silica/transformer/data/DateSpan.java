package dev.silica.transformer.data;

import com.google.common.base.Preconditions;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A named period of whole days, both ends included: one part (train, validation, test) of a
 * chronological split.
 */
public record DateSpan(String name, LocalDate first, LocalDate last) {

  public DateSpan {
    Preconditions.checkArgument(!last.isBefore(first), "%s ends (%s) before it starts (%s)", name, last, first);
  }

  /** Whether {@code time} falls on a day of this span. */
  public boolean contains(LocalDateTime time) {
    LocalDate day = time.toLocalDate();
    return !day.isBefore(first) && !day.isAfter(last);
  }

  @Override
  public String toString() {
    return name + " " + first + " to " + last;
  }
}
