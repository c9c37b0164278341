package io.fiscus.client.auth;

import io.fiscus.client.Call;
import io.fiscus.client.Fiscus;
import okhttp3.OkHttpClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;

/**
 * Web3j HTTP transports that authenticate every request with a {@link BearerTokenSource}.
 *
 * <pre>{@code
 * BearerTokenSource tokens = BearerTokenSource.of(credentials, chainId);
 * Fiscus fiscus = Fiscus.build(AuthenticatedHttp.service("http://127.0.0.1:8545/", tokens));
 * }</pre>
 */
public final class AuthenticatedHttp {
  private AuthenticatedHttp() {}

  /**
   * Tokens of {@link BearerTokenSource#DEFAULT_LIFETIME} for the node's chain: asks the node its
   * chain id ({@code eth_chainId}, which it serves without a token).
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param credentials the account's key
   * @return the token source
   * @throws io.fiscus.client.FiscusException if the node cannot be asked
   */
  public static BearerTokenSource tokensFor(String rpcUrl, Credentials credentials) {
    Fiscus anonymous = Fiscus.build(new HttpService(rpcUrl));
    try {
      long chainId = Call.of(anonymous.ethChainId()).send().getChainId().longValueExact();
      return BearerTokenSource.of(credentials, chainId);
    } finally {
      anonymous.shutdown();
    }
  }

  /**
   * A transport with Web3j's usual OkHttp settings.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param tokens the account's tokens
   * @return the transport
   */
  public static HttpService service(String rpcUrl, BearerTokenSource tokens) {
    return service(rpcUrl, HttpService.getOkHttpClientBuilder().build(), tokens);
  }

  /**
   * A transport over an existing OkHttp client, sharing its connection pool and threads; the client
   * itself is left without the token.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param http the client to derive from
   * @param tokens the account's tokens
   * @return the transport
   */
  public static HttpService service(String rpcUrl, OkHttpClient http, BearerTokenSource tokens) {
    OkHttpClient authenticated =
        http.newBuilder().addInterceptor(new BearerTokenInterceptor(tokens)).build();
    return new HttpService(rpcUrl, authenticated);
  }
}
