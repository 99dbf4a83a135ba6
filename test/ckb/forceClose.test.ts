import { expect } from "chai";
import { buildForceClose, CKB_EXIT as EXIT, type CkbDeployment, forceCloseSince } from "../../src/ckb";
import { anotherBuild, channelTypeCodes, payOutBoth, referencedAs } from "./support/twoChannels";
import { expectRejected, expectSnapshotCycles } from "./support/expect";
import { commitChannel, disputeTx, deploymentOf, feePayer, funded, nextState, type Scenario } from "./support/fixtures";
import { capacityOf, mapOutput, setSince, withCapacity } from "./support/mutate";
import { CkbWorld } from "../../scripts/lib/ckb/world";

/**
 * ForceClose: after the challenge window the registered state pays out. The window is the
 * relative-timestamp `since` on the channel input; consensus enforces it, the script makes
 * sure it is there and long enough (channel type script, CKB VM).
 */
describe("CKB force-close (channel type script, CKB VM)", function () {
  this.timeout(600_000);
  const world = new CkbWorld();
  const forceTx = (sc: Scenario) =>
    buildForceClose({
      deployment: world.deployment,
      channel: sc.channel!,
      fundsCells: sc.funds,
      payoutLocks: sc.payoutLocks,
      feePayer: feePayer(world),
    });
  const disputed = (n: number, udt: boolean) => {
    const sc = funded(world, n, udt);
    commitChannel(sc, disputeTx(sc, nextState(sc, 2n, 3n)));
    return sc;
  };

  it("pays out the registered state after the window: 2 parties CKBytes + UDT, 3 parties CKBytes; cycles as in cycles.json", () => {
    expectSnapshotCycles("forceClose", 2);
    expectSnapshotCycles("forceClose", 3);
  });

  it("refuses a since one second shorter than challengeDuration (WINDOW_NOT_OVER)", () => {
    const sc = disputed(2, false);
    const skel = setSince(forceTx(sc), 0, forceCloseSince(sc.params.challengeDuration - 1n));
    expectRejected(world.verify(skel), EXIT.WINDOW_NOT_OVER);
  });

  it("refuses an absolute (not relative) since (WINDOW_NOT_OVER)", () => {
    const sc = disputed(2, false);
    const skel = setSince(forceTx(sc), 0, "0x" + ((0x40n << 56n) | (10n ** 12n)).toString(16));
    expectRejected(world.verify(skel), EXIT.WINDOW_NOT_OVER);
  });

  it("refuses a force-close without a dispute (NOT_DISPUTED)", () => {
    const sc = funded(world, 2, false);
    sc.channel!.status.disputed = true; // the attacker's view; the cell says otherwise
    expectRejected(world.verify(forceTx(sc)), EXIT.NOT_DISPUTED);
  });

  it("refuses payouts of a state other than the registered one (PAYOUT_CKB_TOO_LOW)", () => {
    const sc = disputed(2, false);
    const skel = mapOutput(forceTx(sc), 1, (c) => withCapacity(c, capacityOf(c) - 1n));
    expectRejected(world.verify(skel), EXIT.PAYOUT_CKB_TOO_LOW);
  });

  describe("one payout set never force-closes two channels, however referenced (issue 16, finding 1)", () => {
    const forceOf = (sc: Scenario) =>
      buildForceClose({
        deployment: deploymentOf(sc),
        channel: sc.channel!,
        fundsCells: sc.funds,
        payoutLocks: sc.payoutLocks,
        feePayer: feePayer(world),
      });
    const cases: [string, () => CkbDeployment][] = [
      ["another build (the bytecode plus one byte)", () => anotherBuild(world)],
      ["ckb-js-vm hash-type byte 0 (data) for the same bytecode", () => referencedAs(world, "data")],
    ];
    for (const [name, yDeployment] of cases) {
      it(`refuses Y on ${name} as the second channel of X's force-close (OTHER_CHANNEL_IN_TX)`, () => {
        const x = disputed(2, false);
        const y = funded(world, 2, false, { deployment: yDeployment(), payoutLocks: x.payoutLocks });
        commitChannel(y, disputeTx(y, nextState(y, 2n, 3n)));
        const both = payOutBoth(forceOf(x), forceOf(y), 1 + y.funds.length);
        expect(channelTypeCodes(world.verify(both))).to.deep.equal([EXIT.OK, EXIT.OTHER_CHANNEL_IN_TX]);
      });
    }
  });
});
