package io.fiscus.contracts.token;

import static io.fiscus.contracts.system.SystemAddresses.TOKEN;

import io.fiscus.contracts.system.StorageSlots;
import io.fiscus.contracts.system.StoredValues;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Token's storage:
 *
 * <ul>
 *   <li>name, symbol: {@code fixed(0x10, 0)}, {@code fixed(0x11, 0)} → RLP string (UTF-8);
 *   <li>issued, redeemed totals: {@code fixed(0x12, 0)}, {@code fixed(0x13, 0)} → RLP uint;
 *       totalSupply is issued − redeemed;
 *   <li>balance: {@code ofAddress(0x14, account)} → RLP uint (absent: 0);
 *   <li>allowance: {@code hashed(0x15, owner ‖ spender)} → RLP uint (absent: 0);
 *   <li>daily outflow: {@code ofAddress(0x16, account)} → RLP [utcDay, amount] (absent: never
 *       sent).
 * </ul>
 */
public final class TokenStore {
  private static final Hash NAME = StorageSlots.fixed(0x10, 0);
  private static final Hash SYMBOL = StorageSlots.fixed(0x11, 0);
  private static final Hash ISSUED = StorageSlots.fixed(0x12, 0);
  private static final Hash REDEEMED = StorageSlots.fixed(0x13, 0);
  private static final int TAG_BALANCE = 0x14;
  private static final int TAG_ALLOWANCE = 0x15;
  private static final int TAG_DAILY_OUTFLOW = 0x16;

  /** An account's outflow on one UTC day. */
  public record DailyOutflow(long day, long amount) {
    public static final DailyOutflow NONE = new DailyOutflow(0, 0);

    /** The outflow on {@code today}: 0 if the record is from an earlier day. */
    public long amountOn(long today) {
      return day == today ? amount : 0;
    }
  }

  private TokenStore() {}

  public static long balance(StateView state, Address account) {
    return StoredValues.readLong(state, TOKEN, StorageSlots.ofAddress(TAG_BALANCE, account));
  }

  public static void putBalance(StateChanges state, Address account, long balance) {
    StoredValues.writeLong(state, TOKEN, StorageSlots.ofAddress(TAG_BALANCE, account), balance);
  }

  public static long issued(StateView state) {
    return StoredValues.readLong(state, TOKEN, ISSUED);
  }

  public static void putIssued(StateChanges state, long issued) {
    StoredValues.writeLong(state, TOKEN, ISSUED, issued);
  }

  public static long redeemed(StateView state) {
    return StoredValues.readLong(state, TOKEN, REDEEMED);
  }

  public static void putRedeemed(StateChanges state, long redeemed) {
    StoredValues.writeLong(state, TOKEN, REDEEMED, redeemed);
  }

  public static long totalSupply(StateView state) {
    return issued(state) - redeemed(state);
  }

  public static long allowance(StateView state, Address owner, Address spender) {
    return StoredValues.readLong(state, TOKEN, allowanceSlot(owner, spender));
  }

  public static void putAllowance(
      StateChanges state, Address owner, Address spender, long allowance) {
    StoredValues.writeLong(state, TOKEN, allowanceSlot(owner, spender), allowance);
  }

  public static DailyOutflow dailyOutflow(StateView state, Address account) {
    Optional<RlpReader> stored =
        StoredValues.readList(state, TOKEN, StorageSlots.ofAddress(TAG_DAILY_OUTFLOW, account));
    if (stored.isEmpty()) {
      return DailyOutflow.NONE;
    }
    RlpReader reader = stored.get();
    DailyOutflow outflow = new DailyOutflow(reader.readLong(), reader.readLong());
    reader.requireEnd();
    return outflow;
  }

  public static void putDailyOutflow(StateChanges state, Address account, DailyOutflow outflow) {
    StoredValues.writeRaw(
        state,
        TOKEN,
        StorageSlots.ofAddress(TAG_DAILY_OUTFLOW, account),
        Rlp.list(Rlp.uint(outflow.day()), Rlp.uint(outflow.amount())));
  }

  public static String name(StateView state) {
    return readString(state, NAME);
  }

  public static String symbol(StateView state) {
    return readString(state, SYMBOL);
  }

  public static void putNameAndSymbol(StateChanges state, String name, String symbol) {
    writeString(state, NAME, name);
    writeString(state, SYMBOL, symbol);
  }

  private static Hash allowanceSlot(Address owner, Address spender) {
    return StorageSlots.hashed(
        TAG_ALLOWANCE, owner.bytes().unsafeArray(), spender.bytes().unsafeArray());
  }

  private static String readString(StateView state, Hash slot) {
    return state
        .storage(TOKEN, slot)
        .map(
            value -> {
              RlpReader reader = RlpReader.of(value);
              byte[] utf8 = reader.readBytes();
              reader.requireEnd();
              return new String(utf8, StandardCharsets.UTF_8);
            })
        .orElse("");
  }

  private static void writeString(StateChanges state, Hash slot, String value) {
    if (value.isEmpty()) {
      state.deleteStorage(TOKEN, slot);
    } else {
      state.putStorage(TOKEN, slot, Bytes.wrap(Rlp.string(value.getBytes(StandardCharsets.UTF_8))));
    }
  }
}
