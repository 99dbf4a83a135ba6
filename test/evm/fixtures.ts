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
  ContractWallet,
  CounterApp,
  FalseReturnToken,
  FeeOnTransferToken,
  NoReturnToken,
  ReentrantReceiver,
  RejectingReceiver,
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
    // EIP-55 checksummed, as the contracts' events and errors report addresses (the library
    // accepts checksummed input).
    const address = ethers.getAddress(addressFromPrivateKey(privateKey)) as Address;
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

// ---------------------------------------------------------------------------------------------
// Extended fixtures (EVM tests): phases, dispute records, mock contracts, signature mutations.
// ---------------------------------------------------------------------------------------------

/** Dispute phases as the contracts number them. */
export const Phase = { DISPUTE: 0n, FORCEEXEC: 1n, CONCLUDED: 2n } as const;

/** The secp256k1 group order n. */
export const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
/** The largest accepted s (n / 2). */
export const MAX_S = CURVE_ORDER >> 1n;
/** Largest challenge duration the adjudicator accepts (uint32 max). */
export const MAX_CHALLENGE_DURATION = 2n ** 32n - 1n;
/** Largest amount an asset holder's word can hold (2^255 - 1). */
export const MAX_HOLDINGS = 2n ** 255n - 1n;
/** Largest amount a holding may reach by deposits (`Holdings.MAX_DEPOSIT`, 2^192 - 1). */
export const MAX_DEPOSIT = 2n ** 192n - 1n;

/** The dispute record as the `disputes` getter returns it, with named fields. */
export interface DisputeView {
  timeout: bigint;
  challengeDuration: bigint;
  version: bigint;
  phase: bigint;
  stateHash: Hex;
  hasApp: boolean;
}

/** Reads `adjudicator.disputes(id)` into a plain object (deep-equal friendly). */
export async function readDispute(adjudicator: Adjudicator, id: Hex): Promise<DisputeView> {
  const r = await adjudicator.disputes(id);
  return {
    timeout: r.timeout,
    challengeDuration: r.challengeDuration,
    version: r.version,
    phase: BigInt(r.phase),
    stateHash: r.stateHash as Hex,
    hasApp: r.hasApp,
  };
}

/** The timestamp of the block that mined `tx` (the `block.timestamp` the contract saw). */
export async function blockTimeOf(tx: { wait(): Promise<{ blockNumber: number } | null> }): Promise<bigint> {
  const receipt = await tx.wait();
  if (!receipt) throw new Error("transaction has no receipt");
  const block = await ethers.provider.getBlock(receipt.blockNumber);
  if (!block) throw new Error(`block ${receipt.blockNumber} not found`);
  return BigInt(block.timestamp);
}

/** Deployed mock contracts (contracts/test) next to the canonical deployment. */
export interface MockDeployment extends Deployment {
  counterApp: CounterApp;
  noReturnToken: NoReturnToken;
  noReturnHolder: AssetHolderERC20;
  falseReturnToken: FalseReturnToken;
  falseReturnHolder: AssetHolderERC20;
  feeToken: FeeOnTransferToken;
  feeHolder: AssetHolderERC20;
  contractWallet: ContractWallet;
  reentrantReceiver: ReentrantReceiver;
  rejectingReceiver: RejectingReceiver;
}

async function deployHolderFor(
  adjAddress: string,
  token: { getAddress(): Promise<string> },
): Promise<AssetHolderERC20> {
  return (await ethers.deployContract("AssetHolderERC20", [
    adjAddress,
    await token.getAddress(),
  ])) as unknown as AssetHolderERC20;
}

/**
 * `deployFixture` plus every mock: CounterApp, the three odd tokens with a holder each (both
 * participants hold TOKEN_BALANCE of each and approved its holder), and the three receivers.
 * A separate fixture so the canonical deployment (and the gas snapshots built on it) keeps
 * its addresses.
 */
export async function deployMocksFixture(): Promise<MockDeployment> {
  const d = await deployFixture();
  const adjAddress = await d.adjudicator.getAddress();
  const counterApp = (await ethers.deployContract("CounterApp")) as unknown as MockDeployment["counterApp"];

  const noReturnToken = (await ethers.deployContract("NoReturnToken")) as unknown as MockDeployment["noReturnToken"];
  const noReturnHolder = await deployHolderFor(adjAddress, noReturnToken);
  const falseReturnToken = (await ethers.deployContract(
    "FalseReturnToken",
  )) as unknown as MockDeployment["falseReturnToken"];
  const falseReturnHolder = await deployHolderFor(adjAddress, falseReturnToken);
  const feeToken = (await ethers.deployContract("FeeOnTransferToken", [
    d.parts.map((p) => p.address),
    TOKEN_BALANCE,
  ])) as unknown as MockDeployment["feeToken"];
  const feeHolder = await deployHolderFor(adjAddress, feeToken);
  for (const p of d.parts) {
    await (await noReturnToken.mint(p.address, TOKEN_BALANCE)).wait();
    await (await noReturnToken.connect(p.wallet).approve(await noReturnHolder.getAddress(), TOKEN_BALANCE)).wait();
    await (await falseReturnToken.mint(p.address, TOKEN_BALANCE)).wait();
    await (await feeToken.connect(p.wallet).approve(await feeHolder.getAddress(), TOKEN_BALANCE)).wait();
  }

  const contractWallet = (await ethers.deployContract("ContractWallet")) as unknown as MockDeployment["contractWallet"];
  const reentrantReceiver = (await ethers.deployContract(
    "ReentrantReceiver",
  )) as unknown as MockDeployment["reentrantReceiver"];
  const rejectingReceiver = (await ethers.deployContract(
    "RejectingReceiver",
  )) as unknown as MockDeployment["rejectingReceiver"];
  return {
    ...d,
    counterApp,
    noReturnToken,
    noReturnHolder,
    falseReturnToken,
    falseReturnHolder,
    feeToken,
    feeHolder,
    contractWallet,
    reentrantReceiver,
    rejectingReceiver,
  };
}

/** `loadFixture(deployMocksFixture)`. */
export function loadMocks(): Promise<MockDeployment> {
  return loadFixture(deployMocksFixture);
}

/** The (checksummed) address of a deployed contract, typed for the library. */
export async function addressOf(c: { getAddress(): Promise<string> }): Promise<Address> {
  return (await c.getAddress()) as Address;
}

/** A two-party ledger channel on the ETH holder: params, its ID and a state builder. */
export interface TestChannel {
  params: Params;
  id: Hex;
  asset: Asset;
  /** A state of this channel (one asset, the ETH holder) with `balances` and options. */
  state(balances: bigint[], options?: Partial<StateOptions>): State;
}

/** Builds a `TestChannel` on `holder` (default: the ETH holder) with `makeParams` options. */
export async function makeChannel(
  d: Deployment,
  options: ParamsOptions & { parts?: TestParticipant[]; holder?: { getAddress(): Promise<string> } } = {},
): Promise<TestChannel> {
  const params = makeParams(options.parts ?? d.parts, options);
  const asset = evmAsset(d.chainId, await addressOf(options.holder ?? d.ethHolder));
  return {
    params,
    id: channelId(params),
    asset,
    state: (balances, o = {}) => makeState(params, { assets: [asset], balances: [balances], ...o }),
  };
}

/** Splits a 65-byte signature into r, s, v. */
export function splitSig(sig: Hex): { r: bigint; s: bigint; v: number } {
  const b = ethers.getBytes(sig);
  if (b.length !== 65) throw new Error(`expected 65 bytes, got ${b.length}`);
  return { r: BigInt(ethers.hexlify(b.slice(0, 32))), s: BigInt(ethers.hexlify(b.slice(32, 64))), v: b[64] };
}

/** Joins r, s, v into a 65-byte signature. */
export function joinSig(r: bigint, s: bigint, v: number): Hex {
  return ethers.concat([ethers.toBeHex(r, 32), ethers.toBeHex(s, 32), ethers.toBeHex(v, 1)]) as Hex;
}

/** The EIP-2098 64-byte compact form of a 65-byte signature (accepted upstream, rejected here). */
export function compactSig(sig: Hex): Hex {
  const { r, s, v } = splitSig(sig);
  const yParityAndS = s | (BigInt(v - 27) << 255n);
  return ethers.concat([ethers.toBeHex(r, 32), ethers.toBeHex(yParityAndS, 32)]) as Hex;
}

/** The malleable twin of a valid signature: s' = n - s (high), v flipped. Recovers the same signer. */
export function highSSig(sig: Hex): Hex {
  const { r, s, v } = splitSig(sig);
  return joinSig(r, CURVE_ORDER - s, v === 27 ? 28 : 27);
}

/** CounterApp's appData: `abi.encode(uint256 counter)`. */
export function counterData(counter: bigint): Hex {
  return ethers.AbiCoder.defaultAbiCoder().encode(["uint256"], [counter]) as Hex;
}

/**
 * `part` deposits `amount` under its funding ID of the channel `params` at `holder` (value sent
 * for the ETH holder, a pre-approved token pull otherwise). Waits for the receipt.
 */
export async function depositFor(
  holder: AssetHolderETH | AssetHolderERC20,
  params: Params,
  part: TestParticipant,
  amount: bigint,
  options: { eth?: boolean } = {},
): Promise<void> {
  const isEth = options.eth ?? (holder.interface as import("ethers").Interface).getFunction("token") === null;
  const value = isEth ? amount : 0n;
  await (await holder.connect(part.wallet).deposit(fundingIdOf(params, part), amount, { value })).wait();
}

/** The holdings of every participant of `params` at `holder`, in participant order. */
export async function holdingsOf(holder: AssetHolderETH | AssetHolderERC20, params: Params): Promise<bigint[]> {
  const id = channelId(params);
  return Promise.all(params.participants.map((p) => holder.holdings(fundingId(id, p.ethAddress))));
}

/** The 4-byte selector of a custom error, e.g. `selectorOf("ReentrancyLockReentered()")`. */
export function selectorOf(signature: string): Hex {
  return ethers.id(signature).slice(0, 10) as Hex;
}

/** A fresh address that holds nothing (a receiver whose balance starts at zero). */
export function freshAddress(label: string): Address {
  return ethers.getAddress(ethers.dataSlice(ethers.id(`perun-test-receiver:${label}`), 12)) as Address;
}
