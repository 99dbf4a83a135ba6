/**
 * AssetHolder.deposit on the ETH holder and on ERC-20 holders of well-behaved and odd tokens:
 * plain, returning nothing, returning false, fee-on-transfer (credits what arrived), malformed
 * return data, a token that shrinks the holder's balance and one that re-enters. Also the
 * holders' constructor checks and the refusal of deposits into a settled balance.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import type {
  AssetHolderERC20,
  BalanceQueryFailingToken,
  RawReturnToken,
  ReentrantToken,
  ReversingToken,
} from "../../typechain/evm";
import {
  MAX_DEPOSIT,
  TOKEN_BALANCE,
  ZERO_ADDRESS,
  addressOf,
  deployMocksFixture,
  evmAsset,
  fundingIdOf,
  makeChannel,
  makeState,
  selectorOf,
  signAll,
} from "./fixtures";
import type { TestChannel } from "./fixtures";

/** The mocks plus the three hostile tokens of this file, each with its holder. */
async function depositFixture() {
  const d = await deployMocksFixture();
  const adj = await d.adjudicator.getAddress();
  const addrs = d.parts.map((p) => p.address);
  const deploy = async <T>(name: string, args: unknown[]) => (await ethers.deployContract(name, args)) as unknown as T;
  const reentrantToken = await deploy<ReentrantToken>("ReentrantToken", [addrs, TOKEN_BALANCE]);
  const reentrantHolder = await deploy<AssetHolderERC20>("AssetHolderERC20", [adj, await reentrantToken.getAddress()]);
  const reversingToken = await deploy<ReversingToken>("ReversingToken", [addrs, TOKEN_BALANCE]);
  const reversingHolder = await deploy<AssetHolderERC20>("AssetHolderERC20", [adj, await reversingToken.getAddress()]);
  const rawToken = await deploy<RawReturnToken>("RawReturnToken", []);
  const rawHolder = await deploy<AssetHolderERC20>("AssetHolderERC20", [adj, await rawToken.getAddress()]);
  const queryToken = await deploy<BalanceQueryFailingToken>("BalanceQueryFailingToken", []);
  const queryHolder = await deploy<AssetHolderERC20>("AssetHolderERC20", [adj, await queryToken.getAddress()]);
  for (const p of d.parts) {
    await (await queryToken.mint(p.address, TOKEN_BALANCE)).wait();
    await (await reentrantToken.connect(p.wallet).approve(await reentrantHolder.getAddress(), TOKEN_BALANCE)).wait();
    await (await rawToken.mint(p.address, TOKEN_BALANCE)).wait();
  }
  return {
    ...d,
    reentrantToken,
    reentrantHolder,
    reversingToken,
    reversingHolder,
    rawToken,
    rawHolder,
    queryToken,
    queryHolder,
  };
}

describe("AssetHolder.deposit", function () {
  let d: Awaited<ReturnType<typeof depositFixture>>;
  let ch: TestChannel;
  let fidA: string;

  beforeEach(async function () {
    d = await loadFixture(depositFixture);
    ch = await makeChannel(d);
    fidA = fundingIdOf(ch.params, d.parts[0]);
  });

  describe("ETH", function () {
    it("credits the value: Deposited, holdings and the holder's balance", async function () {
      const tx = d.ethHolder.connect(d.parts[0].wallet).deposit(fidA, 1_000n, { value: 1_000n });
      await expect(tx).to.emit(d.ethHolder, "Deposited").withArgs(fidA, 1_000n);
      await expect(tx).to.changeEtherBalances([d.parts[0].wallet, d.ethHolder], [-1_000n, 1_000n]);
      expect(await d.ethHolder.holdings(fidA)).to.equal(1_000n);
    });

    it("top-ups accumulate, and anyone may fund a funding ID", async function () {
      await d.ethHolder.connect(d.parts[0].wallet).deposit(fidA, 1_000n, { value: 1_000n });
      await d.ethHolder.connect(d.parts[1].wallet).deposit(fidA, 234n, { value: 234n });
      expect(await d.ethHolder.holdings(fidA)).to.equal(1_234n);
    });

    it("a zero deposit is a no-op that still emits Deposited(0)", async function () {
      await expect(d.ethHolder.deposit(fidA, 0n)).to.emit(d.ethHolder, "Deposited").withArgs(fidA, 0n);
      expect(await d.ethHolder.holdings(fidA)).to.equal(0n);
    });

    const wrongValues: [bigint, bigint][] = [
      [100n, 99n],
      [100n, 101n],
      [100n, 0n],
      [0n, 1n],
    ];
    for (const [amount, value] of wrongValues) {
      it(`amount ${amount} with value ${value}: AssetHolderETHWrongValue`, async function () {
        await expect(d.ethHolder.deposit(fidA, amount, { value }))
          .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderETHWrongValue")
          .withArgs(amount, value);
      });
    }

    it("into a settled balance: AssetHolderDepositAfterSettlement, holdings unchanged", async function () {
      await d.ethHolder.connect(d.parts[0].wallet).deposit(fidA, 10n, { value: 10n });
      const fin = ch.state([10n, 0n], { isFinal: true });
      await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
      await expect(d.ethHolder.deposit(fidA, 5n, { value: 5n }))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderDepositAfterSettlement")
        .withArgs(fidA);
      expect(await d.ethHolder.holdings(fidA)).to.equal(10n);
    });
  });

  describe("into a settled channel's own ID", function () {
    it("before settlement a deposit under the channel ID is accepted (it counts towards the channel)", async function () {
      await expect(d.ethHolder.deposit(ch.id, 3n, { value: 3n }))
        .to.emit(d.ethHolder, "Deposited")
        .withArgs(ch.id, 3n);
      expect(await d.ethHolder.holdings(ch.id)).to.equal(3n);
    });

    it("after settlement: AssetHolderDepositAfterSettlement (it could never be withdrawn)", async function () {
      const fin = ch.state([0n, 0n], { isFinal: true });
      await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
      await expect(d.ethHolder.deposit(ch.id, 3n, { value: 3n }))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderDepositAfterSettlement")
        .withArgs(ch.id);
      expect(await d.ethHolder.holdings(ch.id)).to.equal(0n);
    });
  });

  describe("ERC-20, plain token", function () {
    it("pulls the approved amount: Deposited, holdings and token balances", async function () {
      const tx = d.erc20Holder.connect(d.parts[0].wallet).deposit(fidA, 5_000n);
      await expect(tx).to.emit(d.erc20Holder, "Deposited").withArgs(fidA, 5_000n);
      await expect(tx).to.changeTokenBalances(d.token, [d.parts[0].wallet, d.erc20Holder], [-5_000n, 5_000n]);
      expect(await d.erc20Holder.holdings(fidA)).to.equal(5_000n);
    });

    it("with ETH attached: AssetHolderERC20ValueSent", async function () {
      await expect(d.erc20Holder.connect(d.parts[0].wallet).deposit(fidA, 5n, { value: 1n }))
        .to.be.revertedWithCustomError(d.erc20Holder, "AssetHolderERC20ValueSent")
        .withArgs(1n);
    });

    it("beyond the allowance: TokenTransferFailed", async function () {
      const outsider = (await ethers.getSigners())[5];
      await expect(d.erc20Holder.connect(outsider).deposit(fidA, 1n))
        .to.be.revertedWithCustomError(d.erc20Holder, "TokenTransferFailed")
        .withArgs(await addressOf(d.token), outsider.address, await addressOf(d.erc20Holder), 1n);
    });

    it("into a settled balance: AssetHolderDepositAfterSettlement, no tokens pulled", async function () {
      await d.erc20Holder.connect(d.parts[0].wallet).deposit(fidA, 10n);
      const fin = makeState(ch.params, {
        assets: [evmAsset(d.chainId, await addressOf(d.erc20Holder))],
        balances: [[10n, 0n]],
        isFinal: true,
      });
      await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
      const before = await d.token.balanceOf(d.parts[0].address);
      await expect(d.erc20Holder.connect(d.parts[0].wallet).deposit(fidA, 5n))
        .to.be.revertedWithCustomError(d.erc20Holder, "AssetHolderDepositAfterSettlement")
        .withArgs(fidA);
      expect(await d.token.balanceOf(d.parts[0].address)).to.equal(before);
      expect(await d.erc20Holder.holdings(fidA)).to.equal(10n);
    });

    it("holdings beyond MAX_DEPOSIT (2^192 - 1): AssetHolderHoldingsOverflow", async function () {
      const a = d.parts[0];
      await d.token.mint(a.address, MAX_DEPOSIT);
      await d.token.connect(a.wallet).approve(await addressOf(d.erc20Holder), 2n ** 256n - 1n);
      await expect(d.erc20Holder.connect(a.wallet).deposit(fidA, MAX_DEPOSIT + 1n))
        .to.be.revertedWithCustomError(d.erc20Holder, "AssetHolderHoldingsOverflow")
        .withArgs(fidA, 0n, MAX_DEPOSIT + 1n);
      await d.erc20Holder.connect(a.wallet).deposit(fidA, MAX_DEPOSIT);
      expect(await d.erc20Holder.holdings(fidA)).to.equal(MAX_DEPOSIT);
      await expect(d.erc20Holder.connect(a.wallet).deposit(fidA, 1n))
        .to.be.revertedWithCustomError(d.erc20Holder, "AssetHolderHoldingsOverflow")
        .withArgs(fidA, MAX_DEPOSIT, 1n);
    });
  });

  describe("ERC-20, odd tokens", function () {
    it("a token returning nothing is accepted", async function () {
      await expect(d.noReturnHolder.connect(d.parts[0].wallet).deposit(fidA, 700n))
        .to.emit(d.noReturnHolder, "Deposited")
        .withArgs(fidA, 700n);
      expect(await d.noReturnToken.balanceOf(await addressOf(d.noReturnHolder))).to.equal(700n);
      expect(await d.noReturnHolder.holdings(fidA)).to.equal(700n);
    });

    it("a token returning nothing that reverts: TokenTransferFailed", async function () {
      await expect(d.noReturnHolder.connect(d.parts[0].wallet).deposit(fidA, TOKEN_BALANCE + 1n))
        .to.be.revertedWithCustomError(d.noReturnHolder, "TokenTransferFailed")
        .withArgs(
          await addressOf(d.noReturnToken),
          d.parts[0].address,
          await addressOf(d.noReturnHolder),
          TOKEN_BALANCE + 1n,
        );
    });

    it("a token returning true is accepted", async function () {
      await d.falseReturnHolder.connect(d.parts[0].wallet).deposit(fidA, 300n);
      expect(await d.falseReturnHolder.holdings(fidA)).to.equal(300n);
      expect(await d.falseReturnToken.balanceOf(await addressOf(d.falseReturnHolder))).to.equal(300n);
    });

    it("a token returning false: TokenTransferFailed, nothing credited", async function () {
      await d.falseReturnToken.setFailing(true);
      await expect(d.falseReturnHolder.connect(d.parts[0].wallet).deposit(fidA, 300n))
        .to.be.revertedWithCustomError(d.falseReturnHolder, "TokenTransferFailed")
        .withArgs(await addressOf(d.falseReturnToken), d.parts[0].address, await addressOf(d.falseReturnHolder), 300n);
      expect(await d.falseReturnHolder.holdings(fidA)).to.equal(0n);
    });

    it("a fee-on-transfer token: credits what arrived (99%)", async function () {
      const tx = d.feeHolder.connect(d.parts[0].wallet).deposit(fidA, 10_000n);
      await expect(tx).to.emit(d.feeHolder, "Deposited").withArgs(fidA, 9_900n);
      expect(await d.feeHolder.holdings(fidA)).to.equal(9_900n);
      expect(await d.feeToken.balanceOf(await addressOf(d.feeHolder))).to.equal(9_900n);
      expect(await d.feeToken.balanceOf(d.parts[0].address)).to.equal(TOKEN_BALANCE - 10_000n);
    });

    const rawCases: { name: string; data: string; ok: boolean }[] = [
      { name: "abi.encode(true)", data: ethers.toBeHex(1n, 32), ok: true },
      { name: "empty return data", data: "0x", ok: true },
      { name: "abi.encode(false)", data: ethers.toBeHex(0n, 32), ok: false },
      { name: "abi.encode(2)", data: ethers.toBeHex(2n, 32), ok: false },
      {
        name: "64 bytes starting with true",
        data: ethers.concat([ethers.toBeHex(1n, 32), ethers.toBeHex(0n, 32)]),
        ok: false,
      },
      { name: "one byte 0x01", data: "0x01", ok: false },
      { name: "31 bytes", data: ethers.toBeHex(1n, 31), ok: false },
    ];
    for (const c of rawCases) {
      it(`a token returning ${c.name}: ${c.ok ? "accepted" : "TokenTransferFailed"}`, async function () {
        await d.rawToken.setReturnData(c.data);
        const tx = d.rawHolder.connect(d.parts[0].wallet).deposit(fidA, 42n);
        if (c.ok) {
          await expect(tx).to.emit(d.rawHolder, "Deposited").withArgs(fidA, 42n);
        } else {
          await expect(tx)
            .to.be.revertedWithCustomError(d.rawHolder, "TokenTransferFailed")
            .withArgs(await addressOf(d.rawToken), d.parts[0].address, await addressOf(d.rawHolder), 42n);
        }
      });
    }

    it("a token whose balanceOf answers honestly is accepted (control)", async function () {
      await expect(d.queryHolder.connect(d.parts[0].wallet).deposit(fidA, 8n))
        .to.emit(d.queryHolder, "Deposited")
        .withArgs(fidA, 8n);
    });

    for (const [mode, name] of [
      [1n, "reverts"],
      [2n, "returns one byte"],
    ] as const) {
      it(`a token whose balanceOf ${name}: TokenTransferBalanceQueryFailed`, async function () {
        await d.queryToken.setMode(mode);
        await expect(d.queryHolder.connect(d.parts[0].wallet).deposit(fidA, 8n))
          .to.be.revertedWithCustomError(d.queryHolder, "TokenTransferBalanceQueryFailed")
          .withArgs(await addressOf(d.queryToken));
      });
    }

    it("a token that shrinks the holder's balance: AssetHolderERC20BalanceDecreased", async function () {
      const holder = await addressOf(d.reversingHolder);
      await d.reversingToken.mint(holder, 1_000n);
      await d.reversingToken.connect(d.parts[0].wallet).approve(holder, 100n);
      await expect(d.reversingHolder.connect(d.parts[0].wallet).deposit(fidA, 100n))
        .to.be.revertedWithCustomError(d.reversingHolder, "AssetHolderERC20BalanceDecreased")
        .withArgs(1_000n, 900n);
    });

    it("a token re-entering deposit during the transfer: the nested deposit is refused, the outer one counts once", async function () {
      const holder = d.reentrantHolder;
      // The token itself deposits 1 during the pull; it would be counted in both measurements.
      await d.reentrantToken.mint(await d.reentrantToken.getAddress(), 10n);
      await d.reentrantToken.arm(await addressOf(holder), holder.interface.encodeFunctionData("deposit", [fidA, 1n]));
      await expect(holder.connect(d.parts[0].wallet).deposit(fidA, 500n))
        .to.emit(holder, "Deposited")
        .withArgs(fidA, 500n);
      expect(await d.reentrantToken.attempted()).to.equal(true);
      expect(await d.reentrantToken.reentrySucceeded()).to.equal(false);
      expect(await d.reentrantToken.reentryRevertData()).to.equal(selectorOf("ReentrancyLockReentered()"));
      expect(await holder.holdings(fidA)).to.equal(500n);
      expect(await d.reentrantToken.balanceOf(await addressOf(holder))).to.equal(500n);
    });
  });

  describe("constructors", function () {
    it("AssetHolderETH with a zero adjudicator: AssetHolderZeroAdjudicator", async function () {
      const f = await ethers.getContractFactory("AssetHolderETH");
      await expect(f.deploy(ZERO_ADDRESS)).to.be.revertedWithCustomError(f, "AssetHolderZeroAdjudicator");
    });
    it("AssetHolderERC20 with a zero adjudicator: AssetHolderZeroAdjudicator", async function () {
      const f = await ethers.getContractFactory("AssetHolderERC20");
      await expect(f.deploy(ZERO_ADDRESS, await addressOf(d.token))).to.be.revertedWithCustomError(
        f,
        "AssetHolderZeroAdjudicator",
      );
    });
    it("AssetHolderERC20 with a token address without code: AssetHolderERC20TokenNotContract", async function () {
      const f = await ethers.getContractFactory("AssetHolderERC20");
      await expect(f.deploy(await addressOf(d.adjudicator), d.parts[0].address))
        .to.be.revertedWithCustomError(f, "AssetHolderERC20TokenNotContract")
        .withArgs(d.parts[0].address);
    });
    it("both holders record their adjudicator (and the ERC-20 holder its token)", async function () {
      expect(await d.ethHolder.adjudicator()).to.equal(await addressOf(d.adjudicator));
      expect(await d.erc20Holder.adjudicator()).to.equal(await addressOf(d.adjudicator));
      expect(await d.erc20Holder.token()).to.equal(await addressOf(d.token));
    });
  });
});
