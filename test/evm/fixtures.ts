/**
 * Shared Hardhat fixtures and builders for the EVM tests.
 *
 * Everything off-chain (channel IDs, state hashes, funding IDs, signatures) is computed with
 * the project's TypeScript library (`src/`), never re-implemented here, so the tests also check
 * that the library and the contracts agree.
 */
import { ethers, network } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import type { HDNodeWallet, Wallet } from "ethers";
import {
  BACKEND_ETH,
  addressFromPrivateKey,
  channelId,
  fundingId,
  hashState,
  signState,
  signWithdrawalAuth,
} from "../../src";
import type { Address, Asset, Hex, Params, Participant, State, SubAlloc, WithdrawalAuth } from "../../src";
import type {
  Adjudicator,
  AssetHolderERC20,
  AssetHolderETH,
  TestToken,
  TrivialApp,
} from "../../typechain/evm";

/** The zero address. */
export const ZERO_ADDRESS: Address = "0x0000000000000000000000000000000000000000";
/** 32 zero bytes, the `ccAddress` / `ccHolder` of pure-EVM channels. */
export const ZERO_BYTES32: Hex = `0x${"00".repeat(32)}`;
/** Default challenge duration of test channels (seconds). */
export const DEFAULT_CHALLENGE_DURATION = 60n;
/** Token balance minted to every test participant. */
export const TOKEN_BALANCE = 10n ** 24n;
/** ETH balance given to every test participant. */
export const ETH_BALANCE = 10n ** 22n;

/** A channel participant: its key (for the library's signers) and a funded, connected wallet. */
export interface TestParticipant {
  privateKey: Hex;
  address: Address;
  wallet: Wallet;
  participant: Participant;
}

/**
 * Deterministic private key number `i` (1-based, never zero): keccak256("perun-test-key" ‖ i).
 * Fixed keys keep gas figures and vectors reproducible.
 */
export function testPrivateKey(i: number): Hex {
  return ethers.solidityPackedKeccak256(["string", "uint256"], ["perun-test-key", i]) as Hex;
}

/** Builds `n` participants with deterministic keys, each funded with ETH on the Hardhat network. */
export async function makeParticipants(n: number, offset = 0): Promise<TestParticipant[]> {
  const out: TestParticipant[] = [];
  for (let i = 0; i < n; i++) {
    const privateKey = testPrivateKey(offset + i + 1);
    const address = addressFromPrivateKey(privateKey);
    const wallet = new ethers.Wallet(privateKey, ethers.provider);
    await network.provider.send("hardhat_setBalance", [address, ethers.toQuantity(ETH_BALANCE)]);
    out.push({ privateKey, address, wallet, participant: { ethAddress: address, ccAddress: ZERO_BYTES32 } });
  }
  return out;
}

/** The deployed system: adjudicator, both holders, the test token and a trivial app. */
export interface Deployment {
  adjudicator: Adjudicator;
  ethHolder: AssetHolderETH;
  erc20Holder: AssetHolderERC20;
  token: TestToken;
  trivialApp: TrivialApp;
  chainId: bigint;
  /** Two funded participants (the canonical test channel). */
  parts: TestParticipant[];
}

/**
 * Deploys Adjudicator, AssetHolderETH, AssetHolderERC20 with a TestToken (every participant of
 * `parts` holds TOKEN_BALANCE and has approved the ERC-20 holder for all of it) and TrivialApp.
 * Use through `loadFixture(deployFixture)` so each test starts from the same snapshot.
 */
export async function deployFixture(): Promise<Deployment> {
  const parts = await makeParticipants(2);
  const adjudicator = (await ethers.deployContract("Adjudicator")) as unknown as Adjudicator;
  const adjAddress = await adjudicator.getAddress();
  const ethHolder = (await ethers.deployContract("AssetHolderETH", [adjAddress])) as unknown as AssetHolderETH;
  const token = (await ethers.deployContract("TestToken", [
    "PerunTestToken",
    "PTT",
    parts.map((p) => p.address),
    TOKEN_BALANCE,
  ])) as unknown as TestToken;
  const tokenAddress = await token.getAddress();
  const erc20Holder = (await ethers.deployContract("AssetHolderERC20", [
    adjAddress,
    tokenAddress,
  ])) as unknown as AssetHolderERC20;
  const trivialApp = (await ethers.deployContract("TrivialApp")) as unknown as TrivialApp;
  const holderAddress = await erc20Holder.getAddress();
  for (const p of parts) {
    await (await token.connect(p.wallet).approve(holderAddress, TOKEN_BALANCE)).wait();
  }
  const chainId = (await ethers.provider.getNetwork()).chainId;
  return { adjudicator, ethHolder, erc20Holder, token, trivialApp, chainId, parts };
}

/** `loadFixture(deployFixture)`. */
export function loadDeployment(): Promise<Deployment> {
  return loadFixture(deployFixture);
}

/** Options of `makeParams`; every field has the canonical default. */
export interface ParamsOptions {
  challengeDuration?: bigint;
  nonce?: bigint;
  app?: Address;
  ledgerChannel?: boolean;
  virtualChannel?: boolean;
}

/** Channel parameters for `parts` (ledger payment channel, 60 s, nonce 1 unless overridden). */
export function makeParams(parts: TestParticipant[], options: ParamsOptions = {}): Params {
  return {
    challengeDuration: options.challengeDuration ?? DEFAULT_CHALLENGE_DURATION,
    nonce: options.nonce ?? 1n,
    participants: parts.map((p) => p.participant),
    app: options.app ?? ZERO_ADDRESS,
    ledgerChannel: options.ledgerChannel ?? true,
    virtualChannel: options.virtualChannel ?? false,
  };
}

/** An asset held on this chain by `holder`. */
export function evmAsset(chainId: bigint, holder: Address): Asset {
  return { chainID: chainId, ethHolder: holder, ccHolder: ZERO_BYTES32 };
}

/** Options of `makeState`. */
export interface StateOptions {
  version?: bigint;
  /** `balances[asset][participant]`; one row per asset. */
  balances: bigint[][];
  assets: Asset[];
  backends?: bigint[];
  locked?: SubAlloc[];
  appData?: Hex;
  isFinal?: boolean;
}

/** A state of the channel with `params`, its channel ID computed by the library. */
export function makeState(params: Params, options: StateOptions): State {
  return {
    channelID: channelId(params),
    version: options.version ?? 0n,
    outcome: {
      assets: options.assets,
      backends: options.backends ?? options.assets.map(() => BACKEND_ETH),
      balances: options.balances,
      locked: options.locked ?? [],
    },
    appData: options.appData ?? "0x",
    isFinal: options.isFinal ?? false,
  };
}

/** One library signature per participant, in participant order. */
export function signAll(state: State, parts: TestParticipant[]): Hex[] {
  return parts.map((p) => signState(state, p.privateKey));
}

/** `Adjudicator.SignedState` for `register`, signed by all `parts`. */
export function signedState(
  params: Params,
  state: State,
  parts: TestParticipant[],
): { params: Params; state: State; sigs: Hex[] } {
  return { params, state, sigs: signAll(state, parts) };
}

/** The funding ID of `part` in the channel of `params` (library). */
export function fundingIdOf(params: Params, part: TestParticipant): Hex {
  return fundingId(channelId(params), part.address);
}

/** A withdrawal authorisation for `part` and its library signature. */
export function signedWithdrawal(
  channelID: Hex,
  part: TestParticipant,
  amount: bigint,
  receiver: Address = part.address,
): { auth: WithdrawalAuth; sig: Hex } {
  const auth: WithdrawalAuth = { channelID, participant: part.participant, receiver, amount };
  return { auth, sig: signWithdrawalAuth(auth, part.privateKey) };
}

/** Re-exported so tests take every hash from one place. */
export { channelId, hashState, fundingId };

/** Random wallet type re-export for tests that need throwaway accounts. */
export type { HDNodeWallet };
