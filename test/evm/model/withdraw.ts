/**
 * Sending `withdraw` from the model: builds and signs the authorisation (or takes a given
 * signature, for replays and forgeries), runs it through `act` and books a success.
 */
import { signWithdrawalAuth } from "../../../src";
import type { Hex, WithdrawalAuth } from "../../../src";
import { act } from "./act";
import type { Outcome } from "./act";
import { predictWithdraw } from "./predictions";
import { nameOf, walletOf } from "./actors";
import { ASSET_NAMES, ETH } from "./channelModel";
import type { ChannelModel, Model, Real } from "./channelModel";

/** Options of `sendWithdraw` for attacks. */
export interface WithdrawOptions {
  /** Who signs the authorisation (default: the participant). */
  signer?: number;
  /** Use this signature instead of signing (replays). */
  sig?: Hex;
  /** Who sends the transaction (default: the signer). */
  sender?: number;
}

/**
 * Withdraws `amount` of participant `participant`'s holdings in asset `asset` to the receiver
 * of participant `receiver`, predicting the answer with `predictWithdraw`; on success the
 * model's holdings, totals and receiver payouts are updated.
 */
export async function sendWithdraw(
  m: Model,
  real: Real,
  ch: ChannelModel,
  asset: number,
  participant: number,
  receiver: number,
  amount: bigint,
  label: string,
  opts: WithdrawOptions = {},
): Promise<Outcome> {
  const auth: WithdrawalAuth = {
    channelID: ch.id,
    participant: real.parts[participant].participant,
    receiver: real.receivers[receiver],
    amount,
  };
  const signer = opts.signer ?? participant;
  const sig = opts.sig ?? signWithdrawalAuth(auth, real.parts[signer].privateKey);
  const holder = asset === ETH ? real.ethHolder : real.erc20Holder;
  const sender = walletOf(m, real, opts.sender ?? signer);
  const outcome = await act(
    m,
    real,
    `${label} ${ASSET_NAMES[asset]} ch${ch.index} of ${nameOf(m, participant)} signed by ${nameOf(m, signer)} to rcv${receiver} ${amount}`,
    () => holder.connect(sender).withdraw(auth, sig),
    predictWithdraw(ch, real, asset, auth, sig),
  );
  if (outcome.ok) {
    ch.holdings[asset][participant] -= amount;
    ch.withdrawn[asset] += amount;
    ch.paidTo[asset][receiver] += amount;
    ch.lastWithdrawal[asset][participant] = { amount, sig, receiver };
  }
  return outcome;
}
