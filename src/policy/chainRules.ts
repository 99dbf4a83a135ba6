import type { PolicyChain } from "./limits";
import { ckbAssetTotals } from "./rules/ckbAssetTotals";
import { ckbInitialNotFinal } from "./rules/ckbInitialNotFinal";
import { ckbMinParticipants } from "./rules/ckbMinParticipants";
import { ckbPayoutLocks } from "./rules/ckbPayoutLocks";
import { evmAssetTotals } from "./rules/evmAssetTotals";
import { maxAssets } from "./rules/maxAssets";
import { maxChallengeDuration } from "./rules/maxChallengeDuration";
import { maxParticipants } from "./rules/maxParticipants";
import { refuseApp } from "./rules/refuseApp";
import { refuseLocks } from "./rules/refuseLocks";
import { refuseSubChannel } from "./rules/refuseSubChannel";
import { refuseVirtualChannel } from "./rules/refuseVirtualChannel";
import type { PolicyRule } from "./types";

/**
 * The bounds every channel respects, each against the lowest row of the chains that hold its
 * assets (`limits.ts`, `limitsFor`); the refusal names the chain whose row binds.
 */
export const BOUND_RULES: readonly PolicyRule[] = [maxParticipants, maxAssets, maxChallengeDuration];

/**
 * Each chain's column: the rules a channel must satisfy while that chain holds at least one of
 * its assets, in the order they run. To add a chain's rule: one file under `rules/` with its
 * reasoning, one entry here, one accept and one refuse row in `test/policy/`, then
 * `npm run gen:vectors`.
 *
 * ICP and CKB share the feature refusals (neither runs apps nor adjudicates sub-channels,
 * virtual channels or locks: DESIGN.md §10); the EVM adjudicates every feature of upstream.
 */
export const CHAIN_RULES: Readonly<Record<PolicyChain, readonly PolicyRule[]>> = {
  evm: [evmAssetTotals],
  icp: [refuseApp("icp"), refuseVirtualChannel("icp"), refuseSubChannel("icp"), refuseLocks("icp")],
  ckb: [
    refuseApp("ckb"),
    refuseVirtualChannel("ckb"),
    refuseSubChannel("ckb"),
    refuseLocks("ckb"),
    ckbMinParticipants,
    ckbPayoutLocks,
    ckbAssetTotals,
    ckbInitialNotFinal,
  ],
};
