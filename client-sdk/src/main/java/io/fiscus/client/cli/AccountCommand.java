package io.fiscus.client.cli;

import picocli.CommandLine.Command;

/** {@code account show|register|freeze|unfreeze}: the Registry's view of an account. */
@Command(
    name = "account",
    description = "Show, register, freeze or unfreeze an account.",
    subcommands = {
      AccountShowCommand.class,
      AccountRegisterCommand.class,
      AccountFreezeCommand.class,
      AccountUnfreezeCommand.class
    })
final class AccountCommand {}
