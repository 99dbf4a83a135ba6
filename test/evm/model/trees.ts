/**
 * The sub-channel / virtual-channel model (issue 6): a world of ledger channels, sub-channels
 * and virtual channels between one honest participant H and a coalition that holds every
 * other key (X1, X2, X3 — both ends of a virtual channel included), and the attacks the
 * coalition can run against it on chain. Used by `../model.trees.prop.test.ts`.
 *
 * Topologies (drawn per run):
 * - `virtual`: V = [X1, X2] (virtual) funded through L1 = [X1, H] (X1's lock) and
 *   L2 = [H, X2] (H's lock of the same total); H is the intermediary and signs no V state.
 * - `attackerSub`: P = [X1, H] (either order) locks S = [X1], a sub-channel of attacker keys only.
 * - `twoOfThree`: P = [X1, X2, H] (any order) locks S = [X1, X2].
 * - `tree`: P = [X1, H] locks S = [X1, H] (H signs S's states), which locks S2 = [X1].
 *
 * Every ledger channel has an honest history v1 (before any lock; the coalition holds
 * everything), v2 (locks its sub-channel), v3 (pays H), all fully signed; H's latest is the
 * last one. The coalition funds every ledger channel at its latest total, except that H funds
 * its own lock in L2 (the intermediary's side of V).
 */
import { ethers } from "hardhat";
import type { Interface } from "ethers";
import { channelId, fundingId, signBoundWithdrawalAuth, validateStateShape } from "../../../src";
import type { Address, Asset, Hex, Params, State, SubAlloc } from "../../../src";
import type { Adjudicator, AssetHolderETH } from "../../../typechain/evm";
import { makeParticipants } from "../fixtures";
import type { TestParticipant } from "../fixtures";

export const ZERO: Address = "0x0000000000000000000000000000000000000000";
export const MAX_U64 = (1n << 64n) - 1n;
export const MAX_DURATION = (1n << 32n) - 1n;
export const LEDGER_DURATION = 60n;

export interface TreeDeployment {
  adjudicator: Adjudicator;
  holder: AssetHolderETH;
  holderAddress: Address;
  chainId: bigint;
  /** [H, X1, X2, X3]. */
  keys: TestParticipant[];
  errorInterfaces: Interface[];
}

export async function treeFixture(): Promise<TreeDeployment> {
  const keys = await makeParticipants(4, 300);
  const adjudicator = (await ethers.deployContract("Adjudicator", [], keys[1].wallet)) as unknown as Adjudicator;
  const holder = (await ethers.deployContract(
    "AssetHolderETH",
    [await adjudicator.getAddress()],
    keys[1].wallet,
  )) as unknown as AssetHolderETH;
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const holderAddress = (await holder.getAddress()) as Address;
  return {
    adjudicator,
    holder,
    holderAddress,
    chainId,
    keys,
    errorInterfaces: [adjudicator.interface, holder.interface],
  };
}

/** A channel of the world: its params, who signs it, and its fully signed states by version. */
export interface Chan {
  name: string;
  params: Params;
  id: Hex;
  /** Indices into TreeDeployment.keys, in participant order. */
  signers: number[];
  /** Honest, fully signed states (H's view), oldest first; the last is H's latest. */
  history: State[];
  /** Channels it locks, in lock order (through the latest state). */
  children: Chan[];
  /** Whether H signs its states. */
  honestMember: boolean;
  /** Fake parent of the coalition (no honest history beyond what the coalition signs). */
  fake?: boolean;
}

export type Topology = "virtual" | "attackerSub" | "twoOfThree" | "tree";

export interface World {
  d: TreeDeployment;
  asset: Asset;
  topology: Topology;
  ledgers: Chan[];
  subs: Chan[];
  /** Every state ever sent on chain, by state hash (to conclude with what was registered). */
  known: Map<string, State>;
  /** Model of the holder: deposits per funding ID and pools per channel ID. */
  deposits: Map<string, bigint>;
  pools: Map<string, bigint>;
  /** Channels (ID) the model saw concluded, with the total of the outcome pushed. */
  concluded: Map<string, { held: bigint; total: bigint }>;
  /** Extra channels of the coalition (fake parents, duplicate-participant channels). */
  extra: Chan[];
  /** What H must be paid at least, and the lock H put into a virtual channel (paid back). */
  log: string[];
  nonce: bigint;
  /** The sub-channel's window is 2^32 − 1 s, longer than its parent's (H's client did not compare them, as go-perun's does not). */
  longSub: boolean;
}

const H = 0;

function mkParams(signers: number[], keys: TestParticipant[], nonce: bigint, o: Partial<Params> = {}): Params {
  return {
    challengeDuration: LEDGER_DURATION,
    nonce,
    participants: signers.map((k) => keys[k].participant),
    app: ZERO,
    ledgerChannel: false,
    virtualChannel: false,
    ...o,
  };
}

export function mkState(
  ch: { params: Params },
  asset: Asset,
  version: bigint,
  balances: bigint[],
  locked: SubAlloc[] = [],
): State {
  return {
    channelID: channelId(ch.params),
    version,
    outcome: { assets: [asset], backends: [1n], balances: [balances], locked },
    appData: "0x",
    isFinal: false,
  };
}

export function total(s: State): bigint {
  return s.outcome.balances[0].reduce((a, b) => a + b, 0n) + s.outcome.locked.reduce((a, l) => a + l.balances[0], 0n);
}

function chan(name: string, params: Params, signers: number[], extra: Partial<Chan> = {}): Chan {
  return {
    name,
    params,
    id: channelId(params),
    signers,
    history: [],
    children: [],
    honestMember: signers.includes(H),
    ...extra,
  };
}

function lockOf(child: Chan, parent: Chan, childState: State, map?: number[]): SubAlloc {
  const indexMap = map ?? child.signers.map((k) => parent.signers.indexOf(k));
  return { ID: child.id, balances: [total(childState)], indexMap: indexMap.map(BigInt) };
}

/** Builds the run's world (nothing on chain yet). `amounts` are small positive numbers drawn per run. */
export function buildWorld(
  d: TreeDeployment,
  topology: Topology,
  order: boolean,
  amounts: bigint[],
  nonce: bigint,
  longSub = false,
): World {
  const asset: Asset = { chainID: d.chainId, ethHolder: d.holderAddress, ccHolder: `0x${"00".repeat(32)}` };
  const [a, b, c, e] = amounts;
  const w: World = {
    d,
    asset,
    topology,
    ledgers: [],
    subs: [],
    known: new Map(),
    deposits: new Map(),
    pools: new Map(),
    concluded: new Map(),
    extra: [],
    log: [],
    nonce: nonce + 100n,
    longSub: longSub && (topology === "attackerSub" || topology === "twoOfThree"),
  };
  const ledger = (name: string, signers: number[], n: bigint) =>
    chan(name, mkParams(signers, d.keys, n, { ledgerChannel: true }), signers);
  /** Ledger history: v1 all to the coalition, v2 locks `child`, v3 moves `pay` to H. */
  const history = (
    L: Chan,
    child: Chan | undefined,
    childState: State | undefined,
    totalL: bigint,
    pay: bigint,
    map?: number[],
  ) => {
    const n = L.signers.length;
    const hIdx = L.signers.indexOf(H);
    const xIdx = L.signers.findIndex((k) => k !== H);
    const row = (h: bigint, rest: bigint) =>
      Array.from({ length: n }, (_, i) => (i === hIdx ? h : i === xIdx ? rest : 0n));
    const v1 = mkState(L, asset, 1n, row(0n, totalL));
    const lockT = childState ? total(childState) : 0n;
    const locks = child && childState ? [lockOf(child, L, childState, map)] : [];
    const v2 = mkState(L, asset, 2n, row(0n, totalL - lockT), locks);
    const v3 = mkState(L, asset, 3n, row(pay, totalL - lockT - pay), locks);
    L.history = [v1, v2, v3];
    if (child) L.children = [child];
  };
  if (topology === "virtual") {
    const V = chan("V", mkParams([1, 2], d.keys, nonce + 1n, { virtualChannel: true }), [1, 2]);
    V.history = [mkState(V, asset, 1n, [a, b])];
    const L1 = ledger("L1", [1, H], nonce + 2n);
    const L2 = ledger("L2", [H, 2], nonce + 3n);
    history(L1, V, V.history[0], a + b + c + e, c, [0, 1]);
    // L2: H's lock of the same total, nothing else (H funds it).
    const lockT = total(V.history[0]);
    const locks = [lockOf(V, L2, V.history[0], [0, 1])];
    L2.history = [mkState(L2, asset, 1n, [lockT, 0n]), mkState(L2, asset, 2n, [0n, 0n], locks)];
    L2.children = [V];
    w.ledgers = [L1, L2];
    w.subs = [V];
  } else if (topology === "attackerSub" || topology === "twoOfThree") {
    const pSigners = topology === "attackerSub" ? (order ? [1, H] : [H, 1]) : order ? [1, 2, H] : [H, 2, 1];
    const sSigners = topology === "attackerSub" ? [1] : [1, 2];
    const S = chan(
      "S",
      mkParams(sSigners, d.keys, nonce + 1n, w.longSub ? { challengeDuration: MAX_DURATION } : {}),
      sSigners,
    );
    S.history = [
      mkState(
        S,
        asset,
        1n,
        sSigners.map((_, i) => (i === 0 ? a : b)),
      ),
    ];
    const P = ledger("P", pSigners, nonce + 2n);
    history(P, S, S.history[0], a + b + c + e, c);
    w.ledgers = [P];
    w.subs = [S];
  } else {
    const S2 = chan("S2", mkParams([1], d.keys, nonce + 1n, { challengeDuration: LEDGER_DURATION / 2n }), [1]);
    S2.history = [mkState(S2, asset, 1n, [b])];
    const S = chan("S", mkParams([1, H], d.keys, nonce + 2n), [1, H]);
    const s1 = mkState(S, asset, 1n, [a, 0n], [lockOf(S2, S, S2.history[0])]);
    const s2 = mkState(S, asset, 2n, [0n, a], [lockOf(S2, S, S2.history[0])]); // X1 paid H inside S
    S.history = [s1, s2];
    S.children = [S2];
    const P = ledger("P", order ? [1, H] : [H, 1], nonce + 3n);
    history(P, S, s1, a + b + c + e, c);
    w.ledgers = [P];
    w.subs = [S, S2];
  }
  return w;
}

/** Depth-first list of the genuine sub-channel states under `state` (latest, or the oldest ones). */
export function genuineTree(w: World, ch: Chan, state: State, oldest = false): { ch: Chan; state: State }[] {
  const out: { ch: Chan; state: State }[] = [];
  state.outcome.locked.forEach((l) => {
    const child = [...w.subs, ...w.extra].find((c) => c.id === l.ID);
    if (!child) throw new Error(`unknown sub-channel ${l.ID}`);
    const s = oldest ? child.history[0] : child.history[child.history.length - 1];
    out.push({ ch: child, state: s });
    out.push(...genuineTree(w, child, s, oldest));
  });
  return out;
}

/** Honest pre-signing check over every state of the world H signed (the library's rule). */
export function honestStatesAreWellFormed(w: World): void {
  for (const ch of [...w.ledgers, ...w.subs]) {
    if (!ch.honestMember) continue;
    for (const s of ch.history) {
      const subChannels = s.outcome.locked.map((l) => [...w.subs, ...w.extra].find((c) => c.id === l.ID)!.params);
      try {
        validateStateShape(ch.params, s, { subChannels });
      } catch (e) {
        // A world with a century sub-channel plays a client that skipped the duration rule.
        if (!(w.longSub && (e as Error).name === "ShapeSubChannelDurationError")) throw e;
      }
    }
  }
}

export function fid(w: World, channelID: Hex, k: number): Hex {
  return fundingId(channelID, w.d.keys[k].address);
}

/** A bound withdrawal that was paid (for the replay check). */
export interface PaidWithdrawal {
  auth: { channelID: Hex; participant: { ethAddress: Address; ccAddress: Hex }; receiver: Address; amount: bigint };
  nonce: bigint;
  sig: Hex;
}

/** Withdraws everything `k` holds in `channelID` with the replay-proof authorisation; returns the amount. */
export async function withdrawAll(
  w: World,
  channelID: Hex,
  k: number,
  receiver: Address,
  paid?: PaidWithdrawal[],
): Promise<bigint> {
  const id = fid(w, channelID, k);
  const amount = await w.d.holder.holdings(id);
  if (amount === 0n) return 0n;
  const nonce = await w.d.holder.withdrawalNonce(id);
  const auth = { channelID, participant: w.d.keys[k].participant, receiver, amount };
  const sig = signBoundWithdrawalAuth(
    { auth, holder: w.d.holderAddress, chainID: w.d.chainId, nonce },
    w.d.keys[k].privateKey,
  );
  await (await w.d.holder.connect(w.d.keys[3].wallet).withdrawBound(auth, nonce, sig)).wait();
  paid?.push({ auth, nonce, sig });
  return amount;
}
