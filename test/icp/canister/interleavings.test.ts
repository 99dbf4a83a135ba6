import { expect } from "chai";
import { CANISTER_ID, LEDGER_ID, sharedCanister, type InstalledCanister } from "../support/canisterFixture";
import { fid, fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { err, ok } from "../support/results";

/**
 * Layer 2: messages interleaving at the canister's awaits. The fake ledger holds its answers
 * until the test releases them; meanwhile other ingress messages run in the real wasm.
 */
describe("ICP canister (wasm in the test host): interleavings at inter-canister calls", function () {
  this.timeout(120_000);
  let c: InstalledCanister;
  before(async () => {
    c = await sharedCanister();
  });
  afterEach(() => {
    c.ledgers.hold = false;
  });

  const settle = async (tick: () => Promise<void>) => {
    for (let i = 0; i < 20; i++) await tick();
  };
  const tick = () => new Promise<void>((r) => setImmediate(r));

  it("two withdrawals in flight on one funding ID: the second sees the first's debit; answers in reverse order", async () => {
    const ch = fundedChannel(c);
    await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 150n);
    const final = makeState(ch, 1n, [[150n, 0n]], { isFinal: true });
    ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
    c.ledgers.hold = true;
    const args = {
      params: ch.params,
      channelID: ch.id,
      participantIndex: 0,
      receiver: ch.users[0],
      ledger: LEDGER_ID,
      fee: 10n,
    };
    const first = c.as(ch.users[0]).signAndWithdraw({ ...args, amount: 100n }, ch.keys[0]);
    await settle(tick);
    expect(c.ledgers.heldCount).to.equal(1);
    const tooMuch = await c.as(ch.users[0]).signAndWithdraw({ ...args, amount: 100n }, ch.keys[0]);
    expect(err(tooMuch, "InsufficientHoldings")).to.deep.equal({ available: 50n, requested: 100n });
    const second = c.as(ch.users[0]).signAndWithdraw({ ...args, amount: 50n }, ch.keys[0]);
    await settle(tick);
    expect(c.ledgers.heldCount).to.equal(2);
    c.ledgers.ledger().failNext("TemporarilyUnavailable");
    c.ledgers.releaseHeld(1);
    expect(err(await second, "LedgerError").error).to.have.property("TemporarilyUnavailable");
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(50n);
    c.ledgers.releaseHeld(0);
    expect(ok(await first).paid).to.equal(90n);
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(50n);
  });

  it("a deposit racing a conclude: credited after the outcome is set, to its own funding ID only", async () => {
    const ch = fundedChannel(c);
    await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n);
    await c.as(ch.users[1]).deposit(LEDGER_ID, fid(ch, 1), 100n);
    c.ledgers.hold = true;
    const late = c.as(ch.users[1]).deposit(LEDGER_ID, fid(ch, 1), 25n);
    await settle(tick);
    c.ledgers.hold = false;
    const final = makeState(ch, 4n, [[120n, 80n]], { isFinal: true });
    ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
    c.ledgers.releaseHeld();
    expect(ok(await late)).to.equal(105n);
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(120n);
    expect(c.ledgers.ledger().balanceOf(CANISTER_ID.toUint8Array())).to.be.greaterThanOrEqual(225n);
  });
});
