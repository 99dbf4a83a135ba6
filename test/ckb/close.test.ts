import { expect } from "chai";
import { buildClose, CKB_EXIT as EXIT, type CkbDeployment } from "../../src/ckb";
import { udtData } from "../../src/ckb/buildFund";
import type { State } from "../../src/encoding/types";
import { expectAccepted, expectRejected, expectSnapshotCycles } from "./support/expect";
import {
  commitChannel,
  disputeTx,
  deploymentOf,
  feePayer,
  funded,
  nextState,
  signAll,
  type Scenario,
} from "./support/fixtures";
import { capacityOf, mapOutput, setWitness, withCapacity } from "./support/mutate";
import { anotherBuild, channelTypeCodes, payOutBoth, referencedAs } from "./support/twoChannels";
import { actionWitness } from "../../src/ckb/skeleton";
import { encodeState } from "../../src/encoding/encodeState";
import { CkbWorld } from "../../scripts/lib/ckb/world";

/** Close: a final state signed by all pays out at once (channel type script, CKB VM). */
describe("CKB close (channel type script, CKB VM)", function () {
  this.timeout(600_000);
  const world = new CkbWorld();
  const closeTx = (sc: Scenario, state: State, signatures = signAll(sc, state)) =>
    buildClose({
      deployment: world.deployment,
      channel: sc.channel!,
      fundsCells: sc.funds,
      payoutLocks: sc.payoutLocks,
      feePayer: feePayer(world),
      state,
      signatures,
    });

  it("pays out a final state: 2 parties CKBytes + UDT, 3 parties CKBytes; cycles as in cycles.json", () => {
    expectSnapshotCycles("close", 2);
    expectSnapshotCycles("close", 3);
  });

  it("pays out a final state: 3 parties, CKBytes, during a dispute", () => {
    const sc = funded(world, 3, false);
    const d = disputeTx(sc, nextState(sc, 2n, 1n));
    commitChannel(sc, d);
    expectAccepted(world.verify(closeTx(sc, nextState(sc, 3n, 2n, true))));
  });

  it("refuses a state that is not final (NOT_FINAL)", () => {
    const sc = funded(world, 2, false);
    const fin = nextState(sc, 7n, 30n, true);
    // The final state's payouts, but the witness carries its non-final twin, signed by all.
    const notFinal = { ...fin, isFinal: false };
    const w = actionWitness({ type: "Close", value: { state: encodeState(notFinal), sigs: signAll(sc, notFinal) } });
    expectRejected(world.verify(setWitness(closeTx(sc, fin), 0, w)), EXIT.NOT_FINAL);
  });

  it("refuses a payout that short-changes participant 1 by one shannon (PAYOUT_CKB_TOO_LOW)", () => {
    const sc = funded(world, 2, false);
    const skel = closeTx(sc, nextState(sc, 7n, 30n, true));
    // outputs: [payout 0, payout 1, change]
    const cheated = mapOutput(skel, 1, (c) => withCapacity(c, capacityOf(c) - 1n));
    expectRejected(world.verify(cheated), EXIT.PAYOUT_CKB_TOO_LOW);
  });

  it("refuses capacity paid into a cell under a foreign type script (PAYOUT_CKB_TOO_LOW)", () => {
    const sc = funded(world, 2, false);
    const skel = closeTx(sc, nextState(sc, 7n, 30n, true));
    // Bob's payout cell gets a type script he does not control (it could forbid spending).
    const trapped = mapOutput(skel, 1, (c) => ({ ...c, cellOutput: { ...c.cellOutput, type: world.script("trap") } }));
    expectRejected(world.verify(trapped), EXIT.PAYOUT_CKB_TOO_LOW);
  });

  it("refuses a payout that withholds one UDT unit (PAYOUT_UDT_TOO_LOW)", () => {
    const sc = funded(world, 2, true);
    const s = nextState(sc, 7n, 30n, true);
    const skel = closeTx(sc, s);
    const idx = skel
      .get("outputs")
      .findIndex((c) => c.cellOutput.type !== undefined && c.cellOutput.lock.args === sc.payoutLocks[1].args);
    const cheated = mapOutput(skel, idx, (c) => ({ ...c, data: udtData(s.outcome.balances[1][1] - 1n) }));
    expectRejected(world.verify(cheated), EXIT.PAYOUT_UDT_TOO_LOW);
  });

  describe("one payout set never settles two channels, however the channel type is referenced (issue 16, finding 1)", () => {
    // B (participant 1) funded channels X and Y; the attacker settles both in one transaction and
    // pays B once. Every reference of the channel type's code (same code, another hash-type byte,
    // another build) must refuse to be the second channel of a payout transaction.
    const closeOf = (sc: Scenario, state: State) =>
      buildClose({
        deployment: deploymentOf(sc),
        channel: sc.channel!,
        fundsCells: sc.funds,
        payoutLocks: sc.payoutLocks,
        feePayer: feePayer(world),
        state,
        signatures: signAll(sc, state),
      });
    const cases: [string, () => CkbDeployment][] = [
      ["the same reference", () => world.deployment],
      ["ckb-js-vm hash-type byte 0 (data) for the same bytecode", () => referencedAs(world, "data")],
      ["ckb-js-vm hash-type byte 4 (data2) for the same bytecode", () => referencedAs(world, "data2")],
      ["another build (the bytecode plus one byte)", () => anotherBuild(world)],
    ];
    for (const [name, yDeployment] of cases) {
      it(`refuses Y on ${name} as the second channel of X's close (OTHER_CHANNEL_IN_TX)`, () => {
        const x = funded(world, 2, false);
        const y = funded(world, 2, false, { deployment: yDeployment(), payoutLocks: x.payoutLocks });
        const both = payOutBoth(
          closeOf(x, nextState(x, 7n, 30n, true)),
          closeOf(y, nextState(y, 7n, 30n, true)),
          1 + y.funds.length,
        );
        // X (input 0) pays out; Y, whose cell is not the first input, refuses.
        expect(channelTypeCodes(world.verify(both))).to.deep.equal([EXIT.OK, EXIT.OTHER_CHANNEL_IN_TX]);
      });
    }

    it("the attack's X alone is an honest close (so the refusal above is Y's rule)", () => {
      const x = funded(world, 2, false);
      expectAccepted(world.verify(closeOf(x, nextState(x, 7n, 30n, true))));
    });
  });
});
