package io.fiscus.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to the node: it gets a {@link Session} (connection, key, printer) for the
 * global options, returns what to print, and leaves failures to {@link ErrorReport}.
 */
abstract class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    FiscusClientCommand options = (FiscusClientCommand) spec.root().userObject();
    try (Session session = new Session(options, spec.commandLine().getOut())) {
      session.printer().print(run(session));
    }
    return 0;
  }

  /** Does the command's work and says what to print. */
  abstract Output run(Session session);
}
