package io.fiscus.rpc.auth;

import io.fiscus.types.Address;
import java.util.Optional;

/**
 * Who sent a request, as proven by its bearer token.
 *
 * @param address the account whose key signed the token (its {@code sub} claim)
 * @param expiresAtSeconds the token's {@code exp}: a WebSocket connection authenticated with it
 *     stops being served after this moment
 * @param reason why the caller is looking (a case number), when the token says so
 */
public record Caller(Address address, long expiresAtSeconds, Optional<String> reason) {}
