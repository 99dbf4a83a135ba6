import type { IcrcError } from "./types";

/**
 * Every way a call can fail: one Candid variant case per rule, carrying the offending values.
 * User errors are returned, never trapped, so a client always learns which rule it broke and
 * the canister's state is untouched by a refused call.
 */
export type AdjudicatorError =
  /** A signature breaks the shared acceptance policy; `rule` is the policy error's class name. */
  | { BadSignature: { index: number; rule: string; message: string } }
  /** A well-formed signature by someone other than participant `index`. */
  | { WrongSigner: { index: number; expected: Uint8Array; recovered: Uint8Array } }
  | { SignatureCount: { expected: number; given: number } }
  | { StaleVersion: { registered: bigint; given: bigint } }
  | { ChannelIdMismatch: { expected: Uint8Array; given: Uint8Array } }
  | { NotRegistered: { channelID: Uint8Array } }
  | { WindowStillOpen: { timeout: bigint; now: bigint } }
  | { WindowOver: { timeout: bigint; now: bigint } }
  | { AlreadyConcluded: { channelID: Uint8Array } }
  | { NotFinal: { channelID: Uint8Array } }
  /** Withdrawal from a funding ID whose channel has not been concluded here. */
  | { NotConcluded: { fundingID: Uint8Array } }
  | { InsufficientHoldings: { available: bigint; requested: bigint } }
  /** The ledger answered with its own error (nothing moved). */
  | { LedgerError: { ledger: Uint8Array; error: IcrcError } }
  /** The call to the ledger was rejected or the ledger trapped (nothing moved). */
  | { LedgerCallFailed: { ledger: Uint8Array; code: number; message: string } }
  /** App channels, sub-channels and virtual channels are EVM-only. */
  | { UnsupportedChannel: { reason: string } }
  | { ChallengeDurationOutOfRange: { duration: bigint; max: bigint } }
  | { InvalidParams: { reason: string } }
  | { InvalidOutcome: { reason: string } }
  /** A field is not a valid value of its Solidity type (e.g. an address of 19 bytes). */
  | { InvalidEncoding: { field: string; message: string } }
  | { ChannelSettled: { fundingID: Uint8Array } }
  | { ZeroAmount: null }
  | { AmountNotAboveFee: { amount: bigint; fee: bigint } }
  | { WrongAdjudicator: { expected: Uint8Array; given: Uint8Array } }
  | { WrongNonce: { expected: bigint; given: bigint } }
  | { InvalidPrincipal: { field: string; length: number } }
  /** A ledger the controller has not listed: the canister never calls it (a ledger that never answers would keep the canister from being stopped and upgraded). */
  | { LedgerNotAllowed: { ledger: Uint8Array } }
  /** A controller-only method called by someone else. */
  | { NotController: { caller: Uint8Array } }
  /** More participants than the canister is measured to adjudicate within its instruction budget. */
  | { TooManyParticipants: { max: number; given: number } }
  | { TooManyAssets: { max: number; given: number } };

export type Result<T> = { Ok: T } | { Err: AdjudicatorError };

/** Thrown inside the logic to leave early with a user error; the entry points turn it into `{ Err }`. */
export class Refusal extends Error {
  constructor(readonly error: AdjudicatorError) {
    super(Object.keys(error)[0]);
    this.name = "Refusal";
    Object.setPrototypeOf(this, Refusal.prototype);
  }
}

/** Runs `body`, returning `{ Ok }`, or `{ Err }` for a {@link Refusal}; anything else is a bug and propagates (traps). */
export function refusalsAsErr<T>(body: () => T): Result<T> {
  try {
    return { Ok: body() };
  } catch (e) {
    if (e instanceof Refusal) return { Err: e.error };
    throw e;
  }
}
