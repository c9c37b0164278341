package io.fiscus.p2p;

import io.fiscus.types.Address;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may connect: the current validators (asked on every check, so a vote takes effect at once)
 * and the full nodes listed in the permissions file. Bootnodes and static peers are NOT admitted
 * for being configured: a bootnode that is neither a validator nor in the file is refused after its
 * hello, as Besu refuses to start with a bootnode missing from its node allowlist.
 */
public final class Allowlist {
  private final Supplier<Set<Address>> validators;
  private final Optional<NodesPermissionsFile> permissionsFile;

  /**
   * @param validators the current validator addresses, read on every check
   * @param permissionsFile the full nodes' file, if the node has one
   */
  public Allowlist(
      Supplier<Set<Address>> validators, Optional<NodesPermissionsFile> permissionsFile) {
    this.validators = Objects.requireNonNull(validators, "validators");
    this.permissionsFile = Objects.requireNonNull(permissionsFile, "permissionsFile");
  }

  public boolean isAllowed(PeerId peer) {
    return isValidator(peer) || permissionsFile.map(f -> f.nodes().contains(peer)).orElse(false);
  }

  public boolean isValidator(PeerId peer) {
    return validators.get().contains(peer.address());
  }

  /** Re-reads the permissions file if it changed; true if its list was replaced. */
  public boolean refresh() {
    return permissionsFile.map(NodesPermissionsFile::reloadIfChanged).orElse(false);
  }
}
