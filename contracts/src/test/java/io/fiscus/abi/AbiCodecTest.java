package io.fiscus.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

class AbiCodecTest {
  private static Bytes web3jCall(Type<?>... arguments) {
    return Bytes.fromHex(
        FunctionEncoder.encode(new Function("f", Arrays.asList(arguments), List.of())));
  }

  @Test
  void selectorsAndTopicsMatchKnownValues() {
    assertThat(AbiSignatures.selector("transfer(address,uint256)")).isEqualTo(0xa9059cbb);
    assertThat(AbiSignatures.selector("Error(string)")).isEqualTo(RevertData.ERROR_SELECTOR);
    assertThat(AbiSignatures.topic("Transfer(address,address,uint256)"))
        .isEqualTo(
            Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
    assertThat(org.web3j.crypto.Hash.sha3String("grantRole(address,uint8)").substring(0, 10))
        .isEqualTo(
            AbiSignatures.selectorBytes(AbiSignatures.selector("grantRole(address,uint8)"))
                .toHex());
  }

  @Property(tries = 200)
  void decodesWhatWeb3jEncodes(
      @ForAll @Size(20) byte[] address,
      @ForAll boolean flag,
      @ForAll long unsigned,
      @ForAll String text,
      @ForAll @Size(max = 100) byte[] blob,
      @ForAll @Size(32) byte[] word) {
    Bytes data =
        web3jCall(
            new org.web3j.abi.datatypes.Address(Bytes.wrap(address).toHex()),
            new Bool(flag),
            new Utf8String(text),
            new Uint64(new BigInteger(Long.toUnsignedString(unsigned))),
            new DynamicBytes(blob),
            new Uint256(BigInteger.valueOf(unsigned & Long.MAX_VALUE)),
            new Bytes32(word),
            new Uint8(BigInteger.valueOf(unsigned & 0xff)),
            new Uint16(BigInteger.valueOf(unsigned & 0xffff)));
    AbiReader reader = AbiReader.ofCall(data, 9);
    assertThat(reader.address()).isEqualTo(Address.wrap(address));
    assertThat(reader.bool()).isEqualTo(flag);
    assertThat(reader.string())
        .isEqualTo(
            new String(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8));
    assertThat(reader.uint64()).isEqualTo(unsigned);
    assertThat(reader.bytes()).isEqualTo(Bytes.of(blob));
    assertThat(reader.amount()).isEqualTo(unsigned & Long.MAX_VALUE);
    assertThat(reader.bytes32()).isEqualTo(Hash.wrap(word));
    assertThat(reader.uint8()).isEqualTo((int) (unsigned & 0xff));
    assertThat(reader.uint16()).isEqualTo((int) (unsigned & 0xffff));
    reader.end();
  }

  @Property(tries = 200)
  void encodesWhatWeb3jDecodes(
      @ForAll @Size(20) byte[] address,
      @ForAll long unsigned,
      @ForAll @Size(max = 80) byte[] blob,
      @ForAll boolean flag) {
    String text = new String(blob, java.nio.charset.StandardCharsets.ISO_8859_1);
    Bytes encoded =
        new AbiWriter(5)
            .address(Address.wrap(address))
            .string(text)
            .uint(unsigned)
            .bytes(Bytes.of(blob))
            .bool(flag)
            .toBytes();
    @SuppressWarnings("rawtypes")
    List<TypeReference<Type>> outputs =
        List.of(
            ref(new TypeReference<org.web3j.abi.datatypes.Address>() {}),
            ref(new TypeReference<Utf8String>() {}),
            ref(new TypeReference<Uint64>() {}),
            ref(new TypeReference<DynamicBytes>() {}),
            ref(new TypeReference<Bool>() {}));
    @SuppressWarnings("rawtypes")
    List<Type> decoded = FunctionReturnDecoder.decode(encoded.toHex(), outputs);
    assertThat(decoded.get(0).getValue()).isEqualTo(Address.wrap(address).toHex());
    assertThat(decoded.get(1).getValue()).isEqualTo(text);
    assertThat(decoded.get(2).getValue())
        .isEqualTo(new BigInteger(Long.toUnsignedString(unsigned)));
    assertThat((byte[]) decoded.get(3).getValue()).isEqualTo(blob);
    assertThat(decoded.get(4).getValue()).isEqualTo(flag);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static TypeReference<Type> ref(TypeReference<?> reference) {
    return (TypeReference) reference;
  }

  @Test
  void revertDataIsSolidityErrorString() {
    Bytes data = RevertData.encode("insufficient balance");
    String expected =
        "0x08c379a0"
            + org.web3j.abi.TypeEncoder.encode(
                new org.web3j.abi.datatypes.DynamicStruct(new Utf8String("insufficient balance")));
    assertThat(data.toHex()).isEqualTo(expected);
    assertThat(RevertData.decode(data)).contains("insufficient balance");
    assertThat(RevertData.decode(Bytes.fromHex("0x12345678"))).isEmpty();
  }

  @Test
  void rejectsDirtyHighBitsInAddressesAndUints() {
    Bytes good = web3jCall(new org.web3j.abi.datatypes.Address("0x" + "11".repeat(20)));
    byte[] dirty = good.toArray();
    dirty[4] = 1;
    assertProblem(
        () -> AbiReader.ofCall(Bytes.wrap(dirty), 1).address(),
        AbiException.Problem.DIRTY_HIGH_BITS);
    Bytes wide = web3jCall(new Uint256(BigInteger.valueOf(256)));
    assertProblem(() -> AbiReader.ofCall(wide, 1).uint8(), AbiException.Problem.DIRTY_HIGH_BITS);
    Bytes two = web3jCall(new Uint256(BigInteger.TWO));
    assertProblem(() -> AbiReader.ofCall(two, 1).bool(), AbiException.Problem.INVALID_BOOL);
    Bytes huge = web3jCall(new Uint256(BigInteger.ONE.shiftLeft(200)));
    assertThat(AbiReader.ofCall(huge, 1).amount()).isEqualTo(AbiReader.OUT_OF_RANGE);
  }

  @Test
  void rejectsNonCanonicalDynamicLayouts() {
    Bytes good = web3jCall(new Utf8String("abc"));
    byte[] offset = good.toArray();
    offset[4 + 31] = 0x40;
    assertProblem(
        () -> AbiReader.ofCall(Bytes.wrap(offset), 1).string(),
        AbiException.Problem.NON_CANONICAL_OFFSET);
    byte[] length = good.toArray();
    length[4 + 63] = 0x40;
    assertProblem(
        () -> AbiReader.ofCall(Bytes.wrap(length), 1).string(),
        AbiException.Problem.LENGTH_OUT_OF_RANGE);
    byte[] padding = good.toArray();
    padding[padding.length - 1] = 1;
    assertProblem(
        () -> AbiReader.ofCall(Bytes.wrap(padding), 1).string(),
        AbiException.Problem.DIRTY_PADDING);
    byte[] utf8 = good.toArray();
    utf8[4 + 64] = (byte) 0xff;
    assertProblem(
        () -> AbiReader.ofCall(Bytes.wrap(utf8), 1).string(), AbiException.Problem.INVALID_UTF8);
    Bytes trailing = good.concat(Bytes.of((byte) 0));
    AbiReader reader = AbiReader.ofCall(trailing, 1);
    reader.string();
    assertProblem(reader::end, AbiException.Problem.TRAILING_BYTES);
    assertProblem(() -> AbiReader.ofCall(good.slice(0, 30), 1), AbiException.Problem.TRUNCATED);
    assertProblem(() -> AbiReader.ofCall(Bytes.of((byte) 1), 0), AbiException.Problem.NO_SELECTOR);
  }

  private static void assertProblem(Runnable decode, AbiException.Problem problem) {
    assertThatThrownBy(decode::run)
        .isInstanceOfSatisfying(
            AbiException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }
}
