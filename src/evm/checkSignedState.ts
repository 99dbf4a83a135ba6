/**
 * Client-side checks of a signed state before it is sent: the library encodes params and state
 * (a malformed field gets the library's own error, not an ethers one), the state belongs to
 * the params' channel, and there is one signature per participant. The contract checks all of
 * this again; checking here gives a precise error without an RPC round trip.
 */
import { channelId, encodeState } from "../index";
import { EvmClientInputError } from "./errors";
import type { SignedState } from "./types";

/** Throws a `PerunError` when `signed` cannot be a valid submission. */
export function checkSignedState(signed: SignedState, what = "state"): void {
  const id = channelId(signed.params);
  encodeState(signed.state);
  if (signed.state.channelID.toLowerCase() !== id) {
    throw new EvmClientInputError(`${what}: channelID ${signed.state.channelID} is not the params' channel ${id}`, {
      expected: id,
      given: signed.state.channelID,
    });
  }
  if (signed.sigs.length !== signed.params.participants.length) {
    throw new EvmClientInputError(
      `${what}: ${signed.sigs.length} signatures for ${signed.params.participants.length} participants`,
      { participants: signed.params.participants.length, signatures: signed.sigs.length },
    );
  }
}
