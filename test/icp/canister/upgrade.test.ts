import { expect } from "chai";
import { Principal } from "@icp-sdk/core/principal";
import {
  allowLedger,
  CANISTER_ID,
  installCanister,
  LEDGER_B_ID,
  LEDGER_ID,
  type InstalledCanister,
} from "../support/canisterFixture";
import { fid, fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { err, ok } from "../support/results";
import { bytesToHex } from "../../../src/encoding/internal/hex";
import type { IcpWithdrawalAuth } from "../../../src/encoding/icp/IcpWithdrawalAuth";
import { signIcpWithdrawalAuth } from "../../../src/encoding/icp/signIcpWithdrawalAuth";

/** Layer 2: stable memory across an upgrade (fresh heap, same stable memory, canister_post_upgrade). */
describe("ICP canister (wasm in the test host): upgrade keeps holdings, disputes and the event log", function () {
  this.timeout(180_000);
  let c: InstalledCanister;
  before(async () => {
    c = await installCanister({ rollback: false });
  });

  it("after an upgrade: holdings, an open dispute, settled flags, nonces and the event log are all there, and the log continues", async () => {
    const open = fundedChannel(c, 2, { challengeDuration: 50n });
    const closed = fundedChannel(c);
    ok(await c.as(open.users[0]).deposit(LEDGER_ID, fid(open, 0), 70n));
    ok(await c.as(closed.users[1]).deposit(LEDGER_ID, fid(closed, 1), 90n));
    const reg = makeState(open, 2n, [[70n, 0n]]);
    const record = ok(await c.as(open.users[0]).dispute(open.params, reg, sigs(open, reg)));
    const final = makeState(closed, 1n, [[0n, 90n]], { isFinal: true });
    ok(await c.as(closed.users[0]).conclude(closed.params, final, sigs(closed, final)));
    const args = {
      params: closed.params,
      channelID: closed.id,
      participantIndex: 1,
      receiver: closed.users[1],
      ledger: LEDGER_ID,
      amount: 30n,
      fee: 10n,
    };
    ok(await c.as(closed.users[1]).signAndWithdraw(args, closed.keys[1]));
    const before = await c.as(closed.users[0]).pollEvents(0n);

    await c.host.upgrade();

    const client = c.as(closed.users[0]);
    expect(await client.holdings(LEDGER_ID, fid(open, 0))).to.equal(70n);
    expect(await client.holdings(LEDGER_ID, fid(closed, 1))).to.equal(60n);
    expect(await client.withdrawalNonce(LEDGER_ID, fid(closed, 1))).to.equal(1n);
    const disputed = await client.disputeRecord(open.id);
    expect(disputed?.version).to.equal(2n);
    expect(disputed?.timeout).to.equal(record.timeout);
    const after = await client.pollEvents(0n);
    expect(after.next).to.equal(before.next);
    expect(after.events.map((e) => e.index)).to.deep.equal(before.events.map((e) => e.index));
    // Settled is still settled, the nonce still counts, the window still runs, the log appends after its end.
    expect(await client.deposit(LEDGER_ID, fid(closed, 0), 5n)).to.have.property("Err");
    ok(await c.as(closed.users[1]).signAndWithdraw({ ...args, amount: 60n }, closed.keys[1]));
    const refute = makeState(open, 3n, [[35n, 35n]]);
    expect(ok(await c.as(open.users[1]).dispute(open.params, refute, sigs(open, refute))).timeout).to.equal(
      record.timeout,
    );
    const more = await client.events(before.next, 10);
    expect(more.events[0].index).to.equal(before.next);
  });

  const tick = () => new Promise<void>((r) => setImmediate(r));
  const settle = async () => {
    for (let i = 0; i < 20; i++) await tick();
  };

  async function concludedWith100(): Promise<ReturnType<typeof fundedChannel>> {
    const ch = fundedChannel(c);
    ok(await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n));
    const final = makeState(ch, 1n, [[100n, 0n]], { isFinal: true });
    ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
    return ch;
  }

  const withdrawArgs = (ch: ReturnType<typeof fundedChannel>, amount: bigint) => ({
    params: ch.params,
    channelID: ch.id,
    participantIndex: 0,
    receiver: ch.users[0],
    ledger: LEDGER_ID,
    amount,
    fee: 10n,
  });

  it("refuses an upgrade while a withdrawal's ledger call is in flight; the refused withdrawal then restores debit AND nonce (finding 4)", async () => {
    const ch = await concludedWith100();
    c.ledgers.hold = true;
    const pending = c.as(ch.users[0]).signAndWithdraw(withdrawArgs(ch, 60n), ch.keys[0]);
    await settle();
    expect(c.ledgers.heldCount).to.equal(1);
    expect(await c.actorFor(ch.users[0]).ledgerCallsInFlight()).to.equal(1);
    c.host.rollback = true;
    let refusal = "";
    await c.host.upgrade().catch((e: Error) => (refusal = e.message));
    c.host.rollback = false;
    expect(refusal).to.match(/upgrade refused: 1 ledger call\(s\) outstanding; stop the canister first/);
    c.ledgers.hold = false;
    c.ledgers.ledger().failNext("TemporarilyUnavailable");
    c.ledgers.releaseHeld();
    expect(err(await pending, "LedgerError").error).to.have.property("TemporarilyUnavailable");
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(100n);
    expect(await c.as(ch.users[0]).withdrawalNonce(LEDGER_ID, fid(ch, 0))).to.equal(0n);
    expect(await c.actorFor(ch.users[0]).ledgerCallsInFlight()).to.equal(0);
  });

  it("stop, upgrade, start (what deploy:icp does): stopping waits for the in-flight withdrawal, nothing is lost", async () => {
    const ch = await concludedWith100();
    c.ledgers.hold = true;
    const pending = c.as(ch.users[0]).signAndWithdraw(withdrawArgs(ch, 60n), ch.keys[0]);
    await settle();
    let stopped = false;
    const stopping = c.host.stop().then(() => (stopped = true));
    await settle();
    expect(stopped, "a canister with an outstanding call cannot be stopped").to.equal(false);
    c.ledgers.hold = false;
    c.ledgers.releaseHeld();
    expect(ok(await pending).paid).to.equal(50n);
    await stopping;
    expect(c.host.status).to.equal("stopped");
    await c.host.upgrade();
    c.host.start();
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(40n);
    expect(await c.as(ch.users[0]).withdrawalNonce(LEDGER_ID, fid(ch, 0))).to.equal(1n);
  });

  it("a fee mismatch spends nothing: someone else submits A's signed authorisation with fee 0, A's own call with the same signature then pays (finding 6)", async () => {
    const ch = await concludedWith100();
    const client = c.as(ch.users[1]);
    const auth: IcpWithdrawalAuth = {
      channelID: ch.id,
      participant: ch.params.participants[0],
      receiverOwner: bytesToHex(ch.users[0].toUint8Array()),
      receiverSubaccount: bytesToHex(new Uint8Array(32)),
      ledger: bytesToHex(LEDGER_ID.toUint8Array()),
      adjudicator: bytesToHex(CANISTER_ID.toUint8Array()),
      amount: 60n,
      nonce: 0n,
    };
    const signature = signIcpWithdrawalAuth(auth, ch.keys[0]);
    const byOther = await client.withdraw(auth, signature, 0n);
    expect(err(byOther, "LedgerError").error).to.deep.equal({ BadFee: { expected_fee: 10n } });
    expect(await client.holdings(LEDGER_ID, fid(ch, 0))).to.equal(100n);
    expect(await client.withdrawalNonce(LEDGER_ID, fid(ch, 0))).to.equal(0n);
    expect(ok(await c.as(ch.users[0]).withdraw(auth, signature, 10n)).paid).to.equal(50n);
  });

  it("the ledger allow-list: only a controller lists ledgers; an unlisted ledger is never called (LedgerNotAllowed)", async () => {
    const stranger = Principal.fromText("2vxsx-fae");
    expect(await allowLedger(c.host, LEDGER_B_ID, false, stranger)).to.have.nested.property("Err.NotController");
    expect((await c.actorFor(stranger).allowedLedgers()).map((p) => p.toText())).to.have.members([
      LEDGER_ID.toText(),
      LEDGER_B_ID.toText(),
    ]);
    ok((await allowLedger(c.host, LEDGER_B_ID, false)) as never);
    const ch = fundedChannel(c);
    const calls = c.ledgers.ledger(LEDGER_B_ID).calls.length;
    err(await c.as(ch.users[0]).deposit(LEDGER_B_ID, fid(ch, 0), 5n), "LedgerNotAllowed");
    expect(c.ledgers.ledger(LEDGER_B_ID).calls.length).to.equal(calls);
    ok((await allowLedger(c.host, LEDGER_B_ID, true)) as never);
    ok(await c.as(ch.users[0]).deposit(LEDGER_B_ID, fid(ch, 0), 5n));
  });
});
