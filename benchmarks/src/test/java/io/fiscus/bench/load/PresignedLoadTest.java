package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionAdmission;
import io.fiscus.tx.TransactionDecoding;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresignedLoadTest {
  private final List<PrivateKey> keys =
      List.of(LoadRun.senderKey(0), LoadRun.senderKey(1), LoadRun.senderKey(2));
  private final List<Address> senders = keys.stream().map(Secp256k1::address).toList();

  @Test
  void transactionsRoundRobinTheSendersWithEachSendersNoncesInOrder() throws Exception {
    OpenLoopSchedule schedule = new OpenLoopSchedule(7, 1, 4);
    PresignedLoad load =
        PresignedLoad.sign(schedule, new Transactions(1337), keys, senders, new long[] {5, 0, 9});

    List<SignedTransaction> decoded = decodeAll(load, schedule);

    assertThat(decoded).hasSize(7);
    assertThat(decoded.stream().map(SignedTransaction::sender))
        .containsExactly(
            senders.get(0),
            senders.get(1),
            senders.get(2),
            senders.get(0),
            senders.get(1),
            senders.get(2),
            senders.get(0));
    assertThat(decoded.stream().map(SignedTransaction::nonce))
        .containsExactly(5L, 0L, 9L, 6L, 1L, 10L, 7L);
    for (SignedTransaction transaction : decoded) {
      assertThat(transaction.to()).contains(SystemAddresses.TOKEN);
      assertThat(transaction.gasLimit()).isEqualTo(36_000);
      assertThat(transaction.maxFeePerGas()).isZero();
    }
    // Transaction 2 (sender 2) pays sender 0: the recipient is the next sender round the ring.
    assertThat(decoded.get(2).data().slice(16, 36)).isEqualTo(senders.get(0).bytes());
  }

  @Test
  void hashesMapBackToTransactionNumbers() throws Exception {
    OpenLoopSchedule schedule = new OpenLoopSchedule(6, 1, 4);
    PresignedLoad load =
        PresignedLoad.sign(schedule, new Transactions(1337), keys, senders, new long[3]);

    List<SignedTransaction> decoded = decodeAll(load, schedule);

    for (int j = 0; j < decoded.size(); j++) {
      assertThat(load.transactionOf(decoded.get(j).hash().toHex())).isEqualTo(j);
    }
    assertThat(load.transactionOf("0x00")).isEqualTo(-1);
  }

  @Test
  void batchBodiesAreJsonRpcBatchesWhoseIdsAreTransactionNumbers() throws Exception {
    OpenLoopSchedule schedule = new OpenLoopSchedule(10, 1, 4);
    PresignedLoad load =
        PresignedLoad.sign(schedule, new Transactions(1337), keys, senders, new long[3]);

    JsonNode last = new ObjectMapper().readTree(load.batchBody(2));

    assertThat(last).hasSize(2);
    assertThat(last.get(0).path("id").asInt()).isEqualTo(8);
    assertThat(last.get(1).path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(last.get(1).path("method").asText()).isEqualTo("eth_sendRawTransaction");
  }

  /** Decodes every transaction through the node's own admission rules (chain 1337). */
  private static List<SignedTransaction> decodeAll(PresignedLoad load, OpenLoopSchedule schedule)
      throws Exception {
    TransactionAdmission admission = TransactionAdmission.withDefaults(1337);
    List<SignedTransaction> all = new ArrayList<>();
    for (int batch = 0; batch < schedule.batchCount(); batch++) {
      for (JsonNode call : new ObjectMapper().readTree(load.batchBody(batch))) {
        TransactionDecoding decoding =
            admission.admit(Bytes.fromHex(call.path("params").get(0).asText()));
        assertThat(decoding).isInstanceOf(TransactionDecoding.Decoded.class);
        all.add(((TransactionDecoding.Decoded) decoding).transaction());
      }
    }
    return all;
  }
}
