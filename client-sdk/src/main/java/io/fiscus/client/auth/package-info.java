/**
 * Authenticating to a node that runs with {@code --rpc-authentication-enabled}: {@link
 * io.fiscus.client.auth.BearerTokenSigner} makes ES256K bearer tokens with the account's own key,
 * {@link io.fiscus.client.auth.BearerTokenSource} keeps one and replaces it before it expires, and
 * {@link io.fiscus.client.auth.BearerTokenInterceptor} puts it on every HTTP request. {@code
 * FiscusClient.connect} and {@code IncomingSubscription} use them by themselves; see {@code
 * docs/adr/0024-sdk-tokens-and-auth-by-default.md}.
 */
package io.fiscus.client.auth;
