/**
 * deployEvm on the in-process network: what it deploys and records, and that every refusal
 * happens before a single transaction is sent (the deployer's nonce does not move).
 */
import { expect } from "chai";
import hre from "hardhat";
import { Wallet, getAddress } from "ethers";
import type { Signer } from "ethers";
import { deployEvm } from "../../scripts/lib/evm/deployEvm";
import {
  DeployerUnderfundedError,
  ScriptError,
  TokenNotContractError,
  TokenNotErc20Error,
} from "../../scripts/lib/scriptErrors";
import { channelId } from "../../src";
import type { Address, Params } from "../../src";
import { rejection } from "./support/rejection";

async function newToken(symbol: string): Promise<Address> {
  const [owner] = await hre.ethers.getSigners();
  const token = await hre.ethers.deployContract("TestToken", [`${symbol} token`, symbol, [owner.address], 1n]);
  return (await token.getAddress()).toLowerCase() as Address;
}

describe("scripts: deployEvm", () => {
  it("deploys Adjudicator, AssetHolderETH and one AssetHolderERC20 per token, wired and recorded", async () => {
    const [deployer] = await hre.ethers.getSigners();
    const tokens = [await newToken("AAA"), await newToken("BBB")];
    const lines: string[] = [];
    const { adjudicator, ethHolder, erc20Holders, record } = await deployEvm({
      signer: deployer,
      artifacts: hre.artifacts,
      networkName: "hardhat",
      tokens,
      log: (l) => lines.push(l),
    });

    // Wiring, read from the chain.
    const adjudicatorAddress = await adjudicator.getAddress();
    expect(await ethHolder.adjudicator()).to.equal(adjudicatorAddress);
    expect(erc20Holders.map((h) => h.token.symbol)).to.deep.equal(["AAA", "BBB"]);
    for (const [i, h] of erc20Holders.entries()) {
      expect(await h.holder.adjudicator()).to.equal(adjudicatorAddress);
      expect(await h.holder.token()).to.equal(getAddress(tokens[i]));
    }
    // It is the real Adjudicator: it agrees with the library on a channel ID.
    const params: Params = {
      challengeDuration: 60n,
      nonce: 7n,
      participants: [{ ethAddress: deployer.address.toLowerCase() as Address, ccAddress: "0x" }],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    expect(await adjudicator.channelID(params)).to.equal(channelId(params));

    // The record matches the chain.
    expect(record.network).to.equal("hardhat");
    expect(record.chainId).to.equal(31337);
    expect(record.deployer).to.equal(deployer.address);
    expect(record.compiler.solc).to.match(/^0\.8\.30\+commit\.[0-9a-f]{8}$/);
    expect(record.compiler.optimizer).to.deep.equal({ enabled: true, runs: 200 });
    expect(record.compiler.evmVersion).to.equal("prague");
    const c = record.contracts;
    expect(c.Adjudicator.address).to.equal(adjudicatorAddress);
    expect(c.AssetHolderETH.adjudicator).to.equal(adjudicatorAddress);
    expect(c.AssetHolderERC20.map((h) => [h.token, h.symbol, h.decimals])).to.deep.equal([
      [getAddress(tokens[0]), "AAA", 18],
      [getAddress(tokens[1]), "BBB", 18],
    ]);
    const all = [c.Adjudicator, c.AssetHolderETH, ...c.AssetHolderERC20];
    let sum = 0;
    for (const d of all) {
      const receipt = await hre.ethers.provider.getTransactionReceipt(d.txHash);
      expect(receipt?.contractAddress).to.equal(d.address);
      expect(receipt?.blockNumber).to.equal(d.block);
      expect(Number(receipt?.gasUsed)).to.equal(d.gasUsed);
      sum += d.gasUsed;
      // Progress output names every transaction and address.
      expect(lines.some((l) => l.includes(d.txHash))).to.equal(true, `no progress line with ${d.txHash}`);
      expect(lines.some((l) => l.includes(d.address) && l.includes("gas"))).to.equal(true);
    }
    expect(record.totalGasUsed).to.equal(sum);
    expect(record.startBlock).to.equal(Math.min(...all.map((d) => d.block)));
    expect(Date.parse(record.deployedAt)).to.be.greaterThan(0);
  });

  describe("refuses before sending anything", () => {
    type Setup = () => Promise<{ signer: Signer; tokens: Address[] }>;
    const refusals: [string, Setup, new (...args: never[]) => Error, RegExp][] = [
      [
        "a deployer without funds",
        async () => ({ signer: Wallet.createRandom(hre.ethers.provider), tokens: [] }),
        DeployerUnderfundedError,
        /holds 0\.0 ETH but the deployment needs up to [0-9.]+ ETH/,
      ],
      [
        "a token address without code",
        async () => ({
          signer: (await hre.ethers.getSigners())[1],
          tokens: ["0x000000000000000000000000000000000000beef"],
        }),
        TokenNotContractError,
        /no contract code on chain 31337/,
      ],
      [
        "a contract that is not an ERC-20",
        async () => ({
          signer: (await hre.ethers.getSigners())[1],
          tokens: [(await (await hre.ethers.deployContract("TrivialApp")).getAddress()).toLowerCase() as Address],
        }),
        TokenNotErc20Error,
        /is not an ERC-20: balanceOf\(address\) reverted/,
      ],
    ];
    for (const [name, setup, errorClass, message] of refusals) {
      it(name, async () => {
        const { signer, tokens } = await setup();
        const address = await signer.getAddress();
        const nonceBefore = await hre.ethers.provider.getTransactionCount(address);
        const e = await rejection(deployEvm({ signer, artifacts: hre.artifacts, networkName: "hardhat", tokens }));
        expect(e).to.be.instanceOf(errorClass);
        expect(e.message).to.match(message);
        expect((e as ScriptError).refusedBeforeSending).to.equal(true);
        expect(await hre.ethers.provider.getTransactionCount(address)).to.equal(nonceBefore);
      });
    }
  });
});
