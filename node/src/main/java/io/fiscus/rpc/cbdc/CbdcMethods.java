package io.fiscus.rpc.cbdc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.driver.ConsensusControl;
import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.index.LedgerIndex;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.Quantity;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import java.util.Map;

/**
 * The {@code cbdc_} namespace (RPC.md): account, invoice and supply reads from the latest state,
 * history, invoice, tax and record queries from the indexes, finality proofs and the node's status.
 * See {@link CbdcJson} for the value conventions.
 */
public final class CbdcMethods {
  private final ChainReader chain;
  private final TransactionPool pool;
  private final ConsensusControl consensus;
  private final Peers peers;
  private final long chainId;

  private CbdcMethods(
      ChainReader chain,
      TransactionPool pool,
      ConsensusControl consensus,
      Peers peers,
      long chainId) {
    this.chain = chain;
    this.pool = pool;
    this.consensus = consensus;
    this.peers = peers;
    this.chainId = chainId;
  }

  /** Every {@code cbdc_} method by name. */
  public static Map<String, RpcMethod> create(
      ChainReader chain,
      LedgerIndex index,
      TransactionPool pool,
      ConsensusControl consensus,
      Peers peers,
      long chainId) {
    CbdcMethods reads = new CbdcMethods(chain, pool, consensus, peers, chainId);
    IndexQueries queries = new IndexQueries(chain, index);
    FinalityProofs proofs = new FinalityProofs(chain);
    AccessLogQuery accessLog = new AccessLogQuery(chain, index);
    return Map.of(
        "cbdc_getAccount", reads::account,
        "cbdc_getAccountHistory", queries::accountHistory,
        "cbdc_getInvoice", reads::invoice,
        "cbdc_getInvoices", queries::invoices,
        "cbdc_getTaxSummary", queries::taxSummary,
        "cbdc_getRecords", queries::records,
        "cbdc_getAccessLog", accessLog::accessLog,
        "cbdc_getSupply", reads::supply,
        "cbdc_getFinalityProof", proofs::finalityProof,
        "cbdc_nodeStatus", reads::nodeStatus);
  }

  /** {@code cbdc_getAccount [address]}; an unregistered address answers registered=false. */
  Object account(RpcParams params) {
    Address address = params.address(0);
    StateView state = chain.latestState();
    return CbdcJson.account(
        address,
        RegistryStore.account(state, address),
        TokenStore.balance(state, address),
        state.nonce(address));
  }

  /** {@code cbdc_getInvoice [id]}: the invoice or credit note, or null. */
  Object invoice(RpcParams params) {
    return InvoiceStore.invoice(chain.latestState(), params.hash(0))
        .map(CbdcJson::invoice)
        .orElse(null);
  }

  /** {@code cbdc_getSupply []}. */
  Object supply(RpcParams params) {
    StateView state = chain.latestState();
    return CbdcJson.supply(TokenStore.issued(state), TokenStore.redeemed(state));
  }

  /**
   * {@code cbdc_nodeStatus []}; {@code validators} are those of the head block's extraData, {@code
   * mempoolSize} counts pending and queued transactions.
   */
  Object nodeStatus(RpcParams params) {
    BlockHeader head = chain.headHeader();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("chainId", Quantity.of(chainId));
    out.put("height", Quantity.of(head.number()));
    out.put("headHash", QbftBlockHashing.blockHash(head).toHex());
    out.set(
        "validators", CbdcJson.addresses(QbftExtraDataCodec.decode(head.extraData()).validators()));
    out.put("isValidator", consensus.isValidator());
    out.put("peers", Quantity.of(peers.connected().size()));
    out.put("syncing", consensus.syncing());
    out.put("mempoolSize", Quantity.of((long) pool.pendingCount() + pool.queuedCount()));
    out.put("round", Quantity.of(consensus.round()));
    return out;
  }
}
