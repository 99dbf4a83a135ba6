import { CHAIN_LIMITS, type ChainLimits, type PolicyChain } from "./limits";

/** One bound and the chain whose row sets it. */
export interface BindingLimit<T> {
  readonly value: T;
  readonly chain: PolicyChain;
}

/** The lowest bound of each kind among `chains`, with the chain that sets it. */
export type BindingLimits = { readonly [K in keyof ChainLimits]: BindingLimit<ChainLimits[K]> };

/**
 * The bounds a channel whose assets live on `chains` must respect: for each kind, the lowest
 * among those chains' rows (DESIGN.md §10). A channel that holds no asset (a virtual channel,
 * funded only through its parents' locks) is adjudicated on the EVM only, so it gets the EVM row.
 */
export function limitsFor(chains: readonly PolicyChain[]): BindingLimits {
  const rows = chains.length === 0 ? (["evm"] as const) : chains;
  const pick = <K extends keyof ChainLimits>(key: K): BindingLimit<ChainLimits[K]> => {
    let best: BindingLimit<ChainLimits[K]> = { value: CHAIN_LIMITS[rows[0]][key], chain: rows[0] };
    for (const chain of rows.slice(1)) {
      const value = CHAIN_LIMITS[chain][key];
      if (value < best.value) best = { value, chain };
    }
    return best;
  };
  return {
    maxParticipants: pick("maxParticipants"),
    maxAssets: pick("maxAssets"),
    maxLocked: pick("maxLocked"),
    maxTreeDepth: pick("maxTreeDepth"),
    maxTreeSize: pick("maxTreeSize"),
    maxChallengeDuration: pick("maxChallengeDuration"),
  };
}
