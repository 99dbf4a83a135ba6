/**
 * The EVM test deployment with a `PerunEvmClient` per participant, and a funded two-party
 * channel builder. Clients are created exactly as users create them (signer + addresses).
 */
import { PerunEvmClient } from "../../src/evm";
import type { Address, Hex, Params } from "../../src";
import { evmAsset, fundingIdOf, loadDeployment, makeParams, makeState, signedState } from "../evm/fixtures";
import type { Deployment, ParamsOptions, TestParticipant } from "../evm/fixtures";
import type { SignedState } from "../../src/evm";

export interface ClientWorld extends Deployment {
  clients: PerunEvmClient[];
  ethHolderAddress: Address;
  erc20HolderAddress: Address;
  tokenAddress: Address;
}

/** The deployment (fixture snapshot) plus one client per participant. */
export async function loadClientWorld(): Promise<ClientWorld> {
  const d = await loadDeployment();
  const ethHolderAddress = (await d.ethHolder.getAddress()) as Address;
  const erc20HolderAddress = (await d.erc20Holder.getAddress()) as Address;
  const tokenAddress = (await d.token.getAddress()) as Address;
  const adjudicator = await d.adjudicator.getAddress();
  const clients = d.parts.map(
    (p) =>
      new PerunEvmClient({
        signer: p.wallet,
        adjudicator,
        holders: [{ address: ethHolderAddress }, { address: erc20HolderAddress, token: tokenAddress }],
      }),
  );
  return { ...d, clients, ethHolderAddress, erc20HolderAddress, tokenAddress };
}

/** A 2-party ETH channel: params, a signed state factory, and both deposits made through the clients. */
export async function fundedEthChannel(
  w: ClientWorld,
  deposits: [bigint, bigint] = [10n, 20n],
  options: ParamsOptions = {},
): Promise<{
  params: Params;
  id: Hex;
  signed: (version: bigint, balances: bigint[], isFinal?: boolean) => SignedState;
}> {
  const params = makeParams(w.parts, options);
  const asset = evmAsset(w.chainId, w.ethHolderAddress.toLowerCase() as Address);
  const signed = (version: bigint, balances: bigint[], isFinal = false): SignedState =>
    signedState(params, makeState(params, { version, balances: [balances], assets: [asset], isFinal }), w.parts);
  for (const [i, part] of w.parts.entries()) {
    await w.clients[i].deposit({
      holder: w.ethHolderAddress,
      fundingID: fundingIdOf(params, part),
      amount: deposits[i],
    });
  }
  return { params, id: signed(0n, deposits).state.channelID, signed };
}

export type { TestParticipant };
