package io.fiscus.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.p2p.MessageType;
import io.fiscus.rlp.Rlp;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkCodecTest {

  @Test
  void aBlockRequestForMoreThanTheBoundIsMalformed() {
    Bytes tooMany =
        Bytes.wrap(Rlp.list(Rlp.uint(1), Rlp.uint(5), Rlp.uint(NetworkCodec.BLOCKS_MAX + 1)));
    Bytes none = Bytes.wrap(Rlp.list(Rlp.uint(1), Rlp.uint(5), Rlp.uint(0)));

    assertThat(NetworkCodec.decode(MessageType.GET_BLOCKS, tooMany))
        .isInstanceOf(NetworkDecoding.Malformed.class);
    assertThat(NetworkCodec.decode(MessageType.GET_BLOCKS, none))
        .isInstanceOf(NetworkDecoding.Malformed.class);
  }

  @Test
  void moreTransactionsThanTheBoundAreMalformed() {
    List<byte[]> items = new ArrayList<>();
    for (int i = 0; i <= NetworkCodec.TRANSACTIONS_MAX; i++) {
      items.add(Rlp.string(new byte[] {2, 1}));
    }

    assertThat(NetworkCodec.decode(MessageType.TRANSACTIONS, Bytes.wrap(Rlp.list(items))))
        .isInstanceOf(NetworkDecoding.Malformed.class);
  }

  @Test
  void anEmptyTransactionIsMalformed() {
    Bytes payload = Bytes.wrap(Rlp.list(Rlp.string(new byte[0])));

    assertThat(NetworkCodec.decode(MessageType.TRANSACTIONS, payload))
        .isInstanceOf(NetworkDecoding.Malformed.class);
  }

  @Test
  void aBlockThatIsNotABlockMakesTheAnswerMalformed() {
    Bytes payload = Bytes.wrap(Rlp.list(Rlp.uint(7), Rlp.list(Rlp.list(Rlp.uint(1)))));

    assertThat(NetworkCodec.decode(MessageType.BLOCKS, payload))
        .isInstanceOf(NetworkDecoding.Malformed.class);
  }

  @Test
  void aStatusWithAShortHashIsMalformed() {
    Bytes payload = Bytes.wrap(Rlp.list(Rlp.uint(7), Rlp.string(new byte[31])));

    assertThat(NetworkCodec.decode(MessageType.STATUS, payload))
        .isInstanceOf(NetworkDecoding.Malformed.class);
  }
}
