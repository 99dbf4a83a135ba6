import type { Params, State } from "../encoding/types";
import type { PolicyChain } from "./limits";
import type { BindingLimits } from "./limitsFor";

/** A sub-channel a state locks, as its client holds it: parameters, latest state, its own sub-channels. */
export interface SubChannelInfo {
  readonly params: Params;
  /** The sub-channel's latest fully signed state (its outcome must fit the lock). */
  readonly state: State;
  /** One per `state.outcome.locked` entry, in that order (omit when it locks nothing). */
  readonly subStates?: readonly SubChannelInfo[];
}

/** What the signing policy needs besides the params and the state about to be signed. */
export interface SigningPolicyContext {
  /**
   * The channel's latest fully signed state before this one; omit it for the initial state,
   * which must then have version 0. The transition rules (version, assets, totals) and CKB's
   * frozen asset list compare against it.
   */
  readonly previous?: State;
  /** One per `state.outcome.locked` entry, in that order; required when the state locks any. */
  readonly subStates?: readonly SubChannelInfo[];
}

/** Which chain pays each asset of an outcome, and the set of them. */
export interface AssetChains {
  /** `perAsset[i]` is the chain that pays asset i. */
  readonly perAsset: readonly PolicyChain[];
  /** The chains that hold at least one of the channel's assets, in the order evm, icp, ckb. */
  readonly chains: readonly PolicyChain[];
}

/**
 * Everything one rule of the policy looks at: the input, which chain pays each asset, and the
 * binding bounds of the chains holding them. Rules run after the shared shape check and the
 * asset classification, so `state` is rectangular and every asset belongs to one chain.
 */
export interface PolicySubject {
  readonly params: Params;
  readonly state: State;
  readonly previous?: State;
  readonly subStates?: readonly SubChannelInfo[];
  readonly assets: AssetChains;
  readonly limits: BindingLimits;
}

/**
 * One rule of the policy: returns when the subject satisfies it, throws a SigningPolicyError
 * subclass naming `chain` and `rule` otherwise. Each rule lives in its own file under
 * `src/policy/rules/` with the reasoning for it; `chainRules.ts` lists which chain runs which.
 */
export type PolicyRule = (subject: PolicySubject) => void;

/** What an accepted state was checked against. */
export interface SigningPolicyAccepted {
  readonly ok: true;
  /** The chains that hold the channel's assets; each of them accepts and settles the state. */
  readonly chains: readonly PolicyChain[];
}
