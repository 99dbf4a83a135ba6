/**
 * Sending `register` from the model: one place that builds the call, runs it through `act`
 * and records a success, used by the register and refute commands and by the honest strategy.
 */
import type { Hex, State } from "../../../src";
import { act } from "./act";
import type { Outcome, Prediction } from "./act";
import { nameOf, walletOf } from "./actors";
import { applyRegister } from "./channelModel";
import type { ChannelModel, Model, Real } from "./channelModel";

export async function sendRegister(
  m: Model,
  real: Real,
  ch: ChannelModel,
  who: number,
  state: State,
  sigs: Hex[],
  p: Prediction,
  label: string,
): Promise<Outcome> {
  const out = await act(
    m,
    real,
    `${label} ch${ch.index} by ${nameOf(m, who)} v${state.version}`,
    () => real.adjudicator.connect(walletOf(m, real, who)).register({ params: ch.params, state, sigs }, []),
    p,
  );
  if (out.ok) applyRegister(ch, state, out.ts);
  return out;
}
