package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class HelloCodecProperties {

  @Property(tries = 200)
  void everyHelloRoundTrips(
      @ForAll @LongRange(min = 0) long chainId,
      @ForAll @Size(32) byte[] genesis,
      @ForAll @IntRange(min = 0) int version,
      @ForAll @LongRange(min = 0) long headNumber,
      @ForAll @IntRange(min = 0, max = 65_535) int listenPort,
      @ForAll @Size(64) byte[] key,
      @ForAll @LongRange(min = 1) long r,
      @ForAll @LongRange(min = 1) long s,
      @ForAll @IntRange(min = 0, max = 1) int recoveryId) {
    Hello hello =
        new Hello(
            chainId,
            Hash.wrap(genesis),
            version,
            new ChainHead(headNumber, Hash.wrap(genesis.clone())),
            listenPort,
            new PeerId(Bytes.of(key)),
            new Signature(BigInteger.valueOf(r), BigInteger.valueOf(s), recoveryId));
    assertThat(HelloCodec.decode(HelloCodec.encode(hello))).isEqualTo(hello);
  }

  @Property(tries = 200)
  void arbitraryBytesEitherDecodeOrFailWithAFormatError(@ForAll @Size(max = 300) byte[] bytes) {
    try {
      Hello hello = HelloCodec.decode(Bytes.of(bytes));
      assertThat(HelloCodec.encode(hello)).isEqualTo(Bytes.of(bytes));
    } catch (HelloFormatException expected) {
      assertThatThrownBy(() -> HelloCodec.decode(Bytes.of(bytes)))
          .isInstanceOf(HelloFormatException.class);
    }
  }
}
