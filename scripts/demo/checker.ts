/**
 * The demo's assertions. Every check is logged when it passes and throws `DemoCheckError`
 * (failing the run with a non-zero exit) when it does not: the demo proves the lifecycle
 * works, it does not merely run it.
 */
import { ContractRevertError } from "../../src/evm";
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
   * `attempt` (a call through the EVM client) must be rejected with the contracts' custom
   * error `errorName`, which the client decodes into a `ContractRevertError`.
   */
  async rejectsWith(what: string, errorName: string, attempt: () => Promise<unknown>): Promise<void> {
    let actual = "no error (the call succeeded)";
    try {
      await attempt();
    } catch (e) {
      actual =
        e instanceof ContractRevertError ? e.revertName : `another error: ${(e as Error).message?.split("\n")[0]}`;
    }
    if (actual !== errorName) throw new DemoCheckError(what, `rejection with ${errorName}`, actual);
    this.pass(`${what}: rejected with ${errorName}`);
  }

  private pass(text: string): void {
    this.passed++;
    this.log.check(text);
  }
}
