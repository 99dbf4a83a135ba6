/**
 * `npm start`: the main job. Runs a complete Perun channel lifecycle on every chain that has
 * a demo module — today the EVM on Hardhat's in-process network — with the library doing all
 * off-chain work, prints what happens, closes with a cost table per chain, and exits non-zero
 * if any step or check failed.
 *
 * Chains plug in as `ChainDemo` modules (scripts/demo/types.ts); the ICP canister and the CKB
 * scripts join by adding theirs to `CHAINS` with their own cost units.
 */
import hre from "hardhat";
import { demoPeople } from "./demo/people";
import { evmDemo } from "./demo/evm";
import { textDemoLog } from "./demo/demoLog";
import { renderCostTable, runDemo } from "./demo/runDemo";
import type { ChainDemo } from "./demo/types";

const CHAINS: ChainDemo[] = [evmDemo(hre)];

async function main(): Promise<void> {
  const started = Date.now();
  const people = demoPeople();
  console.log("perun-adjudicators: one channel lifecycle per chain, off-chain work by the library (src/)");
  console.log(`participants: Alice ${people.alice.display} (honest), Bob ${people.bob.display} (cheats in channel 2)`);

  const outcome = await runDemo(CHAINS, { log: textDemoLog(), people });

  for (const report of outcome.reports) {
    console.log(`\n${renderCostTable(report)}`);
    console.log(
      `${report.chain}: ${report.checks} checks passed in ${(outcome.durations[report.chain] / 1000).toFixed(1)} s`,
    );
  }
  for (const f of outcome.failures) {
    console.error(`\n${f.chain}: FAILED after ${(outcome.durations[f.chain] / 1000).toFixed(1)} s`);
    console.error(f.error);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.failures.length > 0) {
    console.error(`\nFAILED: ${outcome.failures.map((f) => f.chain).join(", ")} (${seconds} s)`);
    process.exitCode = 1;
  } else {
    console.log(`\nOK: ${outcome.reports.map((r) => r.chain).join(", ")} completed in ${seconds} s`);
  }
}

main().catch((e: unknown) => {
  console.error("demo: FAILED with an unexpected error:", e);
  process.exitCode = 1;
});
