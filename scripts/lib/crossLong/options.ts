import { ScriptError } from "../scriptErrors";

/** A bad `npm run test:cross-long` argument (the message says which and what is expected). */
export class CrossLongUsageError extends ScriptError {}

/** What `npm run test:cross-long -- …` was asked to do. */
export interface CrossLongOptions {
  /** Total runs of each property, split over the shards. */
  runs: number;
  /** Number of processes run side by side. */
  shards: number;
  /** Base seed: shard s uses shardSeed(seed, s). */
  seed: number;
  /** Test files (default: every test/cross-chain/*.prop.test.ts). */
  files: string[];
  /** Only the properties whose title matches (mocha --grep). */
  grep?: string;
  /** Where each shard's output is written. */
  logDir?: string;
  help: boolean;
}

export const CROSS_LONG_USAGE = `usage: npm run test:cross-long -- --runs N [--shards S] [--seed B] [--grep TEXT] [--logs DIR] [FILE …]

Runs the cross-chain properties (default: every test/cross-chain/*.prop.test.ts) in S processes
side by side (default: one per core). Each shard gets its share of the N runs (CROSS_PROP_RUNS) and its
own seed (PROP_SEED = B + 1000·s, B defaults to PROP_SEED or 0x5eed), printed so that a failing
shard can be replayed alone. Prints per-shard and total results, the wall time, and a closing
"N passed, N failed" line; exits non-zero if any shard failed.`;

function integer(flag: string, raw: string | undefined, min: number): number {
  if (raw === undefined || raw.startsWith("--")) throw new CrossLongUsageError(`${flag} needs a value`, { flag });
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new CrossLongUsageError(`${flag} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`, { flag, raw });
  return n;
}

/**
 * Parses the runner's arguments. `defaults.seed` is PROP_SEED (or 0x5eed), `defaults.shards`
 * the number of cores, `defaults.files` every cross-chain property file.
 */
export function parseCrossLongArgs(
  argv: string[],
  defaults: { seed: number; shards: number; files: string[] },
): CrossLongOptions {
  const out: CrossLongOptions = { runs: 0, shards: defaults.shards, seed: defaults.seed, files: [], help: false };
  let runs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === "--help" || a === "-h") out.help = true;
    else if (a === "--runs") runs = integer(a, value(), 1);
    else if (a === "--shards") out.shards = integer(a, value(), 1);
    else if (a === "--seed") out.seed = integer(a, value(), -(2 ** 31));
    else if (a === "--grep") {
      const g = value();
      if (g === undefined || g === "") throw new CrossLongUsageError("--grep needs a value", { flag: a });
      out.grep = g;
    } else if (a === "--logs") {
      const d = value();
      if (d === undefined || d === "") throw new CrossLongUsageError("--logs needs a directory", { flag: a });
      out.logDir = d;
    } else if (a.startsWith("-")) throw new CrossLongUsageError(`unknown option ${a}`, { option: a });
    else out.files.push(a);
  }
  if (out.help) return out;
  if (runs === undefined) throw new CrossLongUsageError("--runs N is required (total runs of each property)");
  out.runs = runs;
  if (out.files.length === 0) out.files = defaults.files;
  if (out.files.length === 0) throw new CrossLongUsageError("no property files to run");
  return out;
}
