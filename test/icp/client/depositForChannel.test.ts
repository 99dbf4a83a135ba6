/**
 * perun-adjudicators/icp depositForChannel against the canister's wasm in the test host: the
 * signing policy runs on params + initial state before the ledger is touched, and the funding ID
 * and amount come from the channel.
 */
import { expect } from "chai";
import { SigningPolicyError, type Address } from "../../../src";
import { depositForChannel } from "../../../src/icp";
import { sharedCanister } from "../support/canisterFixture";
import { fid, fundedChannel, LEDGER_ID, makeState } from "../support/canisterChannel";
import { channelId } from "../../../src";

async function refusal(p: Promise<unknown>): Promise<SigningPolicyError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(SigningPolicyError);
    return e as SigningPolicyError;
  }
  throw new Error("expected a refusal");
}

describe("ICP client: depositForChannel (signing policy before deposit)", () => {
  it("deposits the participant's initial balance under the channel's funding ID", async () => {
    const c = await sharedCanister();
    const ch = fundedChannel(c);
    const initialState = makeState(ch, 0n, [[500n, 300n]]);
    const { result, plan } = await depositForChannel(c.as(ch.users[1]), {
      params: ch.params,
      initialState,
      participant: 1,
      ledger: LEDGER_ID,
    });
    expect(result).to.deep.equal({ Ok: 300n });
    expect(plan.fundingID).to.equal(fid(ch, 1));
  });

  it("refuses an app channel before the ledger is touched (issue 14 finding 2)", async () => {
    const c = await sharedCanister();
    const ch = fundedChannel(c);
    const params = { ...ch.params, app: `0x${"5a".repeat(20)}` as Address };
    const initialState = { ...makeState(ch, 0n, [[500n, 300n]]), channelID: channelId(params) };
    const e = await refusal(
      depositForChannel(c.as(ch.users[0]), { params, initialState, participant: 0, ledger: LEDGER_ID }),
    );
    expect({ chain: e.chain, rule: e.rule }).to.deep.equal({ chain: "icp", rule: "app" });
  });

  it("refuses a ledger listed twice (issue 14 finding 3) and a ledger the channel does not hold", async () => {
    const c = await sharedCanister();
    const ch = fundedChannel(c);
    const twice = makeState(
      ch,
      0n,
      [
        [500n, 300n],
        [1n, 1n],
      ],
      { ledgers: [LEDGER_ID.toUint8Array(), LEDGER_ID.toUint8Array()] },
    );
    const e = await refusal(
      depositForChannel(c.as(ch.users[0]), {
        params: ch.params,
        initialState: twice,
        participant: 0,
        ledger: LEDGER_ID,
      }),
    );
    expect({ chain: e.chain, rule: e.rule }).to.deep.equal({ chain: "icp", rule: "repeated-asset" });
    const evmOnly = makeState(ch, 0n, [], { ledgers: [], extraEvm: true });
    const other = await refusal(
      depositForChannel(c.as(ch.users[0]), {
        params: ch.params,
        initialState: evmOnly,
        participant: 0,
        ledger: LEDGER_ID,
      }),
    );
    expect(other.rule).to.equal("deposit-asset");
  });
});
