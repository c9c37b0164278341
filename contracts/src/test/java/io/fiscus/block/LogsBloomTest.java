package io.fiscus.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.Keccak;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LogsBloomTest {
  private static final Address EMITTER =
      Address.fromHex("0x0000000000000000000000000000000000001002");

  @Provide
  Arbitrary<List<Log>> logLists() {
    return BlockArbitraries.logs().list().ofMaxSize(5);
  }

  @Test
  void aLogWithOnlyAnAddressSetsTheThreeBitsTakenFromItsKeccak() {
    // Yellow Paper M3:2048, derived independently: the bloom is a 2048-bit big-endian number and
    // bit (h[i]·256 + h[i+1]) mod 2048 is set for i = 0, 2, 4 of h = keccak256(address).
    byte[] h = Keccak.hash(EMITTER.bytes()).bytes().toArray();
    BigInteger number = BigInteger.ZERO;
    for (int i = 0; i < 6; i += 2) {
      number = number.setBit(((h[i] & 0xff) * 256 + (h[i + 1] & 0xff)) % 2048);
    }
    byte[] expected = new byte[256];
    byte[] magnitude = number.toByteArray();
    int length = Math.min(magnitude.length, 256);
    System.arraycopy(magnitude, magnitude.length - length, expected, 256 - length, length);

    LogsBloom bloom = LogsBloom.of(List.of(new Log(EMITTER, List.of(), Bytes.EMPTY)));

    assertThat(bloom.bytes()).isEqualTo(Bytes.wrap(expected));
    assertThat(number.bitCount()).isBetween(1, 3);
    assertThat(bloom.mightContain(EMITTER)).isTrue();
  }

  @Test
  void logDataDoesNotAffectTheBloom() {
    Log withoutData = new Log(EMITTER, List.of(Hash.ZERO), Bytes.EMPTY);
    Log withData = new Log(EMITTER, List.of(Hash.ZERO), Bytes.fromHex("0xdeadbeef"));
    assertThat(LogsBloom.of(List.of(withData))).isEqualTo(LogsBloom.of(List.of(withoutData)));
  }

  @Test
  void noLogsGiveTheEmptyBloom() {
    assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    assertThat(LogsBloom.EMPTY.isEmpty()).isTrue();
    assertThat(LogsBloom.EMPTY.mightContain(EMITTER)).isFalse();
  }

  @Property(tries = 200)
  void everyAddressAndTopicOfTheLogsMightBeContained(@ForAll("logLists") List<Log> logs) {
    LogsBloom bloom = LogsBloom.of(logs);
    for (Log log : logs) {
      assertThat(bloom.mightContain(log.address())).isTrue();
      for (Hash topic : log.topics()) {
        assertThat(bloom.mightContain(topic)).isTrue();
      }
    }
  }

  @Property(tries = 100)
  void theBloomOfAllLogsIsTheUnionOfTheBloomsOfEach(@ForAll("logLists") List<Log> logs) {
    LogsBloom union = LogsBloom.EMPTY;
    for (Log log : logs) {
      union = union.or(LogsBloom.of(List.of(log)));
    }
    assertThat(union).isEqualTo(LogsBloom.of(logs));
    assertThat(LogsBloom.union(logs.stream().map(log -> LogsBloom.of(List.of(log))).toList()))
        .isEqualTo(LogsBloom.of(logs));
  }
}
