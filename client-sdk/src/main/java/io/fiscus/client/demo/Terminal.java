package io.fiscus.client.demo;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Whether standard input and output are an interactive terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * On JDK 21 {@link System#console()} is null unless both streams are a terminal; from JDK 22 it
   * exists anyway and {@code Console.isTerminal()} tells, so that method is asked when present.
   */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (IllegalAccessException | InvocationTargetException e) {
      return false;
    }
  }
}
