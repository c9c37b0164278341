package io.fiscus.client.demo;

import io.fiscus.client.FiscusClient;
import io.fiscus.client.auth.BearerTokenSource;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Who acts in the demo, each through the SDK against a validator's JSON-RPC: the institutions of
 * the genesis, and a merchant and two customers whose wallets are new in every run (fresh keys,
 * saved under {@code devnet/keys/}). Parties are spread over the validators the demo never kills,
 * as banks would each use their own node. Each connects as {@code FiscusClient.connect} does, so
 * every request carries a bearer token signed by the party's own key (the devnet's nodes require
 * one).
 */
final class DemoParties implements AutoCloseable {
  final Party centralBank;
  final Party bankA;
  final Party bankB;
  final Party taxAuthority;
  final Party merchant;
  final Party customer1;
  final Party customer2;

  private final List<Party> parties;

  /** A party to open: its name, key, and which of the usable validators its systems talk to. */
  private record Member(String name, Credentials key, int nodeSlot) {}

  private DemoParties(List<Party> parties) {
    this.centralBank = parties.get(0);
    this.bankA = parties.get(1);
    this.bankB = parties.get(2);
    this.taxAuthority = parties.get(3);
    this.merchant = parties.get(4);
    this.customer1 = parties.get(5);
    this.customer2 = parties.get(6);
    this.parties = List.copyOf(parties);
  }

  static DemoParties open(DevnetNetwork network, DevnetNodes nodes, int usableValidators)
      throws IOException {
    List<Party> parties = new ArrayList<>();
    List<Member> members =
        List.of(
            new Member("central bank", network.account("central-bank"), 0),
            new Member("bank-a", network.account("bank-a"), 0),
            new Member("bank-b", network.account("bank-b"), 1),
            new Member("tax authority", network.account("tax-authority"), 2),
            new Member("merchant", newAccount(network, "merchant"), 0),
            new Member("customer-1", newAccount(network, "customer-1"), 0),
            new Member("customer-2", newAccount(network, "customer-2"), 1));
    for (Member member : members) {
      int node = 1 + member.nodeSlot % usableValidators;
      String rpcUrl = nodes.validator(node).ports.rpcUrl();
      BearerTokenSource tokens = BearerTokenSource.of(member.key, network.chainId);
      parties.add(new Party(member.name, FiscusClient.connect(rpcUrl, member.key, tokens)));
    }
    return new DemoParties(parties);
  }

  /** A new key for a retail account of this run, saved as {@code keys/NAME.key}. */
  private static Credentials newAccount(DevnetNetwork network, String name) throws IOException {
    try {
      Credentials credentials = Credentials.create(Keys.createEcKeyPair());
      DevnetNetwork.writeKeyFile(network.layout.keyFile(name), credentials);
      return credentials;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no secure random source for a new key", e);
    }
  }

  @Override
  public void close() {
    for (Party party : parties) {
      party.client().close();
    }
  }
}
