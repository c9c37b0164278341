package io.fiscus.genesis;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link GenesisGenerator#generate} wrote.
 *
 * @param genesis the genesis written to {@code genesis.json}
 * @param genesisHash block 0's hash
 * @param validators the validators, in directory order (ascending address)
 * @param accounts the accounts registered at genesis, as written to {@code accounts.json}
 */
public record GeneratedNetwork(
    GenesisConfig genesis,
    Hash genesisHash,
    List<Validator> validators,
    List<AccountsFileEntry> accounts) {

  /** One validator's files and endpoints. */
  public record Validator(
      int number,
      Path directory,
      Address address,
      Bytes publicKey,
      int p2pPort,
      int rpcHttpPort,
      int rpcWsPort,
      int metricsPort,
      String enode) {}

  public GeneratedNetwork {
    validators = List.copyOf(validators);
    accounts = List.copyOf(accounts);
  }
}
