import type { Hex, Participant } from "../types";

/**
 * The Internet Computer withdrawal authorisation (the ICP counterpart of the EVM
 * `WithdrawalAuth`), ABI-encoded as ONE tuple argument and signed like a state
 * (eth_sign over keccak256 of the encoding):
 *
 * ```
 * IcpWithdrawalAuth { bytes32 channelID; Participant participant; bytes receiverOwner;
 *                     bytes32 receiverSubaccount; bytes ledger; bytes adjudicator;
 *                     uint256 amount; uint64 nonce }
 * ```
 *
 * Whom it protects from what: a signature over it pays `amount` from the participant's
 * holdings on `ledger` at canister `adjudicator` to exactly one ICRC account, once.
 * - `ledger` and `adjudicator` (principal bytes) stop a replay on another ledger or at
 *   another canister; the layout itself (eight head words, three `bytes` tails) cannot be
 *   the encoding of the EVM `WithdrawalAuth` (four head words) or of a state, so a signature
 *   cannot be carried across chains or message kinds.
 * - `nonce` stops a replay at the SAME canister: it must equal the number of withdrawals
 *   already debited from this (ledger, funding ID) there, and every accepted withdrawal moves
 *   it on by one — also when the ledger then refuses the transfer (the debit is restored,
 *   the authorisation stays spent; sign a new one with the next nonce). So a receiver who got
 *   a partial withdrawal cannot submit the same signature again for the rest.
 */
export interface IcpWithdrawalAuth {
  channelID: Hex;
  /** The channel participant whose holdings are paid out; signs the authorisation. */
  participant: Participant;
  /** ICRC-1 account owner of the receiver: principal bytes (at most 29). */
  receiverOwner: Hex;
  /** ICRC-1 subaccount of the receiver: 32 bytes; all zero is the default subaccount. */
  receiverSubaccount: Hex;
  /** ICRC-1 ledger the amount is paid on: principal bytes. */
  ledger: Hex;
  /** The adjudicator canister that pays: principal bytes. */
  adjudicator: Hex;
  /** Debited from the holdings; the receiver gets `amount − ledger fee`. */
  amount: bigint;
  /** uint64: the withdrawal counter of (ledger, funding ID) at the canister. */
  nonce: bigint;
}
