package io.fiscus.contracts.registry;

import static io.fiscus.contracts.system.SystemAddresses.REGISTRY;

import io.fiscus.contracts.system.ContractRevert;
import io.fiscus.contracts.system.RevertReason;
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
 * The Registry's storage, and the read API the other contracts use.
 *
 * <ul>
 *   <li>account: {@code ofAddress(0x01, account)} → RLP [roles, bank, tier, frozen (0|1), taxId]
 *       (absent: not registered);
 *   <li>tax id index: {@code hashed(0x02, utf8(taxId))} → the 20-byte account;
 *   <li>tier limits: {@code fixed(0x03, tier)} → RLP [maxBalance, maxTransfer, dailyOutLimit]
 *       (absent: {@link #defaultTierLimits});
 *   <li>CENTRAL_BANK holder count: {@code fixed(0x04, 0)} → RLP uint.
 * </ul>
 */
public final class RegistryStore {
  static final int TAG_ACCOUNT = 0x01;
  static final int TAG_TAX_ID = 0x02;
  static final int TAG_TIER_LIMITS = 0x03;
  static final int TAG_CENTRAL_BANK_COUNT = 0x04;

  private static final TierLimits[] DEFAULT_TIER_LIMITS = {
    null,
    new TierLimits(100_000, 20_000, 50_000),
    new TierLimits(1_000_000, 200_000, 500_000),
    TierLimits.UNLIMITED
  };

  private static final Hash[] TIER_LIMIT_SLOTS = {
    null,
    StorageSlots.fixed(TAG_TIER_LIMITS, 1),
    StorageSlots.fixed(TAG_TIER_LIMITS, 2),
    StorageSlots.fixed(TAG_TIER_LIMITS, 3)
  };

  private RegistryStore() {}

  public static Optional<RegistryAccount> account(StateView state, Address account) {
    return StoredValues.readList(state, REGISTRY, StorageSlots.ofAddress(TAG_ACCOUNT, account))
        .map(RegistryStore::decodeAccount);
  }

  /** The caller of a state-changing function: registered and not frozen, or a revert. */
  public static RegistryAccount requireActiveCaller(StateView state, Address caller) {
    RegistryAccount account =
        account(state, caller).orElseThrow(() -> new ContractRevert(RevertReason.NOT_REGISTERED));
    ContractRevert.require(!account.frozen(), RevertReason.FROZEN);
    return account;
  }

  public static void putAccount(StateChanges state, Address address, RegistryAccount account) {
    byte[] rlp =
        Rlp.list(
            Rlp.uint(account.roles()),
            Rlp.string(account.bank().bytes()),
            Rlp.uint(account.tier()),
            Rlp.uint(account.frozen() ? 1 : 0),
            Rlp.string(account.taxId().getBytes(StandardCharsets.UTF_8)));
    StoredValues.writeRaw(state, REGISTRY, StorageSlots.ofAddress(TAG_ACCOUNT, address), rlp);
  }

  /** The limits of a tier that neither the genesis nor setTierLimits has set (README). */
  public static TierLimits defaultTierLimits(int tier) {
    return DEFAULT_TIER_LIMITS[tier];
  }

  /** The limits of tier 1..3. */
  public static TierLimits tierLimits(StateView state, int tier) {
    return StoredValues.readList(state, REGISTRY, TIER_LIMIT_SLOTS[tier])
        .map(
            reader -> {
              TierLimits limits =
                  new TierLimits(reader.readLong(), reader.readLong(), reader.readLong());
              reader.requireEnd();
              return limits;
            })
        .orElse(DEFAULT_TIER_LIMITS[tier]);
  }

  public static void putTierLimits(StateChanges state, int tier, TierLimits limits) {
    byte[] rlp =
        Rlp.list(
            Rlp.uint(limits.maxBalance()),
            Rlp.uint(limits.maxTransfer()),
            Rlp.uint(limits.dailyOutLimit()));
    StoredValues.writeRaw(state, REGISTRY, TIER_LIMIT_SLOTS[tier], rlp);
  }

  public static Optional<Address> accountByTaxId(StateView state, String taxId) {
    return state.storage(REGISTRY, taxIdSlot(taxId)).map(value -> Address.wrap(value.toArray()));
  }

  public static void putTaxIdOwner(StateChanges state, String taxId, Address account) {
    state.putStorage(REGISTRY, taxIdSlot(taxId), account.bytes());
  }

  public static long centralBankCount(StateView state) {
    return StoredValues.readLong(state, REGISTRY, StorageSlots.fixed(TAG_CENTRAL_BANK_COUNT, 0));
  }

  public static void putCentralBankCount(StateChanges state, long count) {
    StoredValues.writeLong(state, REGISTRY, StorageSlots.fixed(TAG_CENTRAL_BANK_COUNT, 0), count);
  }

  /**
   * A tax id is 1..32 printable ASCII characters other than "/", so that {@code taxId/number}
   * invoice ids are unambiguous.
   */
  public static boolean isValidTaxId(String taxId) {
    if (taxId.isEmpty() || taxId.length() > 32) {
      return false;
    }
    for (int i = 0; i < taxId.length(); i++) {
      char c = taxId.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '/') {
        return false;
      }
    }
    return true;
  }

  private static Hash taxIdSlot(String taxId) {
    return StorageSlots.hashed(TAG_TAX_ID, taxId.getBytes(StandardCharsets.UTF_8));
  }

  private static RegistryAccount decodeAccount(RlpReader reader) {
    int roles = reader.readInt();
    Address bank = reader.readAddress();
    int tier = reader.readInt();
    boolean frozen = reader.readInt() != 0;
    Bytes taxId = reader.readValue();
    reader.requireEnd();
    return new RegistryAccount(
        roles, bank, tier, frozen, new String(taxId.unsafeArray(), StandardCharsets.UTF_8));
  }
}
