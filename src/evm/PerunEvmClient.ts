/**
 * The EVM client a wallet, a node or a watchtower uses: one signer, one adjudicator and the
 * asset holders it knows, with every on-chain move of a channel as a method. Each method is a
 * thin wrapper over one function of this folder (usable on its own); every revert arrives as a
 * typed error (`ContractRevertError` with the custom error's name and arguments).
 */
import type { Overrides, Provider, Signer } from "ethers";
import { normalizeAddress } from "../index";
import type { Address, Asset, Hex, Params, State } from "../index";
import type { Adjudicator } from "../../typechain/evm/Adjudicator";
import { Adjudicator__factory } from "../../typechain/evm/factories/Adjudicator__factory";
import { AssetHolder__factory } from "../../typechain/evm/factories/AssetHolder__factory";
import { queryChannelEvents } from "./channelEvents";
import type { PerunEvmEvent } from "./channelEvents";
import { channelStatus } from "./channelStatus";
import type { ChannelStatus } from "./channelStatus";
import { conclude, concludeFinal } from "./conclude";
import { deposit } from "./deposit";
import type { DepositRequest, DepositResult } from "./deposit";
import type { DeploymentRecord } from "./deploymentRecord";
import { EvmClientInputError } from "./errors";
import { progress } from "./progress";
import type { ProgressRequest } from "./progress";
import { refute, register } from "./register";
import { requireBytes32 } from "./requireBytes32";
import type { EvmReceipt } from "./sendContractTx";
import { toEvmError } from "./toEvmError";
import type { EvmHolder, SignedState } from "./types";
import { watchChannelEvents } from "./watchChannelEvents";
import type { EventWatcher, WatchOptions } from "./watchChannelEvents";
import { withdraw } from "./withdraw";
import type { WithdrawRequest, WithdrawResult } from "./withdraw";

/** Settings of a client. */
export interface PerunEvmClientOptions {
  /** Sends and pays for transactions; must be connected to a provider. */
  signer: Signer;
  adjudicator: Address | string;
  /** Asset holders deposits may go to (ETH when `token` is absent). */
  holders?: EvmHolder[];
  /** First block with Perun events (the deployment's `startBlock`); default 0. */
  startBlock?: number;
}

/** A holder given by address, by its `EvmHolder` entry, or by a channel `Asset`. */
export type HolderRef = Address | string | EvmHolder | Asset;

export class PerunEvmClient {
  readonly signer: Signer;
  readonly provider: Provider;
  /** The typed Adjudicator binding, connected to the signer. */
  readonly adjudicator: Adjudicator;
  readonly adjudicatorAddress: Address;
  readonly holders: readonly EvmHolder[];
  readonly startBlock: number;

  constructor(options: PerunEvmClientOptions) {
    if (!options.signer.provider) throw new EvmClientInputError("the signer is not connected to a provider");
    this.signer = options.signer;
    this.provider = options.signer.provider;
    this.adjudicatorAddress = normalizeAddress(options.adjudicator, "adjudicator");
    this.adjudicator = Adjudicator__factory.connect(this.adjudicatorAddress, options.signer);
    this.holders = (options.holders ?? []).map((h) => ({
      address: normalizeAddress(h.address, "holder"),
      ...(h.token === undefined ? {} : { token: normalizeAddress(h.token, "token") }),
    }));
    this.startBlock = options.startBlock ?? 0;
  }

  /**
   * A client for the contracts of a deployment record. Refuses a signer on another chain than
   * the record's, before anything is sent.
   */
  static async fromDeployment(record: DeploymentRecord, signer: Signer): Promise<PerunEvmClient> {
    const network = await signer.provider?.getNetwork();
    if (!network) throw new EvmClientInputError("the signer is not connected to a provider");
    if (network.chainId !== BigInt(record.chainId)) {
      throw new EvmClientInputError(
        `the deployment record is for chain ${record.chainId}, the signer is on chain ${network.chainId}`,
        { expected: record.chainId, actual: network.chainId },
      );
    }
    const c = record.contracts;
    return new PerunEvmClient({
      signer,
      adjudicator: c.Adjudicator.address,
      holders: [
        { address: c.AssetHolderETH.address },
        ...c.AssetHolderERC20.map((h) => ({ address: h.address, token: h.token })),
      ],
      startBlock: record.startBlock,
    });
  }

  /** The known holder `ref` names. */
  holder(ref: HolderRef): EvmHolder {
    const address = normalizeAddress(
      typeof ref === "string" ? ref : "ethHolder" in ref ? ref.ethHolder : ref.address,
      "holder",
    );
    const known = this.holders.find((h) => h.address === address);
    if (!known) {
      throw new EvmClientInputError(`holder ${address} is not one of this client's asset holders`, { holder: address });
    }
    return known;
  }

  /** Deposits into a known holder (ERC-20 allowance handled; see `deposit`). */
  async deposit(request: Omit<DepositRequest, "holder"> & { holder: HolderRef }): Promise<DepositResult> {
    return deposit(this.signer, { ...request, holder: this.holder(request.holder) });
  }

  /** Registers a dispute. */
  register(channel: SignedState, subChannels: SignedState[] = [], overrides?: Overrides): Promise<EvmReceipt> {
    return register(this.adjudicator, channel, subChannels, overrides);
  }

  /** Refutes a registered state with a newer one. */
  refute(channel: SignedState, subChannels: SignedState[] = [], overrides?: Overrides): Promise<EvmReceipt> {
    return refute(this.adjudicator, channel, subChannels, overrides);
  }

  /** Force execution of an app channel. */
  progress(request: ProgressRequest, overrides?: Overrides): Promise<EvmReceipt> {
    return progress(this.adjudicator, request, overrides);
  }

  /** Concludes a dispute after its window. */
  conclude(params: Params, state: State, subStates: State[] = [], overrides?: Overrides): Promise<EvmReceipt> {
    return conclude(this.adjudicator, params, state, subStates, overrides);
  }

  /** Concludes with a final state signed by all. */
  concludeFinal(final: SignedState, overrides?: Overrides): Promise<EvmReceipt> {
    return concludeFinal(this.adjudicator, final, overrides);
  }

  /** Withdraws a settled balance (signed with the library by default). */
  async withdraw(request: Omit<WithdrawRequest, "holder"> & { holder: HolderRef }): Promise<WithdrawResult> {
    return withdraw(this.signer, { ...request, holder: this.holder(request.holder).address });
  }

  /** The channel's on-chain dispute record. */
  channelStatus(channelID: Hex): Promise<ChannelStatus> {
    return channelStatus(this.adjudicator, channelID);
  }

  /** `holdings(fundingID)` of a holder. */
  async holdings(holder: HolderRef, fundingID: Hex): Promise<bigint> {
    const h = this.holder(holder);
    requireBytes32(fundingID, "fundingID");
    try {
      return await AssetHolder__factory.connect(h.address, this.provider).holdings(fundingID);
    } catch (e) {
      throw toEvmError("AssetHolder.holdings", e);
    }
  }

  /** Whether a holder has settled (received the outcome of) a channel. */
  async settled(holder: HolderRef, channelID: Hex): Promise<boolean> {
    const h = this.holder(holder);
    requireBytes32(channelID, "channelID");
    try {
      return await AssetHolder__factory.connect(h.address, this.provider).settled(channelID);
    } catch (e) {
      throw toEvmError("AssetHolder.settled", e);
    }
  }

  /** Perun events of this client's contracts from `fromBlock` (default the start block) to `toBlock` (default latest). */
  async queryEvents(
    filter: { fromBlock?: number; toBlock?: number; channelIDs?: Hex[]; fundingIDs?: Hex[] } = {},
  ): Promise<PerunEvmEvent[]> {
    filter.channelIDs?.forEach((id, i) => requireBytes32(id, `channelIDs[${i}]`));
    filter.fundingIDs?.forEach((id, i) => requireBytes32(id, `fundingIDs[${i}]`));
    const toBlock = filter.toBlock ?? (await this.provider.getBlockNumber());
    return queryChannelEvents(
      this.provider,
      { ...filter, adjudicator: this.adjudicatorAddress, holders: this.holders.map((h) => h.address) },
      filter.fromBlock ?? this.startBlock,
      toBlock,
    );
  }

  /** Watches this client's contracts from `fromBlock` (default the start block). */
  watchEvents(
    options: Omit<WatchOptions, "adjudicator" | "holders" | "fromBlock"> & { fromBlock?: number },
  ): EventWatcher {
    return watchChannelEvents(this.provider, {
      ...options,
      fromBlock: options.fromBlock ?? this.startBlock,
      adjudicator: this.adjudicatorAddress,
      holders: this.holders.map((h) => h.address),
    });
  }
}
