package io.fiscus.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.genesis.GenesisException.Reason;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code config.qbft}. Milliseconds win over seconds where both are given; Besu's
 * experimental names ({@code xblockperiodmilliseconds}, {@code xemptyblockperiodseconds}) are
 * accepted as aliases, but not together with the plain name.
 */
final class QbftOptionsParser {
  private static final long SECONDS_MAX = Long.MAX_VALUE / 1000;

  /** Besu's message-handling bounds and reward recipient: Fiscus has its own bounds, no rewards. */
  private static final Set<String> IGNORED =
      Set.of(
          "miningbeneficiary",
          "messagequeuelimit",
          "duplicatemessagelimit",
          "futuremessageslimit",
          "futuremessagesmaxdistance",
          "gossipedhistorylimit");

  private QbftOptionsParser() {}

  static QbftOptions parse(JsonObjectReader config) {
    JsonObjectReader qbft = JsonObjectReader.of(config.required("qbft"), config.pathOf("qbft"));
    long blockPeriodMillis =
        millis(
                qbft,
                "blockperiodmilliseconds",
                "xblockperiodmilliseconds",
                "blockperiodseconds",
                QbftOptions.MIN_BLOCK_PERIOD_MILLIS,
                QbftOptions.MAX_BLOCK_PERIOD_MILLIS)
            .orElse(QbftOptions.DEFAULT_BLOCK_PERIOD_MILLIS);
    long requestTimeoutMillis =
        millis(
                qbft,
                "requesttimeoutmilliseconds",
                null,
                "requesttimeoutseconds",
                QbftOptions.MIN_REQUEST_TIMEOUT_MILLIS,
                QbftOptions.MAX_REQUEST_TIMEOUT_MILLIS)
            .orElse(QbftOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS);
    long epochLength =
        qbft.optional("epochlength")
            .map(v -> JsonValues.quantityIn(v, qbft.pathOf("epochlength"), 1, Long.MAX_VALUE))
            .orElse(QbftOptions.DEFAULT_EPOCH_LENGTH);
    OptionalLong emptyBlockPeriodMillis = emptyBlockPeriod(qbft);
    qbft.optional("blockreward")
        .ifPresent(
            reward -> {
              if (JsonValues.quantity(reward, qbft.pathOf("blockreward")) != 0) {
                throw new GenesisException(
                    Reason.UNSUPPORTED,
                    qbft.pathOf("blockreward"),
                    "must be 0: Fiscus has no ether to reward validators with");
              }
            });
    qbft.reject(
        "validatorcontractaddress",
        "contract validator mode is not supported; list the validators in extraData");
    qbft.reject("startblock", "QBFT starts at block 0; migrations are not supported");
    qbft.rejectUnread(IGNORED::contains);
    return new QbftOptions(
        blockPeriodMillis, requestTimeoutMillis, epochLength, emptyBlockPeriodMillis);
  }

  /** A duration given in milliseconds (which wins) or seconds, checked against min..max ms. */
  private static OptionalLong millis(
      JsonObjectReader qbft,
      String millisName,
      String millisAlias,
      String secondsName,
      long minMillis,
      long maxMillis) {
    Optional<JsonNode> millis = qbft.optional(millisName);
    String millisPath = qbft.pathOf(millisName);
    if (millisAlias != null) {
      Optional<JsonNode> alias = qbft.optional(millisAlias);
      if (alias.isPresent() && millis.isPresent()) {
        throw new GenesisException(
            Reason.MISMATCH,
            qbft.pathOf(millisAlias),
            "give either " + millisName + " or " + millisAlias + ", not both");
      }
      if (alias.isPresent()) {
        millis = alias;
        millisPath = qbft.pathOf(millisAlias);
      }
    }
    Optional<JsonNode> seconds = qbft.optional(secondsName);
    if (millis.isPresent()) {
      return OptionalLong.of(JsonValues.quantityIn(millis.get(), millisPath, minMillis, maxMillis));
    }
    if (seconds.isPresent()) {
      long value =
          JsonValues.quantityIn(
              seconds.get(), qbft.pathOf(secondsName), ceilDiv(minMillis, 1000), maxMillis / 1000);
      return OptionalLong.of(value * 1000);
    }
    return OptionalLong.empty();
  }

  private static OptionalLong emptyBlockPeriod(JsonObjectReader qbft) {
    Optional<JsonNode> plain = qbft.optional("emptyblockperiodseconds");
    Optional<JsonNode> alias = qbft.optional("xemptyblockperiodseconds");
    if (plain.isPresent() && alias.isPresent()) {
      throw new GenesisException(
          Reason.MISMATCH,
          qbft.pathOf("xemptyblockperiodseconds"),
          "give either emptyblockperiodseconds or xemptyblockperiodseconds, not both");
    }
    String path =
        qbft.pathOf(plain.isPresent() ? "emptyblockperiodseconds" : "xemptyblockperiodseconds");
    return plain
        .or(() -> alias)
        .map(v -> OptionalLong.of(JsonValues.quantityIn(v, path, 0, SECONDS_MAX) * 1000))
        .orElse(OptionalLong.empty());
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
