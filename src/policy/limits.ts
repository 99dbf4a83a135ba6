/**
 * The signing policy's bounds: one row per chain (DESIGN.md §1, §10 "Bounds and margins").
 *
 * Pure constants, no imports, so the canister and the CKB scripts read the same numbers the
 * library's pre-signing check applies (the CKB script bundles this file without @noble).
 *
 * Each bound is the largest value at which EVERY exit path an honest party needs on that chain
 * (register/refute, conclude/concludeDispute/force-close, withdraw) costs at most half of the
 * chain's binding limit, measured at the bound and committed with the chain's cost snapshot:
 * - EVM: 8,388,608 gas (half of the 16,777,216 gas a transaction may use);
 * - ICP: 20 B instructions per message (half of the 40 B update-message limit);
 * - CKB: 35 M cycles per transaction (half of the default node's `max_tx_verify_cycles`).
 * A channel whose assets live on several chains gets the lowest bound among them
 * ({@link limitsFor}).
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
 * EVM row (contracts/, issue 15). PROVISIONAL until measured at the bound.
 * Challenge durations: the dispute record stores the timeout in 64 bits and the duration in 32.
 */
export const EVM_LIMITS: ChainLimits = {
  maxParticipants: 64,
  maxAssets: 16,
  maxLocked: 16,
  maxTreeDepth: 4,
  maxTreeSize: 64,
  maxChallengeDuration: (1n << 32n) - 1n,
};

/**
 * ICP row (canisters/, issue 14). PROVISIONAL until measured at the bound.
 * The canister adjudicates no sub-channel itself (see icpRules), so its tree bounds only cap
 * what an EVM-held part of the same channel may lock.
 */
export const ICP_LIMITS: ChainLimits = {
  maxParticipants: 32,
  maxAssets: 16,
  maxLocked: 16,
  maxTreeDepth: 4,
  maxTreeSize: 64,
  maxChallengeDuration: (1n << 32n) - 1n,
};

/**
 * CKB row (ckb-scripts/, issue 16). PROVISIONAL until measured at the bound.
 * Challenge durations: a relative-timestamp `since` holds 56 bits of seconds.
 */
export const CKB_LIMITS: ChainLimits = {
  maxParticipants: 6,
  maxAssets: 8,
  maxLocked: 16,
  maxTreeDepth: 4,
  maxTreeSize: 64,
  maxChallengeDuration: (1n << 56n) - 1n,
};

/** Every chain's row, by chain. */
export const CHAIN_LIMITS: Readonly<Record<PolicyChain, ChainLimits>> = {
  evm: EVM_LIMITS,
  icp: ICP_LIMITS,
  ckb: CKB_LIMITS,
};
