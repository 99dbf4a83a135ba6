/**
 * The honest participant's strategy, the one the safety property is about (DESIGN.md §1: an
 * honest participant holding the latest fully signed state never loses funds):
 *
 * - watch: whenever a dispute is open with an older state than its latest, refute with the
 *   latest before the window closes (run before every advance of time, since only time
 *   passing can hurt it);
 * - finish: close the channel with its latest state (concludeFinal when it is final,
 *   otherwise register or refute, wait for the window, conclude) and withdraw its share.
 */
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { act, syncClock } from "./act";
import { addressOf } from "./actors";
import {
  ASSETS,
  ASSET_NAMES,
  ModelInconsistencyError,
  PHASE_DISPUTE,
  applyConclude,
  applyConcludeFinal,
  isConcluded,
  latest,
  note,
} from "./channelModel";
import type { ChannelModel, Model, Real } from "./channelModel";
import { checkInvariants } from "./invariants";
import { concludableAt, predictConclude, predictConcludeFinal, predictRegister } from "./predictions";
import { sendRegister } from "./register";
import { sendWithdraw } from "./withdraw";

/** Refutes every open dispute (but `except`'s) that holds an older state than the honest participant's latest. */
export async function honestWatch(m: Model, real: Real, except?: number): Promise<void> {
  for (const ch of m.channels) {
    if (ch.index === except) continue;
    const rec = ch.record;
    const mine = latest(ch);
    if (rec === undefined || rec.phase !== PHASE_DISPUTE || rec.version >= mine.state.version) continue;
    expect(m.now < rec.timeout, `honest participant missed the window of ch${ch.index}`).to.equal(true);
    const out = await sendRegister(
      m,
      real,
      ch,
      m.honest,
      mine.state,
      mine.sigs,
      predictRegister(m, ch, mine.state),
      "watch: refute",
    );
    expect(out.ok, `honest refutation of ch${ch.index} failed`).to.equal(true);
  }
}

/** Moves time forward by `seconds` (mines one block). */
export async function advance(m: Model, seconds: bigint): Promise<void> {
  await time.increase(seconds);
  await syncClock(m);
  note(m, `time +${seconds} -> ${m.now}`);
}

/** Concludes `ch` the honest way: concludeFinal with a final latest state, else dispute and conclude. */
export async function honestConclude(m: Model, real: Real, ch: ChannelModel): Promise<void> {
  if (isConcluded(ch)) return;
  const mine = latest(ch);
  const wallet = real.parts[m.honest].wallet;
  if (mine.state.isFinal) {
    const out = await act(
      m,
      real,
      `finish: concludeFinal ch${ch.index} v${mine.state.version}`,
      () => real.adjudicator.connect(wallet).concludeFinal(ch.params, mine.state, mine.sigs),
      predictConcludeFinal(ch, mine.state, mine.sigs),
    );
    expect(out.ok).to.equal(true);
    if (out.ok) applyConcludeFinal(ch, mine.state, out.ts);
    return;
  }
  if (ch.record === undefined || (ch.record.phase === PHASE_DISPUTE && ch.record.version < mine.state.version)) {
    const out = await sendRegister(
      m,
      real,
      ch,
      m.honest,
      mine.state,
      mine.sigs,
      predictRegister(m, ch, mine.state),
      "finish: register",
    );
    expect(out.ok, `honest register of ch${ch.index}`).to.equal(true);
  }
  const at = concludableAt(ch) as bigint;
  if (m.now + 1n < at) {
    await honestWatch(m, real); // the other channel's disputes, before time moves
    await advance(m, at - m.now);
  }
  const rec = ch.record;
  if (rec === undefined) throw new ModelInconsistencyError(`ch${ch.index}: no record after the honest registration`);
  const out = await act(
    m,
    real,
    `finish: conclude ch${ch.index} v${rec.version}`,
    () => real.adjudicator.connect(wallet).conclude(ch.params, rec.state, []),
    predictConclude(m, ch, rec.state),
  );
  expect(out.ok, `honest conclude of ch${ch.index}`).to.equal(true);
  if (out.ok) applyConclude(ch, at);
}

/**
 * Runs the honest strategy to the end on every channel, lets everyone withdraw what is left,
 * and asserts the safety property: when the deposits covered the honest participant's latest
 * state (the state the channel concluded with, for the payment channel always its latest),
 * it received at least its balance there; when they did not, it got its deposits back.
 */
export async function honestFinish(m: Model, real: Real): Promise<void> {
  await honestWatch(m, real);
  for (const ch of m.channels) await honestConclude(m, real, ch);
  await checkInvariants(m, real);
  for (const ch of m.channels) {
    for (const a of ASSETS) {
      for (let i = 0; i < m.n; i++) {
        const amount = ch.holdings[a][i];
        if (amount === 0n) continue;
        const out = await sendWithdraw(m, real, ch, a, i, i, amount, "finish: withdraw");
        expect(out.ok).to.equal(true);
      }
    }
  }
  await checkInvariants(m, real);
  for (const ch of m.channels) {
    const s = ch.settlement;
    if (s === undefined) throw new ModelInconsistencyError(`ch${ch.index} not settled after the honest strategy`);
    const mine = latest(ch).state;
    // Without force execution by someone else, the concluded balances are those of the honest
    // participant's latest state (its own moves keep the balances).
    const ownOutcome = ch.kind === "ledger" || ch.maliciousProgress === 0;
    for (const a of ASSETS) {
      const owed = s.funded[a] ? s.state.outcome.balances[a][m.honest] : s.heldBefore[a][m.honest];
      const received = ch.paidTo[a][m.honest];
      note(
        m,
        `ch${ch.index} ${ASSET_NAMES[a]}: honest owed ${owed} (${s.funded[a] ? "funded" : "underfunded"}), received ${received}`,
      );
      expect(
        received >= owed,
        `ch${ch.index} ${ASSET_NAMES[a]}: honest ${addressOf(real, m.honest)} received ${received} < ${owed}`,
      ).to.equal(true);
      if (ownOutcome && s.funded[a]) {
        expect(
          received >= mine.outcome.balances[a][m.honest],
          `ch${ch.index} ${ASSET_NAMES[a]}: honest received ${received} < ${mine.outcome.balances[a][m.honest]} of its latest state`,
        ).to.equal(true);
      }
    }
  }
}
