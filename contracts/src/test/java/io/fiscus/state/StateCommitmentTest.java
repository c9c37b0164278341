package io.fiscus.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.rlp.Rlp;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.ProofResult;
import io.fiscus.trie.SecureTrie;
import io.fiscus.trie.TrieCommit;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateCommitmentTest {
  private static final Address TOKEN =
      Address.fromHex("0x0000000000000000000000000000000000000f02");
  private static final Address ALICE =
      Address.fromHex("0x00000000000000000000000000000000000a11ce");

  private static Hash slot(int n) {
    byte[] bytes = new byte[Hash.SIZE];
    bytes[31] = (byte) n;
    bytes[0] = (byte) (n >> 8);
    return Hash.wrap(bytes);
  }

  private static Bytes amount(long minorUnits) {
    return Bytes.wrap(Rlp.minimalBytes(minorUnits));
  }

  private final MemoryTrieNodeStore store = new MemoryTrieNodeStore();

  private StateChanges someBlock() {
    StateChanges changes = new StateChanges(new MemoryState());
    for (int i = 1; i <= 300; i++) {
      changes.putStorage(TOKEN, slot(i), amount(1000L * i));
    }
    changes.setNonce(ALICE, 3);
    return changes;
  }

  @Test
  void anEmptyStateHasTheEmptyTrieRoot() {
    StateCommitment state = new StateCommitment(store, Hash.EMPTY_TRIE);

    TrieCommit commit = state.apply(new StateChanges(new MemoryState()));

    assertThat(commit.root()).isEqualTo(Hash.EMPTY_TRIE);
    assertThat(commit.nodes()).isEmpty();
  }

  @Test
  void aStorageSlotIsProvenThroughTheAccountProofsStorageHash() {
    StateCommitment state = new StateCommitment(store, Hash.EMPTY_TRIE);
    TrieCommit commit = state.apply(someBlock());
    store.putAll(commit);
    Hash root = commit.root();

    AccountProof proof = new StateCommitment(store, root).proof(TOKEN, List.of(slot(7), slot(999)));

    ProofResult account = SecureTrie.verifyProof(root, TOKEN.bytes(), proof.accountProof());
    assertThat(account)
        .isEqualTo(
            new ProofResult.Present(
                StateAccountCodec.encode(new StateAccount(0, proof.storageHash()))));
    assertThat(proof.storageHash()).isNotEqualTo(Hash.EMPTY_TRIE);
    AccountProof.StorageProof present = proof.storageProofs().get(0);
    assertThat(present.value()).contains(amount(7000));
    assertThat(SecureTrie.verifyProof(proof.storageHash(), slot(7).bytes(), present.proof()))
        .isEqualTo(new ProofResult.Present(Bytes.wrap(Rlp.string(amount(7000)))));
    AccountProof.StorageProof absent = proof.storageProofs().get(1);
    assertThat(absent.value()).isEmpty();
    assertThat(SecureTrie.verifyProof(proof.storageHash(), slot(999).bytes(), absent.proof()))
        .isEqualTo(new ProofResult.Absent());
  }

  @Test
  void anAccountWithOnlyANonceIsProvenWithAnEmptyStorageHash() {
    StateCommitment state = new StateCommitment(store, Hash.EMPTY_TRIE);
    Hash root = state.apply(someBlock()).root();

    AccountProof proof = state.proof(ALICE, List.of(slot(1)));

    assertThat(proof.nonce()).isEqualTo(3);
    assertThat(proof.storageHash()).isEqualTo(Hash.EMPTY_TRIE);
    assertThat(proof.codeHash()).isEqualTo(Hash.EMPTY_DATA);
    assertThat(SecureTrie.verifyProof(root, ALICE.bytes(), proof.accountProof()))
        .isEqualTo(
            new ProofResult.Present(
                StateAccountCodec.encode(new StateAccount(3, Hash.EMPTY_TRIE))));
    assertThat(proof.storageProofs().getFirst().value()).isEmpty();
    assertThat(
            SecureTrie.verifyProof(
                Hash.EMPTY_TRIE, slot(1).bytes(), proof.storageProofs().getFirst().proof()))
        .isEqualTo(new ProofResult.Absent());
  }

  @Test
  void anAccountLeavesTheTrieWhenItsStorageEmptiesAndItsNonceIsZero() {
    StateCommitment state = new StateCommitment(store, Hash.EMPTY_TRIE);
    StateChanges create = new StateChanges(new MemoryState());
    create.putStorage(TOKEN, slot(1), amount(5));
    Hash created = state.apply(create).root();

    StateChanges delete = new StateChanges(new MemoryState());
    delete.deleteStorage(TOKEN, slot(1));
    Hash deleted = state.apply(delete).root();

    assertThat(created).isNotEqualTo(Hash.EMPTY_TRIE);
    assertThat(deleted).isEqualTo(Hash.EMPTY_TRIE);
    assertThat(state.account(TOKEN)).isEmpty();
    AccountProof proof = state.proof(TOKEN, List.of());
    assertThat(SecureTrie.verifyProof(deleted, TOKEN.bytes(), proof.accountProof()))
        .isEqualTo(new ProofResult.Absent());
  }

  @Test
  void aNonceChangeKeepsTheStorageRootAndAStorageChangeKeepsTheNonce() {
    StateCommitment state = new StateCommitment(store, Hash.EMPTY_TRIE);
    store.putAll(state.apply(someBlock()));
    Hash storageRoot = state.account(TOKEN).orElseThrow().storageRoot();

    TreeMap<Address, Long> nonces = new TreeMap<>();
    nonces.put(TOKEN, 9L);
    store.putAll(state.apply(List.of(), nonces));
    store.putAll(
        state.apply(
            List.of(new StateChanges.StorageWrite(ALICE, slot(2), Optional.of(amount(1)))),
            new TreeMap<>()));

    assertThat(state.account(TOKEN)).contains(new StateAccount(9, storageRoot));
    assertThat(state.account(ALICE).orElseThrow().nonce()).isEqualTo(3);
    StateCommitment reloaded = new StateCommitment(store, state.stateRoot());
    assertThat(reloaded.account(ALICE)).isEqualTo(state.account(ALICE));
    assertThat(reloaded.proof(ALICE, List.of(slot(2))).storageProofs().getFirst().value())
        .contains(amount(1));
  }

  @Test
  void theAccountValueIsEthereumsFourFieldAccount() {
    Bytes encoded = StateAccountCodec.encode(new StateAccount(1, Hash.EMPTY_TRIE));

    assertThat(encoded)
        .isEqualTo(
            Bytes.fromHex(
                "0xf8440180a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"
                    + "a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
    assertThat(StateAccountCodec.decode(encoded)).isEqualTo(new StateAccount(1, Hash.EMPTY_TRIE));
  }
}
