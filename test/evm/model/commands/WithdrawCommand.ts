import type fc from "fast-check";
import { ASSET_NAMES, isConcluded } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { maliciousOf, participantOf } from "../actors";
import { checkInvariants } from "../invariants";
import { sendWithdraw } from "../withdraw";

/** What the withdrawing participant tries. */
export type WithdrawMode = "share" | "more" | "again" | "othersShare" | "redirectHonest";

/**
 * Withdrawals, honest and malicious: a participant takes its whole share to its own receiver;
 * a malicious one asks for more than it holds, replays its own last authorisation (a second
 * withdrawal of the same share), signs an authorisation for the honest participant's share
 * with its own key, or replays the honest participant's last signed authorisation with itself
 * as the receiver. The expected answer (not settled, signer mismatch, insufficient holdings, or
 * success) comes from `predictWithdraw`.
 */
export class WithdrawCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly asset: number,
    readonly mode: WithdrawMode,
    readonly who: number,
    readonly extra: number,
  ) {}

  /** Mostly after conclusion (where the attacks are interesting); sometimes before, to see AssetHolderNotSettled. */
  check(m: Model): boolean {
    return isConcluded(m.channels[this.channel]) || this.extra === 0;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const a = this.asset;
    const mal = maliciousOf(m, this.who);
    const label = `withdraw[${this.mode}]`;
    switch (this.mode) {
      case "share": {
        const i = participantOf(m, this.who);
        await sendWithdraw(m, real, ch, a, i, i, ch.holdings[a][i], label);
        break;
      }
      case "more":
        await sendWithdraw(m, real, ch, a, mal, mal, ch.holdings[a][mal] + 1n + BigInt(this.extra), label);
        break;
      case "again": {
        const last = ch.lastWithdrawal[a][mal];
        if (last === undefined) await sendWithdraw(m, real, ch, a, mal, mal, ch.holdings[a][mal], label);
        else await sendWithdraw(m, real, ch, a, mal, last.receiver, last.amount, label, { sig: last.sig });
        break;
      }
      case "othersShare": {
        const amount = ch.holdings[a][m.honest] > 0n ? ch.holdings[a][m.honest] : 1n;
        await sendWithdraw(m, real, ch, a, m.honest, mal, amount, label, { signer: mal });
        break;
      }
      case "redirectHonest": {
        const last = ch.lastWithdrawal[a][m.honest];
        if (last === undefined) {
          await sendWithdraw(m, real, ch, a, m.honest, mal, 1n + BigInt(this.extra), label, { signer: mal });
        } else {
          await sendWithdraw(m, real, ch, a, m.honest, mal, last.amount, label, { sig: last.sig, sender: mal });
        }
        break;
      }
    }
    await checkInvariants(m, real);
  }

  toString(): string {
    return `Withdraw(ch${this.channel}, ${ASSET_NAMES[this.asset]}, ${this.mode}, who ${this.who}, +${this.extra})`;
  }
}
