/**
 * The CKB side of the settlement property: the channel scripts in the CKB VM (the shared
 * CkbWorld of test/cross-chain/support.ts), transactions built by the package's src/ckb
 * builders. Payout locks are stand-in always-success locks whose hashes are the participants'
 * ccAddresses; a UDT is a stand-in type script (test/ckb/support/fixtures.ts does the same).
 * Every transaction that changes the channel is verified in the VM before it is committed.
 */
import type { Cell, Script } from "@ckb-lumos/base";
import { utils } from "@ckb-lumos/base";
import {
  buildClose,
  buildDispute,
  buildForceClose,
  buildFund,
  buildOpen,
  channelNonce,
  forceCloseSince,
} from "../../../src/ckb";
import { udtAmountOf, udtData } from "../../../src/ckb/buildFund";
import { occupied } from "../../../src/ckb/skeleton";
import type { FeePayer } from "../../../src/ckb";
import type { Hex, Params, State } from "../../../src/encoding/types";
import type { Verdict } from "../../../scripts/lib/ckb/world";
import { CKB, channelOf, type Scenario } from "../../ckb/support/fixtures";
import { setSince } from "../../ckb/support/mutate";
import { ckbWorld } from "../support";

/** How many transactions this property verified in the CKB VM (for the timing line). */
export const ckbVerifications = { count: 0 };

function verify(skel: Parameters<ReturnType<typeof ckbWorld>["verify"]>[0]): Verdict {
  ckbVerifications.count++;
  return ckbWorld().verify(skel);
}

/** Before the params exist: the opener (its out-point binds the nonce), payout locks, the UDT. */
export interface CkbPrep {
  opener: FeePayer;
  nonce: bigint;
  payoutLocks: Script[];
  ccAddresses: Hex[];
  udtType?: Script;
  udtTypeHash?: Hex;
}

export function ckbPrepare(n: number, token: "CKBytes" | "UDT"): CkbPrep {
  const w = ckbWorld();
  const opener: FeePayer = { cells: [w.coins(10_000n)], changeLock: w.script("opener-change") };
  const payoutLocks = Array.from({ length: n }, (_, i) => w.script(`payout${i}`));
  const udtType = token === "UDT" ? w.script("udt") : undefined;
  return {
    opener,
    nonce: channelNonce(opener.cells[0].outPoint!),
    payoutLocks,
    ccAddresses: payoutLocks.map((l) => w.hash(l) as Hex),
    udtType,
    udtTypeHash: udtType ? (w.hash(udtType) as Hex) : undefined,
  };
}

/** An opened and funded channel, with what went into it: the channel cell's capacity and each participant's funds cells. */
export interface CkbSide {
  prep: CkbPrep;
  sc: Scenario;
  channelCapacity: bigint;
  /** Capacity each participant locked in funds cells. */
  fundsCapacity: bigint[];
  /** UDT units each participant locked (0 for CKBytes channels). */
  fundsUdt: bigint[];
}

/** A fee payer whose input and change are known (top-ups of minimal cells come from it). */
export function ckbFeePayer(): FeePayer {
  const w = ckbWorld();
  return { cells: [w.coins(10_000n)], changeLock: w.script("fee-change") };
}

/** Opens with the version-0 state and funds by everybody (committed; the per-chain suites verify open and fund). */
export function ckbOpenAndFund(prep: CkbPrep, params: Params, state0: State): CkbSide {
  const w = ckbWorld();
  const opened = buildOpen({ deployment: w.deployment, params, initialState: state0, feePayer: prep.opener });
  const out = w.commit(opened.skeleton);
  const sc: Scenario = {
    world: w,
    n: params.participants.length,
    params,
    state0,
    payoutLocks: prep.payoutLocks,
    udtType: prep.udtType,
    udtCells: [],
    channel: channelOf(out[0]),
    funds: [],
  };
  const channelCapacity = BigInt(out[0].cellOutput.capacity);
  const fundsCapacity: bigint[] = [];
  const fundsUdt: bigint[] = [];
  const udtRow = prep.udtTypeHash
    ? state0.outcome.balances[state0.outcome.assets.findIndex((a) => a.ccHolder === prep.udtTypeHash)]
    : undefined;
  for (let i = 0; i < sc.n; i++) {
    const udtCells =
      prep.udtType && udtRow && udtRow[i] > 0n
        ? [
            w.mock({
              cellOutput: {
                capacity: "0x" + (300n * CKB).toString(16),
                lock: w.script(`udt-owner${i}`),
                type: prep.udtType,
              },
              data: udtData(udtRow[i] + 17n),
            }),
          ]
        : [];
    const skel = buildFund({
      deployment: w.deployment,
      channel: sc.channel!,
      expected: { params, state: state0 },
      index: i,
      udtCells,
      udtChangeLock: w.script("udt-change"),
      // the funder's own lock pays: its consent to the stored state
      feePayer: { cells: [w.coins(10_000n, prep.payoutLocks[i])], changeLock: w.script("fee-change") },
    });
    const cells = w.commit(skel);
    sc.channel = channelOf(cells[0]);
    const lock = sc.channel.cell.cellOutput.lock;
    const mine = cells
      .slice(1)
      .filter((c) => c.cellOutput.lock.codeHash === lock.codeHash && c.cellOutput.lock.args === lock.args);
    sc.funds.push(...mine);
    fundsCapacity.push(mine.reduce((s, c) => s + BigInt(c.cellOutput.capacity), 0n));
    fundsUdt.push(mine.filter((c) => c.cellOutput.type).reduce((s, c) => s + udtAmountOf(c), 0n));
  }
  return { prep, sc, channelCapacity, fundsCapacity, fundsUdt };
}

/** A built transaction, its VM verdict and its fee payer. */
export interface CkbTx {
  skel: ReturnType<typeof buildClose>;
  verdict: Verdict;
  feePayer: FeePayer;
}

/** What both payouts (close, force-close) take: the live channel, its funds cells, the payout locks, a fresh fee payer. */
function payoutArgs(side: CkbSide) {
  return {
    deployment: ckbWorld().deployment,
    channel: side.sc.channel!,
    fundsCells: side.sc.funds,
    payoutLocks: side.prep.payoutLocks,
    feePayer: ckbFeePayer(),
  };
}

/** Cooperative close with the final state (verified in the VM). */
export function ckbClose(side: CkbSide, state: State, sigs: Hex[]): CkbTx {
  const args = payoutArgs(side);
  const skel = buildClose({ ...args, state, signatures: sigs });
  return { skel, verdict: verify(skel), feePayer: args.feePayer };
}

/**
 * A Dispute transaction of `state` on the live channel cell (verified; committed if accepted).
 * Built from the attacker's point of view — a channel cell it pretends is undisputed at
 * version 0 — so that our builder's own stale-version guard does not stop a stale attempt
 * before the script sees it; the input is the real cell, which is what the script judges.
 */
export function ckbDispute(side: CkbSide, state: State, sigs: Hex[]): Verdict {
  const w = ckbWorld();
  const real = side.sc.channel!;
  const view = { cell: real.cell, status: { ...real.status, disputed: false, state: side.sc.state0 } };
  const skel = buildDispute({
    deployment: w.deployment,
    channel: view,
    state,
    signatures: sigs,
    feePayer: ckbFeePayer(),
  });
  const verdict = verify(skel);
  if (verdict.ok) side.sc.channel = channelOf(w.commit(skel)[0]);
  return verdict;
}

/** The registered version in the live channel cell. */
export function ckbRegisteredVersion(side: CkbSide): bigint | undefined {
  const st = side.sc.channel!.status;
  return st.disputed ? st.state.version : undefined;
}

/** Force-close after the window; `early` sets the channel input's since one second short of it. */
export function ckbForceClose(side: CkbSide, early = false): CkbTx {
  const args = payoutArgs(side);
  let skel = buildForceClose(args);
  if (early) skel = setSince(skel, 0, forceCloseSince(side.sc.params.challengeDuration - 1n));
  return { skel, verdict: verify(skel), feePayer: args.feePayer };
}

/** What a payout transaction does, read from its inputs and outputs. */
export interface CkbPayout {
  /** Per participant: capacity of its outputs (plain cells and the channel's UDT cells), and UDT units. */
  capacity: bigint[];
  udt: bigint[];
  /** Per participant: whether every one of its cells has exactly its occupied capacity. */
  allMinimal: boolean[];
  /** Outputs under a foreign type (neither none nor the channel's UDT) paid to a participant. */
  foreignTyped: number;
  /** Outputs neither to a participant nor the fee payer's change. */
  strayOutputs: number;
  /** The channel cell and every funds cell are inputs; no output carries the channel's lock or type. */
  consumesChannel: boolean;
  channelOutputs: number;
  /** Capacity of the channel cell + funds cells spent. */
  channelInCapacity: bigint;
  /** Fee payer input − change: the fee plus any top-up of minimal cells. */
  feePayerSpent: bigint;
}

export function ckbPayoutOf(side: CkbSide, tx: CkbTx): CkbPayout {
  const n = side.sc.n;
  const inputs = tx.skel.get("inputs").toArray();
  const outputs = tx.skel.get("outputs").toArray();
  const key = (c: Cell) => `${c.outPoint?.txHash}:${c.outPoint?.index}`;
  const inKeys = new Set(inputs.map(key));
  const channelCells = [side.sc.channel!.cell, ...side.sc.funds];
  const consumesChannel = channelCells.every((c) => inKeys.has(key(c)));
  const channelInCapacity = inputs
    .filter((c) => channelCells.some((x) => key(x) === key(c)))
    .reduce((s, c) => s + BigInt(c.cellOutput.capacity), 0n);
  const lockHashes = side.prep.payoutLocks.map((l) => utils.computeScriptHash(l));
  const chLock = side.sc.channel!.cell.cellOutput.lock;
  const chType = side.sc.channel!.cell.cellOutput.type!;
  const capacity = Array.from({ length: n }, () => 0n);
  const udt = Array.from({ length: n }, () => 0n);
  const allMinimal = Array.from({ length: n }, () => true);
  let foreignTyped = 0;
  let strayOutputs = 0;
  let channelOutputs = 0;
  let change = 0n;
  for (const o of outputs) {
    const lh = utils.computeScriptHash(o.cellOutput.lock);
    const t = o.cellOutput.type;
    if (
      (o.cellOutput.lock.codeHash === chLock.codeHash && o.cellOutput.lock.args === chLock.args) ||
      (t && t.codeHash === chType.codeHash && t.args === chType.args)
    )
      channelOutputs++;
    const p = lockHashes.indexOf(lh);
    if (p < 0) {
      if (lh === utils.computeScriptHash(tx.feePayer.changeLock) && !t) change += BigInt(o.cellOutput.capacity);
      else strayOutputs++;
      continue;
    }
    if (t && !(side.prep.udtTypeHash && utils.computeScriptHash(t) === side.prep.udtTypeHash)) {
      foreignTyped++;
      continue;
    }
    capacity[p] += BigInt(o.cellOutput.capacity);
    if (t) udt[p] += udtAmountOf(o);
    if (BigInt(o.cellOutput.capacity) !== occupied(o)) allMinimal[p] = false;
  }
  const feeIn = tx.feePayer.cells.reduce((s, c) => s + BigInt(c.cellOutput.capacity), 0n);
  return {
    capacity,
    udt,
    allMinimal,
    foreignTyped,
    strayOutputs,
    consumesChannel,
    channelOutputs,
    channelInCapacity,
    feePayerSpent: feeIn - change,
  };
}

/**
 * The CKB capacity rule (DESIGN.md, CKB payouts): participant i is owed the capacity it locked
 * beyond its CKByte deposit (its "extras") plus its CKByte balance in the winning state, and
 * participant 0 (the opener) also gets the channel cell's capacity back. `ckbRow` is the
 * winning state's CKBytes row, or undefined for a UDT channel (no CKBytes row).
 */
export function ckbCapacityOwed(
  side: CkbSide,
  ckbDeposits: bigint[] | undefined,
  ckbRow: bigint[] | undefined,
): bigint[] {
  return side.fundsCapacity.map(
    (locked, i) =>
      (i === 0 ? side.channelCapacity : 0n) + locked - (ckbDeposits ? ckbDeposits[i] : 0n) + (ckbRow ? ckbRow[i] : 0n),
  );
}
