/**
 * The demo's assertions. Every check is logged when it passes and throws `DemoCheckError`
 * (failing the run with a non-zero exit) when it does not: the demo proves the lifecycle
 * works, it does not merely run it.
 */
import type { Interface } from "ethers";
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

/**
 * Name of the custom error behind `e`: ethers' own decoding when it did one, else the first
 * revert data found in the error and its nested `data`/`error`/`info`/`cause` fields (ethers,
 * Hardhat in-process and Hardhat over HTTP each put it somewhere else), decoded with `abi`.
 */
function revertName(abi: Interface, e: unknown): string | undefined {
  const revert = (e as { revert?: { name?: unknown } } | undefined)?.revert;
  if (typeof revert?.name === "string") return revert.name;
  const queue: unknown[] = [e];
  for (let depth = 0; depth < 4 && queue.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of queue) {
      if (typeof item === "string" && /^0x[0-9a-fA-F]{8}/.test(item)) {
        let parsed: ReturnType<Interface["parseError"]> = null;
        try {
          parsed = abi.parseError(item);
        } catch {
          // Data that is not a well-formed error of this ABI: keep looking.
        }
        if (parsed) return parsed.name;
      } else if (item !== null && typeof item === "object") {
        const o = item as Record<string, unknown>;
        next.push(o.data, o.error, o.info, o.cause);
      }
    }
    queue.splice(0, queue.length, ...next);
  }
  return undefined;
}
