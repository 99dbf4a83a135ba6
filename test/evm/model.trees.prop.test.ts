/**
 * Model-based property test of sub-channels and virtual channels against a coalition (issue 6).
 *
 * Each run restores `treeFixture` (Adjudicator, AssetHolderETH, keys H, X1, X2, X3), draws a
 * topology (`model/trees.ts`: a virtual channel through H as intermediary, an all-attacker
 * sub-channel, a two-of-three sub-channel, a sub-channel tree with H inside) and the amounts,
 * funds every ledger channel, and then plays a random command sequence of the coalition, which
 * holds X1, X2 and X3 (both ends of the virtual channel):
 * - register a stale ledger state (before the lock, or before H was paid);
 * - forge a state of a sub-channel whose keys it holds — another total, a short or long row,
 *   all funds to itself, a 2^255 balance — at version 2^64 − 1, the next version or a random
 *   one, and register it through a fake parent of its own (window equal to the sub-channel's,
 *   2^32 − 1, or zero) or through the real parent;
 * - register a fake parent locking a sub-channel whose window (2^32 − 1 s) exceeds the parent's;
 * - deposit under a real channel's bare ID (pool), open a channel with a duplicated
 *   participant, deposit into it and conclude it as malformed;
 * - conclude a real ledger channel itself; let time pass (seconds, one window, several).
 * After every command H, who is online, refutes every stale registration of a channel it signs
 * with its latest state and the genuine sub-channel states — which must always succeed (no
 * coalition state may stop it). Predicted outcomes: malformed shapes are always refused.
 *
 * At the end H concludes its ledger channels with whatever sub-channel states are registered
 * and withdraws with the replay-proof authorisation (each replay of it must fail). Invariants:
 * H receives at least its latest-state payout (plus, as intermediary, back the lock it put into
 * the virtual channel) whenever the coalition funded its channels fully — in some runs it funds
 * them short, and then H gets at least its own deposits; and nothing is stranded: once everyone
 * has withdrawn everything, the holder keeps exactly the forfeited overfunding of the
 * concluded channels (pools included).
 *
 * MODEL_TREE_RUNS (default 25) sets the runs, MODEL_TREE_MAX_COMMANDS (default 12) the length,
 * PROP_SEED the seed; MODEL_SHRINK=0 stops at the first failure without shrinking.
 */
import { expect } from "chai";
import fc from "fast-check";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { channelId, fundingId, hashState, signState } from "../../src";
import type { Address, Params, State } from "../../src";
import { decodeRevert, revertDataOf } from "./model/expectCustomError";
import { propParams, propTitle } from "../support/propertyRuns";
import {
  LEDGER_DURATION,
  MAX_DURATION,
  MAX_U64,
  ZERO,
  buildWorld,
  fid,
  genuineTree,
  honestStatesAreWellFormed,
  mkState,
  total,
  treeFixture,
  withdrawAll,
} from "./model/trees";
import type { Chan, PaidWithdrawal, Topology, World } from "./model/trees";

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? "");
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
const RUNS = envInt("MODEL_TREE_RUNS", 25);
const MAX_COMMANDS = envInt("MODEL_TREE_MAX_COMMANDS", 12);

type Cmd =
  | { k: "stale"; ledger: number; version: number; oldSubs: boolean }
  | {
      k: "forge";
      sub: number;
      version: "max" | "next" | "random";
      shape: "otherTotal" | "shortRow" | "longRow" | "allToFirst" | "huge";
      via: "fake" | "real";
      fakeDuration: "same" | "max" | "zero";
      salt: number;
    }
  | { k: "longSub" }
  | { k: "pool"; ledger: number; amount: bigint }
  | { k: "dup"; amount: bigint }
  | { k: "conclude"; ledger: number }
  | { k: "concludeFake" }
  | { k: "time"; secs: bigint };

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("stale" as const),
      ledger: fc.nat(1),
      version: fc.nat(1),
      oldSubs: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant("forge" as const),
      sub: fc.nat(1),
      version: fc.constantFrom("max" as const, "next" as const, "random" as const),
      shape: fc.constantFrom(
        "otherTotal" as const,
        "shortRow" as const,
        "longRow" as const,
        "allToFirst" as const,
        "huge" as const,
      ),
      via: fc.constantFrom("fake" as const, "real" as const),
      fakeDuration: fc.constantFrom("same" as const, "max" as const, "zero" as const),
      salt: fc.nat(1000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("longSub" as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("pool" as const),
      ledger: fc.nat(1),
      amount: fc.bigInt({ min: 1n, max: 60n }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("dup" as const), amount: fc.bigInt({ min: 1n, max: 500n }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("conclude" as const), ledger: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("concludeFake" as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("time" as const),
      secs: fc.constantFrom(1n, 7n, 29n, LEDGER_DURATION / 2n, LEDGER_DURATION + 1n, 3n * LEDGER_DURATION),
    }),
  },
);

const setupArb = fc.record({
  topology: fc.constantFrom<Topology>("virtual", "attackerSub", "twoOfThree", "tree"),
  order: fc.boolean(),
  amounts: fc.array(fc.bigInt({ min: 1n, max: 1000n }), { minLength: 4, maxLength: 4 }),
  nonce: fc.bigInt({ min: 1n, max: 1n << 60n }),
  longSub: fc.boolean(),
  // The coalition funds its ledger channels short by this much (underfunded outcomes, pools).
  shortBy: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 100n })),
});

/** Result of a transaction the coalition sends: "ok" or the custom error's name. */
async function attempt(w: World, f: () => Promise<{ wait(): Promise<unknown> }>): Promise<string> {
  try {
    await (await f()).wait();
    return "ok";
  } catch (e) {
    const data = revertDataOf(e);
    if (data === undefined) throw e;
    if (data.startsWith("0x4e487b71")) return "Panic";
    const decoded = decodeRevert(data, w.d.errorInterfaces);
    if (!decoded) throw new Error(`undecodable revert ${data}`, { cause: e });
    return decoded.name;
  }
}

const signedBy = (w: World, ch: { params: Params; signers: number[] }, state: State) => {
  w.known.set(hashState(state), state);
  return { params: ch.params, state, sigs: ch.signers.map((k) => signState(state, w.d.keys[k].privateKey)) };
};

async function now(): Promise<bigint> {
  return BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
}

/** The registered sub-channel states under `state` (depth-first), from the records. */
async function registeredTree(w: World, state: State): Promise<State[]> {
  const out: State[] = [];
  for (const l of state.outcome.locked) {
    const rec = await w.d.adjudicator.disputes(l.ID);
    const s = w.known.get(rec.stateHash);
    if (!s) throw new Error(`registered state of ${l.ID} unknown to the model`);
    out.push(s, ...(await registeredTree(w, s)));
  }
  return out;
}

/** H's reaction: refute every stale registration of a channel it signs. Must always work. */
async function honestReact(w: World): Promise<void> {
  const t = await now();
  for (const L of w.ledgers) {
    const rec = await w.d.adjudicator.disputes(L.id);
    const latest = L.history[L.history.length - 1];
    if (rec.timeout === 0n || rec.phase !== 0n) continue;
    if (rec.version < latest.version && t + 1n < rec.timeout) {
      const subs = genuineTree(w, L, latest).map((n) => signedBy(w, n.ch, n.state));
      const r = await attempt(w, () =>
        w.d.adjudicator.connect(w.d.keys[0].wallet).register(signedBy(w, L, latest), subs),
      );
      w.log.push(`honest refutes ${L.name} v${rec.version} -> ${r}`);
      expect(r, `H's refutation of ${L.name}`).to.equal("ok");
    }
    // Sub-channels H signs: refute a stale sub-state through the (now latest) parent.
    for (const n of genuineTree(w, L, latest)) {
      if (!n.ch.honestMember) continue;
      const srec = await w.d.adjudicator.disputes(n.ch.id);
      if (srec.timeout !== 0n && srec.phase === 0n && srec.version < n.state.version && t + 1n < srec.timeout) {
        const prec = await w.d.adjudicator.disputes(L.id);
        if (prec.version !== latest.version) continue; // the parent's own refutation above carried it
        const subs = genuineTree(w, L, latest).map((m) => signedBy(w, m.ch, m.state));
        const r = await attempt(w, () =>
          w.d.adjudicator.connect(w.d.keys[0].wallet).register(signedBy(w, L, latest), subs),
        );
        w.log.push(`honest refutes ${n.ch.name} v${srec.version} -> ${r}`);
        expect(r, `H's refutation of ${n.ch.name}`).to.equal("ok");
      }
    }
  }
}

/** Concludes ledger `L` (by `k`) with the registered tree; records the outcome total. */
async function concludeLedger(w: World, L: Chan, k: number): Promise<string> {
  const rec = await w.d.adjudicator.disputes(L.id);
  if (rec.timeout === 0n) return "not registered";
  if (rec.phase === 2n) return "concluded already";
  const state = w.known.get(rec.stateHash)!;
  const subs = await registeredTree(w, state);
  const r = await attempt(w, () => w.d.adjudicator.connect(w.d.keys[k].wallet).conclude(L.params, state, subs));
  if (r === "ok") {
    w.concluded.set(L.id, { held: (w.deposits.get(L.id) ?? 0n) + (w.pools.get(L.id) ?? 0n), total: total(state) });
  }
  return r;
}

function forgeable(w: World): Chan[] {
  return w.subs.filter((s) => !s.honestMember);
}

async function run(w: World, c: Cmd): Promise<void> {
  const d = w.d;
  const X = d.keys[1].wallet;
  switch (c.k) {
    case "stale": {
      const L = w.ledgers[c.ledger % w.ledgers.length];
      const s = L.history[c.version % (L.history.length - 1)];
      const subs = genuineTree(w, L, s, c.oldSubs).map((n) => signedBy(w, n.ch, n.state));
      const r = await attempt(w, () => d.adjudicator.connect(X).register(signedBy(w, L, s), subs));
      w.log.push(`stale ${L.name} v${s.version} -> ${r}`);
      return;
    }
    case "forge": {
      const cands = forgeable(w);
      const S = cands[c.sub % cands.length];
      const genuine = S.history[S.history.length - 1];
      const row = [...genuine.outcome.balances[0]];
      if (c.shape === "otherTotal") row[0] += 50n + BigInt(c.salt);
      if (c.shape === "shortRow") row.pop();
      if (c.shape === "longRow") row.push(0n);
      if (c.shape === "allToFirst") {
        const t = row.reduce((a, b) => a + b, 0n);
        row.fill(0n);
        row[0] = t;
      }
      if (c.shape === "huge") row[0] = 1n << 255n;
      const version = c.version === "max" ? MAX_U64 : c.version === "next" ? genuine.version + 1n : BigInt(1 + c.salt);
      const forged: State = { ...genuine, version, outcome: { ...genuine.outcome, balances: [row] } };
      const forgedTotal = total(forged);
      let parent: Chan;
      let pState: State;
      if (c.via === "fake") {
        // A ledger channel of coalition keys that contains the sub-channel's participants (a
        // bound sub-channel needs them) plus X3, locking the forged total.
        const signers = S.params.virtualChannel ? [1, 3] : [...S.signers, 3];
        const dur =
          c.fakeDuration === "same" ? S.params.challengeDuration : c.fakeDuration === "max" ? MAX_DURATION : 0n;
        const params: Params = {
          challengeDuration: dur,
          nonce: w.nonce++,
          participants: signers.map((k) => d.keys[k].participant),
          app: ZERO,
          ledgerChannel: true,
          virtualChannel: false,
        };
        parent = {
          name: "F",
          params,
          id: channelId(params),
          signers,
          history: [],
          children: [S],
          honestMember: false,
          fake: true,
        };
        const map = S.params.virtualChannel ? [0n, 1n] : S.signers.map((_, i) => BigInt(i));
        pState = mkState(
          parent,
          w.asset,
          1n,
          signers.map(() => 0n),
          [{ ID: S.id, balances: [forgedTotal], indexMap: map }],
        );
        parent.history = [pState];
        w.extra.push(parent);
      } else {
        parent = w.ledgers.find((L) => L.children.includes(S) || L.children.some((ch) => ch.children.includes(S)))!;
        pState = parent.history[parent.history.length - 1];
        if (!pState.outcome.locked.some((l) => l.ID === S.id)) {
          // S2 sits under S (tree): the coalition cannot sign S (H is in it) — use the fake parent instead.
          return run(w, { ...c, via: "fake" });
        }
      }
      const subs = pState.outcome.locked.flatMap((l) => {
        const ch = [...w.subs].find((x) => x.id === l.ID)!;
        const s = ch === S ? forged : ch.history[ch.history.length - 1];
        return [signedBy(w, ch, s), ...genuineTree(w, ch, s).map((n) => signedBy(w, n.ch, n.state))];
      });
      const r = await attempt(w, () => d.adjudicator.connect(X).register(signedBy(w, parent, pState), subs));
      w.log.push(
        `forge ${S.name} ${c.shape} v${version === MAX_U64 ? "max" : version} via ${c.via}${c.via === "fake" ? `(${c.fakeDuration})` : ""} -> ${r}`,
      );
      if (c.shape === "shortRow" || c.shape === "longRow") {
        expect(r, "a malformed sub-state is always refused").to.not.equal("ok");
      }
      return;
    }
    case "longSub": {
      const mk = (dur: bigint, ledger: boolean, signers: number[]): Params => ({
        challengeDuration: dur,
        nonce: w.nonce++,
        participants: signers.map((k) => d.keys[k].participant),
        app: ZERO,
        ledgerChannel: ledger,
        virtualChannel: false,
      });
      const sp = mk(MAX_DURATION, false, [1, 2]);
      const sub = { params: sp, signers: [1, 2] };
      const ss = mkState(sub, w.asset, 1n, [1n, 1n]);
      const fp = mk(LEDGER_DURATION, true, [1, 2]);
      const f = { params: fp, signers: [1, 2] };
      const fs = mkState(f, w.asset, 1n, [0n, 0n], [{ ID: channelId(sp), balances: [2n], indexMap: [0n, 1n] }]);
      const r = await attempt(w, () => d.adjudicator.connect(X).register(signedBy(w, f, fs), [signedBy(w, sub, ss)]));
      w.log.push(`century sub-channel -> ${r}`);
      expect(r, "a long sub-channel window is accepted (and bounded at conclude)").to.equal("ok");
      return;
    }
    case "pool": {
      const L = w.ledgers[c.ledger % w.ledgers.length];
      const r = await attempt(w, () => d.holder.connect(d.keys[3].wallet).deposit(L.id, c.amount, { value: c.amount }));
      if (r === "ok") w.pools.set(L.id, (w.pools.get(L.id) ?? 0n) + c.amount);
      else expect(w.concluded.has(L.id), `pool deposit refused (${r}) only after settlement`).to.equal(true);
      w.log.push(`pool ${L.name} ${c.amount} -> ${r}`);
      return;
    }
    case "dup": {
      const params: Params = {
        challengeDuration: LEDGER_DURATION,
        nonce: w.nonce++,
        participants: [1, 2, 1].map((k) => d.keys[k].participant),
        app: ZERO,
        ledgerChannel: true,
        virtualChannel: false,
      };
      const ch: Chan = {
        name: "DUP",
        params,
        id: channelId(params),
        signers: [1, 2, 1],
        history: [],
        children: [],
        honestMember: false,
      };
      await (await d.holder.connect(d.keys[2].wallet).deposit(fid(w, ch.id, 2), c.amount, { value: c.amount })).wait();
      w.deposits.set(ch.id, c.amount);
      const st = mkState(ch, w.asset, 1n, [c.amount, 0n, 0n]);
      const r = await attempt(w, () => d.adjudicator.connect(X).register(signedBy(w, ch, st), []));
      expect(r).to.equal("AdjudicatorDuplicateParticipant");
      await (await d.adjudicator.connect(X).concludeMalformed(params)).wait();
      w.concluded.set(ch.id, { held: c.amount, total: c.amount }); // refundable, nothing forfeited
      w.extra.push(ch);
      w.log.push(`dup channel, deposit ${c.amount}, register -> ${r}, concludeMalformed -> ok`);
      return;
    }
    case "conclude": {
      const L = w.ledgers[c.ledger % w.ledgers.length];
      w.log.push(`coalition concludes ${L.name} -> ${await concludeLedger(w, L, 1)}`);
      return;
    }
    case "concludeFake": {
      const F = [...w.extra].reverse().find((x) => x.fake);
      if (!F) return;
      const state = F.history[0];
      const subsBefore = await Promise.all(state.outcome.locked.map((l) => d.adjudicator.disputes(l.ID)));
      let subs: State[];
      try {
        subs = await registeredTree(w, state);
      } catch {
        return; // F's registration was refused: nothing to conclude
      }
      const r = await attempt(w, () => d.adjudicator.connect(X).conclude(F.params, state, subs));
      w.log.push(`coalition concludes its fake parent -> ${r}`);
      if (r === "ok") {
        const t = await now();
        for (const [i, l] of state.outcome.locked.entries()) {
          const before = subsBefore[i];
          const after = await d.adjudicator.disputes(l.ID);
          // No parent, fake or real, concludes a sub-channel inside its own refutation window.
          if (before.phase === 0n && before.timeout > t) {
            expect(after.phase, "a fake parent cut a sub-channel's window short").to.equal(0n);
          }
        }
      }
      return;
    }
    case "time":
      await time.increase(c.secs);
      w.log.push(`time +${c.secs}`);
      return;
  }
}

async function setup(w: World, shortBy: bigint): Promise<void> {
  const d = w.d;
  honestStatesAreWellFormed(w);
  for (const L of w.ledgers) {
    const latest = L.history[L.history.length - 1];
    // L2 of a virtual channel: H funds its lock; everything else is the coalition's money.
    const k = w.topology === "virtual" && L.name === "L2" ? 0 : 1;
    const amount = k === 0 || shortBy >= total(latest) ? total(latest) : total(latest) - shortBy;
    await (await d.holder.connect(d.keys[k].wallet).deposit(fid(w, L.id, k), amount, { value: amount })).wait();
    w.deposits.set(L.id, amount);
  }
}

/**
 * What H must receive at least (over all its ledger channels): its latest-state payout when
 * every ledger channel's deposits covered its outcome; otherwise (the coalition funded short)
 * at least its own deposits back — an underfunded channel pays deposits, not outcomes.
 */
function honestDue(w: World): bigint {
  let due = 0n;
  const uncovered = w.ledgers.filter((L) => {
    const c = w.concluded.get(L.id);
    return c !== undefined && c.held < c.total;
  });
  if (uncovered.length) {
    for (const L of w.ledgers)
      due +=
        w.topology === "virtual" && L.name === "L2" && uncovered.includes(L)
          ? total(L.history[L.history.length - 1])
          : 0n;
    return due;
  }
  for (const L of w.ledgers) {
    const latest = L.history[L.history.length - 1];
    due += latest.outcome.balances[0][L.signers.indexOf(0)];
  }
  if (w.topology === "virtual") due += total(w.subs[0].history[0]); // the lock H put into V, back
  if (w.topology === "tree") {
    const S = w.subs[0];
    due += S.history[S.history.length - 1].outcome.balances[0][S.signers.indexOf(0)];
  }
  return due;
}

async function finish(w: World): Promise<void> {
  const d = w.d;
  // H registers what is not registered yet, then waits out every window and concludes.
  for (const L of w.ledgers) {
    const rec = await d.adjudicator.disputes(L.id);
    if (rec.timeout === 0n) {
      const latest = L.history[L.history.length - 1];
      const subs = genuineTree(w, L, latest).map((n) => signedBy(w, n.ch, n.state));
      const r = await attempt(w, () => d.adjudicator.connect(d.keys[0].wallet).register(signedBy(w, L, latest), subs));
      w.log.push(`finish: H registers ${L.name} -> ${r}`);
      expect(r).to.equal("ok");
    }
  }
  await time.increase(3n * LEDGER_DURATION + 1n);
  for (const L of w.ledgers) {
    const r = await concludeLedger(w, L, 0);
    w.log.push(`finish: H concludes ${L.name} -> ${r}`);
    expect(["ok", "concluded already"]).to.include(r);
    const rec = await d.adjudicator.disputes(L.id);
    expect(rec.version, `${L.name} concluded with H's latest version`).to.equal(
      L.history[L.history.length - 1].version,
    );
  }
  const receiver = ethers.getAddress(ethers.dataSlice(ethers.id(`tree-model-receiver:${w.nonce}`), 12)) as Address;
  const before = await ethers.provider.getBalance(receiver);
  let paid = 0n;
  const bound: PaidWithdrawal[] = [];
  for (const L of w.ledgers) paid += await withdrawAll(w, L.id, 0, receiver, bound);
  // Replaying any of H's bound authorisations fails (single use).
  for (const b of bound) {
    const r = await attempt(w, () => d.holder.connect(d.keys[1].wallet).withdrawBound(b.auth, b.nonce, b.sig));
    expect(r, "a replayed bound withdrawal").to.equal("AssetHolderWithdrawalNonceMismatch");
  }
  expect(await ethers.provider.getBalance(receiver)).to.equal(before + paid);
  const due = honestDue(w);
  w.log.push(`finish: H withdrew ${paid}, due at least ${due}`);
  expect(paid, "H's latest-state payout").to.be.at.least(due);
  // Nothing stranded: the coalition withdraws everything it holds anywhere.
  const sink = ethers.getAddress(ethers.dataSlice(ethers.id(`tree-model-sink:${w.nonce}`), 12)) as Address;
  for (const ch of [...w.ledgers, ...w.extra.filter((x) => x.name === "DUP")]) {
    for (const k of [1, 2, 3]) await withdrawAll(w, ch.id, k, sink);
    for (const p of ch.params.participants) {
      expect(await d.holder.holdings(fundingId(ch.id, p.ethAddress)), `${ch.name}: everything withdrawn`).to.equal(0n);
    }
    expect(await d.holder.holdings(ch.id), `${ch.name}: no pool left`).to.equal(0n);
  }
  let forfeited = 0n;
  for (const { held, total: t } of w.concluded.values()) if (held >= t) forfeited += held - t;
  const left = await ethers.provider.getBalance(d.holderAddress);
  w.log.push(`finish: holder keeps ${left}, forfeited overfunding ${forfeited}`);
  expect(left, "nothing stranded: the holder keeps only forfeited overfunding").to.equal(forfeited);
}

describe("EVM model: sub-channels and virtual channels against a coalition (property, issue 6)", function () {
  this.timeout(0);

  const treeParams = propParams(RUNS, 7, { endOnFailure: process.env.MODEL_SHRINK === "0" });
  it(
    propTitle(
      `random coalition attacks on sub-channel and virtual-channel trees (≤ ${MAX_COMMANDS} commands)`,
      treeParams,
    ),
    async function () {
      const started = Date.now();
      const seen = new Map<string, number>();
      let sequences = 0;
      await fc.assert(
        fc.asyncProperty(setupArb, fc.array(cmdArb, { maxLength: MAX_COMMANDS }), async (s, cmds) => {
          const d = await loadFixture(treeFixture);
          const w = buildWorld(d, s.topology, s.order, s.amounts, s.nonce, s.longSub);
          w.log.push(`setup ${s.topology} order=${s.order} longSub=${w.longSub} amounts=${s.amounts.join(",")}`);
          try {
            await setup(w, s.shortBy);
            if (s.shortBy) w.log.push(`setup: coalition funds short by ${s.shortBy}`);
            for (const c of cmds) {
              await run(w, c);
              await honestReact(w);
            }
            await finish(w);
          } catch (err) {
            const e = err as Error;
            e.message = `${e.message}\n--- run log ---\n${w.log.join("\n")}`;
            throw e;
          }
          sequences++;
          if (RUNS >= 1000 && sequences % 500 === 0) {
            console.log(
              `      tree model: ${sequences} sequences passed (${((Date.now() - started) / 1000).toFixed(0)}s)`,
            );
          }
          for (const line of w.log) {
            const key =
              line.startsWith("finish") || line.startsWith("setup")
                ? line.split(" ").slice(0, 2).join(" ")
                : line.replace(/ v[0-9a-z]+/g, "").replace(/[0-9]+/g, "#");
            seen.set(key, (seen.get(key) ?? 0) + 1);
          }
        }),
        treeParams,
      );
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const top = [...seen.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 40)
        .map(([k, v]) => `${k}: ${v}`);
      console.log(`      tree model: ${sequences} sequences in ${secs}s; seen:\n        ${top.join("\n        ")}`);
      expect(sequences).to.equal(RUNS);
    },
  );
});
