import type { Address, Asset, Hex, Params, State, SubAlloc } from "../../../src";
import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP, channelId } from "../../../src";
import type { PolicyChain, SubChannelInfo } from "../../../src";

/**
 * Deterministic channels for the signing-policy tables, vectors and property: well-formed by
 * default (every rule of every chain satisfied), with one knob per rule to step onto or past it.
 */

export const ZERO_ADDRESS = `0x${"00".repeat(20)}` as Address;
export const EVM_CHAIN_ID = 1337n;
export const MAX_UINT256 = (1n << 256n) - 1n;

const hexByte = (b: number): string => (b & 0xff).toString(16).padStart(2, "0");
/** `bytes` bytes: a tag byte, then `index` as two bytes, then the fill byte. */
export function tagged(tag: number, index: number, bytes: number, fill = 0x5a): Hex {
  let s = hexByte(tag) + hexByte(index >> 8) + hexByte(index);
  while (s.length < bytes * 2) s += hexByte(fill);
  return `0x${s.slice(0, bytes * 2)}` as Hex;
}

/** Participant i's Ethereum address (distinct, never zero). */
export const participantAddress = (i: number): Address => tagged(0xe0, i + 1, 20) as Address;
/** Participant i's 32-byte ccAddress (a distinct CKB payout lock hash). */
export const participantCc = (i: number): Hex => tagged(0xcc, i + 1, 32);

/** The k-th asset of `chain` in its chain's form: EVM holder, ICP ledger principal, CKB CKBytes (k = 0) or UDT. */
export function assetOf(chain: PolicyChain, k: number): Asset {
  if (chain === "evm") return { chainID: EVM_CHAIN_ID, ethHolder: tagged(0xa0, k + 1, 20) as Address, ccHolder: "0x" };
  if (chain === "icp") return { chainID: BACKEND_ICP, ethHolder: ZERO_ADDRESS, ccHolder: tagged(0x1c, k + 1, 10) };
  return { chainID: BACKEND_CKB, ethHolder: ZERO_ADDRESS, ccHolder: k === 0 ? "0x" : tagged(0x0d, k, 32) };
}

export const backendOf = (chain: PolicyChain): bigint =>
  chain === "evm" ? BACKEND_ETH : chain === "icp" ? BACKEND_ICP : BACKEND_CKB;

/** A sub-channel tree: each node is the list of its own sub-channels. */
export type TreeSpec = readonly TreeSpec[];

export interface ChannelSpec {
  /** The chain of each asset, in order (default one EVM asset). */
  assets?: readonly PolicyChain[];
  participants?: number;
  challengeDuration?: bigint;
  app?: Address;
  ledgerChannel?: boolean;
  virtualChannel?: boolean;
  isFinal?: boolean;
  version?: bigint;
  nonce?: bigint;
  /** Balance of every participant in every asset (default 100). */
  balance?: bigint;
  /** Sub-channels the state locks (each locks the given sub-tree). */
  tree?: TreeSpec;
}

export interface PolicyChannel {
  params: Params;
  state: State;
  subStates?: readonly SubChannelInfo[];
}

/** Sub-channel nonces: distinct per call so every sub-channel of a tree has its own ID. */
let subNonce = 1_000_000n;

/** Builds a channel (and its sub-channel tree) from `spec`. Assets of one chain are numbered 0, 1, … */
export function policyChannel(spec: ChannelSpec = {}): PolicyChannel {
  const chains = spec.assets ?? ["evm"];
  const counters: Record<PolicyChain, number> = { evm: 0, icp: 0, ckb: 0 };
  const assets = chains.map((c) => assetOf(c, counters[c]++));
  const backends = chains.map(backendOf);
  const n = spec.participants ?? 2;
  const params: Params = {
    challengeDuration: spec.challengeDuration ?? 60n,
    nonce: spec.nonce ?? 1n,
    participants: Array.from({ length: n }, (_, i) => ({
      ethAddress: participantAddress(i),
      ccAddress: participantCc(i),
    })),
    app: spec.app ?? ZERO_ADDRESS,
    ledgerChannel: spec.ledgerChannel ?? true,
    virtualChannel: spec.virtualChannel ?? false,
  };
  subNonce = 1_000_000n;
  const built = (spec.tree ?? []).map((child) => subChannel(params, assets, backends, child));
  const balance = spec.balance ?? 100n;
  const state: State = {
    channelID: channelId(params),
    version: spec.version ?? 0n,
    outcome: {
      assets,
      backends,
      balances: assets.map(() => Array.from({ length: n }, () => balance)),
      locked: built.map((b) => b.lock),
    },
    appData: "0x",
    isFinal: spec.isFinal ?? false,
  };
  return built.length === 0 ? { params, state } : { params, state, subStates: built.map((b) => b.info) };
}

/** A sub-channel of `parent` between its first two participants, paying 1 of each asset to the first plus its own locks. */
function subChannel(
  parent: Params,
  assets: Asset[],
  backends: bigint[],
  spec: TreeSpec,
): { lock: SubAlloc; info: SubChannelInfo } {
  const params: Params = {
    challengeDuration: parent.challengeDuration,
    nonce: subNonce++,
    participants: parent.participants.slice(0, 2),
    app: ZERO_ADDRESS,
    ledgerChannel: false,
    virtualChannel: false,
  };
  const children = spec.map((child) => subChannel(params, assets, backends, child));
  const m = params.participants.length;
  const state: State = {
    channelID: channelId(params),
    version: 1n,
    outcome: {
      assets,
      backends,
      balances: assets.map(() => Array.from({ length: m }, (_, i) => (i === 0 ? 1n : 0n))),
      locked: children.map((c) => c.lock),
    },
    appData: "0x",
    isFinal: false,
  };
  const totals = assets.map((_, a) => children.reduce((sum, c) => sum + c.lock.balances[a], 1n));
  const info: SubChannelInfo =
    children.length === 0 ? { params, state } : { params, state, subStates: children.map((c) => c.info) };
  return {
    lock: { ID: state.channelID, balances: totals, indexMap: params.participants.map((_, i) => BigInt(i)) },
    info,
  };
}

/** A tree of one chain of `depth` nested sub-channels. */
export function chainTree(depth: number): TreeSpec {
  return depth === 0 ? [] : [chainTree(depth - 1)];
}

/** `count` leaf sub-channels. */
export function leaves(count: number): TreeSpec {
  return Array.from({ length: count }, () => []);
}

/** Re-derives the state's channel ID after `params` changed. */
export function withParams(channel: PolicyChannel, edit: (p: Params) => void): PolicyChannel {
  const params = structuredClone(channel.params);
  edit(params);
  return { ...channel, params, state: { ...channel.state, channelID: channelId(params) } };
}

/** A copy of the channel whose state was edited by `edit`. */
export function withState(channel: PolicyChannel, edit: (s: State) => void): PolicyChannel {
  const state = structuredClone(channel.state);
  edit(state);
  return { ...channel, state };
}
