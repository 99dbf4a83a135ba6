import { CrossLongUsageError } from "./options";

/**
 * Seeds of different shards are this far apart. A file's property k uses PROP_SEED + k
 * (test/support/propertyRuns.ts, k < 10 in every suite), so no two shards ever run the same
 * property from the same seed.
 */
export const SHARD_SEED_STRIDE = 1000;

/** One shard: its index, its share of the runs and its seed. */
export interface Shard {
  index: number;
  runs: number;
  seed: number;
}

/** Shard `s`'s seed: base + 1000·s (shard 0 replays the plain run with the base seed). */
export function shardSeed(base: number, s: number): number {
  const seed = base + SHARD_SEED_STRIDE * s;
  if (!Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31)
    throw new CrossLongUsageError("shard seeds must stay within 32-bit integers (fast-check seeds)", {
      base,
      shard: s,
    });
  return seed;
}

/**
 * Splits `runs` over `shards` processes as evenly as possible (the first `runs mod shards`
 * get one more). Shards that would get no run are left out, so every shard runs ≥ 1.
 */
export function planShards(runs: number, shards: number, baseSeed: number): Shard[] {
  if (!Number.isSafeInteger(runs) || runs < 1) throw new CrossLongUsageError("runs must be ≥ 1", { runs });
  if (!Number.isSafeInteger(shards) || shards < 1) throw new CrossLongUsageError("shards must be ≥ 1", { shards });
  const plan: Shard[] = [];
  const base = Math.floor(runs / shards);
  const extra = runs % shards;
  for (let s = 0; s < shards; s++) {
    const share = base + (s < extra ? 1 : 0);
    if (share > 0) plan.push({ index: s, runs: share, seed: shardSeed(baseSeed, s) });
  }
  return plan;
}
