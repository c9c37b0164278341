package io.fiscus.client.cli;

import io.fiscus.client.CallRevertedException;
import io.fiscus.client.FiscusException;
import io.fiscus.client.ForbiddenException;
import io.fiscus.client.JsonRpcErrorException;
import io.fiscus.client.TransactionRejectedException;
import io.fiscus.client.TransactionRevertedException;
import io.fiscus.client.UnauthorizedException;
import java.io.PrintWriter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr, {@code fiscus-client transfer: transaction reverted:
 * insufficient balance (...)}, and an exit code: 2 for input the user can fix before anything is
 * sent (as the node's CLI does; the SDK refuses bad arguments with {@link
 * IllegalArgumentException}), 1 for a transaction the node refused or reverted, a node that cannot
 * be reached or answers with an error. Anything else is a bug and keeps its stack trace.
 */
final class ErrorReport implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int FAILURE = 1;
  static final int USAGE = 2;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    return report(ex.getCommandLine(), ex.getMessage(), USAGE);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine failed, ParseResult parseResult)
      throws Exception {
    return switch (ex) {
      case UsageException usage -> report(failed, usage.getMessage(), USAGE);
      // The SDK's value types and clients refuse bad arguments so, before anything is sent.
      case IllegalArgumentException refused -> report(failed, refused.getMessage(), USAGE);
      case FiscusException fiscus -> report(failed, describe(fiscus), FAILURE);
      default -> throw ex;
    };
  }

  /** The one line for an SDK failure: the revert reason, or the node's JSON-RPC code and text. */
  static String describe(FiscusException failure) {
    return switch (failure) {
      case TransactionRevertedException reverted ->
          "transaction reverted: "
              + reverted.reason()
              + " (transaction "
              + reverted.transactionHash()
              + inBlock(reverted.receipt())
              + ")";
      case TransactionRejectedException rejected ->
          "the node refused the transaction: "
              + rejected.rpcMessage()
              + " (JSON-RPC error "
              + rejected.code()
              + ")";
      case CallRevertedException reverted -> "call reverted: " + reverted.reason();
      case UnauthorizedException refused ->
          "the node requires authentication: "
              + refused.reason()
              + " (give the acting account's --key-file or --keystore)";
      case ForbiddenException refused ->
          "not visible to this account: "
              + refused.reason()
              + (refused.reason().contains("reason is required")
                  ? " (give one with --access-reason)"
                  : "");
      case JsonRpcErrorException error ->
          "the node answered JSON-RPC error "
              + error.code()
              + " "
              + error.rpcMessage()
              + error.data().map(data -> " (" + data + ")").orElse("");
      default -> failure.getMessage();
    };
  }

  private static String inBlock(TransactionReceipt receipt) {
    return receipt == null || receipt.getBlockNumberRaw() == null
        ? ""
        : ", block " + receipt.getBlockNumber();
  }

  private static int report(CommandLine failed, String message, int exitCode) {
    PrintWriter err = failed.getErr();
    err.println(failed.getCommandSpec().qualifiedName() + ": " + message);
    err.flush();
    return exitCode;
  }
}
