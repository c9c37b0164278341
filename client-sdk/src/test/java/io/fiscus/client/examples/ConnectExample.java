package io.fiscus.client.examples;

import io.fiscus.client.Amount;
import io.fiscus.client.Currency;
import io.fiscus.client.FiscusClient;
import io.fiscus.client.Keys;
import io.fiscus.client.rpc.NodeStatus;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;

/** README: connect to a node as an account and read the balance. */
public final class ConnectExample {
  private ConnectExample() {}

  /** Connects, prints the node's height and the account's balance, and returns the balance. */
  public static String balance(String rpcUrl, Path keyFile) {
    // tag::connect[]
    Credentials me = Keys.fromPrivateKeyFile(keyFile); // or Keys.fromKeystore(file, passwordFile)
    try (FiscusClient client = FiscusClient.connect(rpcUrl, me)) {
      NodeStatus node = client.nodeStatus().send();
      Currency currency = client.token().currency().send();
      Amount balance = client.token().balance(client.address()).send();
      System.out.println("block " + node.height() + ", balance " + currency.format(balance));
      return currency.format(balance);
    }
    // end::connect[]
  }
}
