import type fc from "fast-check";
import { isConcluded } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { honestConclude } from "../honestStrategy";
import { checkInvariants } from "../invariants";

/**
 * The honest participant closes a channel in the middle of a sequence with its strategy
 * (concludeFinal when its latest state is final; otherwise register or refute, wait for the
 * window, conclude), so that the withdrawal attacks that follow meet a settled channel.
 */
export class HonestCloseCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly channel: number) {}

  check(m: Model): boolean {
    return !isConcluded(m.channels[this.channel]);
  }

  async run(m: Model, real: Real): Promise<void> {
    await honestConclude(m, real, m.channels[this.channel]);
    await checkInvariants(m, real);
  }

  toString(): string {
    return `HonestClose(ch${this.channel})`;
  }
}
