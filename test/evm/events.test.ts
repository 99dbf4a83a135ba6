/**
 * Every event of the ABI with exact arguments, and the exact, ordered list of events each entry
 * point emits from the adjudicator and the holders (nothing missing, nothing extra):
 * ChannelUpdate, Deposited, OutcomeSet, Withdrawn.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { ContractTransactionResponse, Log } from "ethers";
import { signState } from "../../src";
import {
  DEFAULT_CHALLENGE_DURATION,
  Phase,
  addressOf,
  blockTimeOf,
  counterData,
  depositFor,
  evmAsset,
  freshAddress,
  fundingIdOf,
  loadMocks,
  makeChannel,
  makeState,
  signAll,
  signedWithdrawal,
} from "./fixtures";
import type { MockDeployment } from "./fixtures";

describe("events (exact, ordered)", function () {
  let d: MockDeployment;

  beforeEach(async function () {
    d = await loadMocks();
  });

  /** The events of `tx` emitted by the adjudicator and the two canonical holders, as [emitter, name, ...args]. */
  async function eventsOf(tx: ContractTransactionResponse): Promise<unknown[][]> {
    const receipt = await tx.wait();
    const sources = [
      ["adjudicator", d.adjudicator],
      ["eth", d.ethHolder],
      ["erc20", d.erc20Holder],
    ] as const;
    const out: unknown[][] = [];
    for (const log of receipt!.logs as Log[]) {
      for (const [name, c] of sources) {
        if (log.address.toLowerCase() !== (await c.getAddress()).toLowerCase()) continue;
        const parsed = c.interface.parseLog(log);
        out.push([name, parsed!.name, ...parsed!.args.toArray()]);
      }
    }
    return out;
  }

  it("deposit (ETH and ERC-20): one Deposited(fundingID, credited)", async function () {
    const ch = await makeChannel(d);
    const fid = fundingIdOf(ch.params, d.parts[0]);
    const tx1 = await d.ethHolder.connect(d.parts[0].wallet).deposit(fid, 5n, { value: 5n });
    expect(await eventsOf(tx1)).to.deep.equal([["eth", "Deposited", fid, 5n]]);
    const tx2 = await d.erc20Holder.connect(d.parts[0].wallet).deposit(fid, 6n);
    expect(await eventsOf(tx2)).to.deep.equal([["erc20", "Deposited", fid, 6n]]);
  });

  it("register, refutation, progress, conclude: one ChannelUpdate each, conclude adds OutcomeSet per holder", async function () {
    const ch = await makeChannel(d, { app: await addressOf(d.counterApp) });
    const token = evmAsset(d.chainId, await addressOf(d.erc20Holder));
    const st = (version: bigint, counter: bigint, bal: bigint[]) =>
      makeState(ch.params, { assets: [ch.asset, token], balances: [bal, bal], version, appData: counterData(counter) });
    const s1 = st(1n, 0n, [1n, 1n]);
    const tx1 = await d.adjudicator.register({ params: ch.params, state: s1, sigs: signAll(s1, d.parts) }, []);
    const timeout = (await blockTimeOf(tx1)) + DEFAULT_CHALLENGE_DURATION;
    expect(await eventsOf(tx1)).to.deep.equal([["adjudicator", "ChannelUpdate", ch.id, 1n, Phase.DISPUTE, timeout]]);

    const s2 = st(2n, 0n, [2n, 0n]);
    const tx2 = await d.adjudicator.register({ params: ch.params, state: s2, sigs: signAll(s2, d.parts) }, []);
    expect(await eventsOf(tx2)).to.deep.equal([["adjudicator", "ChannelUpdate", ch.id, 2n, Phase.DISPUTE, timeout]]);

    await time.increaseTo(timeout);
    const s3 = st(3n, 1n, [1n, 1n]);
    const tx3 = await d.adjudicator.progress(ch.params, s2, s3, 0n, signState(s3, d.parts[0].privateKey));
    const forceTimeout = (await blockTimeOf(tx3)) + DEFAULT_CHALLENGE_DURATION;
    expect(await eventsOf(tx3)).to.deep.equal([
      ["adjudicator", "ChannelUpdate", ch.id, 3n, Phase.FORCEEXEC, forceTimeout],
    ]);

    await time.increaseTo(forceTimeout);
    const tx4 = await d.adjudicator.conclude(ch.params, s3, []);
    expect(await eventsOf(tx4)).to.deep.equal([
      ["adjudicator", "ChannelUpdate", ch.id, 3n, Phase.CONCLUDED, forceTimeout],
      ["eth", "OutcomeSet", ch.id],
      ["erc20", "OutcomeSet", ch.id],
    ]);
  });

  it("concludeFinal then withdraw: ChannelUpdate + OutcomeSet, then Withdrawn(fundingID, amount, receiver)", async function () {
    const ch = await makeChannel(d);
    await depositFor(d.ethHolder, ch.params, d.parts[1], 10n);
    const fin = ch.state([4n, 6n], { version: 7n, isFinal: true });
    const tx = await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
    expect(await eventsOf(tx)).to.deep.equal([
      ["adjudicator", "ChannelUpdate", ch.id, 7n, Phase.CONCLUDED, await blockTimeOf(tx)],
      ["eth", "OutcomeSet", ch.id],
    ]);
    const receiver = freshAddress("events");
    const { auth, sig } = signedWithdrawal(ch.id, d.parts[0], 4n, receiver);
    const wtx = await d.ethHolder.withdraw(auth, sig);
    expect(await eventsOf(wtx)).to.deep.equal([["eth", "Withdrawn", fundingIdOf(ch.params, d.parts[0]), 4n, receiver]]);
  });
});
