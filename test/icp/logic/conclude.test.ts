import { expect } from "chai";
import { conclude } from "../../../canisters/adjudicator/src/logic/conclude";
import { disputeOf, holdings } from "../../../canisters/adjudicator/src/logic/queries";
import { readEvents } from "../../../canisters/adjudicator/src/logic/events";
import { bytesToHex, hexToBytes } from "../../../src/encoding/internal/hex";
import { LEDGER, LEDGER_B, makeChannel, makeState, signAll, toCandidState, userPrincipal } from "../support/channels";
import { concludeWith, depositAll, disputeWith, fundedWorld } from "../support/logicFixture";
import { err, ok } from "../support/results";

describe("ICP logic: conclude (cooperative close)", () => {
  it("settles a final state signed by all at once and sets the outcome per ledger", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    await depositAll(w, ch, [30n, 0n], LEDGER_B);
    const rec = ok(
      concludeWith(
        w,
        ch,
        makeState(
          ch,
          7n,
          [
            [170n, 30n],
            [0n, 30n],
          ],
          { isFinal: true, ledgers: [LEDGER, LEDGER_B] },
        ),
      ),
    );
    expect(rec.phase).to.deep.equal({ Concluded: null });
    expect(rec.timeout).to.equal(w.now);
    const c = w.ctx(userPrincipal(0));
    expect(holdings(c, LEDGER, ch.fundingIDs[0])).to.equal(170n);
    expect(holdings(c, LEDGER, ch.fundingIDs[1])).to.equal(30n);
    expect(holdings(c, LEDGER_B, ch.fundingIDs[0])).to.equal(0n);
    expect(holdings(c, LEDGER_B, ch.fundingIDs[1])).to.equal(30n);
    const kinds = readEvents(c, 0n, 100).events.map((e) => Object.keys(e.event)[0]);
    expect(kinds.slice(-2)).to.deep.equal(["ChannelUpdate", "OutcomeSet"]);
  });

  it("refuses a non-final state (NotFinal) and a second conclude (AlreadyConcluded)", () => {
    const { w, ch } = fundedWorld();
    err(concludeWith(w, ch, makeState(ch, 1n, [[0n, 0n]])), "NotFinal");
    ok(concludeWith(w, ch, makeState(ch, 1n, [[0n, 0n]], { isFinal: true })));
    err(concludeWith(w, ch, makeState(ch, 2n, [[0n, 0n]], { isFinal: true })), "AlreadyConcluded");
  });

  it("supersedes an open dispute", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    ok(disputeWith(w, ch, makeState(ch, 3n, [[200n, 0n]])));
    ok(concludeWith(w, ch, makeState(ch, 4n, [[50n, 150n]], { isFinal: true })));
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[1])).to.equal(150n);
    expect(disputeOf(w.ctx(userPrincipal(0)), hexToBytes(ch.id, "id"))?.version).to.equal(4n);
  });

  it("leaves every deposit with its owner when the outcome asks for more than was deposited (underfunded)", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 10n]);
    ok(concludeWith(w, ch, makeState(ch, 1n, [[0n, 200n]], { isFinal: true })));
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(100n);
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[1])).to.equal(10n);
  });

  it("keeps deposits on a ledger the outcome does not mention withdrawable by their owners", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [5n, 6n], LEDGER_B);
    ok(concludeWith(w, ch, makeState(ch, 1n, [[0n, 0n]], { isFinal: true })));
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER_B, ch.fundingIDs[1])).to.equal(6n);
    expect(w.storage.isSettled(bytesToHex(ch.fundingIDs[1]))).to.equal(true);
  });

  it("accepts an out-of-range challengeDuration for a cooperative close (a channel is always closable)", () => {
    const { w } = fundedWorld();
    const ch = makeChannel(2, { challengeDuration: 1n << 40n });
    ok(concludeWith(w, ch, makeState(ch, 1n, [[0n, 0n]], { isFinal: true })));
  });

  it("checks signatures like dispute (WrongSigner when one participant did not sign)", () => {
    const { w, ch } = fundedWorld();
    const s = makeState(ch, 1n, [[0n, 0n]], { isFinal: true });
    const sigs = signAll(ch, s);
    sigs[1] = sigs[0];
    expect(
      err(conclude(w.ctx(userPrincipal(0)), ch.candidParams, toCandidState(s), sigs), "WrongSigner").index,
    ).to.equal(1);
  });
});
