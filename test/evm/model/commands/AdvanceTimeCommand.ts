import type fc from "fast-check";
import type { Model, Real } from "../channelModel";
import { advance, honestWatch } from "../honestStrategy";
import { checkInvariants } from "../invariants";

/**
 * Time passes (one mined block). The honest participant is online: before the clock moves it
 * refutes every open dispute that holds an older state than its latest (`honestWatch`).
 * Steps range from a few seconds to past two challenge durations, so windows end in the
 * middle of sequences and force-execution windows open and close.
 */
export class AdvanceTimeCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly seconds: bigint) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, real: Real): Promise<void> {
    await honestWatch(m, real);
    await advance(m, this.seconds);
    await checkInvariants(m, real);
  }

  toString(): string {
    return `AdvanceTime(${this.seconds}s)`;
  }
}
