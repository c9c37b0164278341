package io.fiscus.client.demo;

import io.fiscus.client.FiscusClient;

/**
 * A participant of the demo acting through the SDK: a name for the narration and a client that
 * signs as its account.
 */
record Party(String name, FiscusClient client) {
  String address() {
    return client.address();
  }

  /** The name and a shortened address: {@code merchant 0x5a3f…91c2}. */
  String withAddress() {
    String address = address();
    return name + " " + address.substring(0, 6) + "…" + address.substring(address.length() - 4);
  }
}
