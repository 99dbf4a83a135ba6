/**
 * The money of the three-chain channel: which assets its outcome holds (EVM ETH and the demo
 * ERC-20, an ICRC token on ICP, CKBytes and a UDT on CKB — in that order), what each
 * participant deposits, and the off-chain payments of the updates. Pure: no chain is touched.
 */
import type { Asset } from "../../../src";
import { formatAmount } from "../../lib/format";
import type { DemoPerson } from "../people";
import type { DemoChain } from "../types";

/** One asset of the channel's outcome and how to show it. */
export interface DemoAsset {
  chain: DemoChain;
  symbol: string;
  decimals: number;
  asset: Asset;
  /** `backends[i]` of this asset (DESIGN.md §2). */
  backend: bigint;
}

/** Deposit of participant i = base + i × perParticipant; each update moves `step` (all in whole units). */
interface AssetAmounts {
  base: string;
  perParticipant: string;
  step: string;
}

const AMOUNTS: Record<string, AssetAmounts> = {
  ETH: { base: "3", perParticipant: "0.5", step: "0.25" },
  PDT: { base: "300", perParticipant: "100", step: "20" },
  TST: { base: "5", perParticipant: "1", step: "0.5" },
  CKB: { base: "500", perParticipant: "100", step: "50" },
  UDT: { base: "1000", perParticipant: "100", step: "70" },
};

function units(text: string, decimals: number): bigint {
  const [whole, frac = ""] = text.split(".");
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt((frac + "0".repeat(decimals)).slice(0, decimals) || "0");
}

function amountsOf(a: DemoAsset): { base: bigint; perParticipant: bigint; step: bigint } {
  const t = AMOUNTS[a.symbol];
  if (t === undefined) throw new TypeError(`no demo amounts for asset ${a.symbol}`);
  return {
    base: units(t.base, a.decimals),
    perParticipant: units(t.perParticipant, a.decimals),
    step: units(t.step, a.decimals),
  };
}

/** Version 0's balances, `[asset][participant]`: what everyone deposits on each chain. */
export function deposits(assets: DemoAsset[], n: number): bigint[][] {
  return assets.map((a) => {
    const { base, perParticipant } = amountsOf(a);
    return Array.from({ length: n }, (_, i) => base + BigInt(i) * perParticipant);
  });
}

/** One off-chain payment: who pays whom, and the balances afterwards. */
export interface Payment {
  payer: number;
  payee: number;
  balances: bigint[][];
}

/**
 * Update `k` of `total` (1-based): participant (total − k + 1) mod n pays the one before it a
 * step of every asset (capped at what it holds). The payers rotate, so balances stay near the
 * deposits for any number of updates, and the last update is always Bob paying Alice — the
 * state before it is the one Bob would like to go back to (the dispute story's stale state).
 */
export function payment(assets: DemoAsset[], prev: bigint[][], k: number, total: number): Payment {
  const n = prev[0].length;
  const payer = (((total - k + 1) % n) + n) % n;
  const payee = (payer + n - 1) % n;
  const balances = prev.map((row, a) => {
    const next = [...row];
    const { step } = amountsOf(assets[a]);
    const moved = step < next[payer] ? step : next[payer];
    next[payer] -= moved;
    next[payee] += moved;
    return next;
  });
  return { payer, payee, balances };
}

/** "ETH Alice 3 / Bob 3.5, PDT …" (whole units). */
export function describeBalances(assets: DemoAsset[], people: DemoPerson[], balances: bigint[][]): string {
  return balances
    .map(
      (row, a) =>
        `${assets[a].symbol} ${row.map((v, i) => `${people[i].name} ${formatAmount(v, assets[a].decimals, "").trim()}`).join(" / ")}`,
    )
    .join(", ");
}

/** `amount` of asset `a` in whole units with its symbol. */
export function formatAsset(a: DemoAsset, amount: bigint): string {
  return formatAmount(amount, a.decimals, a.symbol);
}
