/**
 * AssetHolder.settled: true exactly when the adjudicator has concluded the channel (the
 * outcome is pushed in the same transaction). Deviation from upstream, documented in
 * AssetHolder: upstream kept a per-holder flag set by setOutcome, so a holder not named in the
 * outcome said "not settled"; here every holder of the adjudicator answers from its phase.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { AssetHolderETH } from "../../typechain/evm";
import {
  DEFAULT_CHALLENGE_DURATION,
  addressOf,
  depositFor,
  loadMocks,
  makeChannel,
  signAll,
  signedWithdrawal,
} from "./fixtures";

describe("AssetHolder.settled", function () {
  it("false unregistered, false during the dispute, true after conclude", async function () {
    const d = await loadMocks();
    const ch = await makeChannel(d);
    expect(await d.ethHolder.settled(ch.id)).to.equal(false);
    const s = ch.state([0n, 0n], { version: 1n });
    await d.adjudicator.register({ params: ch.params, state: s, sigs: signAll(s, d.parts) }, []);
    expect(await d.ethHolder.settled(ch.id)).to.equal(false);
    await time.increase(Number(DEFAULT_CHALLENGE_DURATION));
    expect(await d.ethHolder.settled(ch.id)).to.equal(false);
    await d.adjudicator.conclude(ch.params, s, []);
    expect(await d.ethHolder.settled(ch.id)).to.equal(true);
  });

  it("true after concludeFinal, also at a holder the outcome does not name", async function () {
    const d = await loadMocks();
    const ch = await makeChannel(d);
    const fin = ch.state([0n, 0n], { isFinal: true });
    await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
    expect(await d.ethHolder.settled(ch.id)).to.equal(true);
    expect(await d.erc20Holder.settled(ch.id)).to.equal(true);
  });
});

describe("AssetHolder.settled with an adjudicator that does not answer", function () {
  it("an account without code as adjudicator: false, and withdraw refuses unsettled balances", async function () {
    const d = await loadMocks();
    const eoa = d.parts[1].address;
    const holder = (await ethers.deployContract("AssetHolderETH", [eoa])) as unknown as AssetHolderETH;
    const ch = await makeChannel(d);
    expect(await holder.settled(ch.id)).to.equal(false);
    await depositFor(holder, ch.params, d.parts[0], 5n);
    const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 5n);
    await expect(holder.withdraw(auth, sig))
      .to.be.revertedWithCustomError(holder, "AssetHolderNotSettled")
      .withArgs(ch.id);
  });

  it("a contract that is not an Adjudicator (answers short or reverts): false", async function () {
    const d = await loadMocks();
    const ch = await makeChannel(d);
    for (const notAdj of [await addressOf(d.token), await addressOf(d.rejectingReceiver)]) {
      const holder = (await ethers.deployContract("AssetHolderETH", [notAdj])) as unknown as AssetHolderETH;
      expect(await holder.settled(ch.id)).to.equal(false);
    }
  });
});
