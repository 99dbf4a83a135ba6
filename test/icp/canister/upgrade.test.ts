import { expect } from "chai";
import { installCanister, LEDGER_ID, type InstalledCanister } from "../support/canisterFixture";
import { fid, fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { ok } from "../support/results";

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
});
