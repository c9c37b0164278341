package io.fiscus.rpc.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.rpc.testchain.FakeChain;
import io.fiscus.rpc.testchain.LedgerScenario;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrieStateViewTest {
  private static final LedgerScenario LEDGER = new LedgerScenario();
  private static final FakeChain CHAIN = LEDGER.chain;

  private static TrieStateView at(long number) {
    return new TrieStateView(CHAIN.trieNodes(), CHAIN.header(number).orElseThrow().stateRoot());
  }

  @Test
  void atTheHeadItReadsWhatTheFlatStateHolds() {
    StateView flat = CHAIN.latestState();
    TrieStateView trie = at(CHAIN.headNumber());
    for (Address account :
        List.of(LEDGER.alice, LEDGER.bob, LEDGER.bank, LEDGER.shop, LEDGER.stranger)) {
      assertThat(trie.nonce(account)).isEqualTo(flat.nonce(account));
      assertThat(TokenStore.balance(trie, account)).isEqualTo(TokenStore.balance(flat, account));
      assertThat(RegistryStore.account(trie, account))
          .isEqualTo(RegistryStore.account(flat, account));
    }
    assertThat(InvoiceStore.invoice(trie, LEDGER.invoiceId))
        .isEqualTo(InvoiceStore.invoice(flat, LEDGER.invoiceId));
  }

  @Test
  void atAnOlderRootItReadsThatBlocksState() {
    assertThat(TokenStore.balance(at(0), LEDGER.alice)).isZero();
    assertThat(at(0).nonce(LEDGER.bank)).isZero();
    assertThat(TokenStore.balance(at(1), LEDGER.alice)).isEqualTo(5_000);
    assertThat(at(1).nonce(LEDGER.bank)).isEqualTo(1);
    assertThat(InvoiceStore.invoice(at(1), LEDGER.invoiceId)).isEmpty();
    assertThat(InvoiceStore.invoice(at(2), LEDGER.invoiceId)).isPresent();
  }
}
