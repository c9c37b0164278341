package io.fiscus.client;

import io.fiscus.client.finality.FinalityProofResponse;
import io.fiscus.client.rpc.CbdcGetAccount;
import io.fiscus.client.rpc.CbdcGetAccountHistory;
import io.fiscus.client.rpc.CbdcGetInvoice;
import io.fiscus.client.rpc.CbdcGetInvoices;
import io.fiscus.client.rpc.CbdcGetRecords;
import io.fiscus.client.rpc.CbdcGetSupply;
import io.fiscus.client.rpc.CbdcGetTaxSummary;
import io.fiscus.client.rpc.CbdcNodeStatus;
import io.fiscus.client.rpc.HistoryQuery;
import io.fiscus.client.rpc.InvoiceQuery;
import io.fiscus.client.rpc.RecordQuery;
import io.fiscus.client.rpc.TaxSummaryQuery;
import java.util.concurrent.ScheduledExecutorService;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.besu.Besu;
import org.web3j.protocol.core.Request;

/**
 * A Fiscus node's JSON-RPC: Web3j's {@code eth_*}, {@code net_*} and {@code web3_*}, Besu's {@code
 * qbft_*} (this is a {@link Besu}), and the {@code cbdc_*} ledger queries. Each method returns a
 * Web3j {@link Request}: {@code send()} blocks, {@code sendAsync()} returns a {@code
 * CompletableFuture}; a JSON-RPC error is in the response ({@code hasError()}), as with Web3j. Wrap
 * a request in {@link Call#of(Request)} to get typed exceptions instead.
 *
 * <pre>{@code
 * Fiscus fiscus = Fiscus.build(new HttpService("http://127.0.0.1:8545/"));
 * Supply supply = fiscus.cbdcGetSupply().send().getSupply();
 * }</pre>
 *
 * A node with RPC authentication on serves such a client only its public methods; build it over
 * {@code AuthenticatedHttp.service(url, tokens)} (package {@code io.fiscus.client.auth}) to sign
 * every request as an account, or use {@link FiscusClient#connect}, which does so.
 */
@SuppressWarnings("try") // Web3j's close() declares no exception; nothing to fix here
public interface Fiscus extends Besu {
  /**
   * A client over {@code service} (Web3j's {@code HttpService} or {@code WebSocketService}).
   *
   * @param service the transport
   * @return the client
   */
  static Fiscus build(Web3jService service) {
    return new JsonRpc2_0Fiscus(service);
  }

  /**
   * A client with Web3j's polling settings for its {@code Flowable}s.
   *
   * @param service the transport
   * @param pollingIntervalMillis how often filters are polled
   * @param scheduledExecutorService the executor that polls them
   * @return the client
   */
  static Fiscus build(
      Web3jService service,
      long pollingIntervalMillis,
      ScheduledExecutorService scheduledExecutorService) {
    return new JsonRpc2_0Fiscus(service, pollingIntervalMillis, scheduledExecutorService);
  }

  /**
   * {@code cbdc_getAccount}: registration, roles, tier, tax id, balance and nonce.
   *
   * @param address the account
   * @return the request
   */
  Request<?, CbdcGetAccount> cbdcGetAccount(String address);

  /**
   * {@code cbdc_getAccountHistory}: one page of the account's money movements, newest first.
   *
   * @param address the account
   * @param query block range, page size and cursor
   * @return the request
   */
  Request<?, CbdcGetAccountHistory> cbdcGetAccountHistory(String address, HistoryQuery query);

  /**
   * {@code cbdc_getInvoice}: an invoice or credit note by id.
   *
   * @param id the id
   * @return the request; its result is empty if there is no such invoice
   */
  Request<?, CbdcGetInvoice> cbdcGetInvoice(InvoiceId id);

  /**
   * {@code cbdc_getInvoices}: one page of the invoices matching a filter, by issue date.
   *
   * @param query the filter
   * @return the request
   */
  Request<?, CbdcGetInvoices> cbdcGetInvoices(InvoiceQuery query);

  /**
   * {@code cbdc_getTaxSummary}: a seller's VAT totals over a period.
   *
   * @param query the seller and period
   * @return the request
   */
  Request<?, CbdcGetTaxSummary> cbdcGetTaxSummary(TaxSummaryQuery query);

  /**
   * {@code cbdc_getRecords}: one page of LedgerRecords entries, newest first.
   *
   * @param query the filter
   * @return the request
   */
  Request<?, CbdcGetRecords> cbdcGetRecords(RecordQuery query);

  /**
   * {@code cbdc_getSupply}: total supply, issued and redeemed.
   *
   * @return the request
   */
  Request<?, CbdcGetSupply> cbdcGetSupply();

  /**
   * {@code cbdc_getFinalityProof}: the evidence a client checks to know, without trusting the node,
   * that a transaction is final.
   *
   * @param transactionHash the transaction
   * @return the request; its result is empty if the node knows no such transaction
   */
  Request<?, FinalityProofResponse> cbdcGetFinalityProof(String transactionHash);

  /**
   * {@code cbdc_nodeStatus}: height, validators, peers, pool size.
   *
   * @return the request
   */
  Request<?, CbdcNodeStatus> cbdcNodeStatus();
}
