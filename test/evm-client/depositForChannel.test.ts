/**
 * depositForChannel: the policy runs on params + initial state before anything is sent; the
 * funding ID and amount come from the channel, not from the caller.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { depositForChannel } from "../../src/evm";
import type { Address, Params, State } from "../../src";
import { BACKEND_ICP, PolicyDepositError, SigningPolicyError, fundingId } from "../../src";
import { evmAsset, makeParams, makeState } from "../evm/fixtures";
import { loadClientWorld, type ClientWorld } from "./clientFixture";

const ICP_ASSET = {
  chainID: BACKEND_ICP,
  ethHolder: `0x${"00".repeat(20)}` as Address,
  ccHolder: "0x0102030405" as const,
};

function channel(
  w: ClientWorld,
  options: { app?: Address; icp?: boolean; balances?: bigint[] } = {},
): { params: Params; initialState: State } {
  const params = makeParams(w.parts, { app: options.app });
  const eth = evmAsset(w.chainId, w.ethHolderAddress.toLowerCase() as Address);
  const icp = options.icp ?? false;
  const initialState = makeState(params, {
    assets: icp ? [eth, ICP_ASSET] : [eth],
    backends: icp ? [1n, BACKEND_ICP] : [1n],
    balances: icp ? [options.balances ?? [10n, 20n], [5n, 5n]] : [options.balances ?? [10n, 20n]],
  });
  return { params, initialState };
}

async function refusal(p: Promise<unknown>): Promise<SigningPolicyError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(SigningPolicyError);
    return e as SigningPolicyError;
  }
  throw new Error("expected a refusal");
}

describe("EVM client: depositForChannel (signing policy before deposit)", () => {
  it("deposits the participant's initial balance under the channel's funding ID", async () => {
    const w = await loadClientWorld();
    const c = channel(w);
    const r = await depositForChannel(w.parts[1].wallet, {
      ...c,
      participant: 1,
      holder: { address: w.ethHolderAddress },
    });
    const fid = fundingId(c.initialState.channelID, w.parts[1].address);
    expect(r.plan).to.deep.include({ fundingID: fid, amount: 20n, asset: 0 });
    expect(await w.ethHolder.holdings(fid)).to.equal(20n);
  });

  it("refuses an app channel that also holds an ICP asset before sending anything (issue 14 finding 2)", async () => {
    const w = await loadClientWorld();
    const c = channel(w, { app: `0x${"5a".repeat(20)}` as Address, icp: true });
    const before = await ethers.provider.getBalance(w.ethHolderAddress);
    const e = await refusal(
      depositForChannel(w.parts[0].wallet, { ...c, participant: 0, holder: { address: w.ethHolderAddress } }),
    );
    expect({ chain: e.chain, rule: e.rule }).to.deep.equal({ chain: "icp", rule: "app" });
    expect(await ethers.provider.getBalance(w.ethHolderAddress)).to.equal(before);
  });

  it("accepts the same app channel when it holds EVM assets only", async () => {
    const w = await loadClientWorld();
    const c = channel(w, { app: `0x${"5a".repeat(20)}` as Address });
    const r = await depositForChannel(w.parts[0].wallet, {
      ...c,
      participant: 0,
      holder: { address: w.ethHolderAddress },
    });
    expect(r.deposit.status).to.equal(1);
  });

  it("refuses a holder that is not an asset of the channel, a participant it does not have, and a zero balance", async () => {
    const w = await loadClientWorld();
    const c = channel(w, { balances: [0n, 20n] });
    const other = await refusal(
      depositForChannel(w.parts[0].wallet, {
        ...c,
        participant: 0,
        holder: { address: w.erc20HolderAddress, token: w.tokenAddress },
      }),
    );
    expect(other).to.be.instanceOf(PolicyDepositError);
    expect(other.rule).to.equal("deposit-asset");
    const nobody = await refusal(
      depositForChannel(w.parts[0].wallet, { ...c, participant: 2, holder: { address: w.ethHolderAddress } }),
    );
    expect(nobody.rule).to.equal("deposit-participant");
    const zero = await refusal(
      depositForChannel(w.parts[0].wallet, { ...c, participant: 0, holder: { address: w.ethHolderAddress } }),
    );
    expect(zero.rule).to.equal("deposit-nothing");
  });

  it("refuses an asset of another EVM chain than the signer's network", async () => {
    const w = await loadClientWorld();
    const params = makeParams(w.parts);
    const initialState = makeState(params, {
      assets: [evmAsset(w.chainId + 1n, w.ethHolderAddress.toLowerCase() as Address)],
      balances: [[10n, 20n]],
    });
    const e = await refusal(
      depositForChannel(w.parts[0].wallet, {
        params,
        initialState,
        participant: 0,
        holder: { address: w.ethHolderAddress },
      }),
    );
    expect({ chain: e.chain, rule: e.rule }).to.deep.equal({ chain: "evm", rule: "deposit-chain-id" });
  });
});
