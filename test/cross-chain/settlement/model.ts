/**
 * The tiny model of cross-chain property 4 (settlement agreement): a random channel with one
 * asset per chain, its off-chain history, the dispute moves of a coalition, and — the whole
 * point — what each chain must pay: the rows of the state that must win, per chain. The
 * expected payouts come from here only, never from the chains.
 *
 * A case is pure data (fast-check shrinks it); `historyOf` turns it into the signed-once
 * states, given the concrete assets the drivers deployed (holder address, ledger principal,
 * UDT type hash), which only the chains' fixtures know.
 */
import fc from "fast-check";
import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP } from "../../../src/encoding/backends";
import type { Asset, Hex, Params, State } from "../../../src/encoding/types";
import { channelId } from "../../../src/encoding/channelId";
import { KEY_POOL } from "../../evm/model/crosscheckArbitraries";

export const CHAINS = ["evm", "icp", "ckb"] as const;
export type Chain = (typeof CHAINS)[number];

/** One transfer inside an update: `permille`‰ of `from`'s current balance of the chain's asset goes to `to`. */
export interface Move {
  chain: Chain;
  from: number;
  to: number;
  permille: number;
}

export interface SettlementCase {
  /** Distinct KEY_POOL indices, 2–3 participants. */
  signers: number[];
  evmToken: "ETH" | "ERC20";
  /** Which fake ICRC ledger (0: fee 10, 1: fee 3). */
  icpLedger: 0 | 1;
  ckbToken: "CKBytes" | "UDT";
  /** Position of each chain's asset in the outcome: `order[k]` is the chain of asset k. */
  order: Chain[];
  /** Seconds; ≥ 600 so that a few blocks/messages never end a window by themselves. */
  challengeDuration: bigint;
  /** Version-0 balances = deposits, per chain per participant (smallest units; CKBytes in whole CKB). */
  deposits: Record<Chain, bigint[]>;
  /** Off-chain updates 1..k, each a list of moves (possibly empty: a version bump only). */
  updates: Move[][];
  /** The dispute story (ignored by the cooperative close). */
  dispute: {
    /** The only participant not in the coalition. */
    honest: number;
    /** Per chain: undefined = no stale registration there; else an index into the history (mod k). */
    stale: Partial<Record<Chain, number>>;
    /** Per chain: which older state (index mod k) the coalition tries to re-register afterwards. */
    replay: Record<Chain, number>;
  };
}

const WHOLE_CKB = 100_000_000n;

function depositArb(n: number, min: bigint, max: bigint): fc.Arbitrary<bigint[]> {
  // Zero deposits happen (a participant who brings nothing on a chain).
  const one = fc.oneof({ weight: 1, arbitrary: fc.constant(0n) }, { weight: 4, arbitrary: fc.bigInt({ min, max }) });
  return fc.array(one, { minLength: n, maxLength: n });
}

/**
 * Random settlement cases. Deposit magnitudes differ per chain (EVM ~1e15–1e18 wei or token
 * units, ICP 1e3–1e8 ledger units, CKB 61–5,000 CKB or 1–1e6 UDT units), so a row paid on the
 * wrong chain cannot pass for the right one.
 */
export function settlementCaseArb(maxUpdates = 4): fc.Arbitrary<SettlementCase> {
  return fc.integer({ min: 2, max: 3 }).chain((n) => {
    const idx = fc.integer({ min: 0, max: n - 1 });
    const moveArb: fc.Arbitrary<Move> = fc
      .record({ chain: fc.constantFrom(...CHAINS), from: idx, to: idx, permille: fc.integer({ min: 0, max: 1000 }) })
      .filter((m) => m.from !== m.to);
    return fc.record({
      signers: fc.uniqueArray(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: n, maxLength: n }),
      evmToken: fc.constantFrom("ETH" as const, "ERC20" as const),
      icpLedger: fc.constantFrom(0 as const, 1 as const),
      ckbToken: fc.constantFrom("CKBytes" as const, "UDT" as const),
      order: fc.shuffledSubarray([...CHAINS], { minLength: 3, maxLength: 3 }),
      challengeDuration: fc.bigInt({ min: 600n, max: 10_000_000n }),
      deposits: fc.record({
        evm: depositArb(n, 10n ** 15n, 10n ** 18n),
        icp: depositArb(n, 1_000n, 100_000_000n),
        ckb: depositArb(n, 61n, 5_000n),
      }),
      updates: fc.array(fc.array(moveArb, { maxLength: 4 }), { minLength: 1, maxLength: maxUpdates }),
      dispute: fc.record({
        honest: idx,
        // One or several chains see a stale registration.
        stale: fc
          .tuple(fc.subarray([...CHAINS], { minLength: 1 }), fc.tuple(fc.nat(), fc.nat(), fc.nat()))
          .map(([chains, picks]) => {
            const out: Partial<Record<Chain, number>> = {};
            for (const c of chains) out[c] = picks[CHAINS.indexOf(c)];
            return out;
          }),
        replay: fc.record({ evm: fc.nat(), icp: fc.nat(), ckb: fc.nat() }),
      }),
    });
  });
}

/** The concrete asset of each chain, as the drivers deployed them. */
export interface ChainAssets {
  evm: Asset;
  icp: Asset;
  ckb: Asset;
}

export function evmAssetOf(chainId: bigint, holder: Hex): Asset {
  return { chainID: chainId, ethHolder: holder, ccHolder: "0x" };
}
export function icpAssetOf(ledgerPrincipal: Hex): Asset {
  return { chainID: BACKEND_ICP, ethHolder: "0x0000000000000000000000000000000000000000", ccHolder: ledgerPrincipal };
}
/** CKBytes (`udtTypeHash` undefined) or the UDT with that type-script hash. */
export function ckbAssetOf(udtTypeHash?: Hex): Asset {
  return {
    chainID: BACKEND_CKB,
    ethHolder: "0x0000000000000000000000000000000000000000",
    ccHolder: udtTypeHash ?? "0x",
  };
}

const BACKEND: Record<Chain, bigint> = { evm: BACKEND_ETH, icp: BACKEND_ICP, ckb: BACKEND_CKB };

/** Index of `chain`'s asset in the outcome. */
export function assetIndex(k: SettlementCase, chain: Chain): number {
  return k.order.indexOf(chain);
}

/** Version-0 balances of a chain in its smallest unit (CKBytes in shannons). */
export function depositsOf(k: SettlementCase, chain: Chain): bigint[] {
  if (chain === "ckb" && k.ckbToken === "CKBytes") return k.deposits.ckb.map((x) => x * WHOLE_CKB);
  return k.deposits[chain];
}

/**
 * States v0..vk signed once by all (v0 = the deposits; each update applies its moves to the
 * previous balances, so every row keeps its total), non-final.
 */
export function historyOf(k: SettlementCase, params: Params, assets: ChainAssets): State[] {
  const state0: State = {
    channelID: channelId(params),
    version: 0n,
    outcome: {
      assets: k.order.map((c) => assets[c]),
      backends: k.order.map((c) => BACKEND[c]),
      balances: k.order.map((c) => depositsOf(k, c)),
      locked: [],
    },
    appData: "0x",
    isFinal: false,
  };
  const out = [state0];
  for (const moves of k.updates) {
    const s = structuredClone(out[out.length - 1]);
    s.version += 1n;
    for (const m of moves) {
      const row = s.outcome.balances[assetIndex(k, m.chain)];
      const amount = (row[m.from] * BigInt(m.permille)) / 1000n;
      row[m.from] -= amount;
      row[m.to] += amount;
    }
    out.push(s);
  }
  return out;
}

/** The final state of a cooperative close: the latest balances, version + 1, isFinal. */
export function finalOf(history: State[]): State {
  const s = structuredClone(history[history.length - 1]);
  s.version += 1n;
  s.isFinal = true;
  return s;
}

/** What `chain` must pay per participant when `state` wins: its own row, nothing else. */
export function rowOf(k: SettlementCase, state: State, chain: Chain): bigint[] {
  return state.outcome.balances[assetIndex(k, chain)].slice();
}

/** The stale state the coalition registers on `chain` first, if any (an older entry of the history). */
export function staleOn(k: SettlementCase, history: State[], chain: Chain): State | undefined {
  const pick = k.dispute.stale[chain];
  if (pick === undefined) return undefined;
  return history[pick % (history.length - 1)];
}

/** The older state the coalition tries to re-register on `chain` after the honest registration. */
export function replayOn(k: SettlementCase, history: State[], chain: Chain): State {
  return history[k.dispute.replay[chain] % (history.length - 1)];
}

/** Sum of a row. */
export function sum(xs: readonly bigint[]): bigint {
  return xs.reduce((a, b) => a + b, 0n);
}
