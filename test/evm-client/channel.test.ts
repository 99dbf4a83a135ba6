/**
 * PerunEvmClient on a whole channel: status before and after each move, concludeFinal, a
 * dispute (register, refute, conclude after the window), force execution of an app channel
 * (progress), withdrawals signed by key or by a wallet callback.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { AbiCoder } from "ethers";
import { fundingId, hashState, signBoundWithdrawalAuth, signState, signWithdrawalAuth } from "../../src";
import type { Hex } from "../../src";
import { ContractRevertError, EvmClientInputError, PerunEvmClient } from "../../src/evm";
import type { WithdrawalSigningRequest } from "../../src/evm";
import { rejection } from "../scripts/support/rejection";
import { ethers } from "hardhat";
import { AssetHolder__factory } from "../../typechain/evm";
import { evmAsset, makeParams, makeState } from "../evm/fixtures";
import type { Address } from "../../src";
import { fundedEthChannel, loadClientWorld } from "./clientFixture";

describe("EVM client: a channel's life", () => {
  it("concludeFinal, then each withdraws its whole balance (signed with the library)", async () => {
    const w = await loadClientWorld();
    const { params, id, signed } = await fundedEthChannel(w);
    expect((await w.clients[0].channelStatus(id)).phase).to.equal("none");
    const final = signed(3n, [25n, 5n], true);
    await w.clients[1].concludeFinal(final);
    const status = await w.clients[0].channelStatus(id);
    expect(status).to.include({ registered: true, phase: "concluded", version: 3n, hasApp: false });
    expect(status.stateHash).to.equal(hashState(final.state));
    expect(await w.clients[0].settled(w.ethHolderAddress, id)).to.equal(true);
    const before = await ethers.provider.getBalance(w.parts[1].address);
    const r0 = await w.clients[0].withdraw({
      holder: w.ethHolderAddress,
      channelID: id,
      participant: params.participants[0],
      signer: w.parts[0].privateKey,
    });
    expect(r0.amount).to.equal(25n);
    // Anyone may send a withdrawal; Bob's comes from Alice's client, signed by Bob's wallet callback.
    const r1 = await w.clients[0].withdraw({
      holder: w.ethHolderAddress,
      channelID: id,
      participant: params.participants[1],
      signer: (r: WithdrawalSigningRequest) =>
        r.method === "bound"
          ? signBoundWithdrawalAuth(r.bound, w.parts[1].privateKey)
          : signWithdrawalAuth(r.auth, w.parts[1].privateKey),
    });
    expect(r1.amount).to.equal(5n);
    expect(await ethers.provider.getBalance(w.parts[1].address)).to.equal(before + 5n);
    expect(await ethers.provider.getBalance(w.ethHolderAddress)).to.equal(0n);
  });

  it("withdraws by default through withdrawBound (nonce consumed), and through the G3 withdraw on request", async () => {
    const w = await loadClientWorld();
    const { params, id, signed } = await fundedEthChannel(w);
    await w.clients[1].concludeFinal(signed(1n, [25n, 5n], true));
    const holder = AssetHolder__factory.connect(w.ethHolderAddress, ethers.provider);
    const fid0 = fundingId(id, params.participants[0].ethAddress);
    const fid1 = fundingId(id, params.participants[1].ethAddress);
    const r0 = await w.clients[0].withdraw({
      holder: w.ethHolderAddress,
      channelID: id,
      participant: params.participants[0],
      signer: w.parts[0].privateKey,
    });
    expect(r0.amount).to.equal(25n);
    expect(await holder.withdrawalNonce(fid0)).to.equal(1n);
    const r1 = await w.clients[0].withdraw({
      holder: w.ethHolderAddress,
      channelID: id,
      participant: params.participants[1],
      signer: w.parts[1].privateKey,
      method: "g3",
    });
    expect(r1.amount).to.equal(5n);
    expect(await holder.withdrawalNonce(fid1)).to.equal(0n);
    expect(await ethers.provider.getBalance(w.ethHolderAddress)).to.equal(0n);
  });

  it("refuses a withdrawal signed with the wrong key, and one with nothing to withdraw, before sending", async () => {
    const w = await loadClientWorld();
    const { params, id, signed } = await fundedEthChannel(w);
    await w.clients[1].concludeFinal(signed(1n, [30n, 0n], true));
    const nonce = await w.parts[0].wallet.getNonce();
    const wrongKey = await rejection(
      w.clients[0].withdraw({
        holder: w.ethHolderAddress,
        channelID: id,
        participant: params.participants[0],
        signer: w.parts[1].privateKey,
      }),
    );
    expect(wrongKey).to.be.instanceOf(EvmClientInputError);
    expect(wrongKey.message).to.match(/is not 0x[0-9a-f]{40}'s \(wrong key\?\); nothing was sent/);
    const nothing = await rejection(
      w.clients[1].withdraw({
        holder: w.ethHolderAddress,
        channelID: id,
        participant: params.participants[1],
        signer: w.parts[1].privateKey,
      }),
    );
    expect(nothing).to.be.instanceOf(EvmClientInputError);
    expect(nothing.message).to.match(/holds nothing/);
    expect(await w.parts[0].wallet.getNonce()).to.equal(nonce);
  });

  it("a dispute: register a stale state, refute with the latest, conclude after the window", async () => {
    const w = await loadClientWorld();
    const { params, id, signed } = await fundedEthChannel(w);
    const stale = signed(1n, [5n, 25n]);
    const latest = signed(2n, [20n, 10n]);
    await w.clients[1].register(stale);
    const s1 = await w.clients[0].channelStatus(id);
    expect(s1).to.include({ phase: "dispute", version: 1n, challengeDuration: 60n });
    // refute refuses a state that is not newer, before sending
    const notNewer = await rejection(w.clients[0].refute(stale));
    expect(notNewer).to.be.instanceOf(EvmClientInputError);
    // conclude too early: the Adjudicator's DisputeTimeoutNotPassed, decoded with typed args
    const early = await rejection(w.clients[0].conclude(params, stale.state));
    expect(early).to.be.instanceOf(ContractRevertError);
    const typed = early as ContractRevertError;
    expect(typed.is("DisputeTimeoutNotPassed")).to.equal(true);
    if (typed.is("DisputeTimeoutNotPassed")) {
      expect(typed.args.channelID).to.equal(id);
      expect(typed.args.timeout).to.equal(s1.timeout);
    }
    await w.clients[0].refute(latest);
    const s2 = await w.clients[0].channelStatus(id);
    expect(s2).to.include({ phase: "dispute", version: 2n, timeout: s1.timeout });
    await time.increaseTo(s1.timeout + 1n);
    await w.clients[0].conclude(params, latest.state);
    expect((await w.clients[0].channelStatus(id)).phase).to.equal("concluded");
    const { amount } = await w.clients[0].withdraw({
      holder: w.ethHolderAddress,
      channelID: id,
      participant: params.participants[0],
      signer: w.parts[0].privateKey,
    });
    expect(amount).to.equal(20n);
  });

  it("refute refuses a channel without a dispute (use register)", async () => {
    const w = await loadClientWorld();
    const { signed } = await fundedEthChannel(w);
    const e = await rejection(w.clients[0].refute(signed(1n, [10n, 20n])));
    expect(e).to.be.instanceOf(EvmClientInputError);
    expect(e.message).to.match(/has no dispute to refute; use register/);
  });

  it("progress: force execution of an app channel after the window", async () => {
    const w = await loadClientWorld();
    const app = (await ethers.deployContract("CounterApp")) as unknown as { getAddress(): Promise<string> };
    const params = makeParams(w.parts, { app: (await app.getAddress()).toLowerCase() as Address, ledgerChannel: true });
    const asset = evmAsset(w.chainId, w.ethHolderAddress.toLowerCase() as Address);
    const counter = (n: bigint): Hex => AbiCoder.defaultAbiCoder().encode(["uint256"], [n]) as Hex;
    const s0 = makeState(params, { version: 0n, balances: [[0n, 0n]], assets: [asset], appData: counter(0n) });
    const client = w.clients[0];
    await client.register({ params, state: s0, sigs: w.parts.map((p) => signState(s0, p.privateKey)) });
    const status = await client.channelStatus(s0.channelID);
    expect(status.hasApp).to.equal(true);
    await time.increaseTo(status.timeout + 1n);
    const s1 = { ...s0, version: 1n, appData: counter(1n) };
    await client.progress({ params, from: s0, to: s1, actorIdx: 0n, sig: signState(s1, w.parts[0].privateKey) });
    expect(await client.channelStatus(s0.channelID)).to.include({ phase: "forceexec", version: 1n });
    // The app's own error (not declared by the three contracts) is an UnknownRevertError.
    const s2 = { ...s1, version: 2n, appData: counter(5n) };
    const e = await rejection(
      client.progress({ params, from: s1, to: s2, actorIdx: 1n, sig: signState(s2, w.parts[1].privateKey) }),
    );
    expect(e.name).to.equal("UnknownRevertError");
    expect((e as { data?: string }).data).to.match(/^0x[0-9a-f]{8}/);
  });

  it("fromDeployment: a client from a deployment record; refuses a signer on another chain", async () => {
    const w = await loadClientWorld();
    const record = {
      network: "hardhat",
      chainId: Number(w.chainId),
      deployer: w.parts[0].address,
      compiler: { solc: "test" },
      startBlock: 0,
      deployedAt: new Date(0).toISOString(),
      contracts: {
        Adjudicator: { address: await w.adjudicator.getAddress(), txHash: "0x", block: 0, gasUsed: 0 },
        AssetHolderETH: { address: w.ethHolderAddress, txHash: "0x", block: 0, gasUsed: 0, adjudicator: "" },
        AssetHolderERC20: [
          { address: w.erc20HolderAddress, txHash: "0x", block: 0, gasUsed: 0, adjudicator: "", token: w.tokenAddress },
        ],
      },
      totalGasUsed: 0,
    };
    const client = await PerunEvmClient.fromDeployment(record, w.parts[0].wallet);
    expect(client.holders.map((h) => h.token ?? "ETH")).to.deep.equal(["ETH", w.tokenAddress.toLowerCase()]);
    const e = await rejection(PerunEvmClient.fromDeployment({ ...record, chainId: 1 }, w.parts[0].wallet));
    expect(e).to.be.instanceOf(EvmClientInputError);
    expect(e.message).to.equal("the deployment record is for chain 1, the signer is on chain 31337");
  });
});
