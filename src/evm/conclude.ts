/**
 * Settles a channel: `conclude` after a dispute's window with the registered state, or
 * `concludeFinal` at once with a final state signed by everyone. Either pushes the outcome to
 * the asset holders, after which each participant can withdraw.
 */
import type { Overrides } from "ethers";
import { encodeState } from "../index";
import type { Params, State } from "../index";
import type { Adjudicator } from "../../typechain/evm/Adjudicator";
import { checkSignedState } from "./checkSignedState";
import { EvmClientInputError } from "./errors";
import { sendContractTx } from "./sendContractTx";
import type { EvmReceipt } from "./sendContractTx";
import type { SignedState } from "./types";

/** `Adjudicator.conclude(params, state, subStates)`: the registered state after its window. */
export async function conclude(
  adjudicator: Adjudicator,
  params: Params,
  state: State,
  subStates: State[] = [],
  overrides: Overrides = {},
): Promise<EvmReceipt> {
  encodeState(state);
  subStates.forEach((s) => encodeState(s));
  return sendContractTx("Adjudicator.conclude", () => adjudicator.conclude(params, state, subStates, overrides));
}

/** `Adjudicator.concludeFinal(params, state, sigs)`: a final state signed by all participants. */
export async function concludeFinal(
  adjudicator: Adjudicator,
  final: SignedState,
  overrides: Overrides = {},
): Promise<EvmReceipt> {
  checkSignedState(final, "final state");
  if (!final.state.isFinal) {
    throw new EvmClientInputError(`concludeFinal needs a state with isFinal = true (version ${final.state.version})`, {
      version: final.state.version,
    });
  }
  return sendContractTx("Adjudicator.concludeFinal", () =>
    adjudicator.concludeFinal(final.params, final.state, final.sigs, overrides),
  );
}
