import { expect } from "chai";
import { deposit } from "../../../canisters/adjudicator/src/logic/deposit";
import { holdings } from "../../../canisters/adjudicator/src/logic/queries";
import { readEvents } from "../../../canisters/adjudicator/src/logic/events";
import { CANISTER, LEDGER, LEDGER_B, userPrincipal } from "../support/channels";
import { concludeFinal, depositAll, fundedWorld } from "../support/logicFixture";
import { err, ok } from "../support/results";
import type { LedgerFailure } from "../support/fakeIcrcLedger";

describe("ICP logic: deposit", () => {
  it("pulls from the caller with icrc2_transfer_from and credits the funding ID after Ok", async () => {
    const { w, ch } = fundedWorld();
    const total = ok(await deposit(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0], 1000n, []));
    expect(total).to.equal(1000n);
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(1000n);
    const fake = w.ledger();
    expect(fake.balanceOf(CANISTER)).to.equal(1000n);
    // The depositor pays the fee: 1000 + 10 left its account, the allowance dropped by the same.
    expect(fake.balanceOf(userPrincipal(0))).to.equal(100_000n - 1010n);
    expect(fake.allowance(userPrincipal(0), CANISTER)).to.equal(50_000n - 1010n);
    const call = fake.calls[0].args as any;
    expect(call.from.owner).to.deep.equal(userPrincipal(0));
    expect(call.to.owner).to.deep.equal(CANISTER);
    const ev = readEvents(w.ctx(CANISTER), 0n, 10).events;
    expect(ev).to.have.length(1);
    expect(ev[0].event).to.deep.equal({
      Deposited: { ledger: LEDGER, fundingID: ch.fundingIDs[0], amount: 1000n, depositor: userPrincipal(0) },
    });
  });

  it("adds up deposits and keeps ledgers apart", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 0n]);
    await depositAll(w, ch, [50n, 0n]);
    await depositAll(w, ch, [7n, 0n], LEDGER_B);
    const c = w.ctx(userPrincipal(0));
    expect(holdings(c, LEDGER, ch.fundingIDs[0])).to.equal(150n);
    expect(holdings(c, LEDGER_B, ch.fundingIDs[0])).to.equal(7n);
    expect(holdings(c, LEDGER, ch.fundingIDs[1])).to.equal(0n);
  });

  it("takes only from the caller's own account, even if another account approved the canister", async () => {
    const { w, ch } = fundedWorld();
    const stranger = userPrincipal(20);
    const r = await deposit(w.ctx(stranger), LEDGER, ch.fundingIDs[0], 100n, []);
    // The stranger has no funds/allowance of its own; user 0's approval is not usable by it.
    expect(err(r, "LedgerError").error).to.have.property("InsufficientAllowance");
    expect(w.ledger().balanceOf(userPrincipal(0))).to.equal(100_000n);
    expect(holdings(w.ctx(stranger), LEDGER, ch.fundingIDs[0])).to.equal(0n);
  });

  const refusals: Array<[string, (f: Uint8Array) => [Uint8Array, Uint8Array, bigint, [] | [Uint8Array]], string]> = [
    ["zero amount", (f) => [LEDGER, f, 0n, []], "ZeroAmount"],
    ["funding ID of 31 bytes", (f) => [LEDGER, f.subarray(1), 5n, []], "InvalidEncoding"],
    ["ledger principal of 30 bytes", (f) => [new Uint8Array(30), f, 5n, []], "InvalidPrincipal"],
    ["subaccount of 31 bytes", (f) => [LEDGER, f, 5n, [new Uint8Array(31)]], "InvalidEncoding"],
  ];
  for (const [name, args, kind] of refusals) {
    it(`refuses ${name} (${kind}) without calling the ledger`, async () => {
      const { w, ch } = fundedWorld();
      err(await deposit(w.ctx(userPrincipal(0)), ...args(ch.fundingIDs[0])), kind);
      expect(w.ledger().calls).to.have.length(0);
    });
  }

  it("refuses a deposit into a settled channel (ChannelSettled) without calling the ledger", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    concludeFinal(w, ch, [150n, 50n]);
    const before = w.ledger().calls.length;
    const r = await deposit(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[1], 10n, []);
    expect(err(r, "ChannelSettled").fundingID).to.deep.equal(ch.fundingIDs[1]);
    expect(w.ledger().calls.length).to.equal(before);
  });

  const failures: LedgerFailure[] = [
    "InsufficientFunds",
    "InsufficientAllowance",
    "BadFee",
    "TemporarilyUnavailable",
    "GenericError",
  ];
  for (const f of failures) {
    it(`credits nothing when the ledger answers ${f} (LedgerError carries the ledger's error)`, async () => {
      const { w, ch } = fundedWorld();
      w.ledger().failNext(f);
      const r = await deposit(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0], 100n, []);
      expect(err(r, "LedgerError").error).to.have.property(f);
      expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(0n);
      expect(w.storage.eventCount()).to.equal(0n);
    });
  }

  it("credits nothing when the ledger traps (LedgerCallFailed, code 5)", async () => {
    const { w, ch } = fundedWorld();
    w.ledger().failNext("trap");
    const r = await deposit(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0], 100n, []);
    expect(err(r, "LedgerCallFailed").code).to.equal(5);
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(0n);
  });

  it("credits nothing when the ledger does not exist (LedgerCallFailed, code 3)", async () => {
    const { w, ch } = fundedWorld();
    w.storage.setLedgerAllowed("0x0909", true);
    const r = await deposit(w.ctx(userPrincipal(0)), Uint8Array.from([9, 9]), ch.fundingIDs[0], 100n, []);
    expect(err(r, "LedgerCallFailed").code).to.equal(3);
  });

  it("refuses a ledger the controller has not listed before calling it (LedgerNotAllowed)", async () => {
    const { w, ch } = fundedWorld();
    const calls = w.ledger().calls.length;
    const r = await deposit(w.ctx(userPrincipal(0)), Uint8Array.from([9, 9]), ch.fundingIDs[0], 100n, []);
    expect(err(r, "LedgerNotAllowed").ledger).to.deep.equal(Uint8Array.from([9, 9]));
    expect(w.ledger().calls.length).to.equal(calls);
  });

  it("credits an amount above 2^64 exactly", async () => {
    const { w, ch } = fundedWorld();
    const big = (1n << 70n) + 3n;
    w.ledger().mint(userPrincipal(0), big * 2n);
    w.ledger().approve(userPrincipal(0), CANISTER, big * 2n);
    expect(ok(await deposit(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0], big, []))).to.equal(big);
  });
});
