/**
 * The command line of `npm start`: parses the options (exit 2 with the reason on a bad one),
 * prints the usage on --help, loads Hardhat only when the story runs, and turns the story's
 * outcome into output and an exit status (0 all passed, 1 a step or check failed, 2 a bad option
 * or a node-backed network whose node does not answer).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { assertRpcReachable } from "../lib/evm/assertRpcReachable";
import { DemoOptionError, RpcUnreachableError } from "../lib/scriptErrors";
import { textDemoLog } from "./demoLog";
import { DEMO_USAGE, parseDemoOptions } from "./options";
import type { DemoOptions } from "./options";
import { reportOutcome } from "./report";
import type { DemoOutput, DemoRun } from "./report";
import type { DemoLog } from "./types";

export interface DemoCliDeps extends DemoOutput {
  /** The Hardhat runtime, compiled and ready (loaded only when the story runs). */
  loadHre: () => Promise<HardhatRuntimeEnvironment>;
  /** The story (default: the three-chain story). */
  story?: (hre: HardhatRuntimeEnvironment, options: DemoOptions, log: DemoLog) => Promise<DemoRun>;
  /** Milliseconds clock (default Date.now). */
  now?: () => number;
}

/** Runs `npm start` with `argv` (without node and script); returns the exit status. */
export async function runDemoCli(argv: readonly string[], deps: DemoCliDeps): Promise<number> {
  const now = deps.now ?? Date.now;
  const started = now();
  let options: DemoOptions;
  try {
    const command = parseDemoOptions(argv);
    if (command.kind === "help") {
      deps.out(DEMO_USAGE);
      return 0;
    }
    options = command.options;
  } catch (e) {
    if (!(e instanceof DemoOptionError)) throw e;
    deps.err(`npm start: ${e.message}`);
    deps.err("run `npm start -- --help` for the options");
    return 2;
  }
  const hre = await deps.loadHre();
  // A node-backed network (HARDHAT_NETWORK=localhost, …) must answer before the story starts,
  // or the run would end in empty tables and Hardhat's stack trace.
  if (hre.network.name !== "hardhat") {
    const url = (hre.network.config as { url?: string }).url ?? "(no url)";
    try {
      await assertRpcReachable(hre.network.provider, hre.network.name, url);
    } catch (e) {
      if (!(e instanceof RpcUnreachableError)) throw e;
      deps.err(`npm start: refused: ${e.message}`);
      return 2;
    }
  }
  // Loaded here, not at the top: the chains' modules take seconds to load, --help should not.
  const story = deps.story ?? (await import("./threeChain/runThreeChainDemo")).runThreeChainDemo;
  const run = await story(hre, options, textDemoLog(deps.out));
  return reportOutcome(run, now() - started, deps);
}
