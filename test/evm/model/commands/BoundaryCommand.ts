import type fc from "fast-check";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { APP_CHANNEL, PHASE_DISPUTE, PHASE_FORCEEXEC, isConcluded, latest, note } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { honestWatch } from "../honestStrategy";
import { checkInvariants } from "../invariants";
import { concludableAt, predictRegister } from "../predictions";
import { sendRegister } from "../register";
import { ConcludeCommand } from "./ConcludeCommand";
import { ProgressCommand } from "./ProgressCommand";

/** Which timing rule is exercised at its boundary. */
export type BoundaryMode = "lastSecondRefute" | "conclude" | "progress";

/**
 * Pins the next block's timestamp at a window boundary (or one second before it) and acts,
 * so the model's timing rules are checked to the second:
 * - lastSecondRefute: the honest participant refutes at `timeout - 1` (must succeed; at
 *   `timeout` it would be too late, which the strategy never risks);
 * - conclude: `conclude` at `concludableAt - 1` (must fail) or exactly at it (must succeed);
 * - progress: on the app channel at `timeout - 1` or `timeout`, in DISPUTE (too early, then
 *   allowed) and in FORCEEXEC (allowed, then too late).
 * Every other open dispute is refuted by the honest participant first, since time jumps.
 */
export class BoundaryCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly mode: BoundaryMode,
    readonly atBoundary: boolean,
    readonly pick: number,
  ) {}

  private target(m: Model): bigint | undefined {
    const ch = m.channels[this.mode === "progress" ? APP_CHANNEL : this.channel];
    const rec = ch.record;
    if (rec === undefined || isConcluded(ch)) return undefined;
    switch (this.mode) {
      case "lastSecondRefute":
        return rec.phase === PHASE_DISPUTE && rec.version < latest(ch).state.version ? rec.timeout - 1n : undefined;
      case "conclude":
        return (concludableAt(ch) as bigint) - (this.atBoundary ? 0n : 1n);
      case "progress":
        return rec.phase === PHASE_DISPUTE || rec.phase === PHASE_FORCEEXEC
          ? rec.timeout - (this.atBoundary ? 0n : 1n)
          : undefined;
    }
  }

  check(m: Model): boolean {
    const t = this.target(m);
    // Room for the honest refutations of other channels before the pinned block.
    return t !== undefined && t > m.now + 5n;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.mode === "progress" ? APP_CHANNEL : this.channel];
    if (this.mode !== "lastSecondRefute") await honestWatch(m, real);
    else await honestWatch(m, real, ch.index);
    const t = this.target(m);
    if (t === undefined || t <= m.now) return; // the refutations above changed the picture
    await time.setNextBlockTimestamp(t);
    m.pinned = t;
    note(m, `boundary[${this.mode}] next block at ${t}`);
    if (this.mode === "lastSecondRefute") {
      const { state, sigs } = latest(ch);
      await sendRegister(m, real, ch, m.honest, state, sigs, predictRegister(m, ch, state), "boundary: refute");
      await checkInvariants(m, real);
    } else if (this.mode === "conclude") {
      await new ConcludeCommand(ch.index, true, this.pick, this.pick).run(m, real);
    } else {
      await new ProgressCommand("valid", this.pick, false).run(m, real);
    }
  }

  toString(): string {
    return `Boundary(ch${this.channel}, ${this.mode}, ${this.atBoundary ? "at" : "one second before"}, pick ${this.pick})`;
  }
}
