package io.fiscus.client;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * One SDK operation, not yet started: {@link #send()} runs it and blocks, {@link #sendAsync()} runs
 * it and returns a {@link CompletableFuture}. Like Web3j's {@code RemoteCall}, but every failure is
 * a {@link FiscusException}: blocking callers get it thrown as is, asynchronous callers get the
 * future completed exceptionally with it. A call can be sent more than once; each send runs it
 * again.
 *
 * @param <T> the result
 */
public final class Call<T> {
  private final Supplier<CompletableFuture<T>> start;

  private Call(Supplier<CompletableFuture<T>> start) {
    this.start = start;
  }

  /**
   * A call from the asynchronous operation that performs it.
   *
   * @param start starts the operation each time it is called
   * @param <T> the result
   * @return the call
   */
  public static <T> Call<T> of(Supplier<CompletableFuture<T>> start) {
    return new Call<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * A call that sends a Web3j request: an I/O failure becomes {@link NodeUnavailableException}, a
   * JSON-RPC error {@link JsonRpcErrorException} ({@link CallRevertedException} for a revert,
   * {@link UnauthorizedException} for a refused or missing bearer token, {@link ForbiddenException}
   * for data the caller may not see).
   *
   * @param request the request, e.g. {@code fiscus.cbdcGetSupply()}
   * @param <R> the response type
   * @return the call, whose result is the response without an error
   */
  public static <R extends Response<?>> Call<R> of(Request<?, R> request) {
    return new Call<>(() -> send(request));
  }

  /**
   * A call whose result is already known.
   *
   * @param value the result
   * @param <T> the result
   * @return a call that completes at once with {@code value}
   */
  public static <T> Call<T> completed(T value) {
    return new Call<>(() -> CompletableFuture.completedFuture(value));
  }

  /**
   * Runs the call and waits for its result.
   *
   * @return the result
   * @throws FiscusException as the operation failed
   */
  public T send() {
    try {
      return sendAsync().get();
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FiscusException("interrupted while waiting for the node", e);
    }
  }

  /**
   * Starts the call.
   *
   * @return the result to come; it fails with a {@link FiscusException}
   */
  public CompletableFuture<T> sendAsync() {
    try {
      return start
          .get()
          .exceptionallyCompose(failure -> CompletableFuture.failedFuture(unwrap(failure)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(unwrap(e));
    }
  }

  /**
   * A call that transforms this call's result.
   *
   * @param mapping applied to the result
   * @param <U> the new result
   * @return the transformed call
   */
  public <U> Call<U> map(Function<? super T, ? extends U> mapping) {
    return new Call<>(() -> sendAsync().thenApply(mapping));
  }

  /**
   * A call that runs another call with this call's result.
   *
   * @param next the call to run next
   * @param <U> the final result
   * @return the chained call
   */
  public <U> Call<U> then(Function<? super T, Call<U>> next) {
    return new Call<>(() -> sendAsync().thenCompose(result -> next.apply(result).sendAsync()));
  }

  /**
   * A failure as the SDK reports it, for code that combines the SDK's futures: {@link
   * CompletionException} and {@link ExecutionException} layers are peeled off, an {@link
   * IOException} becomes {@link NodeUnavailableException}, anything else not a {@link
   * FiscusException} is wrapped in one.
   *
   * @param failure a future's failure
   * @return the {@link FiscusException} for it
   */
  public static FiscusException unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof FiscusException fiscus) {
      return fiscus;
    } else if (cause instanceof IOException io) {
      return new NodeUnavailableException("the node did not answer: " + io.getMessage(), io);
    } else if (cause instanceof CancellationException cancelled) {
      return new FiscusException("cancelled", cancelled);
    }
    return new FiscusException("unexpected failure: " + cause, cause);
  }

  private static <R extends Response<?>> CompletableFuture<R> send(Request<?, R> request) {
    return request
        .sendAsync()
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw unwrap(failure);
              }
              if (response.hasError()) {
                throw error(request.getMethod(), response.getError());
              }
              return response;
            });
  }

  /** A JSON-RPC error as the exception for it. */
  static JsonRpcErrorException error(String method, Response.Error error) {
    String data = error.getData();
    if (error.getCode() == JsonRpcErrorException.EXECUTION_REVERTED) {
      return new CallRevertedException(error.getMessage(), data, revertReason(error));
    }
    if (error.getCode() == UnauthorizedException.UNAUTHORIZED) {
      return new UnauthorizedException(method, error.getMessage(), data);
    }
    if (error.getCode() == ForbiddenException.FORBIDDEN
        && ForbiddenException.MESSAGE.equals(error.getMessage())) {
      return new ForbiddenException(method, data);
    }
    return new JsonRpcErrorException(method, error.getCode(), error.getMessage(), data);
  }

  private static String revertReason(Response.Error error) {
    return RevertReasons.decode(error.getData())
        .orElseGet(
            () -> {
              String message = error.getMessage();
              int colon = message.indexOf(": ");
              return colon < 0 ? message : message.substring(colon + 2);
            });
  }
}
