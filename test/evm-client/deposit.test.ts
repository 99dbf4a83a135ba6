/**
 * PerunEvmClient.deposit: ETH, and ERC-20 with every allowance situation (none, too low,
 * enough, managed by the wallet), plus the refusals before sending.
 */
import { expect } from "chai";
import { ethers, network } from "hardhat";
import { AllowanceNotRaisedError, ContractRevertError, EvmClientInputError, PerunEvmClient } from "../../src/evm";
import type { Hex } from "../../src";
import { PerunError, fundingId } from "../../src";
import { makeParticipants } from "../evm/fixtures";
import { rejection } from "../scripts/support/rejection";
import { loadClientWorld } from "./clientFixture";

const CHANNEL = `0x${"c1".repeat(32)}` as Hex;

describe("EVM client: deposit", () => {
  it("ETH: sends the amount as value and credits the funding ID", async () => {
    const w = await loadClientWorld();
    const fid = fundingId(CHANNEL, w.parts[0].address);
    const r = await w.clients[0].deposit({ holder: w.ethHolderAddress, fundingID: fid, amount: 123n });
    expect(r.approvals).to.deep.equal([]);
    expect(r.deposit.status).to.equal(1);
    expect(await w.clients[0].holdings(w.ethHolderAddress, fid)).to.equal(123n);
    expect(await ethers.provider.getBalance(w.ethHolderAddress)).to.equal(123n);
  });

  describe("ERC-20 allowance handling", () => {
    async function freshDepositor() {
      const w = await loadClientWorld();
      const [p] = await makeParticipants(1, 40);
      await (await w.token.mint(p.address, 1_000n)).wait();
      const client = new PerunEvmClient({
        signer: p.wallet,
        adjudicator: await w.adjudicator.getAddress(),
        holders: [{ address: w.erc20HolderAddress, token: w.tokenAddress }],
      });
      return { w, p, client, fid: fundingId(CHANNEL, p.address) };
    }

    it("no allowance: approves exactly the amount, then deposits", async () => {
      const { w, p, client, fid } = await freshDepositor();
      const r = await client.deposit({ holder: w.erc20HolderAddress, fundingID: fid, amount: 300n });
      expect(r.approvals).to.have.length(1);
      expect(await w.token.allowance(p.address, w.erc20HolderAddress)).to.equal(0n); // used up
      expect(await w.erc20Holder.holdings(fid)).to.equal(300n);
    });

    it("a too low allowance: goes through 0 first (USDT-style tokens), then approves the amount", async () => {
      const { w, p, client, fid } = await freshDepositor();
      await (await w.token.connect(p.wallet).approve(w.erc20HolderAddress, 5n)).wait();
      const r = await client.deposit({ holder: w.erc20HolderAddress, fundingID: fid, amount: 300n });
      expect(r.approvals).to.have.length(2);
      expect(await w.erc20Holder.holdings(fid)).to.equal(300n);
    });

    it("enough allowance: no approval", async () => {
      const { w, p, client, fid } = await freshDepositor();
      await (await w.token.connect(p.wallet).approve(w.erc20HolderAddress, 1_000n)).wait();
      const r = await client.deposit({ holder: w.erc20HolderAddress, fundingID: fid, amount: 300n });
      expect(r.approvals).to.deep.equal([]);
      expect(await w.token.allowance(p.address, w.erc20HolderAddress)).to.equal(700n);
    });

    it('allowance "none": never approves; the holder\'s TokenTransferFailed arrives decoded', async () => {
      const { w, client, fid } = await freshDepositor();
      const e = await rejection(
        client.deposit({ holder: w.erc20HolderAddress, fundingID: fid, amount: 300n, allowance: "none" }),
      );
      expect(e).to.be.instanceOf(ContractRevertError);
      expect((e as ContractRevertError).revertName).to.equal("TokenTransferFailed");
      expect(await w.erc20Holder.holdings(fid)).to.equal(0n);
    });
  });

  it("a token whose approve does not raise the allowance: AllowanceNotRaisedError, nothing deposited", async () => {
    const w = await loadClientWorld();
    // Runtime code that answers every call with the word 1: approve() "succeeds", allowance() stays 1.
    const fake = `0x${"fa".repeat(20)}`;
    await network.provider.send("hardhat_setCode", [fake, "0x600160005260206000f3"]);
    const client = new PerunEvmClient({
      signer: w.parts[0].wallet,
      adjudicator: await w.adjudicator.getAddress(),
      holders: [{ address: w.erc20HolderAddress, token: fake }],
    });
    const fid = fundingId(CHANNEL, w.parts[0].address);
    const e = await rejection(client.deposit({ holder: w.erc20HolderAddress, fundingID: fid, amount: 100n }));
    expect(e).to.be.instanceOf(AllowanceNotRaisedError);
    expect(e.message).to.equal(
      `token ${fake} did not raise the allowance of holder ${w.erc20HolderAddress.toLowerCase()} to 100 (it is 1)`,
    );
    expect(await w.erc20Holder.holdings(fid)).to.equal(0n);
  });

  it("a token without allowance(): the read's failure arrives as a typed error", async () => {
    const w = await loadClientWorld();
    const noCode = `0x${"fb".repeat(20)}`;
    const client = new PerunEvmClient({
      signer: w.parts[0].wallet,
      adjudicator: await w.adjudicator.getAddress(),
      holders: [{ address: w.erc20HolderAddress, token: noCode }],
    });
    const e = await rejection(client.deposit({ holder: w.erc20HolderAddress, fundingID: CHANNEL, amount: 1n }));
    expect(e).to.be.instanceOf(PerunError);
  });

  describe("refused before sending", () => {
    const cases: [string, (w: Awaited<ReturnType<typeof loadClientWorld>>) => Promise<unknown>, RegExp][] = [
      [
        "a zero amount",
        (w) => w.clients[0].deposit({ holder: w.ethHolderAddress, fundingID: CHANNEL, amount: 0n }),
        /positive/,
      ],
      [
        "a negative amount",
        (w) => w.clients[0].deposit({ holder: w.ethHolderAddress, fundingID: CHANNEL, amount: -1n }),
        /positive/,
      ],
      [
        "a holder the client does not know",
        (w) => w.clients[0].deposit({ holder: `0x${"ab".repeat(20)}`, fundingID: CHANNEL, amount: 1n }),
        /is not one of this client's asset holders/,
      ],
    ];
    for (const [name, call, message] of cases) {
      it(name, async () => {
        const w = await loadClientWorld();
        const nonce = await w.parts[0].wallet.getNonce();
        const e = await rejection(call(w));
        expect(e).to.be.instanceOf(EvmClientInputError);
        expect(e.message).to.match(message);
        expect(await w.parts[0].wallet.getNonce()).to.equal(nonce);
      });
    }
  });
});
