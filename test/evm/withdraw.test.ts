/**
 * AssetHolder.withdraw: ETH to an EOA, to a contract wallet that needs more than 2,300 gas, to
 * a re-entering receiver (which must not withdraw twice) and to a rejecting receiver; ERC-20
 * payouts with plain, no-return, false-return, fee-on-transfer and re-entering tokens; the
 * authorisation's signature binding every field; and deposits made after settlement staying
 * withdrawable by their own participant only.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { recoverWithdrawalAuthSigner, signWithdrawalAuth } from "../../src";
import type { Hex, WithdrawalAuth } from "../../src";
import type { AssetHolderERC20, ReentrantToken } from "../../typechain/evm";
import {
  TOKEN_BALANCE,
  addressOf,
  deployMocksFixture,
  depositFor,
  evmAsset,
  freshAddress,
  fundingIdOf,
  makeChannel,
  makeParticipants,
  makeState,
  selectorOf,
  signAll,
  signedWithdrawal,
} from "./fixtures";
import type { TestChannel } from "./fixtures";

async function withdrawFixture() {
  const d = await deployMocksFixture();
  const reentrantToken = (await ethers.deployContract("ReentrantToken", [
    d.parts.map((p) => p.address),
    TOKEN_BALANCE,
  ])) as unknown as ReentrantToken;
  const reentrantHolder = (await ethers.deployContract("AssetHolderERC20", [
    await d.adjudicator.getAddress(),
    await reentrantToken.getAddress(),
  ])) as unknown as AssetHolderERC20;
  for (const p of d.parts) {
    await (await reentrantToken.connect(p.wallet).approve(await reentrantHolder.getAddress(), TOKEN_BALANCE)).wait();
  }
  return { ...d, reentrantToken, reentrantHolder };
}

describe("AssetHolder.withdraw", function () {
  let d: Awaited<ReturnType<typeof withdrawFixture>>;
  let ch: TestChannel;

  beforeEach(async function () {
    d = await loadFixture(withdrawFixture);
    ch = await makeChannel(d);
  });

  /** Funds the channel on `holders` (A 100, B 50 each) and concludes it with [120, 30] on each. */
  async function settle(holders: AssetHolderERC20[] | null = null) {
    const list = holders ?? [];
    const all = [d.ethHolder, ...list];
    for (const h of all) {
      await depositFor(h, ch.params, d.parts[0], 100n, { eth: h === d.ethHolder });
      await depositFor(h, ch.params, d.parts[1], 50n, { eth: h === d.ethHolder });
    }
    const assets = await Promise.all(all.map(async (h) => evmAsset(d.chainId, await addressOf(h))));
    const fin = makeState(ch.params, { assets, balances: all.map(() => [120n, 30n]), isFinal: true });
    await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
  }

  const fidA = () => fundingIdOf(ch.params, d.parts[0]);

  describe("ETH", function () {
    beforeEach(async function () {
      await settle();
    });

    it("to an EOA: Withdrawn, exact balances, holdings cleared", async function () {
      const receiver = freshAddress("eoa");
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, receiver);
      const tx = d.ethHolder.connect(d.parts[1].wallet).withdraw(auth, sig); // anyone may submit
      await expect(tx).to.emit(d.ethHolder, "Withdrawn").withArgs(fidA(), 120n, receiver);
      await expect(tx).to.changeEtherBalance(d.ethHolder, -120n);
      expect(await ethers.provider.getBalance(receiver)).to.equal(120n);
      expect(await d.ethHolder.holdings(fidA())).to.equal(0n);
    });

    it("a part of the balance: AssetHolderWithdrawalNotWhole (a G3 withdrawal takes all of it)", async function () {
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 20n, freshAddress("parts"));
      await expect(d.ethHolder.withdraw(auth, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fidA(), 120n, 20n);
      expect(await d.ethHolder.holdings(fidA())).to.equal(120n);
    });

    it("the same authorisation replayed after it paid: AssetHolderWithdrawalNotWhole(0), paid once", async function () {
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, freshAddress("replay"));
      await d.ethHolder.withdraw(auth, sig);
      await expect(d.ethHolder.withdraw(auth, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fidA(), 0n, 120n);
      expect(await ethers.provider.getBalance(auth.receiver)).to.equal(120n);
    });

    it("more than the balance: AssetHolderWithdrawalNotWhole", async function () {
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 121n);
      await expect(d.ethHolder.withdraw(auth, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fidA(), 120n, 121n);
    });

    it("a zero withdrawal of an emptied balance is accepted and changes nothing (go-perun re-runs send it)", async function () {
      const all = signedWithdrawal(ch.id, d.parts[0], 120n, freshAddress("zero-all"));
      await d.ethHolder.withdraw(all.auth, all.sig);
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 0n, freshAddress("zero"));
      await expect(d.ethHolder.withdraw(auth, sig))
        .to.emit(d.ethHolder, "Withdrawn")
        .withArgs(fidA(), 0n, auth.receiver);
      expect(await d.ethHolder.holdings(fidA())).to.equal(0n);
      expect(await ethers.provider.getBalance(auth.receiver)).to.equal(0n);
    });

    it("a zero withdrawal of a non-empty balance: AssetHolderWithdrawalNotWhole", async function () {
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 0n, freshAddress("zero-nonempty"));
      await expect(d.ethHolder.withdraw(auth, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fidA(), 120n, 0n);
    });

    it("to a contract wallet that needs more than 2,300 gas", async function () {
      const wallet = await addressOf(d.contractWallet);
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, wallet);
      const tx = d.ethHolder.withdraw(auth, sig);
      await expect(tx)
        .to.emit(d.contractWallet, "Received")
        .withArgs(await addressOf(d.ethHolder), 120n);
      await expect(tx).to.emit(d.ethHolder, "Withdrawn").withArgs(fidA(), 120n, wallet);
      expect(await d.contractWallet.received()).to.equal(120n);
      expect(await ethers.provider.getBalance(wallet)).to.equal(120n);
    });

    it("to a re-entering receiver: the nested withdraw is refused, paid exactly once", async function () {
      const receiver = await addressOf(d.reentrantReceiver);
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, receiver);
      await d.reentrantReceiver.arm(
        await addressOf(d.ethHolder),
        d.ethHolder.interface.encodeFunctionData("withdraw", [auth, sig]),
      );
      await expect(d.ethHolder.withdraw(auth, sig)).to.emit(d.ethHolder, "Withdrawn").withArgs(fidA(), 120n, receiver);
      expect(await d.reentrantReceiver.attempted()).to.equal(true);
      expect(await d.reentrantReceiver.reentrySucceeded()).to.equal(false);
      expect(await d.reentrantReceiver.reentryRevertData()).to.equal(selectorOf("ReentrancyLockReentered()"));
      expect(await ethers.provider.getBalance(receiver)).to.equal(120n);
      expect(await d.ethHolder.holdings(fidA())).to.equal(0n);
      expect(await ethers.provider.getBalance(await addressOf(d.ethHolder))).to.equal(150n - 120n);
    });

    it("to a rejecting receiver: AssetHolderETHTransferFailed, balance kept", async function () {
      const receiver = await addressOf(d.rejectingReceiver);
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, receiver);
      await expect(d.ethHolder.withdraw(auth, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderETHTransferFailed")
        .withArgs(receiver, 120n);
      expect(await d.ethHolder.holdings(fidA())).to.equal(120n);
    });

    it("a participant outside the channel, with a valid own signature: AssetHolderWithdrawalNotWhole(0)", async function () {
      const [outsider] = await makeParticipants(1, 10);
      const { auth, sig } = signedWithdrawal(ch.id, outsider, 1n);
      await expect(d.ethHolder.withdraw(auth, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fundingIdOf(ch.params, outsider), 0n, 1n);
    });
  });

  describe("authorisation binding", function () {
    let auth: WithdrawalAuth;
    let sig: Hex;

    beforeEach(async function () {
      await settle();
      ({ auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, freshAddress("bind")));
    });

    it("signed by the other participant: SignatureSignerMismatch(A, B)", async function () {
      await expect(d.ethHolder.withdraw(auth, signWithdrawalAuth(auth, d.parts[1].privateKey)))
        .to.be.revertedWithCustomError(d.ethHolder, "SignatureSignerMismatch")
        .withArgs(d.parts[0].address, d.parts[1].address);
    });

    const tamper: [string, (a: WithdrawalAuth) => WithdrawalAuth][] = [
      ["another receiver", (a) => ({ ...a, receiver: freshAddress("thief") })],
      ["another ccAddress", (a) => ({ ...a, participant: { ...a.participant, ccAddress: "0x01" as Hex } })],
    ];
    for (const [name, f] of tamper) {
      it(`${name} under the original signature: SignatureSignerMismatch`, async function () {
        const bad = f(auth);
        await expect(d.ethHolder.withdraw(bad, sig))
          .to.be.revertedWithCustomError(d.ethHolder, "SignatureSignerMismatch")
          .withArgs(d.parts[0].address, ethers.getAddress(recoverWithdrawalAuthSigner(bad, sig)));
      });
    }

    it("another amount under the original signature: AssetHolderWithdrawalNotWhole (checked before the signature)", async function () {
      await expect(d.ethHolder.withdraw({ ...auth, amount: 100n }, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fidA(), 120n, 100n);
    });

    it("another channel under the original signature: AssetHolderNotSettled (checked first)", async function () {
      const other = `0x${"99".repeat(32)}` as Hex;
      await expect(d.ethHolder.withdraw({ ...auth, channelID: other }, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderNotSettled")
        .withArgs(other);
    });
  });

  describe("three participants with ccAddress of different lengths", function () {
    it("settle and withdraw exactly (auth hashes cover the ccAddress tail)", async function () {
      const [c3] = await makeParticipants(1, 30);
      const ccs = ["0x", `0x${"ab".repeat(33)}`, `0x${"cd".repeat(100)}`] as Hex[];
      const parts = [...d.parts, c3].map((p, i) => ({ ...p, participant: { ...p.participant, ccAddress: ccs[i] } }));
      const c = await makeChannel(d, { parts, nonce: 77n });
      for (const p of parts) await depositFor(d.ethHolder, c.params, p, 10n);
      const fin = makeState(c.params, { assets: [c.asset], balances: [[5n, 10n, 15n]], isFinal: true });
      await d.adjudicator.concludeFinal(c.params, fin, signAll(fin, parts));
      for (const [i, p] of parts.entries()) {
        const receiver = freshAddress(`cc-${i}`);
        const { auth, sig } = signedWithdrawal(c.id, p, BigInt(5 * (i + 1)), receiver);
        await expect(d.ethHolder.withdraw(auth, sig))
          .to.emit(d.ethHolder, "Withdrawn")
          .withArgs(fundingIdOf(c.params, p), BigInt(5 * (i + 1)), receiver);
        expect(await ethers.provider.getBalance(receiver)).to.equal(BigInt(5 * (i + 1)));
      }
    });
  });

  it("before the channel is settled: AssetHolderNotSettled", async function () {
    await depositFor(d.ethHolder, ch.params, d.parts[0], 100n);
    const s = ch.state([100n, 0n], { version: 1n });
    await d.adjudicator.register({ params: ch.params, state: s, sigs: signAll(s, d.parts) }, []);
    const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 100n);
    await expect(d.ethHolder.withdraw(auth, sig))
      .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderNotSettled")
      .withArgs(ch.id);
  });

  describe("deposits after settlement", function () {
    beforeEach(async function () {
      await settle();
    });

    it("after a full withdrawal a new deposit is accepted and only its participant can take it", async function () {
      const a = signedWithdrawal(ch.id, d.parts[0], 120n, freshAddress("late-1"));
      await d.ethHolder.withdraw(a.auth, a.sig);
      await depositFor(d.ethHolder, ch.params, d.parts[0], 7n);
      expect(await d.ethHolder.holdings(fidA())).to.equal(7n);
      // B cannot reach A's funding ID: its signature does not verify for A.
      const forged = { ...a.auth, amount: 7n };
      await expect(d.ethHolder.withdraw(forged, signWithdrawalAuth(forged, d.parts[1].privateKey)))
        .to.be.revertedWithCustomError(d.ethHolder, "SignatureSignerMismatch")
        .withArgs(d.parts[0].address, d.parts[1].address);
      const late = signedWithdrawal(ch.id, d.parts[0], 7n, freshAddress("late-2"));
      await d.ethHolder.withdraw(late.auth, late.sig);
      expect(await ethers.provider.getBalance(late.auth.receiver)).to.equal(7n);
    });
  });

  describe("ERC-20", function () {
    it("plain token: Withdrawn and exact token balances", async function () {
      await settle([d.erc20Holder]);
      const receiver = freshAddress("erc20");
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, receiver);
      const tx = d.erc20Holder.withdraw(auth, sig);
      await expect(tx).to.emit(d.erc20Holder, "Withdrawn").withArgs(fidA(), 120n, receiver);
      await expect(tx).to.changeTokenBalances(d.token, [d.erc20Holder, receiver], [-120n, 120n]);
      expect(await d.erc20Holder.holdings(fidA())).to.equal(0n);
    });

    it("a token returning nothing", async function () {
      await settle([d.noReturnHolder]);
      const receiver = freshAddress("noret");
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[1], 30n, receiver);
      await d.noReturnHolder.withdraw(auth, sig);
      expect(await d.noReturnToken.balanceOf(receiver)).to.equal(30n);
    });

    it("a token returning false: TokenTransferFailed, balance kept", async function () {
      await settle([d.falseReturnHolder]);
      await d.falseReturnToken.setFailing(true);
      const receiver = freshAddress("false");
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, receiver);
      await expect(d.falseReturnHolder.withdraw(auth, sig))
        .to.be.revertedWithCustomError(d.falseReturnHolder, "TokenTransferFailed")
        .withArgs(await addressOf(d.falseReturnToken), await addressOf(d.falseReturnHolder), receiver, 120n);
      expect(await d.falseReturnHolder.holdings(fidA())).to.equal(120n);
    });

    it("a fee-on-transfer token: the holder pays the credited amount, the receiver gets it minus the fee", async function () {
      // Deposits of 100 and 50 arrive as 99 and 50 (1% fee, rounded down to 0 on 50): 149 held.
      await depositFor(d.feeHolder, ch.params, d.parts[0], 100n);
      await depositFor(d.feeHolder, ch.params, d.parts[1], 50n);
      const fin = makeState(ch.params, {
        assets: [evmAsset(d.chainId, await addressOf(d.feeHolder))],
        balances: [[100n, 49n]],
        isFinal: true,
      });
      await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
      const receiver = freshAddress("fee");
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 100n, receiver);
      await d.feeHolder.withdraw(auth, sig);
      expect(await d.feeToken.balanceOf(receiver)).to.equal(99n);
      expect(await d.feeToken.balanceOf(await addressOf(d.feeHolder))).to.equal(49n);
      expect(await d.feeHolder.holdings(fundingIdOf(ch.params, d.parts[1]))).to.equal(49n);
    });

    it("a token re-entering withdraw during the payout: refused, paid once", async function () {
      await settle([d.reentrantHolder]);
      const receiver = freshAddress("reenter-token");
      const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 120n, receiver);
      await d.reentrantToken.arm(
        await addressOf(d.reentrantHolder),
        d.reentrantHolder.interface.encodeFunctionData("withdraw", [auth, sig]),
      );
      await d.reentrantHolder.withdraw(auth, sig);
      expect(await d.reentrantToken.reentrySucceeded()).to.equal(false);
      expect(await d.reentrantToken.reentryRevertData()).to.equal(selectorOf("ReentrancyLockReentered()"));
      expect(await d.reentrantToken.balanceOf(receiver)).to.equal(120n);
      expect(await d.reentrantHolder.holdings(fidA())).to.equal(0n);
    });
  });
});
