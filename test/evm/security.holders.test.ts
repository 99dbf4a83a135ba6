/**
 * Regression tests for issue 15, findings 3 and 8 (asset holders).
 *
 *  3. A coalition's hostile token must freeze only its own holder. On main, `AssetHolderERC20`
 *     credited whatever balance change it observed (up to 2^255 − 1 per holding), so three
 *     holdings of one channel overflowed `setOutcome`'s running sum (panic 0x11) and the whole
 *     `conclude` reverted — the honest party's ETH on the other holder was frozen with it.
 *     Now every holding is capped at `Holdings.MAX_DEPOSIT` (2^192 − 1): the sums of any channel
 *     (fewer than 2^63 holdings) cannot overflow, so `setOutcome` never reverts on amounts.
 *  8. G3 replay: one authorisation "40 to R" moved 120 wei + 120 tokens across the holders on main
 *     (replayed at each holder while 40 remained). Now a G3 `withdraw` must take the funding
 *     ID's whole remaining balance (DESIGN §10: single use without storage; go-perun always
 *     withdraws its whole balance, `npm run test:go-perun`).
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { Asset, Params } from "../../src";
import {
  addressOf,
  blockTimeOf,
  depositFor,
  evmAsset,
  freshAddress,
  fundingIdOf,
  loadDeployment,
  makeParams,
  makeParticipants,
  makeState,
  signAll,
  signedState,
  signedWithdrawal,
} from "./fixtures";
import type { Deployment, TestParticipant } from "./fixtures";
import type { AssetHolderERC20, LyingBalanceToken } from "../../typechain/evm";

/** `Holdings.MAX_DEPOSIT`: the most one holding can hold before settlement. */
const MAX_DEPOSIT = 2n ** 192n - 1n;
const MAX_HOLDING_BEFORE = 2n ** 255n - 1n;

describe("security regressions (issue 15: asset holders)", function () {
  let d: Deployment;
  let A: TestParticipant;
  let B: TestParticipant;
  let H: TestParticipant;
  let token: LyingBalanceToken;
  let holder: AssetHolderERC20;
  let eth: Asset;
  let bad: Asset;

  beforeEach(async function () {
    d = await loadDeployment();
    [A, B] = d.parts;
    [H] = await makeParticipants(1, 5);
    token = (await ethers.deployContract("LyingBalanceToken")) as unknown as LyingBalanceToken;
    holder = (await ethers.deployContract("AssetHolderERC20", [
      await addressOf(d.adjudicator),
      await addressOf(token),
    ])) as unknown as AssetHolderERC20;
    eth = evmAsset(d.chainId, await addressOf(d.ethHolder));
    bad = evmAsset(d.chainId, await addressOf(holder));
  });

  /** The channel [A, B, H] over ETH and the coalition's token; H deposits 500 wei. */
  async function channel(nonce: bigint): Promise<Params> {
    const params = makeParams([A, B, H], { nonce });
    await depositFor(d.ethHolder, params, H, 500n);
    return params;
  }

  /** A deposit of `amount` of the lying token (the coalition resets its reported balance first). */
  async function lyingDeposit(id: string, amount: bigint, from: TestParticipant = A) {
    await (await token.setReported(0n)).wait();
    return holder.connect(from.wallet).deposit(id, amount);
  }

  /** H registers the state paying itself its 500 wei, waits the window and concludes. */
  async function registerAndConclude(params: Params) {
    const st = makeState(params, {
      assets: [eth, bad],
      balances: [
        [0n, 0n, 500n],
        [0n, 0n, 0n],
      ],
      version: 1n,
    });
    const t = await blockTimeOf(await d.adjudicator.connect(H.wallet).register(signedState(params, st, [A, B, H]), []));
    await time.increaseTo(t + params.challengeDuration);
    return { st, conclude: () => d.adjudicator.connect(H.wallet).conclude(params, st, []) };
  }

  async function withdrawH(params: Params) {
    const w = signedWithdrawal(st0(params), H, 500n);
    await d.ethHolder.connect(H.wallet).withdraw(w.auth, w.sig);
    expect(await d.ethHolder.holdings(fundingIdOf(params, H))).to.equal(0n);
  }
  const st0 = (params: Params) => makeState(params, { assets: [eth], balances: [[0n, 0n, 0n]] }).channelID;

  describe("3. a hostile token freezes only its own holder", function () {
    it("the coalition fills three holdings of its token; H still concludes and withdraws its ETH", async function () {
      const params = await channel(1501n);
      // Finding 3 on main: three deposits of 2^255 − 1 (A's, B's, and one under the bare channel
      // ID) overflowed setOutcome's sum. Now each holding takes at most MAX_DEPOSIT.
      const ids = [fundingIdOf(params, A), fundingIdOf(params, B), st0(params)];
      for (const id of ids) {
        await expect(lyingDeposit(id, MAX_HOLDING_BEFORE))
          .to.be.revertedWithCustomError(holder, "AssetHolderHoldingsOverflow")
          .withArgs(id, 0n, MAX_HOLDING_BEFORE);
        await (await lyingDeposit(id, MAX_DEPOSIT)).wait();
        expect(await holder.holdings(id)).to.equal(MAX_DEPOSIT);
      }
      const { conclude } = await registerAndConclude(params);
      await expect(conclude()).to.emit(d.ethHolder, "OutcomeSet");
      await withdrawH(params);
      // The token's own outcome: A and B keep (refundable) what they "deposited".
      expect(await holder.settled(st0(params))).to.equal(true);
    });

    it("the cap guard: a deposit that would take a holding above MAX_DEPOSIT is refused with AssetHolderHoldingsOverflow", async function () {
      const params = makeParams([A, B, H], { nonce: 1502n });
      const id = fundingIdOf(params, A);
      await (await lyingDeposit(id, MAX_DEPOSIT - 5n)).wait();
      await (await lyingDeposit(id, 5n)).wait();
      await expect(lyingDeposit(id, 1n))
        .to.be.revertedWithCustomError(holder, "AssetHolderHoldingsOverflow")
        .withArgs(id, MAX_DEPOSIT, 1n);
      // The ETH holder has the same cap (msg.value cannot reach it; checked at the shared code).
      expect(await holder.holdings(id)).to.equal(MAX_DEPOSIT);
    });

    it("an outcome whose balances sum past 2^256 settles as underfunded instead of reverting", async function () {
      // A state signed by all (H included) with absurd token balances must not block the ETH.
      const params = await channel(1503n);
      await (await lyingDeposit(fundingIdOf(params, A), 7n)).wait();
      const huge = 2n ** 255n;
      const st = makeState(params, {
        assets: [eth, bad],
        balances: [
          [0n, 0n, 500n],
          [huge, huge, 1n],
        ],
        version: 1n,
      });
      const t = await blockTimeOf(
        await d.adjudicator.connect(H.wallet).register(signedState(params, st, [A, B, H]), []),
      );
      await time.increaseTo(t + params.challengeDuration);
      await expect(d.adjudicator.connect(H.wallet).conclude(params, st, [])).to.emit(holder, "OutcomeSet");
      // Underfunded: every deposit stays with its depositor.
      expect(await holder.holdings(fundingIdOf(params, A))).to.equal(7n);
      await withdrawH(params);
    });

    it("a token whose transfer reverts: conclude settles both holders, the ETH pays out, only the token's withdrawal fails", async function () {
      const params = await channel(1504n);
      await (await lyingDeposit(fundingIdOf(params, H), 10n, H)).wait();
      await (await token.setFailing(true)).wait();
      const st = makeState(params, {
        assets: [eth, bad],
        balances: [
          [0n, 0n, 500n],
          [0n, 0n, 10n],
        ],
        version: 1n,
      });
      const t = await blockTimeOf(
        await d.adjudicator.connect(H.wallet).register(signedState(params, st, [A, B, H]), []),
      );
      await time.increaseTo(t + params.challengeDuration);
      await d.adjudicator.connect(H.wallet).conclude(params, st, []);
      await withdrawH(params);
      const w = signedWithdrawal(st.channelID, H, 10n);
      await expect(holder.connect(H.wallet).withdraw(w.auth, w.sig)).to.be.revertedWithCustomError(
        holder,
        "TokenTransferFailed",
      );
    });
  });

  describe("8. a G3 withdrawal authorisation is single-use at each holder", function () {
    /** [A, B] over ETH and the test token; A ends with `a` of each, B with 10. */
    async function settled(nonce: bigint, a: bigint) {
      const params = makeParams([A, B], { nonce });
      const tok = evmAsset(d.chainId, await addressOf(d.erc20Holder));
      await depositFor(d.ethHolder, params, A, a + 10n);
      await depositFor(d.erc20Holder, params, A, a + 10n);
      const fin = makeState(params, {
        assets: [eth, tok],
        balances: [
          [a, 10n],
          [a, 10n],
        ],
        isFinal: true,
      });
      await d.adjudicator.concludeFinal(params, fin, signAll(fin, [A, B]));
      return { params, id: fin.channelID };
    }

    it("'40 to R' with 120 at each holder moves nothing (was 120 wei + 120 tokens on main)", async function () {
      const { params, id } = await settled(1601n, 120n);
      const R = freshAddress("issue15-g3-replay");
      const w = signedWithdrawal(id, A, 40n, R);
      const fid = fundingIdOf(params, A);
      for (const h of [d.ethHolder, d.erc20Holder]) {
        for (let k = 0; k < 3; k++) {
          await expect(h.connect(B.wallet).withdraw(w.auth, w.sig))
            .to.be.revertedWithCustomError(h, "AssetHolderWithdrawalNotWhole")
            .withArgs(fid, 120n, 40n);
        }
      }
      expect(await ethers.provider.getBalance(R)).to.equal(0n);
      expect(await d.token.balanceOf(R)).to.equal(0n);
      expect(await d.ethHolder.holdings(fid)).to.equal(120n);
      expect(await d.erc20Holder.holdings(fid)).to.equal(120n);
    });

    it("the whole balance pays once; a replay at the same holder: AssetHolderWithdrawalNotWhole(0)", async function () {
      const { params, id } = await settled(1602n, 40n);
      const R = freshAddress("issue15-g3-once");
      const w = signedWithdrawal(id, A, 40n, R);
      const fid = fundingIdOf(params, A);
      await d.ethHolder.connect(B.wallet).withdraw(w.auth, w.sig);
      await expect(d.ethHolder.connect(B.wallet).withdraw(w.auth, w.sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fid, 0n, 40n);
      expect(await ethers.provider.getBalance(R)).to.equal(40n);
      // Documented residue (README, Withdrawals): at another holder where A's whole remaining
      // balance is exactly 40, the same message pays that whole balance, to the same R, once.
      await d.erc20Holder.connect(B.wallet).withdraw(w.auth, w.sig);
      await expect(d.erc20Holder.connect(B.wallet).withdraw(w.auth, w.sig))
        .to.be.revertedWithCustomError(d.erc20Holder, "AssetHolderWithdrawalNotWhole")
        .withArgs(fid, 0n, 40n);
      expect(await d.token.balanceOf(R)).to.equal(40n);
    });
  });
});
