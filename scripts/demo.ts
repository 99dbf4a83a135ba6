/**
 * `npm start`: the main job. Runs a complete Perun channel lifecycle on every chain that has
 * a demo module — the EVM on Hardhat's in-process network, the ICP canister in the test host and the CKB scripts in the CKB VM — with the library doing all
 * off-chain work, prints what happens, closes with a cost table per chain, and exits non-zero
 * if any step or check failed.
 *
 * Chains plug in as `ChainDemo` modules (scripts/demo/types.ts); the ICP canister and the CKB
 * scripts join by adding theirs to `CHAINS` with their own cost units.
 */
import hre from "hardhat";
import { demoPeople } from "./demo/people";
import { evmDemo } from "./demo/evm";
import { icpDemo } from "./demo/icp";
import { ckbDemo } from "./demo/ckb";
import { textDemoLog } from "./demo/demoLog";
import { reportOutcome, runDemo } from "./demo/runDemo";
import type { ChainDemo } from "./demo/types";

const CHAINS: ChainDemo[] = [evmDemo(hre), icpDemo(), ckbDemo()];

async function main(): Promise<void> {
  const started = Date.now();
  const people = demoPeople();
  console.log("perun-adjudicators: one channel lifecycle per chain, off-chain work by the library (src/)");
  console.log(`participants: Alice ${people.alice.display} (honest), Bob ${people.bob.display} (cheats in channel 2)`);

  const outcome = await runDemo(CHAINS, { log: textDemoLog(), people });
  process.exitCode = reportOutcome(outcome, Date.now() - started, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}

main().catch((e: unknown) => {
  console.error("demo: FAILED with an unexpected error:", e);
  process.exitCode = 1;
});
