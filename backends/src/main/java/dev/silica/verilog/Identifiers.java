package dev.silica.verilog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Verilog identifiers of one module: every IR name gets a legal, unique identifier as close to
 * the user's name as possible. Characters Verilog does not allow (the dot of {@code tap0.sum_out})
 * become {@code _}; a keyword or a name already taken gets a numeric suffix ({@code reg_1}).
 * Keywords are compared case-insensitively, so no name differs from one only by case.
 */
final class Identifiers {

  private final Set<String> taken = new HashSet<>();
  private final Map<String, String> byIrName = new HashMap<>();

  /** Reserves {@code identifier} exactly (for {@code clk} and {@code rst}); it must be free. */
  void reserve(String identifier) {
    if (!taken.add(identifier)) {
      throw new IllegalStateException(identifier + " is reserved twice");
    }
  }

  /** Gives {@code irName} its identifier; each IR name is declared once. */
  String declare(String irName) {
    if (byIrName.containsKey(irName)) {
      throw new IllegalStateException(irName + " is declared twice");
    }
    String id = fresh(irName);
    byIrName.put(irName, id);
    return id;
  }

  /** A new identifier based on {@code hint} that stands for no IR name (a helper the emitter adds). */
  String fresh(String hint) {
    String base = sanitize(hint);
    String candidate = base;
    for (int n = 1; isUnavailable(candidate); n++) {
      candidate = base + "_" + n;
    }
    taken.add(candidate);
    return candidate;
  }

  /** The identifier of a declared IR name. */
  String of(String irName) {
    String id = byIrName.get(irName);
    if (id == null) {
      throw new IllegalStateException(irName + " has no identifier");
    }
    return id;
  }

  /** The identifier of {@code irName}, if it was declared. */
  Optional<String> find(String irName) {
    return Optional.ofNullable(byIrName.get(irName));
  }

  private boolean isUnavailable(String candidate) {
    return taken.contains(candidate) || VerilogKeywords.ALL.contains(candidate.toLowerCase(Locale.ROOT));
  }

  /** {@code name} with every character outside {@code [A-Za-z0-9_]} made {@code _}, never starting with a digit. */
  static String sanitize(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0)) && cleaned.charAt(0) != '_') {
      cleaned = "n_" + cleaned;
    }
    return cleaned;
  }
}
