/**
 * The demo's assertions. Every check is logged when it passes and throws `DemoCheckError`
 * (failing the run with a non-zero exit) when it does not: the demo proves the lifecycle
 * works, it does not merely run it.
 */
import type { Interface } from "ethers";
import { DemoCheckError } from "../lib/scriptErrors";
import type { DemoLog } from "./types";

export class Checker {
  private passed = 0;

  constructor(private readonly log: DemoLog) {}

  /** Number of checks that passed so far. */
  get count(): number {
    return this.passed;
  }

  /** `actual === expected` (bigint, number, string, boolean). */
  equal<T extends bigint | number | string | boolean>(what: string, expected: T, actual: T, shown?: string): void {
    if (actual !== expected) throw new DemoCheckError(what, expected, actual);
    this.pass(`${what}: ${shown ?? String(actual)}`);
  }

  /** `condition` holds; `expected`/`actual` describe it when it does not. */
  that(what: string, condition: boolean, expected: string, actual: string): void {
    if (!condition) throw new DemoCheckError(what, expected, actual);
    this.pass(what);
  }

  /**
   * `attempt` must be rejected with the custom error `errorName`, decoded from the revert data
   * with `abi` (the contract's interface). Used for the protocol's "this must not work" moments.
   */
  async rejects(what: string, abi: Interface, errorName: string, attempt: () => Promise<unknown>): Promise<void> {
    let actual = "no error (the call succeeded)";
    try {
      await attempt();
    } catch (e) {
      actual = revertName(abi, e) ?? `an undecoded error: ${(e as Error).message?.split("\n")[0]}`;
    }
    if (actual !== errorName) throw new DemoCheckError(what, `rejection with ${errorName}`, actual);
    this.pass(`${what}: rejected with ${errorName}`);
  }

  private pass(text: string): void {
    this.passed++;
    this.log.check(text);
  }
}

/**
 * Name of the custom error behind `e`: ethers' own decoding when it did one, else the revert
 * data (ethers puts it in `data`, Hardhat's in-process provider in `data` or `error.data`)
 * decoded with `abi`.
 */
function revertName(abi: Interface, e: unknown): string | undefined {
  const err = e as { revert?: { name?: unknown }; data?: unknown; error?: { data?: unknown } };
  if (typeof err.revert?.name === "string") return err.revert.name;
  for (const data of [err.data, err.error?.data]) {
    if (typeof data === "string" && /^0x[0-9a-fA-F]{8}/.test(data)) {
      const parsed = abi.parseError(data);
      if (parsed) return parsed.name;
    }
  }
  return undefined;
}
