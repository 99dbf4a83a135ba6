import { expect } from "chai";
import { channelId } from "../../../src/encoding/channelId";
import { fundingId } from "../../../src/encoding/fundingId";
import type { Params } from "../../../src/encoding/types";
import { LEDGER_ID, sharedCanister, type InstalledCanister } from "../support/canisterFixture";
import { fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { toCandidParams } from "../support/channels";
import { err, ok } from "../support/results";

/**
 * Finding 7 of issue 14: a deposit into params the canister can never settle (every state is
 * refused) must not stay frozen. `refundUnsupported(params)` proves the params are refused and
 * makes each deposit withdrawable by its own participant, and by no one else.
 */
describe("ICP canister (wasm in the test host): refundUnsupported — deposits into params that can never settle", function () {
  this.timeout(120_000);
  let c: InstalledCanister;
  before(async () => {
    c = await sharedCanister();
  });

  const cases: Array<[string, (p: Params) => Params]> = [
    ["app channel", (p) => ({ ...p, app: "0x00000000000000000000000000000000000000a1" })],
    ["virtual channel", (p) => ({ ...p, virtualChannel: true })],
    ["not a ledger channel", (p) => ({ ...p, ledgerChannel: false })],
  ];
  for (const [reason, change] of cases) {
    it(`${reason}: every state is refused, the deposit is frozen until refundUnsupported, then only its depositor withdraws it`, async () => {
      const base = fundedChannel(c);
      const params = change(base.params);
      const id = channelId(params);
      const ch = { ...base, params, id };
      const fidA = fundingId(id, params.participants[0].ethAddress);
      ok(await c.as(ch.users[0]).deposit(LEDGER_ID, fidA, 100n));
      const final = makeState(ch, 1n, [[0n, 100n]], { isFinal: true });
      err(await c.as(ch.users[1]).conclude(params, final, sigs(ch, final)), "UnsupportedChannel");
      const args = (i: number, amount: bigint) => ({
        params,
        channelID: id,
        participantIndex: i,
        receiver: ch.users[i],
        ledger: LEDGER_ID,
        amount,
        fee: 10n,
      });
      err(await c.as(ch.users[0]).signAndWithdraw(args(0, 100n), ch.keys[0]), "NotConcluded");

      const refund = await c.actorFor(ch.users[1]).refundUnsupported(toCandidParams(params));
      expect(ok(refund as never)).to.equal(reason);
      // B (who the refused state would have paid) gets nothing of A's deposit; A gets it back.
      err(await c.as(ch.users[1]).signAndWithdraw(args(1, 100n), ch.keys[1]), "InsufficientHoldings");
      expect(ok(await c.as(ch.users[0]).signAndWithdraw(args(0, 100n), ch.keys[0])).paid).to.equal(90n);
      err((await c.actorFor(ch.users[1]).refundUnsupported(toCandidParams(params))) as never, "AlreadyConcluded");
    });
  }

  it("refuses params the canister can settle (ChannelSupported): those close through conclude or dispute", async () => {
    const ch = fundedChannel(c);
    err((await c.actorFor(ch.users[0]).refundUnsupported(toCandidParams(ch.params))) as never, "ChannelSupported");
  });
});
