/**
 * AssetHolder.setOutcome: only the adjudicator may call it; exactly funded, overfunded
 * (surplus forfeited, as upstream) and underfunded (every deposit stays withdrawable by its
 * owner) outcomes; funds held under the channel ID itself; one settlement per channel.
 * Paths the real adjudicator can reach are driven through it; the rest use a holder whose
 * adjudicator is a test account, so setOutcome can be called directly.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { AssetHolderETH } from "../../typechain/evm";
import {
  MAX_DEPOSIT,
  MAX_HOLDINGS,
  addressOf,
  depositFor,
  evmAsset,
  freshAddress,
  fundingIdOf,
  holdingsOf,
  loadMocks,
  makeChannel,
  makeState,
  signAll,
  signedWithdrawal,
} from "./fixtures";
import type { MockDeployment, TestChannel } from "./fixtures";

describe("AssetHolder.setOutcome", function () {
  let d: MockDeployment;
  let ch: TestChannel;

  beforeEach(async function () {
    d = await loadMocks();
    ch = await makeChannel(d);
  });

  async function closeWith(balances: bigint[]) {
    const fin = ch.state(balances, { isFinal: true });
    return d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
  }

  it("only the adjudicator: AssetHolderNotAdjudicator(caller)", async function () {
    const caller = d.parts[0].wallet;
    await expect(d.ethHolder.connect(caller).setOutcome(ch.id, ch.params.participants, [0n, 0n]))
      .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderNotAdjudicator")
      .withArgs(caller.address);
  });

  it("exactly funded: holdings become the outcome; OutcomeSet", async function () {
    await depositFor(d.ethHolder, ch.params, d.parts[0], 100n);
    await depositFor(d.ethHolder, ch.params, d.parts[1], 100n);
    await expect(closeWith([30n, 170n]))
      .to.emit(d.ethHolder, "OutcomeSet")
      .withArgs(ch.id);
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([30n, 170n]);
  });

  it("overfunded: holdings become the outcome, the surplus stays in the holder unclaimable", async function () {
    await depositFor(d.ethHolder, ch.params, d.parts[0], 150n);
    await depositFor(d.ethHolder, ch.params, d.parts[1], 100n);
    await closeWith([100n, 100n]);
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([100n, 100n]);
    expect(await ethers.provider.getBalance(await addressOf(d.ethHolder))).to.equal(250n);
  });

  it("underfunded: every deposit stays withdrawable by its owner, nobody gets the outcome", async function () {
    await depositFor(d.ethHolder, ch.params, d.parts[0], 100n);
    await closeWith([50n, 100n]);
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([100n, 0n]);
    const a = signedWithdrawal(ch.id, d.parts[0], 100n, freshAddress("under-a"));
    await d.ethHolder.withdraw(a.auth, a.sig);
    expect(await ethers.provider.getBalance(a.auth.receiver)).to.equal(100n);
    const b = signedWithdrawal(ch.id, d.parts[1], 1n);
    await expect(d.ethHolder.withdraw(b.auth, b.sig))
      .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
      .withArgs(fundingIdOf(ch.params, d.parts[1]), 0n, 1n);
  });

  it("underfunded: a settled deposit refuses top-ups (AssetHolderDepositAfterSettlement)", async function () {
    await depositFor(d.ethHolder, ch.params, d.parts[0], 100n);
    await closeWith([50n, 100n]);
    const fid = fundingIdOf(ch.params, d.parts[0]);
    await expect(d.ethHolder.deposit(fid, 1n, { value: 1n }))
      .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderDepositAfterSettlement")
      .withArgs(fid);
  });

  it("funds held under the channel ID count towards the outcome and are then cleared", async function () {
    await d.ethHolder.deposit(ch.id, 100n, { value: 100n });
    await depositFor(d.ethHolder, ch.params, d.parts[0], 100n);
    await closeWith([150n, 50n]);
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([150n, 50n]);
    expect(await d.ethHolder.holdings(ch.id)).to.equal(0n);
  });

  it("a zero outcome leaves the participant's word empty; a later deposit is withdrawable by it", async function () {
    await depositFor(d.ethHolder, ch.params, d.parts[0], 100n);
    await closeWith([100n, 0n]);
    await depositFor(d.ethHolder, ch.params, d.parts[1], 9n);
    const b = signedWithdrawal(ch.id, d.parts[1], 9n, freshAddress("zero-b"));
    await d.ethHolder.withdraw(b.auth, b.sig);
    expect(await ethers.provider.getBalance(b.auth.receiver)).to.equal(9n);
  });

  it("a settled balance may exceed MAX_DEPOSIT (two full holdings to one participant) and is paid in full", async function () {
    for (const p of d.parts) {
      await d.token.mint(p.address, MAX_DEPOSIT);
      await d.token.connect(p.wallet).approve(await addressOf(d.erc20Holder), 2n ** 256n - 1n);
      await depositFor(d.erc20Holder, ch.params, p, MAX_DEPOSIT);
    }
    const fin = makeState(ch.params, {
      assets: [evmAsset(d.chainId, await addressOf(d.erc20Holder))],
      balances: [[2n * MAX_DEPOSIT, 0n]],
      isFinal: true,
    });
    await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
    const fid = fundingIdOf(ch.params, d.parts[0]);
    expect(await d.erc20Holder.holdings(fid)).to.equal(2n * MAX_DEPOSIT);
    expect(2n * MAX_DEPOSIT).to.be.lessThan(MAX_HOLDINGS);
    const w = signedWithdrawal(ch.id, d.parts[0], 2n * MAX_DEPOSIT, freshAddress("max-deposit"));
    await d.erc20Holder.withdraw(w.auth, w.sig);
    expect(await d.token.balanceOf(w.auth.receiver)).to.equal(2n * MAX_DEPOSIT);
  });

  describe("called directly (adjudicator = a test account)", function () {
    let holder: AssetHolderETH;
    let adj: HardhatEthersSigner;

    beforeEach(async function () {
      adj = (await ethers.getSigners())[7];
      holder = (await ethers.deployContract("AssetHolderETH", [adj.address])) as unknown as AssetHolderETH;
    });

    it("a second outcome for the same channel: AssetHolderAlreadySettled", async function () {
      await holder.deposit(fundingIdOf(ch.params, d.parts[0]), 5n, { value: 5n });
      await holder.connect(adj).setOutcome(ch.id, ch.params.participants, [5n, 0n]);
      await expect(holder.connect(adj).setOutcome(ch.id, ch.params.participants, [0n, 5n]))
        .to.be.revertedWithCustomError(holder, "AssetHolderAlreadySettled")
        .withArgs(ch.id);
      expect(await holder.holdings(fundingIdOf(ch.params, d.parts[0]))).to.equal(5n);
    });

    it("marks the channel settled at this holder, without asking the adjudicator", async function () {
      expect(await holder.settled(ch.id)).to.equal(false);
      await holder.connect(adj).setOutcome(ch.id, ch.params.participants, [0n, 0n]);
      expect(await holder.settled(ch.id)).to.equal(true);
      // A later deposit for a participant with a zero outcome is refundable to that participant.
      await depositFor(holder, ch.params, d.parts[1], 4n);
      const w = signedWithdrawal(ch.id, d.parts[1], 4n, freshAddress("direct"));
      await holder.withdraw(w.auth, w.sig);
      expect(await ethers.provider.getBalance(w.auth.receiver)).to.equal(4n);
    });

    it("fewer balances than participants: AssetHolderOutcomeLengthMismatch", async function () {
      await expect(holder.connect(adj).setOutcome(ch.id, ch.params.participants, [1n]))
        .to.be.revertedWithCustomError(holder, "AssetHolderOutcomeLengthMismatch")
        .withArgs(2n, 1n);
    });

    it("more balances than participants: AssetHolderOutcomeLengthMismatch", async function () {
      await expect(holder.connect(adj).setOutcome(ch.id, ch.params.participants, [1n, 2n, 3n]))
        .to.be.revertedWithCustomError(holder, "AssetHolderOutcomeLengthMismatch")
        .withArgs(2n, 3n);
    });

    it("a duplicated participant: AssetHolderDuplicateParticipant", async function () {
      const p = ch.params.participants[1];
      await expect(holder.connect(adj).setOutcome(ch.id, [ch.params.participants[0], p, p], [0n, 0n, 0n]))
        .to.be.revertedWithCustomError(holder, "AssetHolderDuplicateParticipant")
        .withArgs(d.parts[1].address);
    });

    it("no participants: only the channel-ID funds are cleared", async function () {
      await holder.deposit(ch.id, 3n, { value: 3n });
      await expect(holder.connect(adj).setOutcome(ch.id, [], []))
        .to.emit(holder, "OutcomeSet")
        .withArgs(ch.id);
      expect(await holder.holdings(ch.id)).to.equal(0n);
    });
  });
});
