/**
 * `npm run bench:ckb-vm`: wall and CPU time of verifying every honest transaction kind
 * (test/ckb/support/lifecycle, 2 parties, CKBytes + UDT) in the worker thread (vm.ts's default)
 * against one child process per script group (its fallback, CKB_VM=process), alternating
 * rounds so both see the same machine load. CPU counts this process's threads and its reaped
 * children (/proc/self/stat), i.e. the cost on a shared machine. VM_BENCH_ROUNDS (default 3).
 */
import { readFileSync } from "node:fs";
import { TX_KINDS } from "../../../test/ckb/support/lifecycle";
import { lifecycle } from "../../../test/ckb/support/lifecycle";

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

function main(): void {
  const rounds = Number(process.env.VM_BENCH_ROUNDS ?? 3);
  const { world, txs } = lifecycle(2, true);
  const total = { worker: { wall: 0, cpu: 0 }, process: { wall: 0, cpu: 0 } };
  const rows: string[] = [];
  world.verify(txs.open); // start the worker and compile the module once, outside the measurement
  for (const kind of TX_KINDS) {
    const acc = { worker: { wall: 0, cpu: 0, cycles: 0 }, process: { wall: 0, cpu: 0, cycles: 0 } };
    for (let r = 0; r < rounds; r++) {
      for (const via of ["process", "worker"] as const) {
        if (via === "process") process.env.CKB_VM = "process";
        else delete process.env.CKB_VM;
        const c0 = cpuSeconds();
        const t0 = performance.now();
        const v = world.verify(txs[kind]);
        acc[via].wall += (performance.now() - t0) / 1000;
        acc[via].cpu += cpuSeconds() - c0;
        if (!v.ok) throw new Error(`${kind} rejected via ${via} with ${v.code}`);
        if (acc[via].cycles !== 0 && acc[via].cycles !== v.cycles) throw new Error(`${kind}: cycles changed`);
        acc[via].cycles = v.cycles;
      }
    }
    if (acc.worker.cycles !== acc.process.cycles) throw new Error(`${kind}: worker and process disagree on cycles`);
    const f = (x: number) => (x / rounds).toFixed(2).padStart(6);
    rows.push(
      `${kind.padEnd(11)} ${String(acc.worker.cycles).padStart(9)}  ${f(acc.process.wall)} ${f(acc.process.cpu)}  ${f(acc.worker.wall)} ${f(acc.worker.cpu)}  ${(acc.process.cpu / acc.worker.cpu).toFixed(1)}×`,
    );
    for (const via of ["worker", "process"] as const) {
      total[via].wall += acc[via].wall / rounds;
      total[via].cpu += acc[via].cpu / rounds;
    }
  }
  delete process.env.CKB_VM;
  console.log(`seconds per transaction (mean of ${rounds} rounds), channel groups only`);
  console.log("kind           cycles  process: wall    cpu  worker: wall    cpu  cpu ratio");
  for (const r of rows) console.log(r);
  console.log(
    `all kinds           process: ${total.process.wall.toFixed(1)} s wall, ${total.process.cpu.toFixed(1)} s cpu; worker: ${total.worker.wall.toFixed(1)} s wall, ${total.worker.cpu.toFixed(1)} s cpu`,
  );
}

main();
