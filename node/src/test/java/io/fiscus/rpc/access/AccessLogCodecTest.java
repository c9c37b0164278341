package io.fiscus.rpc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.contracts.records.LedgerRecords;
import io.fiscus.rpc.access.AccessLogCodec.MalformedAccessLogException;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AccessLogCodecTest {
  private static final Address VIEWER =
      Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address SUBJECT =
      Address.fromHex("0xabcdef0000000000000000000000000000000042");
  private static final Look LOOK =
      new Look(VIEWER, SUBJECT, "cbdc_getAccountHistory", "case 2026/17", 1_767_225_600L);

  @Test
  void theKindIsAccessLogInAsciiLeftAlignedAndZeroPadded() {
    assertThat(AccessLogCodec.KIND.toHex()).isEqualTo("0x6163636573732d6c6f67" + "00".repeat(22));
  }

  @Test
  void theKeyIsTheSubjectLeftPaddedTo32Bytes() {
    assertThat(AccessLogCodec.key(SUBJECT).toHex())
        .isEqualTo("0x" + "00".repeat(12) + "abcdef0000000000000000000000000000000042");
  }

  @Test
  void thePayloadIsExactlyTheDocumentedJson() {
    String json = new String(AccessLogCodec.payload(LOOK).toArray(), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"viewer\":\"0x00000000000000000000000000000000000000a1\","
                + "\"subject\":\"0xabcdef0000000000000000000000000000000042\","
                + "\"method\":\"cbdc_getAccountHistory\",\"reason\":\"case 2026/17\","
                + "\"at\":1767225600}");
  }

  @Test
  void theRecordCallIsWhatLedgerRecordsReadsAsKindKeyAndPayload() {
    Bytes call = AccessLogCodec.recordCall(LOOK);

    assertThat(AbiSignatures.selectorOf(call))
        .isEqualTo(AbiSignatures.selector("record(bytes32,bytes32,bytes)"));
    AbiReader arguments = AbiReader.ofCall(call, 3);
    assertThat(arguments.bytes32()).isEqualTo(AccessLogCodec.KIND);
    assertThat(arguments.bytes32()).isEqualTo(AccessLogCodec.key(SUBJECT));
    assertThat(AccessLogCodec.decode(arguments.bytes())).isEqualTo(LOOK);
    arguments.end();
  }

  @Property(tries = 300)
  void everyRecordableLookDecodesBackToItselfWithinThePayloadLimit(@ForAll("looks") Look look) {
    assertThat(AccessLogCodec.whyUnrecordable(look)).isEmpty();
    Bytes payload = AccessLogCodec.payload(look);

    assertThat(payload.size()).isLessThanOrEqualTo(LedgerRecords.PAYLOAD_BYTES_MAX);
    assertThat(AccessLogCodec.decode(payload)).isEqualTo(look);
  }

  @Test
  void theLongestReasonAndMethodOfControlCharactersStillFitTheContractsLimit() {
    Look worst =
        new Look(
            VIEWER,
            SUBJECT,
            "\u0001".repeat(AccessLogCodec.METHOD_CHARS_MAX),
            "\u0002".repeat(AccessLogCodec.REASON_CHARS_MAX),
            Long.MAX_VALUE);

    assertThat(AccessLogCodec.whyUnrecordable(worst)).isEmpty();
    assertThat(AccessLogCodec.payload(worst).size())
        .isLessThanOrEqualTo(LedgerRecords.PAYLOAD_BYTES_MAX);
    assertThat(AccessLogCodec.decode(AccessLogCodec.payload(worst))).isEqualTo(worst);
  }

  @Test
  void aReasonOverTheLimitOrAnEmptyMethodIsUnrecordable() {
    Look longReason =
        new Look(VIEWER, SUBJECT, "eth_call", "x".repeat(AccessLogCodec.REASON_CHARS_MAX + 1), 1);
    Look noMethod = new Look(VIEWER, SUBJECT, "", "case 1", 1);

    assertThat(AccessLogCodec.whyUnrecordable(longReason))
        .contains("reason is longer than 256 characters");
    assertThat(AccessLogCodec.whyUnrecordable(noMethod)).isPresent();
  }

  @Test
  void aLoneSurrogateIsNotTextAndIsUnrecordable() {
    Look broken = new Look(VIEWER, SUBJECT, "eth_call", "case \ud800 1", 1);
    Look paired = new Look(VIEWER, SUBJECT, "eth_call", "case \ud83d\udcbc 1", 1);

    assertThat(AccessLogCodec.whyUnrecordable(broken)).contains("reason is not valid Unicode text");
    assertThat(AccessLogCodec.decode(AccessLogCodec.payload(paired))).isEqualTo(paired);
  }

  @Test
  void decodingRefusesEverythingThePayloadWriterNeverWrites() {
    String viewer = "\"viewer\":\"0x00000000000000000000000000000000000000a1\"";
    String subject = "\"subject\":\"0xabcdef0000000000000000000000000000000042\"";
    String rest = "\"method\":\"m\",\"reason\":\"r\",\"at\":1";
    String[] malformed = {
      "",
      "not json",
      "[]",
      "{" + subject + "," + viewer + "," + rest + "}",
      "{" + viewer + "," + subject + "," + rest + ",\"extra\":1}",
      "{" + viewer.toUpperCase(java.util.Locale.ROOT) + "," + subject + "," + rest + "}",
      "{" + viewer + "," + subject + ",\"method\":\"m\",\"reason\":\"r\",\"at\":-1}",
      "{" + viewer + "," + subject + ",\"method\":\"m\",\"reason\":\"r\",\"at\":1.5}",
      "{" + viewer + "," + subject + ",\"method\":\"m\",\"reason\":\" \",\"at\":1}",
      "{" + viewer + "," + subject + ",\"method\":7,\"reason\":\"r\",\"at\":1}",
    };
    for (String json : malformed) {
      assertThatThrownBy(
              () -> AccessLogCodec.decode(Bytes.wrap(json.getBytes(StandardCharsets.UTF_8))))
          .as(json)
          .isInstanceOf(MalformedAccessLogException.class);
    }
  }

  /** Any characters but surrogates (a lone one is not text; see the test above). */
  private static net.jqwik.api.arbitraries.StringArbitrary text() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\ud7ff')
        .withCharRange('\ue000', '\uffff');
  }

  @Provide
  Arbitrary<Look> looks() {
    Arbitrary<Address> addresses =
        Arbitraries.bytes().array(byte[].class).ofSize(Address.SIZE).map(Address::wrap);
    Arbitrary<String> methods = text().ofMinLength(1).ofMaxLength(AccessLogCodec.METHOD_CHARS_MAX);
    Arbitrary<String> reasons =
        text()
            .ofMinLength(1)
            .ofMaxLength(AccessLogCodec.REASON_CHARS_MAX)
            .filter(reason -> !reason.isBlank());
    return Combinators.combine(
            addresses, addresses, methods, reasons, Arbitraries.longs().greaterOrEqual(0))
        .as(Look::new);
  }
}
