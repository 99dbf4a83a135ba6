/**
 * OffChainChannel: the demo's off-chain client keeps to the rules an honest client enforces —
 * versions count up by one, totals per asset never change, every state carries a valid
 * signature of every participant — and computes IDs with the library.
 */
import { expect } from "chai";
import { OffChainChannel } from "../../scripts/demo/offChainChannel";
import { demoPeople } from "../../scripts/demo/people";
import { DemoCheckError } from "../../scripts/lib/scriptErrors";
import { BACKEND_ETH, channelId, recoverStateSigner } from "../../src";

function channel(): OffChainChannel {
  return new OffChainChannel({
    label: "channel 1",
    people: demoPeople(2),
    ccAddresses: [`0x${"01".repeat(32)}`, `0x${"02".repeat(32)}`],
    assets: [{ chainID: 31337n, ethHolder: "0x00000000000000000000000000000000000000aa", ccHolder: "0x" }],
    backends: [BACKEND_ETH],
    initialBalances: [[5n, 3n]],
    nonce: 9n,
    challengeDuration: 60n,
  });
}

describe("scripts: demo OffChainChannel", () => {
  it("opens at version 0 signed by both, with the library's channel ID", () => {
    const c = channel();
    expect(c.id).to.equal(channelId(c.params));
    expect(c.latest.state.version).to.equal(0n);
    expect(c.latest.state.channelID).to.equal(c.id);
    expect(c.latest.sigs.map((s) => recoverStateSigner(c.latest.state, s))).to.deep.equal(
      c.people.map((p) => p.address),
    );
  });

  it("updates count versions up, keep history, and mark the final state", () => {
    const c = channel();
    c.update([[4n, 4n]]);
    const last = c.update([[2n, 6n]], true);
    expect(last.state.version).to.equal(2n);
    expect(last.state.isFinal).to.equal(true);
    expect(c.at(1n).state.outcome.balances).to.deep.equal([[4n, 4n]]);
    expect(c.at(0n).state.outcome.balances).to.deep.equal([[5n, 3n]]);
    expect(last.sigs.map((s) => recoverStateSigner(last.state, s))).to.deep.equal(c.people.map((p) => p.address));
  });

  it("refuses an update that creates or destroys money", () => {
    const c = channel();
    expect(() => c.update([[5n, 4n]])).to.throw(DemoCheckError, "total of asset 0 in version 1: expected 8, got 9");
    expect(c.latest.state.version).to.equal(0n);
  });

  it("puts each person's address and ccAddress into the params", () => {
    const c = channel();
    expect(c.params.participants).to.deep.equal([
      { ethAddress: c.people[0].address, ccAddress: `0x${"01".repeat(32)}` },
      { ethAddress: c.people[1].address, ccAddress: `0x${"02".repeat(32)}` },
    ]);
  });

  it("refuses a ccAddress list of the wrong length", () => {
    expect(
      () =>
        new OffChainChannel({
          label: "x",
          people: demoPeople(3),
          ccAddresses: [`0x${"01".repeat(32)}`],
          assets: [],
          backends: [],
          initialBalances: [],
          nonce: 1n,
          challengeDuration: 60n,
        }),
    ).to.throw(DemoCheckError, "ccAddresses: expected 3, got 1");
  });

  it("refuses an update with a missing asset row, a missing participant or a negative balance", () => {
    expect(() => channel().update([])).to.throw(DemoCheckError, "balance rows");
    expect(() => channel().update([[8n]])).to.throw(DemoCheckError, "balances of asset 0");
    expect(() => channel().update([[9n, -1n]])).to.throw(DemoCheckError, "balances of asset 0");
  });
});
