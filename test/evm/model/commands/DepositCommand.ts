import type fc from "fast-check";
import { act, prediction } from "../act";
import { depositorOf, nameOf, walletOf } from "../actors";
import { ASSET_NAMES, ETH, UNIT, fundingIdOf, isConcluded, latest } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";

/** How a deposit's amount is chosen. */
export type DepositMode = "topUp" | "units" | "dust" | "badValue";

/**
 * Anyone (a participant or the outsider) deposits into a participant's funding ID, or into
 * the channel ID itself: topping the target up to its balance in the latest state, a random
 * number of units (over- or under-funding), or one wei. Before the channel is concluded every
 * deposit must be credited in full; afterwards the holder may refuse a participant's deposit
 * (AssetHolderDepositAfterSettlement) — if it accepts it, the invariants check that it stays
 * withdrawable by its participant alone — and must refuse one under the channel ID, which
 * no withdrawal could ever reach. A deposit whose ETH value does not match (or ETH sent with
 * a token deposit) must be refused with the holder's value error.
 */
export class DepositCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly asset: number,
    readonly depositor: number,
    readonly target: number,
    readonly mode: DepositMode,
    readonly units: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const from = depositorOf(m, this.depositor);
    // target n means "the channel ID itself" (counts towards the channel, as upstream).
    const to = this.target % (m.n + 1);
    const id = to === m.n ? ch.id : fundingIdOf(ch, real, to);
    let amount: bigint;
    if (this.mode === "dust" || this.mode === "badValue")
      amount = this.mode === "dust" ? 1n : BigInt(this.units) * UNIT;
    else if (this.mode === "units" || to === m.n) amount = BigInt(this.units) * UNIT;
    else {
      const owed = latest(ch).state.outcome.balances[this.asset][to];
      const held = ch.holdings[this.asset][to];
      amount = owed > held ? owed - held : BigInt(this.units) * UNIT;
    }
    const p = prediction();
    // badValue: ETH with msg.value one wei off the declared amount, or ETH sent with a token deposit.
    const value = this.mode === "badValue" ? (this.asset === ETH ? amount + 1n : 1n) : this.asset === ETH ? amount : 0n;
    if (this.mode === "badValue") {
      p.mustFail.push(
        this.asset === ETH
          ? { name: "AssetHolderETHWrongValue", args: [amount, value] }
          : { name: "AssetHolderERC20ValueSent", args: [value] },
      );
    }
    if (isConcluded(ch) && to === m.n && amount > 0n) {
      // Nobody could ever withdraw it (DESIGN.md §3): it must be refused.
      p.mustFail.push({ name: "*" });
    } else if (isConcluded(ch)) {
      p.mayFail.push({ name: "AssetHolderDepositAfterSettlement", args: [id] });
    }
    const w = walletOf(m, real, from);
    const label = `deposit ${ASSET_NAMES[this.asset]} ch${ch.index} ${nameOf(m, from)} -> ${to === m.n ? "channelID" : nameOf(m, to)} ${amount}`;
    const out = await act(
      m,
      real,
      label,
      () =>
        this.asset === ETH
          ? real.ethHolder.connect(w).deposit(id, amount, { value })
          : real.erc20Holder.connect(w).deposit(id, amount, { value }),
      p,
    );
    if (out.ok) {
      if (to === m.n) ch.channelHoldings[this.asset] += amount;
      else ch.holdings[this.asset][to] += amount;
      ch.deposited[this.asset] += amount;
    }
    await checkInvariants(m, real);
  }

  toString(): string {
    return `Deposit(ch${this.channel}, ${ASSET_NAMES[this.asset]}, from ${this.depositor}, to ${this.target}, ${this.mode}, ${this.units})`;
  }
}
