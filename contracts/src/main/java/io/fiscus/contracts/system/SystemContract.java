package io.fiscus.contracts.system;

import io.fiscus.types.Address;
import java.util.List;

/** A system contract: a fixed address and its functions. */
public interface SystemContract {
  Address address();

  /** Every function, in declaration order. */
  List<ContractFunction> functions();
}
