import { expect } from "chai";
import { concludeDispute } from "../../../canisters/adjudicator/src/logic/concludeDispute";
import { holdings } from "../../../canisters/adjudicator/src/logic/queries";
import { hexToBytes } from "../../../src/encoding/internal/hex";
import { LEDGER, makeState, userPrincipal } from "../support/channels";
import { depositAll, disputeWith, fundedWorld } from "../support/logicFixture";
import { err, ok } from "../support/results";

describe("ICP logic: concludeDispute", () => {
  it("refuses before the window ends (WindowStillOpen) and settles the registered state after it", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    const reg = ok(disputeWith(w, ch, makeState(ch, 2n, [[60n, 140n]])));
    const id = hexToBytes(ch.id, "id");
    w.now = reg.timeout - 1n;
    expect(err(concludeDispute(w.ctx(userPrincipal(5)), id), "WindowStillOpen")).to.deep.equal({
      timeout: reg.timeout,
      now: reg.timeout - 1n,
    });
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(100n);
    w.now = reg.timeout;
    const rec = ok(concludeDispute(w.ctx(userPrincipal(5)), id));
    expect(rec.phase).to.deep.equal({ Concluded: null });
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(60n);
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[1])).to.equal(140n);
    err(concludeDispute(w.ctx(userPrincipal(5)), id), "AlreadyConcluded");
  });

  it("settles the refuted (newest) state, not the first one", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    const reg = ok(disputeWith(w, ch, makeState(ch, 1n, [[200n, 0n]])));
    ok(disputeWith(w, ch, makeState(ch, 2n, [[0n, 200n]]), userPrincipal(1)));
    w.now = reg.timeout + 1n;
    ok(concludeDispute(w.ctx(userPrincipal(0)), hexToBytes(ch.id, "id")));
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[1])).to.equal(200n);
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(0n);
  });

  it("refuses an unknown channel (NotRegistered) and a malformed ID (InvalidEncoding)", () => {
    const { w } = fundedWorld();
    err(concludeDispute(w.ctx(userPrincipal(0)), new Uint8Array(32).fill(3)), "NotRegistered");
    err(concludeDispute(w.ctx(userPrincipal(0)), new Uint8Array(31)), "InvalidEncoding");
  });
});
