package io.fiscus.client.auth;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the account's current token on every HTTP request ({@code Authorization: Bearer …}). Web3j's
 * {@code HttpService} sends each JSON-RPC request through its OkHttp client, so a renewed token is
 * used from the next request on, with no reconnection: add this interceptor to that client (see
 * {@link AuthenticatedHttp}).
 */
public final class BearerTokenInterceptor implements Interceptor {
  private final BearerTokenSource tokens;

  /**
   * An interceptor.
   *
   * @param tokens the account's tokens
   */
  public BearerTokenInterceptor(BearerTokenSource tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public Response intercept(Interceptor.Chain chain) throws IOException {
    Request authorized =
        chain
            .request()
            .newBuilder()
            .header("Authorization", tokens.current().authorizationHeader())
            .build();
    return chain.proceed(authorized);
  }
}
