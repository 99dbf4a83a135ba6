/**
 * `npm run bench:ckb-vm`: the three CKB VM runners side by side on the same transactions —
 * every honest transaction kind (test/ckb/support/lifecycle: 2 parties, CKBytes + UDT) and
 * every transaction of the committed CKB vectors (test/vectors/ckb-*.json: dispute, refutation,
 * fund, close and each reject) — in the native ckb-debugger (`npm run setup:native`), the WASM
 * build in the worker thread (the default without the native build) and the WASM build in one
 * child process per group. Each transaction runs in every runner in every round (the order
 * rotates, so all see the same machine load). CPU counts this process's threads and its reaped
 * children (/proc/self/stat), i.e. the cost on a shared machine.
 *
 * Fails (exit 1) unless every runner gives the same verdict, exit code, cycles and output for
 * every script group in every round, and the vectors' recorded exit codes; refuses (exit 2)
 * without the native build. VM_BENCH_ROUNDS (default 2).
 */
import { readFileSync } from "node:fs";
import type { helpers } from "@ckb-lumos/lumos";
import { TX_KINDS, lifecycle } from "../../../test/ckb/support/lifecycle";
import { vectorTransactions } from "../../../test/ckb/support/vectorTxs";
import { NATIVE_DEBUGGER, nativeDebuggerPresent } from "./nativeDebugger";
import type { Via } from "./vm";
import { CkbWorld, type Verdict } from "./world";

const RUNNERS: { via: Via; name: string }[] = [
  { via: "native", name: "native" },
  { via: "worker", name: "WASM worker" },
  { via: "process", name: "WASM process" },
];
const CKB_VM = { native: "native", worker: "wasm", process: "process" } as const;

/** CPU seconds of this process (all threads) and of its reaped children. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    children = (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, clock ticks
  } catch {
    // not Linux: children's CPU unknown
  }
  return (own.user + own.system) / 1e6 + children;
}

interface Tx {
  name: string;
  world: CkbWorld;
  skel: helpers.TransactionSkeletonType;
  /** The exit code the vectors record, or 0 for the honest kinds. */
  exitCode: number;
}

function transactions(): Tx[] {
  const { world, txs } = lifecycle(2, true);
  const kinds = TX_KINDS.map((k) => ({ name: k, world, skel: txs[k], exitCode: 0 }));
  const vworld = new CkbWorld();
  const vectors = vectorTransactions(vworld)
    .all()
    .map((t) => ({ name: `vector: ${t.name}`, world: vworld, skel: t.skel, exitCode: t.exitCode }));
  return [...kinds, ...vectors];
}

/** What must be identical across runners: every group's script, exit code, cycles and output. */
const summary = (v: Verdict): string =>
  JSON.stringify(v.groups.map((g) => [g.script, g.group, g.code, g.cycles, g.stdout]));

function verifyVia(tx: Tx, via: Via): Verdict {
  process.env.CKB_VM = CKB_VM[via];
  try {
    return tx.world.verify(tx.skel);
  } finally {
    delete process.env.CKB_VM;
  }
}

function main(): number {
  if (!nativeDebuggerPresent()) {
    console.error(
      `bench:ckb-vm: refused: the native ckb-debugger is not built (${NATIVE_DEBUGGER}); run npm run setup:native first`,
    );
    return 2;
  }
  const rounds = Number(process.env.VM_BENCH_ROUNDS ?? 2);
  if (!Number.isSafeInteger(rounds) || rounds < 1) {
    console.error(`bench:ckb-vm: refused: VM_BENCH_ROUNDS must be an integer ≥ 1, got ${process.env.VM_BENCH_ROUNDS}`);
    return 2;
  }
  const txs = transactions();
  // Start the worker and compile the WASM module once, outside the measurement.
  verifyVia(txs[0], "worker");
  const total = Object.fromEntries(RUNNERS.map((r) => [r.via, { wall: 0, cpu: 0 }])) as Record<
    Via,
    { wall: number; cpu: number }
  >;
  // The same sums split by verdict: a refusal costs the native runner a second, interpreted run.
  const split = { accepted: { native: 0, worker: 0, n: 0 }, refused: { native: 0, worker: 0, n: 0 } };
  const problems: string[] = [];
  const rows: string[] = [];
  let groups = 0;
  txs.forEach((tx, t) => {
    const acc = Object.fromEntries(RUNNERS.map((r) => [r.via, { wall: 0, cpu: 0 }])) as Record<
      Via,
      { wall: number; cpu: number }
    >;
    let want: { summary: string; verdict: Verdict } | undefined;
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < RUNNERS.length; k++) {
        const { via, name } = RUNNERS[(t + r + k) % RUNNERS.length];
        const c0 = cpuSeconds();
        const t0 = performance.now();
        const v = verifyVia(tx, via);
        acc[via].wall += (performance.now() - t0) / 1000;
        acc[via].cpu += cpuSeconds() - c0;
        const s = summary(v);
        if (want === undefined) want = { summary: s, verdict: v };
        else if (s !== want.summary)
          problems.push(`${tx.name}: ${name} (round ${r + 1}) differs: ${s}\n  expected: ${want.summary}`);
      }
    }
    const v = want!.verdict;
    groups += v.groups.length;
    const typeCode = v.groups.find((g) => g.script === "channel-type")?.code ?? v.code;
    if (typeCode !== tx.exitCode) problems.push(`${tx.name}: exit ${typeCode}, the vectors record ${tx.exitCode}`);
    const f = (x: number) => (x / rounds).toFixed(3).padStart(7);
    rows.push(
      `${tx.name.padEnd(44)} ${(v.ok ? "ok" : `exit ${v.code}`).padStart(7)} ${String(v.cycles).padStart(9)}` +
        RUNNERS.map((rn) => `  ${f(acc[rn.via].wall)} ${f(acc[rn.via].cpu)}`).join(""),
    );
    for (const rn of RUNNERS) {
      total[rn.via].wall += acc[rn.via].wall / rounds;
      total[rn.via].cpu += acc[rn.via].cpu / rounds;
    }
    const part = v.ok ? split.accepted : split.refused;
    part.native += acc.native.cpu / rounds;
    part.worker += acc.worker.cpu / rounds;
    part.n++;
  });
  console.log(
    `CKB VM runners: seconds per transaction (mean of ${rounds} rounds; cpu = this process's threads + its children), channel groups only`,
  );
  console.log(
    `${"transaction".padEnd(44)} ${"verdict".padStart(7)} ${"cycles".padStart(9)}` +
      RUNNERS.map((rn) => `  ${(rn.name + ": wall").padStart(15)} ${"cpu".padStart(7)}`).join(""),
  );
  for (const r of rows) console.log(r);
  console.log(
    `all ${txs.length} transactions (${groups} script groups): ` +
      RUNNERS.map(
        (rn) => `${rn.name} ${total[rn.via].wall.toFixed(1)} s wall, ${total[rn.via].cpu.toFixed(1)} s cpu`,
      ).join("; "),
  );
  const ratio = total.worker.cpu / total.native.cpu;
  console.log(
    `CPU per verification, native vs WASM (worker): ${ratio.toFixed(1)}× less on native (goal ≥ 5×: ${ratio >= 5 ? "met" : "MISSED"}); ` +
      `vs WASM (process): ${(total.process.cpu / total.native.cpu).toFixed(1)}× less; wall: ${(total.worker.wall / total.native.wall).toFixed(1)}× less than the worker`,
  );
  console.log(
    `  accepted (${split.accepted.n}): ${(split.accepted.worker / split.accepted.native).toFixed(1)}× less; ` +
      `refused (${split.refused.n}): ${(split.refused.worker / split.refused.native).toFixed(1)}× less ` +
      "(a refusal runs twice natively: the asm VM prints no cycles for it, the interpreter gives them)",
  );
  if (problems.length > 0) {
    for (const p of problems) console.log(`MISMATCH ${p}`);
    console.log(
      `verdicts, exit codes, cycles and output: NOT identical (${problems.length} mismatches in ${txs.length} transactions)`,
    );
    return 1;
  }
  console.log(
    `verdicts, exit codes, cycles and output: identical on native, WASM worker and WASM process (${txs.length} transactions, ${groups} script groups, ${rounds} rounds each)`,
  );
  return 0;
}

process.exitCode = main();
