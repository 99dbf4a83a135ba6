import type { Params, State } from "../encoding/types";
import type { PolicyChain } from "./limits";

/** A sub-channel a state locks, as its client holds it: parameters, latest state, its own sub-channels. */
export interface SubChannelInfo {
  readonly params: Params;
  /** The sub-channel's latest fully signed state (its outcome must fit the lock). */
  readonly state: State;
  /** One per `state.outcome.locked` entry, in that order (omit when it locks nothing). */
  readonly subChannels?: readonly SubChannelInfo[];
}

/** What the signing policy looks at before a client signs `state`. */
export interface SigningPolicyInput {
  readonly params: Params;
  /** The state about to be signed. */
  readonly state: State;
  /**
   * The channel's latest fully signed state before this one; omit it for the initial state,
   * which must then have version 0. The transition rules (version, assets, totals) and CKB's
   * frozen asset list compare against it.
   */
  readonly previous?: State;
  /** One per `state.outcome.locked` entry, in that order; required when the state locks any. */
  readonly subChannels?: readonly SubChannelInfo[];
}

/** Which chain pays each asset of an outcome, and the set of them. */
export interface AssetChains {
  /** `perAsset[i]` is the chain that pays asset i. */
  readonly perAsset: readonly PolicyChain[];
  /** The chains that hold at least one of the channel's assets, in the order evm, icp, ckb. */
  readonly chains: readonly PolicyChain[];
}

/** What an accepted state was checked against. */
export interface SigningPolicyAccepted {
  readonly ok: true;
  /** The chains that hold the channel's assets; each of them accepts and settles the state. */
  readonly chains: readonly PolicyChain[];
}
