import type { Allocation, State } from "../../encoding/types";

/** Both outcomes list the same assets with the same backends, in the same order. */
export function sameAssets(a: Allocation, b: Allocation): boolean {
  return (
    a.assets.length === b.assets.length &&
    a.backends.length === b.backends.length &&
    a.assets.every((x, i) => {
      const y = b.assets[i];
      return (
        x.chainID === y.chainID &&
        x.ethHolder.toLowerCase() === y.ethHolder.toLowerCase() &&
        x.ccHolder.toLowerCase() === y.ccHolder.toLowerCase() &&
        a.backends[i] === b.backends[i]
      );
    })
  );
}

/** Balances plus locked amounts of one asset (missing rows count as zero; the shape check refuses them). */
export function assetTotal(state: State, asset: number): bigint {
  let sum = 0n;
  for (const v of state.outcome.balances[asset] ?? []) sum += v;
  for (const lock of state.outcome.locked) sum += lock.balances[asset] ?? 0n;
  return sum;
}
