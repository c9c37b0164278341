package io.fiscus.client;

import io.fiscus.client.contracts.LedgerRecords;
import io.fiscus.client.contracts.Registry;
import io.fiscus.client.contracts.TaxInvoices;
import io.fiscus.client.contracts.Token;
import io.fiscus.client.events.LedgerEvents;
import io.fiscus.client.tx.TransactionResult;
import io.fiscus.client.tx.TransactionSender;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The generated wrappers, used only to encode calls and decode view results (ADR 0012): views go
 * out as {@code eth_call}, state changes through the account's {@link TransactionSender}.
 */
final class ContractCalls {
  private static final String NO_CALLER = "0x0000000000000000000000000000000000000000";

  final Fiscus fiscus;
  final Optional<TransactionSender> sender;
  final Registry registry;
  final Token token;
  final TaxInvoices invoices;
  final LedgerRecords records;

  ContractCalls(Fiscus fiscus, Optional<TransactionSender> sender) {
    this.fiscus = fiscus;
    this.sender = sender;
    ReadonlyTransactionManager encoderOnly = new ReadonlyTransactionManager(fiscus, NO_CALLER);
    StaticGasProvider freeGas = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);
    this.registry = Registry.load(LedgerEvents.REGISTRY, fiscus, encoderOnly, freeGas);
    this.token = Token.load(LedgerEvents.TOKEN, fiscus, encoderOnly, freeGas);
    this.invoices = TaxInvoices.load(LedgerEvents.TAX_INVOICES, fiscus, encoderOnly, freeGas);
    this.records = LedgerRecords.load(LedgerEvents.LEDGER_RECORDS, fiscus, encoderOnly, freeGas);
  }

  /** Sends a state-changing call from the account and waits until it is final. */
  Call<TransactionResult> execute(String contract, RemoteFunctionCall<?> call) {
    TransactionSender from =
        sender.orElseThrow(
            () ->
                new IllegalStateException(
                    "this client is read-only: build it with a TransactionSender to transact"));
    return Call.of(() -> from.execute(contract, call.encodeFunctionCall()).sendAsync());
  }

  /** Runs a view with {@code eth_call} at the head and returns its decoded output values. */
  Call<List<Object>> view(String contract, RemoteFunctionCall<?> call) {
    Transaction transaction =
        Transaction.createEthCallTransaction(NO_CALLER, contract, call.encodeFunctionCall());
    return Call.of(fiscus.ethCall(transaction, DefaultBlockParameterName.LATEST))
        .map(result -> values(call, result.getValue()));
  }

  @SuppressWarnings("rawtypes") // Web3j's decoder returns raw Types
  private static List<Object> values(RemoteFunctionCall<?> call, String returnData) {
    List<Object> values = new ArrayList<>();
    for (Type output : call.decodeFunctionResponse(returnData)) {
      values.add(output.getValue());
    }
    return values;
  }

  /** A view's single output. */
  <T> Call<T> single(String contract, RemoteFunctionCall<?> call, Class<T> type) {
    return view(contract, call).map(outputs -> output(outputs, 0, type));
  }

  static <T> T output(List<Object> outputs, int index, Class<T> type) {
    if (outputs.size() <= index) {
      throw new UnexpectedResponseException("the call returned " + outputs.size() + " values");
    }
    Object value = outputs.get(index);
    if (!type.isInstance(value)) {
      throw new UnexpectedResponseException("output " + index + " is not a " + type.getName());
    }
    return type.cast(value);
  }
}
