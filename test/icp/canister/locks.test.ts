import { expect } from "chai";
import type { State } from "../../../src/encoding/types";
import { LEDGER_ID, sharedCanister, type InstalledCanister } from "../support/canisterFixture";
import { fid, fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { err, ok } from "../support/results";

/** Finding 1 of issue 14: a state that locks only another chain's asset is adjudicated (not refused) on ICP. */
describe("ICP canister (wasm in the test host): states with sub-allocations (locks)", function () {
  this.timeout(120_000);
  let c: InstalledCanister;
  before(async () => {
    c = await sharedCanister();
  });

  const withLock = (s: State, icpLocked: bigint): State => ({
    ...s,
    outcome: {
      ...s.outcome,
      locked: [{ ID: ("0x" + "cd".repeat(32)) as `0x${string}`, balances: [icpLocked, 500n], indexMap: [0n, 1n] }],
    },
  });

  it("a refutation that locks an ETH-only sub-channel wins on ICP: A gets 150, not the older 100 (finding 1)", async () => {
    const ch = fundedChannel(c, 2, { challengeDuration: 30n });
    ok(await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n));
    ok(await c.as(ch.users[1]).deposit(LEDGER_ID, fid(ch, 1), 100n));
    const v1 = makeState(ch, 1n, [[100n, 100n]], { extraEvm: true });
    ok(await c.as(ch.users[1]).dispute(ch.params, v1, sigs(ch, v1)));
    const v2 = withLock(makeState(ch, 2n, [[150n, 50n]], { extraEvm: true }), 0n);
    ok(await c.as(ch.users[0]).dispute(ch.params, v2, sigs(ch, v2)));
    c.host.advanceTime(31);
    ok(await c.as(ch.users[0]).concludeDispute(ch.id));
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(150n);
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 1))).to.equal(50n);
  });

  it("a lock holding a positive amount of an ICP asset is refused (UnsupportedChannel), as the policy refuses to sign it", async () => {
    const ch = fundedChannel(c);
    const s = withLock(makeState(ch, 1n, [[100n, 100n]], { extraEvm: true }), 1n);
    expect(err(await c.as(ch.users[0]).dispute(ch.params, s, sigs(ch, s)), "UnsupportedChannel").reason).to.match(
      /locks 1 of ICP asset 0/,
    );
  });
});
