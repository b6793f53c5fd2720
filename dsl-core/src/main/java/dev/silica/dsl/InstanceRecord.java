package dev.silica.dsl;

import dev.silica.ir.SourceLoc;

/** A submodule instance as its parent sees it: the child, and the name the parent gives it. */
final class InstanceRecord {
  final Module child;
  final SourceLoc loc;
  String name;
  Ref.NameSource nameSource;
  String autoBase;

  InstanceRecord(Module child, String explicitName, SourceLoc loc) {
    this.child = child;
    this.loc = loc;
    this.name = explicitName;
    this.nameSource = explicitName == null ? Ref.NameSource.AUTO : Ref.NameSource.EXPLICIT;
  }

  void nameAs(String newName, Ref.NameSource source) {
    if (name == null || source.compareTo(nameSource) > 0) {
      name = newName;
      nameSource = source;
    }
  }

  String describe() {
    String module = child.builder().baseName();
    return name != null && nameSource == Ref.NameSource.EXPLICIT
        ? "'" + name + "' (" + module + ")"
        : "of " + module + " made at " + loc;
  }
}
