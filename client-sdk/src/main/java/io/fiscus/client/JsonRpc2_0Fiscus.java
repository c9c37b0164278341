package io.fiscus.client;

import io.fiscus.client.rpc.CbdcGetAccount;
import io.fiscus.client.rpc.CbdcGetAccountHistory;
import io.fiscus.client.rpc.CbdcGetFinalityProof;
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
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.besu.JsonRpc2_0Besu;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/** {@link Fiscus} over JSON-RPC 2.0: Web3j's Besu client plus the {@code cbdc_} methods. */
@SuppressWarnings("try") // Web3j's close() declares no exception; nothing to fix here
public class JsonRpc2_0Fiscus extends JsonRpc2_0Besu implements Fiscus {
  /**
   * A client over {@code service}.
   *
   * @param service the transport
   */
  public JsonRpc2_0Fiscus(Web3jService service) {
    super(service);
  }

  /**
   * A client with Web3j's polling settings.
   *
   * @param service the transport
   * @param pollingIntervalMillis how often filters are polled
   * @param scheduledExecutorService the executor that polls them
   */
  public JsonRpc2_0Fiscus(
      Web3jService service,
      long pollingIntervalMillis,
      ScheduledExecutorService scheduledExecutorService) {
    super(service, pollingIntervalMillis, scheduledExecutorService);
  }

  @Override
  public Request<?, CbdcGetAccount> cbdcGetAccount(String address) {
    return request("cbdc_getAccount", List.of(address), CbdcGetAccount.class);
  }

  @Override
  public Request<?, CbdcGetAccountHistory> cbdcGetAccountHistory(
      String address, HistoryQuery query) {
    return request(
        "cbdc_getAccountHistory", List.of(address, query.toParams()), CbdcGetAccountHistory.class);
  }

  @Override
  public Request<?, CbdcGetInvoice> cbdcGetInvoice(InvoiceId id) {
    return request("cbdc_getInvoice", List.of(id.hex()), CbdcGetInvoice.class);
  }

  @Override
  public Request<?, CbdcGetInvoices> cbdcGetInvoices(InvoiceQuery query) {
    return request("cbdc_getInvoices", List.of(query.toParams()), CbdcGetInvoices.class);
  }

  @Override
  public Request<?, CbdcGetTaxSummary> cbdcGetTaxSummary(TaxSummaryQuery query) {
    return request("cbdc_getTaxSummary", List.of(query.toParams()), CbdcGetTaxSummary.class);
  }

  @Override
  public Request<?, CbdcGetRecords> cbdcGetRecords(RecordQuery query) {
    return request("cbdc_getRecords", List.of(query.toParams()), CbdcGetRecords.class);
  }

  @Override
  public Request<?, CbdcGetSupply> cbdcGetSupply() {
    return request("cbdc_getSupply", List.of(), CbdcGetSupply.class);
  }

  @Override
  public Request<?, CbdcGetFinalityProof> cbdcGetFinalityProof(String transactionHash) {
    return request("cbdc_getFinalityProof", List.of(transactionHash), CbdcGetFinalityProof.class);
  }

  @Override
  public Request<?, CbdcNodeStatus> cbdcNodeStatus() {
    return request("cbdc_nodeStatus", List.of(), CbdcNodeStatus.class);
  }

  private <R extends Response<?>> Request<?, R> request(
      String method, List<?> params, Class<R> type) {
    return new Request<>(method, params, web3jService, type);
  }
}
