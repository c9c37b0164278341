package io.fiscus.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** A small, fixed, valid genesis for tests, and a way to break one field of it. */
final class TestGenesis {
  static final Address CENTRAL_BANK = address(101);
  static final Address BANK = address(102);
  static final Address CUSTOMER = address(103);
  static final Address MERCHANT = address(104);
  static final List<Address> VALIDATORS =
      List.of(address(1), address(2), address(3)).stream().sorted().toList();

  private TestGenesis() {}

  static Address address(int seed) {
    return Secp256k1.address(new PrivateKey(BigInteger.valueOf(seed)));
  }

  static GenesisConfig config() {
    List<GenesisAccount> accounts =
        List.of(
            new GenesisAccount(
                Optional.of("central-bank"),
                CENTRAL_BANK,
                List.of(Role.CENTRAL_BANK),
                3,
                Optional.empty(),
                Optional.empty(),
                0),
            new GenesisAccount(
                Optional.of("bank"),
                BANK,
                List.of(Role.BANK),
                3,
                Optional.of(CENTRAL_BANK),
                Optional.empty(),
                1_000_000_000),
            new GenesisAccount(
                Optional.empty(),
                CUSTOMER,
                List.of(),
                1,
                Optional.of(BANK),
                Optional.empty(),
                40_000),
            new GenesisAccount(
                Optional.of("merchant"),
                MERCHANT,
                List.of(),
                2,
                Optional.of(BANK),
                Optional.of("TIN-42"),
                0));
    return new GenesisConfig(
        2024,
        new QbftOptions(250, 2_000, 30_000, OptionalLong.of(5_000)),
        1_000_000_000,
        1_700_000_000,
        Address.ZERO,
        QbftExtraDataCodec.encode(QbftExtraData.genesis(VALIDATORS)),
        VALIDATORS,
        new FiscusConfig(
            new FiscusConfig.Currency("Test Money", "TMY"),
            GenesisGenerator.TIER_LIMITS,
            accounts));
  }

  static String json() {
    return GenesisWriter.toJson(config());
  }

  /** The test genesis with {@code change} applied to its JSON tree. */
  static String with(Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) GenesisParser.JSON.readTree(json());
      change.accept(root);
      return GenesisParser.JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode config(ObjectNode root) {
    return (ObjectNode) root.get("config");
  }

  static ObjectNode qbft(ObjectNode root) {
    return (ObjectNode) config(root).get("qbft");
  }

  static ObjectNode fiscus(ObjectNode root) {
    return (ObjectNode) config(root).get("fiscus");
  }

  static ObjectNode account(ObjectNode root, int index) {
    return (ObjectNode) fiscus(root).get("accounts").get(index);
  }
}
