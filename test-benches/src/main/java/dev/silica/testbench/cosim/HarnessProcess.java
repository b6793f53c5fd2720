package dev.silica.testbench.cosim;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A running harness driven one {@link HarnessProtocol} command at a time over its stdin and stdout. */
public final class HarnessProcess implements AutoCloseable {

  /** How the notes start that Icarus prints on stdout when it opens a VCD; they are no reply. */
  private static final String ICARUS_VCD_NOTE = "VCD info:";

  private final CompiledHarness harness;
  private final Process process;
  private final Writer commands;
  private final BufferedReader replies;

  HarnessProcess(CompiledHarness harness, Process process) {
    this.harness = harness;
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
    this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
  }

  public void poke(HarnessPort input, BigInteger value) {
    send(HarnessProtocol.poke(input, value));
  }

  public void step() {
    send(HarnessProtocol.STEP);
  }

  /** Every wrapper output, settled for the current inputs, as hex text in wrapper order. */
  public ImmutableList<String> outputs() {
    send(HarnessProtocol.OUTPUTS);
    try {
      commands.flush();
      String line = replies.readLine();
      while (line != null && line.startsWith(ICARUS_VCD_NOTE)) {
        line = replies.readLine();
      }
      if (line == null) {
        throw new ToolFailure(harness.tool().name().toLowerCase(java.util.Locale.ROOT)
            + " ended unexpectedly (exit " + exitCode() + ")");
      }
      return CompiledHarness.values(line);
    } catch (IOException e) {
      throw new ToolFailure("lost the connection to " + harness.command().get(0) + ": " + e.getMessage(), e);
    }
  }

  private void send(String command) {
    try {
      commands.write(command);
    } catch (IOException e) {
      throw new ToolFailure("lost the connection to " + harness.command().get(0) + ": " + e.getMessage(), e);
    }
  }

  private String exitCode() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** Asks the simulator to finish, and stops it if it does not within a few seconds. */
  @Override
  public void close() {
    try {
      commands.write(HarnessProtocol.QUIT);
      commands.close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
