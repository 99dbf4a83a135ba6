import type { Address, Hex, WithdrawalAuth } from "./types";
import { encodeWithdrawalAuth } from "./encodeWithdrawalAuth";
import { keccak256 } from "./keccak256";
import { MAX_UINT256, structField, writeAddress, writeBytes32, writeSize, writeUint } from "./internal/words";

/**
 * A withdrawal authorisation bound to one asset holder, one chain and one use: what
 * `AssetHolder.withdrawBound` verifies. `nonce` must equal the holder's
 * `withdrawalNonce(fundingID)` when it is submitted; each paid withdrawal increments it.
 */
export interface BoundWithdrawalAuth {
  /** The G3 fields: channel, participant (the signer), receiver, amount. */
  auth: WithdrawalAuth;
  /** The asset holder contract the authorisation is valid at. */
  holder: Address;
  /** The EVM chain ID (`block.chainid`) it is valid on. */
  chainID: bigint;
  /** The funding ID's withdrawal nonce it consumes. */
  nonce: bigint;
}

/** `keccak256("perun-adjudicators/BoundWithdrawalAuth/v1")`, the contract's `BOUND_WITHDRAWAL_DOMAIN`. */
export const BOUND_WITHDRAWAL_DOMAIN: Hex = keccak256(
  Uint8Array.from("perun-adjudicators/BoundWithdrawalAuth/v1", (c) => c.charCodeAt(0)),
);

/**
 * `abi.encode(bytes32 BOUND_WITHDRAWAL_DOMAIN, address holder, uint256 chainID, uint256 nonce,
 * WithdrawalAuth auth)` — five arguments, the last a dynamic tuple (so the fifth head word is
 * its offset 0xa0). The domain tag keeps these bytes apart from any G3 `WithdrawalAuth` or
 * state encoding, so no signature of one kind is valid as another.
 *
 * @throws EncodingError subclasses for invalid field values.
 */
export function encodeBoundWithdrawalAuth(bound: BoundWithdrawalAuth): Uint8Array {
  const b = structField<BoundWithdrawalAuth>(bound, "bound");
  const tuple = encodeWithdrawalAuth(b.auth).subarray(32); // drop its own 0x20 offset word
  const out = new Uint8Array(5 * 32 + tuple.length);
  const view = new DataView(out.buffer);
  writeBytes32(out, 0, BOUND_WITHDRAWAL_DOMAIN, "domain");
  writeAddress(out, 32, b.holder, "holder");
  writeUint(view, 64, b.chainID, MAX_UINT256, "uint256", "chainID");
  writeUint(view, 96, b.nonce, MAX_UINT256, "uint256", "nonce");
  writeSize(view, 128, 5 * 32);
  out.set(tuple, 5 * 32);
  return out;
}
