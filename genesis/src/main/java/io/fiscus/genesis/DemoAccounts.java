package io.fiscus.genesis;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The demo accounts every generated network gets unless an accounts file is given: a central bank,
 * two banks with reserves, a merchant that is a taxpayer, two customers of different tiers, a tax
 * authority and an auditor. Balances are in minor units (cents).
 */
final class DemoAccounts {
  static final long BANK_RESERVE = 100_000_000_000L;
  static final long CUSTOMER_1_BALANCE = 50_000;
  static final long CUSTOMER_2_BALANCE = 500_000;
  static final String MERCHANT_TAX_ID = "TIN-MERCHANT-001";

  private DemoAccounts() {}

  static List<AccountsFileEntry> generate(SecureRandom random) {
    return List.of(
        entry(random, "central-bank", List.of(Role.CENTRAL_BANK), 3, null, null, 0),
        entry(random, "bank-a", List.of(Role.BANK), 3, null, "central-bank", BANK_RESERVE),
        entry(random, "bank-b", List.of(Role.BANK), 3, null, "central-bank", BANK_RESERVE),
        entry(random, "merchant", List.of(), 2, MERCHANT_TAX_ID, "bank-a", 0),
        entry(random, "customer-1", List.of(), 1, null, "bank-a", CUSTOMER_1_BALANCE),
        entry(random, "customer-2", List.of(), 2, null, "bank-b", CUSTOMER_2_BALANCE),
        entry(random, "tax-authority", List.of(Role.TAX_AUTHORITY), 3, null, "central-bank", 0),
        entry(random, "auditor", List.of(Role.AUDITOR), 3, null, "central-bank", 0));
  }

  private static AccountsFileEntry entry(
      SecureRandom random,
      String name,
      List<Role> roles,
      int tier,
      String taxId,
      String bank,
      long balance) {
    PrivateKey key = PrivateKey.random(random);
    return new AccountsFileEntry(
        name,
        Secp256k1.address(key),
        Optional.of(key),
        roles,
        tier,
        Optional.ofNullable(taxId),
        Optional.ofNullable(bank),
        balance);
  }
}
