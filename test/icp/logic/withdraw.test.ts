import { expect } from "chai";
import { withdraw } from "../../../canisters/adjudicator/src/logic/withdraw";
import { holdings, withdrawalNonce } from "../../../canisters/adjudicator/src/logic/queries";
import { readEvents } from "../../../canisters/adjudicator/src/logic/events";
import { CANISTER, LEDGER, LEDGER_B, userPrincipal } from "../support/channels";
import { authFor, concludeFinal, depositAll, fundedWorld, signAuth, withdrawAs } from "../support/logicFixture";
import { err, ok } from "../support/results";
import type { LedgerFailure } from "../support/fakeIcrcLedger";

async function settledWorld() {
  const { w, ch } = fundedWorld();
  await depositAll(w, ch, [100n, 100n]);
  concludeFinal(w, ch, [150n, 50n]);
  return { w, ch };
}

describe("ICP logic: withdraw", () => {
  it("pays amount − fee to the receiver account, debits amount, logs Withdrawn", async () => {
    const { w, ch } = await settledWorld();
    const sub = new Uint8Array(32).fill(4);
    const r = ok(await withdrawAs(w, ch, 0, 150n, { receiver: userPrincipal(7), subaccount: sub }));
    expect(r.paid).to.equal(140n);
    const fake = w.ledger();
    expect(fake.balanceOf({ owner: userPrincipal(7), subaccount: [sub] })).to.equal(140n);
    expect(fake.balanceOf(CANISTER)).to.equal(200n - 150n);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(0n);
    expect(withdrawalNonce(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(1n);
    const last = readEvents(w.ctx(CANISTER), 0n, 100).events.pop()!;
    expect(last.event).to.have.property("Withdrawn");
    expect((last.event as any).Withdrawn.blockIndex).to.equal(r.blockIndex);
  });

  it("allows partial withdrawals, each with the next nonce; the same signature cannot be replayed (WrongNonce)", async () => {
    const { w, ch } = await settledWorld();
    const auth = authFor(ch, 0, 60n, { receiver: userPrincipal(8) });
    const sig = signAuth(auth, ch.keys[0]);
    ok(await withdraw(w.ctx(userPrincipal(8)), auth, sig, 10n));
    // The receiver tries to take the rest with the same authorisation.
    expect(err(await withdraw(w.ctx(userPrincipal(8)), auth, sig, 10n), "WrongNonce")).to.deep.equal({
      expected: 1n,
      given: 0n,
    });
    ok(await withdrawAs(w, ch, 0, 90n, { nonce: 1n }));
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(0n);
  });

  it("refuses more than the holdings (InsufficientHoldings) and before conclusion (NotConcluded)", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    err(await withdrawAs(w, ch, 0, 50n), "NotConcluded");
    concludeFinal(w, ch, [150n, 50n]);
    expect(err(await withdrawAs(w, ch, 1, 51n), "InsufficientHoldings")).to.deep.equal({
      available: 50n,
      requested: 51n,
    });
  });

  it("refuses an authorisation signed by another participant (WrongSigner) — a coalition cannot take the honest one's share", async () => {
    const { w, ch } = await settledWorld();
    const e = err(await withdrawAs(w, ch, 0, 150n, { signer: 1, receiver: userPrincipal(1) }), "WrongSigner");
    expect(e.index).to.equal(0);
  });

  it("refuses a malformed signature (BadSignature with the policy rule)", async () => {
    const { w, ch } = await settledWorld();
    const auth = authFor(ch, 0, 150n);
    const sig = signAuth(auth, ch.keys[0]);
    sig[64] = 1;
    expect(err(await withdraw(w.ctx(CANISTER), auth, sig, 10n), "BadSignature").rule).to.equal("SignatureVError");
  });

  it("refuses an authorisation for another canister (WrongAdjudicator)", async () => {
    const { w, ch } = await settledWorld();
    err(
      await withdrawAs(w, ch, 0, 150n, { adjudicator: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 9, 1, 1]) }),
      "WrongAdjudicator",
    );
  });

  it("cannot be replayed on another ledger: the signed ledger is the one paid and debited", async () => {
    const { w, ch } = await settledWorld();
    await depositAll(w, ch, [0n, 0n], LEDGER_B);
    // Signed for LEDGER; changing the ledger in the request changes the signed bytes.
    const auth = authFor(ch, 0, 100n);
    const sig = signAuth(auth, ch.keys[0]);
    const moved = { ...auth, ledger: LEDGER_B };
    err(await withdraw(w.ctx(CANISTER), moved, sig, 3n), "WrongSigner");
  });

  it("binds the receiver and amount: changing either breaks the signature (WrongSigner)", async () => {
    const { w, ch } = await settledWorld();
    const auth = authFor(ch, 0, 100n);
    const sig = signAuth(auth, ch.keys[0]);
    err(
      await withdraw(w.ctx(CANISTER), { ...auth, receiver: { ...auth.receiver, owner: userPrincipal(13) } }, sig, 10n),
      "WrongSigner",
    );
    err(await withdraw(w.ctx(CANISTER), { ...auth, amount: 150n }, sig, 10n), "WrongSigner");
    err(
      await withdraw(
        w.ctx(CANISTER),
        { ...auth, receiver: { ...auth.receiver, subaccount: new Uint8Array(32).fill(1) } },
        sig,
        10n,
      ),
      "WrongSigner",
    );
  });

  const refusals: Array<[string, Parameters<typeof withdrawAs>[4], bigint, string]> = [
    ["zero amount", {}, 0n, "ZeroAmount"],
    ["an amount not above the fee", {}, 10n, "AmountNotAboveFee"],
    ["a receiver principal of 30 bytes", { receiver: new Uint8Array(30) }, 50n, "InvalidPrincipal"],
    ["a ledger principal of 30 bytes", { ledger: new Uint8Array(30), fee: 10n }, 50n, "InvalidPrincipal"],
    ["a subaccount of 31 bytes", { subaccount: new Uint8Array(31) }, 50n, "InvalidEncoding"],
  ];
  for (const [name, opts, amount, kind] of refusals) {
    it(`refuses ${name} (${kind}) and moves nothing`, async () => {
      const { w, ch } = await settledWorld();
      const calls = w.ledger().calls.length;
      let r;
      try {
        r = await withdrawAs(w, ch, 0, amount, opts);
      } catch {
        // Signing itself refuses some malformed auths; build the request unsigned then.
        const auth = authFor(ch, 0, amount, opts);
        r = await withdraw(w.ctx(CANISTER), auth, new Uint8Array(65), opts?.fee ?? 10n);
      }
      err(r, kind);
      expect(w.ledger().calls.length).to.equal(calls);
      expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(150n);
    });
  }

  const failures: LedgerFailure[] = ["InsufficientFunds", "BadFee", "TemporarilyUnavailable", "GenericError"];
  for (const f of failures) {
    it(`restores the debit AND the nonce when the ledger answers ${f} (LedgerError): the same authorisation pays later`, async () => {
      const { w, ch } = await settledWorld();
      w.ledger().failNext(f);
      expect(err(await withdrawAs(w, ch, 0, 100n), "LedgerError").error).to.have.property(f);
      expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(150n);
      expect(withdrawalNonce(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(0n);
      ok(await withdrawAs(w, ch, 0, 100n, { nonce: 0n }));
      // Paid once: the same authorisation cannot pay twice.
      err(await withdrawAs(w, ch, 0, 100n, { nonce: 0n }), "WrongNonce");
    });
  }

  it("restores the debit when the ledger traps (LedgerCallFailed)", async () => {
    const { w, ch } = await settledWorld();
    w.ledger().failNext("trap");
    expect(err(await withdrawAs(w, ch, 0, 100n), "LedgerCallFailed").code).to.equal(5);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(150n);
    w.assertBooks();
  });

  it("a wrong fee is caught by the ledger (BadFee) and nothing moves", async () => {
    const { w, ch } = await settledWorld();
    const before = w.ledger().balanceOf(CANISTER);
    expect(err(await withdrawAs(w, ch, 0, 100n, { fee: 9n }), "LedgerError").error).to.deep.equal({
      BadFee: { expected_fee: 10n },
    });
    expect(w.ledger().balanceOf(CANISTER)).to.equal(before);
    expect(holdings(w.ctx(CANISTER), LEDGER, ch.fundingIDs[0])).to.equal(150n);
  });

  it("lets every participant of a 4-party channel withdraw its share and leaves the books exact", async () => {
    const { w, ch } = fundedWorld(4);
    await depositAll(w, ch, [100n, 100n, 100n, 100n]);
    concludeFinal(w, ch, [40n, 160n, 100n, 100n]);
    for (let i = 0; i < 4; i++) ok(await withdrawAs(w, ch, i, [40n, 160n, 100n, 100n][i]));
    expect(w.ledger().balanceOf(CANISTER)).to.equal(0n);
    expect(w.books().get("0x00000000000000020101")).to.equal(0n);
  });
});
