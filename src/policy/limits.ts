/**
 * The signing policy's bounds: one row per chain (DESIGN.md §1, §10 "Bounds and margins").
 *
 * Pure constants, no imports, so the canister and the CKB scripts read the same numbers the
 * library's pre-signing check applies (both bundle this file without @noble and without any
 * module-load work).
 *
 * Each bound is the largest value at which EVERY exit path an honest party needs on that chain
 * (register/refute, conclude/concludeDispute/force-close, withdraw) costs at most half of the
 * chain's binding limit, measured at the bound and committed with the chain's cost snapshot:
 * - EVM: 8,388,608 gas (half of the 16,777,216 gas a transaction may use);
 * - ICP: 20 B instructions per message (half of the 40 B update-message limit);
 * - CKB: 35 M cycles per transaction (half of the default node's `max_tx_verify_cycles`).
 * A channel whose assets live on several chains gets the lowest bound among them
 * ({@link limitsFor}); a bound of 0 means the chain does not adjudicate the feature at all.
 */

/** The bounds one chain can adjudicate. */
export interface ChainLimits {
  /** Participants of a channel (params.participants.length). */
  readonly maxParticipants: number;
  /** Assets of an outcome (outcome.assets.length), of every chain together. */
  readonly maxAssets: number;
  /** Sub-allocations one state locks (outcome.locked.length). 0 = no sub-channels. */
  readonly maxLocked: number;
  /** Depth of a sub-channel tree below a ledger channel (1 = its sub-channels lock nothing). */
  readonly maxTreeDepth: number;
  /** Sub-channels in a whole tree, every level together. */
  readonly maxTreeSize: number;
  /** Largest challenge duration in seconds a dispute on this chain can enforce. */
  readonly maxChallengeDuration: bigint;
}

/** The chains whose adjudicators this repository holds, by the name the policy reports. */
export type PolicyChain = "evm" | "icp" | "ckb";

/**
 * EVM row (contracts/, issue 15). PROVISIONAL until measured at the bound (issue 15 owns it).
 * Challenge durations: the dispute record stores the duration in 32 bits (2^32 − 1 s, 136 years).
 */
export const EVM_LIMITS: ChainLimits = {
  maxParticipants: 64,
  maxAssets: 16,
  maxLocked: 16,
  maxTreeDepth: 4,
  maxTreeSize: 64,
  maxChallengeDuration: 0xffff_ffffn,
};

/**
 * ICP row (canisters/, issue 14). PROVISIONAL until measured at the bound: a dispute costs
 * ≈ 215 M instructions per signer (issue 14 finding 8: 190 participants measured 41.15 B), so
 * 32 participants stay far below 20 B. The canister adjudicates no sub-channel (the policy
 * refuses locks while ICP holds an asset, `rules/refuseLocks.ts`), hence 0 for the tree bounds.
 * Challenge durations: the canister refuses more than 2^32 − 1 s (its timeout is u64 nanoseconds).
 */
export const ICP_LIMITS: ChainLimits = {
  maxParticipants: 32,
  maxAssets: 16,
  maxLocked: 0,
  maxTreeDepth: 0,
  maxTreeSize: 0,
  maxChallengeDuration: 0xffff_ffffn,
};

/**
 * CKB row (ckb-scripts/, issue 16). PROVISIONAL until measured at the bound: every participant
 * adds one signature recovery (≈ 1.9 M cycles) to a dispute or close, on top of ≈ 5 M of VM boot.
 * The channel type script refuses any sub-allocation (`assetKinds`: BAD_OUTCOME), hence 0 for
 * the tree bounds. Challenge durations: a relative-timestamp `since` holds 56 bits of seconds
 * (the shared shape rule caps every channel at 2^32 − 1 s before this row is read).
 */
export const CKB_LIMITS: ChainLimits = {
  maxParticipants: 6,
  maxAssets: 8,
  maxLocked: 0,
  maxTreeDepth: 0,
  maxTreeSize: 0,
  maxChallengeDuration: (1n << 56n) - 1n,
};

/** Every chain's row, by chain. */
export const CHAIN_LIMITS: Readonly<Record<PolicyChain, ChainLimits>> = {
  evm: EVM_LIMITS,
  icp: ICP_LIMITS,
  ckb: CKB_LIMITS,
};

/** Largest total of one EVM asset (balances plus locks): the holder sums them in checked uint256. */
export const EVM_MAX_ASSET_TOTAL = (1n << 256n) - 1n;
/** Largest total of the CKBytes asset: capacities are u64 shannons, and a transaction sums them. */
export const CKB_MAX_CKBYTES_TOTAL = (1n << 64n) - 1n;
/** Largest total of one CKB UDT asset: sUDT/xUDT amounts are u128, and the UDT script sums them. */
export const CKB_MAX_UDT_TOTAL = (1n << 128n) - 1n;
/** Fewest participants of a CKB channel: the channel type script opens none with fewer (open.ts, BAD_PARAMS). */
export const CKB_MIN_PARTICIPANTS = 2;
