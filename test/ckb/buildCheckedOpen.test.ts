import { expect } from "chai";
import { SigningPolicyError, channelId } from "../../src";
import { buildCheckedOpen } from "../../src/ckb";
import { feePayer, scenario } from "./support/fixtures";
import { CkbWorld } from "../../scripts/lib/ckb/world";

/** buildCheckedOpen: the signing policy before a CKB channel cell (and so any funding) exists. */
describe("CKB client: buildCheckedOpen (signing policy before open)", () => {
  const world = new CkbWorld();

  function refusal(fn: () => unknown): SigningPolicyError {
    try {
      fn();
    } catch (e) {
      expect(e).to.be.instanceOf(SigningPolicyError);
      return e as SigningPolicyError;
    }
    throw new Error("expected a refusal");
  }

  it("builds the open of a channel the policy accepts, and it verifies in the CKB VM", () => {
    const fp = feePayer(world);
    const sc = scenario(world, 2, true, fp.cells[0]);
    const built = buildCheckedOpen({
      deployment: world.deployment,
      params: sc.params,
      initialState: sc.state0,
      feePayer: fp,
    });
    expect(world.verify(built.skeleton).ok, "open verifies").to.equal(true);
  });

  it("refuses a state that locks a sub-allocation (issue 14 finding 1: CKB refuses every lock)", () => {
    const fp = feePayer(world);
    const sc = scenario(world, 2, false, fp.cells[0]);
    const n = sc.state0.outcome.assets.length;
    const state = structuredClone(sc.state0);
    state.outcome.locked = [{ ID: `0x${"ee".repeat(32)}`, balances: new Array(n).fill(0n), indexMap: [0n, 1n] }];
    const e = refusal(() =>
      buildCheckedOpen({ deployment: world.deployment, params: sc.params, initialState: state, feePayer: fp }),
    );
    expect({ chain: e.chain, rule: e.rule }).to.deep.equal({ chain: "ckb", rule: "locked" });
  });

  it("refuses two participants with one payout lock", () => {
    const fp = feePayer(world);
    const sc = scenario(world, 2, false, fp.cells[0]);
    const params = structuredClone(sc.params);
    params.participants[1].ccAddress = params.participants[0].ccAddress;
    const state = { ...sc.state0, channelID: channelId(params) };
    const e = refusal(() =>
      buildCheckedOpen({ deployment: world.deployment, params, initialState: state, feePayer: fp }),
    );
    expect({ chain: e.chain, rule: e.rule }).to.deep.equal({ chain: "ckb", rule: "repeated-cc-address" });
  });
});
