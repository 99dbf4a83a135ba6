import { fundingId } from "../encoding/fundingId";
import type { Asset, Hex, Params, State } from "../encoding/types";
import { PolicyDepositError } from "../errors/signingPolicyErrors";
import { assetChains } from "./assetChains";
import { checkSigningPolicy } from "./checkSigningPolicy";
import type { PolicyChain } from "./limits";

/** Which deposit a participant is about to make. */
export interface DepositPlanRequest {
  /** The chain the deposit goes to. */
  readonly chain: PolicyChain;
  /** The depositing participant's index in `params.participants`. */
  readonly participant: number;
  /** Picks the asset being deposited among the channel's assets of `chain` (e.g. by holder or ledger). */
  readonly asset: (asset: Asset, index: number) => boolean;
}

/** What to deposit, derived from the channel instead of trusted from the caller. */
export interface DepositPlan {
  readonly channelID: Hex;
  /** `fundingId(channelID, participant's ethAddress)`: never a bare or foreign channel ID. */
  readonly fundingID: Hex;
  /** Index of the asset in `initialState.outcome.assets`. */
  readonly asset: number;
  /** The participant's initial balance of that asset. */
  readonly amount: bigint;
}

/**
 * The check before any deposit (DESIGN.md §10 "Deposits before params are known"): the EVM
 * holders and the ICP canister never see params when they take a deposit, so a deposit into a
 * channel the policy refuses — an app channel holding an ICP asset, a ledger listed twice, too
 * many participants — could freeze there (issue 14 findings 2, 3, 7, 8). The deposit helpers of
 * each chain's client call this first: it runs the signing policy on the params and the INITIAL
 * state (version 0, no previous state), then derives the funding ID and the amount from them.
 *
 * @throws a SigningPolicyError subclass when the policy refuses the channel; PolicyDepositError
 *   (`chain` = the deposit's chain) with rule "deposit-participant" (no such participant),
 *   "deposit-asset" (not exactly one asset of the channel on that chain matches) or
 *   "deposit-nothing" (the participant's initial balance of it is 0).
 */
export function planDeposit(params: Params, initialState: State, request: DepositPlanRequest): DepositPlan {
  checkSigningPolicy(params, initialState);
  const { chain, participant } = request;
  if (!Number.isInteger(participant) || participant < 0 || participant >= params.participants.length) {
    throw new PolicyDepositError("no such participant in the channel", {
      chain,
      rule: "deposit-participant",
      participant,
      participants: params.participants.length,
    });
  }
  const { perAsset } = assetChains(initialState);
  const matches = initialState.outcome.assets
    .map((a, i) => (perAsset[i] === chain && request.asset(a, i) ? i : -1))
    .filter((i) => i >= 0);
  if (matches.length !== 1) {
    throw new PolicyDepositError(`not exactly one asset of the channel on ${chain} matches the deposit`, {
      chain,
      rule: "deposit-asset",
      matching: matches.length,
    });
  }
  const asset = matches[0];
  const amount = initialState.outcome.balances[asset][participant];
  if (amount === 0n) {
    throw new PolicyDepositError("the participant's initial balance of this asset is 0", {
      chain,
      rule: "deposit-nothing",
      participant,
      asset,
    });
  }
  return {
    channelID: initialState.channelID.toLowerCase() as Hex,
    fundingID: fundingId(initialState.channelID, params.participants[participant].ethAddress),
    asset,
    amount,
  };
}
