/**
 * Starts a dispute (`register`) or refutes a registered state with a newer one (`refute`: the
 * same contract call, for a channel that already has a dispute). Sub-channels locked in the
 * state are registered with it, as the contract requires.
 */
import type { Overrides } from "ethers";
import type { Adjudicator } from "../../typechain/evm/Adjudicator";
import { channelStatus } from "./channelStatus";
import { checkSignedState } from "./checkSignedState";
import { EvmClientInputError } from "./errors";
import { sendContractTx } from "./sendContractTx";
import type { EvmReceipt } from "./sendContractTx";
import type { SignedState } from "./types";

/** `Adjudicator.register(channel, subChannels)`. */
export async function register(
  adjudicator: Adjudicator,
  channel: SignedState,
  subChannels: SignedState[] = [],
  overrides: Overrides = {},
): Promise<EvmReceipt> {
  checkSignedState(channel);
  subChannels.forEach((s, i) => checkSignedState(s, `sub-channel ${i}`));
  return sendContractTx("Adjudicator.register", () => adjudicator.register(channel, subChannels, overrides));
}

/**
 * Refutes: registers `channel`, whose version must be higher than the registered one, within
 * the challenge window. Refuses before sending when the channel has no dispute to refute or the
 * given version is not newer (the contract would revert with `DisputeStaleVersion`).
 */
export async function refute(
  adjudicator: Adjudicator,
  channel: SignedState,
  subChannels: SignedState[] = [],
  overrides: Overrides = {},
): Promise<EvmReceipt> {
  const status = await channelStatus(adjudicator, channel.state.channelID);
  if (!status.registered) {
    throw new EvmClientInputError(`channel ${channel.state.channelID} has no dispute to refute; use register`, {
      channelID: channel.state.channelID,
    });
  }
  if (channel.state.version <= status.version) {
    throw new EvmClientInputError(
      `version ${channel.state.version} does not refute the registered version ${status.version}`,
      { registered: status.version, given: channel.state.version },
    );
  }
  return register(adjudicator, channel, subChannels, overrides);
}
