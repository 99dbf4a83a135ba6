import { expect } from "chai";
import { Principal } from "@icp-sdk/core/principal";
import { hexToBytes } from "../../../src/encoding/internal/hex";
import {
  CANISTER_ID,
  LEDGER_B_ID,
  LEDGER_ID,
  sharedCanister,
  type InstalledCanister,
} from "../support/canisterFixture";
import { fid, fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { userPrincipal } from "../support/channels";
import { err, ok } from "../support/results";

/**
 * Layer 2: the REAL built wasm in the test host (not a replica), driven through the typed
 * client (src/icp) over Candid made from the committed .did, with fake ICRC ledgers as peers.
 */
describe("ICP canister (wasm in the test host): lifecycle", function () {
  this.timeout(120_000);
  let c: InstalledCanister;
  before(async () => {
    c = await sharedCanister();
  });

  it("cooperative close: deposit, conclude, withdraw both shares; ledger balances and the event log agree", async () => {
    const ch = fundedChannel(c);
    const fake = c.ledgers.ledger();
    const canisterBefore = fake.balanceOf(CANISTER_ID.toUint8Array());
    expect(ok(await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 500n))).to.equal(500n);
    expect(ok(await c.as(ch.users[1]).deposit(LEDGER_ID, fid(ch, 1), 300n))).to.equal(300n);
    expect(fake.balanceOf(CANISTER_ID.toUint8Array()) - canisterBefore).to.equal(800n);
    const final = makeState(ch, 9n, [[200n, 600n]], { isFinal: true });
    const rec = ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
    expect(rec.phase).to.deep.equal({ Concluded: null });
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 1))).to.equal(600n);

    const receiver = Principal.fromUint8Array(userPrincipal(30));
    for (const [i, amount] of [
      [0, 200n],
      [1, 600n],
    ] as const) {
      const w = ok(
        await c
          .as(ch.users[i])
          .signAndWithdraw(
            { params: ch.params, channelID: ch.id, participantIndex: i, receiver, ledger: LEDGER_ID, amount, fee: 10n },
            ch.keys[i],
          ),
      );
      expect(w.paid).to.equal(amount - 10n);
    }
    expect(fake.balanceOf(receiver.toUint8Array())).to.equal(190n + 590n);
    expect(fake.balanceOf(CANISTER_ID.toUint8Array())).to.equal(canisterBefore);
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(0n);

    const { events } = await c.as(ch.users[0]).pollEvents(0n);
    const mine = events.filter((e) => {
      const ev = e.event as Record<string, { channelID?: Uint8Array; fundingID?: Uint8Array }>;
      const body = Object.values(ev)[0];
      const id = body.channelID ?? body.fundingID;
      return id && [ch.id, fid(ch, 0), fid(ch, 1)].some((h) => Buffer.from(id).equals(Buffer.from(hexToBytes(h, "x"))));
    });
    expect(mine.map((e) => Object.keys(e.event)[0])).to.deep.equal([
      "Deposited",
      "Deposited",
      "ChannelUpdate",
      "OutcomeSet",
      "Withdrawn",
      "Withdrawn",
    ]);
  });

  it("dispute with refutation: register, refute (window kept), refused early close, concludeDispute after the window, withdraw", async () => {
    const ch = fundedChannel(c, 2, { challengeDuration: 100n });
    await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 400n);
    await c.as(ch.users[1]).deposit(LEDGER_ID, fid(ch, 1), 400n);
    const stale = makeState(ch, 3n, [[800n, 0n]]);
    const first = ok(await c.as(ch.users[0]).dispute(ch.params, stale, sigs(ch, stale)));
    expect(first.timeout).to.equal(c.host.now + 100n * 1_000_000_000n);
    c.host.advanceTime(40);
    const latest = makeState(ch, 5n, [[300n, 500n]]);
    const refuted = ok(await c.as(ch.users[1]).dispute(ch.params, latest, sigs(ch, latest)));
    expect(refuted.timeout).to.equal(first.timeout);
    expect(err(await c.as(ch.users[0]).dispute(ch.params, stale, sigs(ch, stale)), "StaleVersion")).to.deep.equal({
      registered: 5n,
      given: 3n,
    });
    expect(err(await c.as(ch.users[0]).concludeDispute(ch.id), "WindowStillOpen").timeout).to.equal(first.timeout);
    c.host.advanceTime(61);
    ok(await c.as(ch.users[0]).concludeDispute(ch.id));
    const rec = await c.as(ch.users[0]).disputeRecord(ch.id);
    expect(rec?.version).to.equal(5n);
    expect(rec?.phase).to.deep.equal({ Concluded: null });
    expect(await c.as(ch.users[1]).holdings(LEDGER_ID, fid(ch, 1))).to.equal(500n);
    ok(
      await c.as(ch.users[1]).signAndWithdraw(
        {
          params: ch.params,
          channelID: ch.id,
          participantIndex: 1,
          receiver: ch.users[1],
          ledger: LEDGER_ID,
          amount: 500n,
          fee: 10n,
        },
        ch.keys[1],
      ),
    );
  });

  it("returns each rule's own error variant through Candid", async () => {
    const ch = fundedChannel(c);
    const client = c.as(ch.users[0]);
    const s = makeState(ch, 1n, [[1n, 1n]]);
    expect(err(await client.dispute(ch.params, s, sigs(ch, s).slice(1)), "SignatureCount")).to.deep.equal({
      expected: 2,
      given: 1,
    });
    const mutated = sigs(ch, s);
    mutated[0] = (mutated[0].slice(0, -2) + "00") as `0x${string}`;
    expect(err(await client.dispute(ch.params, s, mutated), "BadSignature")).to.include({
      index: 0,
      rule: "SignatureVError",
    });
    const virtualParams = { ...ch.params, virtualChannel: true };
    expect(err(await client.dispute(virtualParams, s, sigs(ch, s)), "UnsupportedChannel")).to.deep.equal({
      reason: "virtual channel",
    });
    const otherNonce = { ...ch.params, nonce: ch.params.nonce + 1n };
    expect(err(await client.dispute(otherNonce, s, sigs(ch, s)), "ChannelIdMismatch").given).to.deep.equal(
      hexToBytes(ch.id, "id"),
    );
    expect(err(await client.deposit(LEDGER_ID, fid(ch, 0), 0n), "ZeroAmount")).to.equal(null);
    c.ledgers.ledger().failNext("InsufficientFunds");
    expect(err(await client.deposit(LEDGER_ID, fid(ch, 0), 5n), "LedgerError").error).to.have.property(
      "InsufficientFunds",
    );
    expect(err(await client.concludeDispute(ch.id), "NotRegistered")).to.deep.equal({
      channelID: hexToBytes(ch.id, "id"),
    });
    const w = await client.signAndWithdraw(
      {
        params: ch.params,
        channelID: ch.id,
        participantIndex: 0,
        receiver: ch.users[0],
        ledger: LEDGER_ID,
        amount: 50n,
        fee: 10n,
      },
      ch.keys[0],
    );
    err(w, "NotConcluded");
  });

  it("pays nothing for another chain's asset and keeps a deposit on an unmentioned ledger refundable", async () => {
    const ch = fundedChannel(c);
    await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n);
    await c.as(ch.users[1]).deposit(LEDGER_B_ID, fid(ch, 1), 40n);
    const final = makeState(ch, 2n, [[0n, 100n]], { isFinal: true, extraEvm: true });
    ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 1))).to.equal(100n);
    expect(await c.as(ch.users[0]).holdings(LEDGER_B_ID, fid(ch, 1))).to.equal(40n);
    ok(
      await c.as(ch.users[1]).signAndWithdraw(
        {
          params: ch.params,
          channelID: ch.id,
          participantIndex: 1,
          receiver: ch.users[1],
          ledger: LEDGER_B_ID,
          amount: 40n,
          fee: 3n,
        },
        ch.keys[1],
      ),
    );
    expect(err(await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 5n), "ChannelSettled")).to.have.property(
      "fundingID",
    );
  });
});
