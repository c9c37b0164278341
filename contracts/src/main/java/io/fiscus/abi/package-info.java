/**
 * A small, strict Ethereum ABI codec for the system contracts: selectors and topics ({@link
 * io.fiscus.abi.AbiSignatures}), argument decoding ({@link io.fiscus.abi.AbiReader}), return and
 * event data encoding ({@link io.fiscus.abi.AbiWriter}) and {@code Error(string)} revert data
 * ({@link io.fiscus.abi.RevertData}).
 */
package io.fiscus.abi;
