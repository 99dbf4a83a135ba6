/**
 * Runs, seed and replay of every property test, from the environment:
 * - PROP_SEED (default 0x5eed): the base seed; property k of a file uses PROP_SEED + k;
 * - PROP_PATH: replay one reported failure — set PROP_SEED to the `seed` and PROP_PATH to the
 *   `path` fast-check printed, and select the property with `--grep`; while replaying, every
 *   property uses exactly PROP_SEED (no offset) and that path.
 * Each property's title shows its runs and seed (`propTitle`), so a report names both.
 * The run counts themselves stay with each suite (PROP_RUNS, MODEL_RUNS; see the README).
 */
import type fc from "fast-check";

/** Base seed: PROP_SEED, default 0x5eed. */
export function propSeed(): number {
  const raw = process.env.PROP_SEED;
  if (raw === undefined || raw.trim() === "") return 0x5eed;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new RangeError(`PROP_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** The replay path (PROP_PATH), if any. */
export function propPath(): string | undefined {
  const raw = process.env.PROP_PATH?.trim();
  if (!raw) return undefined;
  if (!/^\d+(:\d+)*$/.test(raw)) throw new RangeError(`PROP_PATH must look like "3:0:1", got ${JSON.stringify(raw)}`);
  return raw;
}

/** fast-check parameters of one property: `runs`, seed PROP_SEED + `seedOffset`, PROP_PATH when replaying. */
export function propParams<T>(runs: number, seedOffset = 0, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  const path = propPath();
  return path === undefined
    ? { ...extra, numRuns: runs, seed: propSeed() + seedOffset }
    : { ...extra, numRuns: runs, seed: propSeed(), path };
}

/** `title [N runs, seed S]` (and the replayed path). */
export function propTitle(title: string, params: Pick<fc.Parameters<unknown>, "numRuns" | "seed" | "path">): string {
  const replay = params.path === undefined ? "" : `, replaying path ${params.path}`;
  return `${title} [${params.numRuns} runs, seed ${params.seed}${replay}]`;
}
