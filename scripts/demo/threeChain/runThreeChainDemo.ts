/**
 * The story of `npm start`: set up three chains, then channel 1 (cooperative close) and/or
 * channel 2 (dispute), each ONE channel whose outcome has assets on all three chains. Never
 * throws for a failed step or check: the error is returned in `failure`, with the costs
 * recorded up to that point.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { Checker } from "../checker";
import type { DemoOptions } from "../options";
import { demoPeople } from "../people";
import type { DemoRun } from "../report";
import type { DemoLog, DemoPayout } from "../types";
import { runCooperative } from "./cooperative";
import { runDispute } from "./dispute";
import { chainCosts, newCostSinks, setUpThreeChains } from "./world";

export async function runThreeChainDemo(
  hre: HardhatRuntimeEnvironment,
  options: DemoOptions,
  log: DemoLog,
): Promise<DemoRun> {
  const check = new Checker(log);
  const sinks = newCostSinks();
  const payouts: DemoPayout[] = [];
  let failure: unknown;
  try {
    const people = demoPeople(options.participants);
    log.heading(
      `one Perun channel, assets on three chains (EVM, ICP, CKB): ${options.participants} participants, ` +
        `${options.updates} off-chain ${options.updates === 1 ? "update" : "updates"} per channel, mode ${options.mode}`,
    );
    const w = await setUpThreeChains(hre, people, log, check, sinks);
    if (options.mode !== "dispute") payouts.push(...(await runCooperative(w, options.updates)));
    if (options.mode !== "cooperative") payouts.push(...(await runDispute(w, options.updates)));
  } catch (e) {
    failure = e;
  }
  return { costs: chainCosts(sinks), payouts, checks: check.count, failure };
}
