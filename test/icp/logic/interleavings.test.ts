import { expect } from "chai";
import { deposit } from "../../../canisters/adjudicator/src/logic/deposit";
import { withdraw } from "../../../canisters/adjudicator/src/logic/withdraw";
import { holdings } from "../../../canisters/adjudicator/src/logic/queries";
import { CANISTER, LEDGER, makeState, userPrincipal } from "../support/channels";
import { authFor, concludeFinal, concludeWith, depositAll, fundedWorld, signAuth } from "../support/logicFixture";
import { flush } from "../support/logicHarness";
import { err, ok } from "../support/results";

/**
 * Every `await` on a ledger is a point where other messages run. Here the fake ledger holds
 * each call until the test releases it, so messages interleave exactly at those points.
 */
describe("ICP logic: interleavings at await points", () => {
  it("concurrent deposits to one funding ID, answered in reverse order, both credit exactly", async () => {
    const { w, ch } = fundedWorld();
    w.gated = true;
    const a = deposit(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0], 100n, []);
    const b = deposit(w.ctx(userPrincipal(1)), LEDGER, ch.fundingIDs[0], 30n, []);
    await flush();
    expect(w.pendingCount).to.equal(2);
    await w.release(1);
    await w.release(0);
    expect(ok(await b)).to.equal(30n);
    expect(ok(await a)).to.equal(130n);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(130n);
    w.assertBooks();
  });

  it("a deposit in flight while the channel concludes is credited afterwards to its own funding ID only", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    w.gated = true;
    const late = deposit(w.ctx(userPrincipal(1)), LEDGER, ch.fundingIDs[1], 40n, []);
    await flush();
    concludeFinal(w, ch, [150n, 50n]);
    await w.release();
    expect(ok(await late)).to.equal(90n);
    // Participant 1 can withdraw outcome + late deposit; participant 0 gets exactly its outcome.
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(150n);
    w.gated = false;
    const auth = authFor(ch, 1, 90n);
    ok(await withdraw(w.ctx(CANISTER), auth, signAuth(auth, ch.keys[1]), 10n));
    w.assertBooks();
  });

  it("a deposit in flight is not counted when the outcome is set (the outcome is judged on confirmed funds)", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 0n]);
    w.gated = true;
    const pending = deposit(w.ctx(userPrincipal(1)), LEDGER, ch.fundingIDs[1], 100n, []);
    await flush();
    // Outcome needs 200 but only 100 is confirmed: underfunded, deposits stay with their owners.
    concludeFinal(w, ch, [0n, 200n]);
    await w.release();
    ok(await pending);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(100n);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[1])).to.equal(100n);
    w.assertBooks();
  });

  it("two withdrawals racing on one funding ID: the second sees the first's debit and is refused", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    concludeFinal(w, ch, [150n, 50n]);
    w.gated = true;
    const a1 = authFor(ch, 0, 100n, { nonce: 0n });
    const first = withdraw(w.ctx(CANISTER), a1, signAuth(a1, ch.keys[0]), 10n);
    const a2 = authFor(ch, 0, 100n, { nonce: 1n });
    const second = await withdraw(w.ctx(CANISTER), a2, signAuth(a2, ch.keys[0]), 10n);
    expect(err(second, "InsufficientHoldings")).to.deep.equal({ available: 50n, requested: 100n });
    await w.release();
    ok(await first);
    w.assertBooks();
  });

  it("two withdrawals in flight, the first fails at the ledger: only its own debit is restored", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    concludeFinal(w, ch, [150n, 50n]);
    w.gated = true;
    const a1 = authFor(ch, 0, 60n, { nonce: 0n });
    const a2 = authFor(ch, 0, 90n, { nonce: 1n });
    const first = withdraw(w.ctx(CANISTER), a1, signAuth(a1, ch.keys[0]), 10n);
    const second = withdraw(w.ctx(CANISTER), a2, signAuth(a2, ch.keys[0]), 10n);
    await flush();
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(0n);
    w.ledger().failNext("TemporarilyUnavailable");
    await w.release(0);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(60n);
    err(await first, "LedgerError");
    await w.release(0);
    expect(ok(await second).paid).to.equal(80n);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(60n);
    w.assertBooks();
  });

  it("the ledger traps mid-withdraw while a deposit lands: the restore adds to the current value", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    w.gated = true;
    const late = deposit(w.ctx(userPrincipal(1)), LEDGER, ch.fundingIDs[1], 25n, []);
    await flush();
    concludeFinal(w, ch, [150n, 50n]);
    const a = authFor(ch, 1, 50n);
    const pay = withdraw(w.ctx(CANISTER), a, signAuth(a, ch.keys[1]), 10n);
    await flush();
    w.ledger().failNext("trap");
    await w.release(1);
    err(await pay, "LedgerCallFailed");
    await w.release(0);
    expect(ok(await late)).to.equal(75n);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[1])).to.equal(75n);
    w.assertBooks();
  });

  it("while a withdrawal is in flight the books already show the debit", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    ok(concludeWith(w, ch, makeState(ch, 1n, [[200n, 0n]], { isFinal: true })));
    w.gated = true;
    const a = authFor(ch, 0, 200n);
    const pay = withdraw(w.ctx(CANISTER), a, signAuth(a, ch.keys[0]), 10n);
    await flush();
    expect(w.books().get("0x00000000000000020101")).to.equal(0n);
    await w.release();
    expect(ok(await pay).paid).to.equal(190n);
    expect(w.ledger().balanceOf(CANISTER)).to.equal(0n);
    w.assertBooks();
  });
});
