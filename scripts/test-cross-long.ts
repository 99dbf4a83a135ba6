/**
 * `npm run test:cross-long -- --runs N [--shards S] …`: the long auditor run of the cross-chain
 * properties, sharded over processes (scripts/lib/crossLong; usage: `-- --help`). Builds the
 * contracts and the canister once, then runs S `hardhat test --no-compile` processes side by
 * side, each with its share of the runs (CROSS_PROP_RUNS) and its own seed (PROP_SEED).
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { buildCanister } from "./lib/icp/buildCanister";
import { CROSS_LONG_USAGE, CrossLongUsageError, parseCrossLongArgs } from "./lib/crossLong/options";
import { planShards, type Shard } from "./lib/crossLong/shards";
import { aggregate, type ShardResult } from "./lib/crossLong/summary";
import { propSeed } from "../test/support/propertyRuns";

const ROOT = join(__dirname, "..");
const HARDHAT = join(ROOT, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");

function crossChainFiles(): string[] {
  const dir = join(ROOT, "test", "cross-chain");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".prop.test.ts"))
    .sort()
    .map((n) => relative(ROOT, join(dir, n)));
}

function shardEnv(shard: Shard): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HARDHAT_DISABLE_TELEMETRY_PROMPT: "true",
    PROP_SEED: String(shard.seed),
    CROSS_PROP_RUNS: String(shard.runs),
  };
  delete env.PROP_PATH;
  return env;
}

function runShard(shard: Shard, args: string[], logPath: string): Promise<ShardResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HARDHAT, ...args], { cwd: ROOT, env: shardEnv(shard) });
    const log = createWriteStream(logPath);
    let output = "";
    const take = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      log.write(chunk);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("close", (status) => {
      log.end();
      resolve({ shard, status, output, ms: Date.now() - t0, logPath });
    });
  });
}

async function main(): Promise<number> {
  const opts = parseCrossLongArgs(process.argv.slice(2), {
    seed: propSeed(),
    shards: availableParallelism(),
    files: crossChainFiles(),
  });
  if (opts.help) {
    console.log(CROSS_LONG_USAGE);
    return 0;
  }
  const plan = planShards(opts.runs, opts.shards, opts.seed);
  const logDir = opts.logDir ?? mkdtempSync(join(tmpdir(), "cross-long-"));
  mkdirSync(logDir, { recursive: true });
  const testArgs = ["test", "--no-compile", ...opts.files, ...(opts.grep ? ["--grep", opts.grep] : [])];
  console.log(`test:cross-long: ${opts.runs} runs of each property in ${plan.length} shards, base seed ${opts.seed}`);
  console.log(`files: ${opts.files.join(", ")}${opts.grep ? `; --grep ${JSON.stringify(opts.grep)}` : ""}`);
  console.log(`logs: ${logDir}`);
  // Built once here: shards building contracts or the canister side by side would race.
  const compile = spawnSync(process.execPath, [HARDHAT, "compile", "--quiet"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true" },
  });
  if (compile.status !== 0) throw new Error("hardhat compile failed");
  buildCanister({ log: (m) => console.log(m) });
  for (const s of plan) console.log(`shard ${s.index}: PROP_SEED=${s.seed} CROSS_PROP_RUNS=${s.runs}`);
  const t0 = Date.now();
  const results = await Promise.all(
    plan.map(async (s) => {
      const r = await runShard(s, testArgs, join(logDir, `shard-${s.index}.log`));
      console.log(`shard ${s.index} finished in ${(r.ms / 1000).toFixed(1)} s (exit ${r.status})`);
      return r;
    }),
  );
  const wall = (Date.now() - t0) / 1000;
  const agg = aggregate(
    results,
    (r) =>
      `PROP_SEED=${r.shard.seed} CROSS_PROP_RUNS=${r.shard.runs} npx hardhat test ${opts.files.join(" ")}` +
      (opts.grep ? ` --grep ${JSON.stringify(opts.grep)}` : ""),
  );
  console.log("");
  for (const line of agg.lines) console.log(line);
  const perHour = wall > 0 ? Math.round((opts.runs / wall) * 3600) : 0;
  console.log(
    `wall time ${wall.toFixed(1)} s for ${opts.runs} runs of each property (${perHour} runs/hour, including each shard's start-up and table tests)`,
  );
  console.log(`\n${agg.passed} passed, ${agg.failed} failed, ${agg.skipped} skipped`);
  return agg.failedShards.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e instanceof CrossLongUsageError ? `${e.message}\n\n${CROSS_LONG_USAGE}` : e);
    process.exitCode = 2;
  },
);
