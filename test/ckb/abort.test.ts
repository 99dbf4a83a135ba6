import { expect } from "chai";
import { buildAbort, CKB_EXIT as EXIT, CkbBuildError } from "../../src/ckb";
import { expectAccepted, expectRejected, expectSnapshotCycles } from "./support/expect";
import { commitFund, feePayer, fundTx, funded, opened, type Scenario } from "./support/fixtures";
import { addOutput, capacityOf, mapOutput, withCapacity } from "./support/mutate";
import { CkbWorld } from "../../scripts/lib/ckb/world";

/** Abort: refund whoever funded while the channel is not fully funded (CKB VM). */
describe("CKB abort (channel type script, CKB VM)", function () {
  this.timeout(600_000);
  const world = new CkbWorld();
  const abortTx = (sc: Scenario) =>
    buildAbort({
      deployment: world.deployment,
      channel: sc.channel!,
      fundsCells: sc.funds,
      payoutLocks: sc.payoutLocks,
      feePayer: { cells: [world.coins(10_000n, sc.payoutLocks[1])], changeLock: world.script("c") },
    });

  it("refunds participant 0's deposit: 2 parties CKBytes + UDT, 3 parties CKBytes; cycles as in cycles.json", () => {
    expectSnapshotCycles("abort", 2);
    expectSnapshotCycles("abort", 3);
  });

  it("refunds two of three deposits (3 parties, CKBytes)", () => {
    const sc = opened(world, 3, false);
    commitFund(sc, fundTx(sc, 0));
    commitFund(sc, fundTx(sc, 2));
    expectAccepted(world.verify(abortTx(sc)));
  });

  it("refuses abort once everybody funded (FULLY_FUNDED)", () => {
    const sc = funded(world, 2, false);
    sc.channel!.status.funded[1] = false; // the builder would refuse; the attacker forges its view
    expectRejected(world.verify(abortTx(sc)), EXIT.FULLY_FUNDED);
  });

  it("refuses a refund short by one shannon (PAYOUT_CKB_TOO_LOW)", () => {
    const sc = opened(world, 2, false);
    commitFund(sc, fundTx(sc, 0));
    const skel = mapOutput(abortTx(sc), 0, (c) => withCapacity(c, capacityOf(c) - 1n));
    expectRejected(world.verify(skel), EXIT.PAYOUT_CKB_TOO_LOW);
  });

  it("refuses an abort that re-creates the channel cell (CHANNEL_NOT_CONSUMED)", () => {
    const sc = opened(world, 2, false);
    commitFund(sc, fundTx(sc, 0));
    const skel = addOutput(abortTx(sc), { ...sc.channel!.cell, outPoint: undefined });
    expectRejected(world.verify(skel), EXIT.CHANNEL_NOT_CONSUMED);
  });

  describe("abort only by a participant (issue 16 finding 5)", () => {
    it("refuses a stranger's abort right after a deposit: no input under a participant's lock (ABORT_NOT_BY_PARTICIPANT)", () => {
      const sc = opened(world, 2, false);
      commitFund(sc, fundTx(sc, 0));
      const honest = abortTx(sc);
      const last = honest.get("inputs").size - 1;
      const skel = honest.update("inputs", (l) => l.set(last, world.coins(10_000n)));
      expectRejected(world.verify(skel), EXIT.ABORT_NOT_BY_PARTICIPANT);
    });

    it("accepts an abort by the participant who has not funded yet", () => {
      const sc = opened(world, 2, false);
      commitFund(sc, fundTx(sc, 0));
      expectAccepted(world.verify(abortTx(sc)));
    });

    it("the builder refuses an abort whose fee payer is no participant", () => {
      const sc = opened(world, 2, false);
      commitFund(sc, fundTx(sc, 0));
      expect(() =>
        buildAbort({
          deployment: world.deployment,
          channel: sc.channel!,
          fundsCells: sc.funds,
          payoutLocks: sc.payoutLocks,
          feePayer: feePayer(world),
        }),
      ).to.throw(CkbBuildError, /participant/);
    });
  });
});
