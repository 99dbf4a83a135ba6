import type fc from "fast-check";
import { act, prediction } from "../act";
import { addressOf, maliciousOf, nameOf } from "../actors";
import { ASSET_NAMES, ETH, everyone, sum } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";

/**
 * A malicious participant calls an asset holder's `setOutcome` itself, giving itself every
 * deposit of the channel. Only the adjudicator may set outcomes: it must revert with
 * AssetHolderNotAdjudicator(caller), before or after the channel was concluded.
 */
export class SetOutcomeCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly asset: number,
    readonly who: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const mal = maliciousOf(m, this.who);
    const total = sum(ch.holdings[this.asset]) + ch.channelHoldings[this.asset];
    const balances = everyone(m.n).map((i) => (i === mal ? total : 0n));
    const holder = (this.asset === ETH ? real.ethHolder : real.erc20Holder).connect(real.parts[mal].wallet);
    const p = prediction();
    p.mustFail.push({ name: "AssetHolderNotAdjudicator", args: [addressOf(real, mal)] });
    await act(
      m,
      real,
      `setOutcome[direct] ${ASSET_NAMES[this.asset]} ch${ch.index} by ${nameOf(m, mal)}`,
      () => holder.setOutcome(ch.id, ch.params.participants, balances),
      p,
    );
    await checkInvariants(m, real);
  }

  toString(): string {
    return `SetOutcome(ch${this.channel}, ${ASSET_NAMES[this.asset]}, who ${this.who})`;
  }
}
