import { expect } from "chai";
import { buildFund, CKB_EXIT as EXIT, CkbBuildError, channelTypeScript, encodeChannelStatus } from "../../src/ckb";
import { referencedAs } from "./support/twoChannels";
import { udtData } from "../../src/ckb/buildFund";
import { expectAccepted, expectRejected, expectSnapshotCycles } from "./support/expect";
import { CKB, commitFund, feePayer, fundTx, opened } from "./support/fixtures";
import { addInput, capacityOf, mapOutput, withCapacity } from "./support/mutate";
import { CkbWorld } from "../../scripts/lib/ckb/world";

/** Fund: each participant deposits its part into funds cells (channel type script, CKB VM). */
describe("CKB fund (channel type script, CKB VM)", function () {
  this.timeout(600_000);
  const world = new CkbWorld();

  it("accepts the first deposit (participant 1 before 0) of a 2-party CKBytes + UDT channel", () => {
    const sc = opened(world, 2, true);
    expectAccepted(world.verify(fundTx(sc, 1)));
  });

  it("accepts the last deposit: 2 parties CKBytes + UDT, 3 parties CKBytes; cycles as in cycles.json", () => {
    expectSnapshotCycles("fund", 2);
    expectSnapshotCycles("fund", 3);
  });

  it("refuses a second deposit for the same participant (ALREADY_FUNDED)", () => {
    const sc = opened(world, 2, false);
    commitFund(sc, fundTx(sc, 0));
    // A hand-made re-fund: the builder refuses it, an attacker does not use the builder.
    const again = fundTx(
      { ...sc, channel: { ...sc.channel!, status: { ...sc.channel!.status, funded: [false, false] } } },
      0,
    );
    expectRejected(world.verify(again), EXIT.ALREADY_FUNDED);
  });

  it("refuses funds cells with less capacity than the CKByte balance (FUNDING_TOO_LOW)", () => {
    const sc = opened(world, 2, false);
    const bal = sc.state0.outcome.balances[0][0];
    const skel = mapOutput(fundTx(sc, 0), 1, (c) => withCapacity(c, bal - 1n));
    expectRejected(world.verify(skel), EXIT.FUNDING_TOO_LOW);
  });

  it("refuses a UDT deposit that differs from the balance (UDT_FUNDING_MISMATCH)", () => {
    const sc = opened(world, 2, true);
    const skel = mapOutput(fundTx(sc, 0), 2, (c) => ({ ...c, data: udtData(999n) }));
    expectRejected(world.verify(skel), EXIT.UDT_FUNDING_MISMATCH);
  });

  it("refuses a funds cell carrying a token that is not the channel's UDT (WRONG_UDT)", () => {
    const sc = opened(world, 2, true);
    const skel = mapOutput(fundTx(sc, 0), 2, (c) => ({
      ...c,
      cellOutput: { ...c.cellOutput, type: world.script("fake-udt") },
    }));
    expectRejected(world.verify(skel), EXIT.WRONG_UDT);
  });

  it("refuses a deposit that re-uses another participant's funds cell (FUNDS_SPENT)", () => {
    const sc = opened(world, 2, false);
    const a = fundTx(sc, 0);
    commitFund(sc, a);
    // B spends A's funds cell and re-creates it as its own deposit.
    let b = fundTx(sc, 1);
    b = addInput(b, sc.funds[0]);
    expectRejected(world.verify(b), EXIT.FUNDS_SPENT);
  });

  it("refuses a status that records more extras than deposited (BAD_NEW_STATUS)", () => {
    const sc = opened(world, 2, false);
    const st = sc.channel!.status;
    const skel = mapOutput(fundTx(sc, 0), 0, (c) => ({
      ...c,
      data: encodeChannelStatus({
        params: st.params,
        state: st.state,
        funded: [true, false],
        extras: [1000n * CKB, 0n],
        disputed: false,
      }),
    }));
    expectRejected(world.verify(skel), EXIT.BAD_NEW_STATUS);
  });

  it("refuses a channel cell whose capacity changes (CAPACITY_CHANGED)", () => {
    const sc = opened(world, 2, false);
    const skel = mapOutput(fundTx(sc, 0), 0, (c) => withCapacity(c, capacityOf(c) - 1n));
    expectRejected(world.verify(skel), EXIT.CAPACITY_CHANGED);
  });

  describe("the funder consents through its own lock (issue 16 finding 2)", () => {
    it("refuses a deposit for participant 1 without an input under participant 1's lock (NO_FUNDER_CONSENT)", () => {
      // Without it, anyone could fund B's part against a stored state B never agreed to.
      const sc = opened(world, 2, false);
      const honest = fundTx(sc, 1);
      const last = honest.get("inputs").size - 1;
      const stranger = world.coins(10_000n);
      const skel = honest.update("inputs", (l) => l.set(last, stranger));
      expectRejected(world.verify(skel), EXIT.NO_FUNDER_CONSENT);
    });

    it("refuses consent given by another participant's lock (NO_FUNDER_CONSENT)", () => {
      const sc = opened(world, 2, false);
      const honest = fundTx(sc, 1);
      const last = honest.get("inputs").size - 1;
      const skel = honest.update("inputs", (l) => l.set(last, world.coins(10_000n, sc.payoutLocks[0])));
      expectRejected(world.verify(skel), EXIT.NO_FUNDER_CONSENT);
    });

    it("the builder refuses to build a deposit that spends no cell under the funder's lock", () => {
      const sc = opened(world, 2, false);
      expect(() =>
        buildFund({
          deployment: world.deployment,
          channel: sc.channel!,
          expected: { params: sc.params, state: sc.state0 },
          index: 1,
          feePayer: feePayer(world),
        }),
      ).to.throw(CkbBuildError, /funder's own lock/);
    });
  });

  describe("the builder funds only the channel the funder expects (issue 16 finding 3)", () => {
    const build = (sc: ReturnType<typeof opened>, channel = sc.channel!, state = sc.state0) =>
      buildFund({
        deployment: world.deployment,
        channel,
        expected: { params: sc.params, state },
        index: 1,
        feePayer: { cells: [world.coins(10_000n, sc.payoutLocks[1])], changeLock: world.script("c") },
      });
    it("refuses a channel cell under another lock (e.g. always-success)", () => {
      const sc = opened(world, 2, false);
      const cell = { ...sc.channel!.cell, cellOutput: { ...sc.channel!.cell.cellOutput, lock: world.script("as") } };
      expect(() => build(sc, { ...sc.channel!, cell })).to.throw(CkbBuildError, /lock/);
    });
    it("refuses a channel cell under another reference of the type script", () => {
      const sc = opened(world, 2, false);
      const type = channelTypeScript(referencedAs(world, "data"), sc.state0.channelID);
      const cell = { ...sc.channel!.cell, cellOutput: { ...sc.channel!.cell.cellOutput, type } };
      expect(() => build(sc, { ...sc.channel!, cell })).to.throw(CkbBuildError, /type script/);
    });
    it("refuses a channel cell that stores another state than the funder agreed to", () => {
      const sc = opened(world, 2, false);
      const agreed = structuredClone(sc.state0);
      agreed.outcome.balances[0] = [50n * CKB, 200n * CKB];
      expect(() => build(sc, sc.channel!, agreed)).to.throw(CkbBuildError, /another state/);
    });
    it("builds for the expected channel", () => {
      const sc = opened(world, 2, false);
      expectAccepted(world.verify(build(sc)));
    });
  });
});
