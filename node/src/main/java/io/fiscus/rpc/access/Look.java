package io.fiscus.rpc.access;

import io.fiscus.types.Address;

/**
 * One look by an authority (central bank, auditor, tax authority) at an account that is not its
 * own: what the audit trail records on chain before the answer is returned.
 *
 * @param viewer the authenticated caller
 * @param subject the account looked at
 * @param method the JSON-RPC method that was called
 * @param reason why, as the caller gave it (a case number); never blank
 * @param atSeconds when the node served it, Unix seconds
 */
public record Look(Address viewer, Address subject, String method, String reason, long atSeconds) {
  public Look {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a look needs a reason");
    }
  }
}
