package io.fiscus.contracts.records;

import static io.fiscus.contracts.system.ContractRevert.require;
import static io.fiscus.contracts.system.SystemAddresses.LEDGER_RECORDS;

import io.fiscus.abi.AbiException;
import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.system.ContractFunction;
import io.fiscus.contracts.system.Events;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.contracts.system.RevertReason;
import io.fiscus.contracts.system.StorageSlots;
import io.fiscus.contracts.system.StoredValues;
import io.fiscus.contracts.system.SystemContract;
import io.fiscus.crypto.Keccak;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * LedgerRecords at {@code 0x…cb03}: versioned records per (submitter, kind, key). Storage:
 *
 * <ul>
 *   <li>latest version: {@code hashed(0x30, submitter ‖ kind ‖ key)} → RLP uint;
 *   <li>a version: {@code hashed(0x31, submitter ‖ kind ‖ key ‖ version as 8 bytes)} → RLP
 *       [payload, blockNumber].
 * </ul>
 */
public final class LedgerRecords implements SystemContract {
  public static final long RECORD_GAS = 20_000;
  public static final long GAS_PER_PAYLOAD_BYTE = 16;
  public static final int PAYLOAD_BYTES_MAX = 4096;

  static final Hash RECORD_WRITTEN =
      AbiSignatures.topic("RecordWritten(address,bytes32,bytes32,uint64,bytes32)");

  /** Every event's canonical signature, for the ABI drift test. */
  public static final List<String> EVENTS =
      List.of("RecordWritten(address,bytes32,bytes32,uint64,bytes32)");

  private static final int TAG_LATEST = 0x30;
  private static final int TAG_VERSION = 0x31;

  private final List<ContractFunction> functions =
      List.of(
          ContractFunction.of(
              "record(bytes32,bytes32,bytes)",
              RECORD_GAS,
              LedgerRecords::payloadGas,
              LedgerRecords::record),
          ContractFunction.of("latest(address,bytes32,bytes32)", 0, LedgerRecords::latest),
          ContractFunction.of(
              "recordAt(address,bytes32,bytes32,uint64)", 0, LedgerRecords::recordAt));

  @Override
  public Address address() {
    return LEDGER_RECORDS;
  }

  @Override
  public List<ContractFunction> functions() {
    return functions;
  }

  /** 16 gas per payload byte; 0 if the call does not decode. */
  private static long payloadGas(Bytes callData) {
    try {
      AbiReader args = AbiReader.ofCall(callData, 3);
      args.bytes32();
      args.bytes32();
      Bytes payload = args.bytes();
      args.end();
      return GAS_PER_PAYLOAD_BYTE * payload.size();
    } catch (AbiException e) {
      return 0;
    }
  }

  private static Bytes record(Invocation call) {
    AbiReader args = call.arguments(3);
    Hash kind = args.bytes32();
    Hash key = args.bytes32();
    Bytes payload = args.bytes();
    args.end();
    StateChanges state = call.state();
    Address submitter = call.context().sender();
    RegistryStore.requireActiveCaller(state, submitter);
    require(payload.size() <= PAYLOAD_BYTES_MAX, RevertReason.PAYLOAD_TOO_LARGE);
    Hash latestSlot = latestSlot(submitter, kind, key);
    long version = StoredValues.readLong(state, LEDGER_RECORDS, latestSlot) + 1;
    StoredValues.writeLong(state, LEDGER_RECORDS, latestSlot, version);
    StoredValues.writeRaw(
        state,
        LEDGER_RECORDS,
        versionSlot(submitter, kind, key, version),
        Rlp.list(Rlp.string(payload), Rlp.uint(call.context().blockNumber())));
    Bytes data = new AbiWriter(2).uint(version).bytes32(Keccak.hash(payload)).toBytes();
    call.emit(Events.log(LEDGER_RECORDS, RECORD_WRITTEN, data, Events.topic(submitter), kind, key));
    return AbiWriter.uintWord(version);
  }

  private static Bytes latest(Invocation call) {
    AbiReader args = call.arguments(3);
    Address submitter = args.address();
    Hash kind = args.bytes32();
    Hash key = args.bytes32();
    args.end();
    long version =
        StoredValues.readLong(call.state(), LEDGER_RECORDS, latestSlot(submitter, kind, key));
    if (version == 0) {
      return new AbiWriter(3).uint(0).bytes(Bytes.EMPTY).uint(0).toBytes();
    }
    return encodeVersion(call.state(), submitter, kind, key, version);
  }

  private static Bytes recordAt(Invocation call) {
    AbiReader args = call.arguments(4);
    Address submitter = args.address();
    Hash kind = args.bytes32();
    Hash key = args.bytes32();
    long version = args.uint64();
    args.end();
    long latest =
        StoredValues.readLong(call.state(), LEDGER_RECORDS, latestSlot(submitter, kind, key));
    // Unsigned: a uint64 version above 2^63 is simply above every stored version.
    require(version != 0 && Long.compareUnsigned(version, latest) <= 0, RevertReason.NO_RECORD);
    return encodeVersion(call.state(), submitter, kind, key, version);
  }

  private static Bytes encodeVersion(
      StateView state, Address submitter, Hash kind, Hash key, long version) {
    Optional<RlpReader> stored =
        StoredValues.readList(state, LEDGER_RECORDS, versionSlot(submitter, kind, key, version));
    RlpReader reader =
        stored.orElseThrow(() -> new IllegalStateException("record version missing: " + version));
    Bytes payload = reader.readValue();
    long blockNumber = reader.readLong();
    reader.requireEnd();
    return new AbiWriter(3).uint(version).bytes(payload).uint(blockNumber).toBytes();
  }

  private static Hash latestSlot(Address submitter, Hash kind, Hash key) {
    return StorageSlots.hashed(
        TAG_LATEST,
        submitter.bytes().unsafeArray(),
        kind.bytes().unsafeArray(),
        key.bytes().unsafeArray());
  }

  private static Hash versionSlot(Address submitter, Hash kind, Hash key, long version) {
    byte[] versionBytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      versionBytes[7 - i] = (byte) (version >>> (8 * i));
    }
    return StorageSlots.hashed(
        TAG_VERSION,
        submitter.bytes().unsafeArray(),
        kind.bytes().unsafeArray(),
        key.bytes().unsafeArray(),
        versionBytes);
  }
}
