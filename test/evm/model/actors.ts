/**
 * Who does what in the model: one participant (`Model.honest`, drawn per run) is honest; every other participant is malicious
 * (cooperates off-chain, then tries to cheat on-chain); the outsider only deposits. Commands
 * carry raw numbers that are mapped onto the run's actual participant count here, so one
 * generated command list works for 2- and 3-party runs.
 */
import type { Wallet } from "ethers";
import type { Address } from "../../../src";
import type { Model, Real } from "./channelModel";

/** A participant index from a raw number (honest or malicious). */
export function participantOf(m: Model, raw: number): number {
  return raw % m.n;
}

/** A malicious participant index from a raw number (any participant but the honest one). */
export function maliciousOf(m: Model, raw: number): number {
  const i = raw % (m.n - 1);
  return i < m.honest ? i : i + 1;
}

/** Any account that may deposit: a participant (0..n-1) or the outsider (n). */
export function depositorOf(m: Model, raw: number): number {
  return raw % (m.n + 1);
}

/** The wallet of participant `i`, or the outsider's for `i === n`. */
export function walletOf(m: Model, real: Real, i: number): Wallet {
  return i < m.n ? real.parts[i].wallet : real.outsider.wallet;
}

/** The address of participant `i`. */
export function addressOf(real: Real, i: number): Address {
  return real.parts[i].address;
}

/** A short name for logs. */
export function nameOf(m: Model, i: number): string {
  if (i === m.honest) return `honest${i}`;
  return i < m.n ? `mal${i}` : "outsider";
}
