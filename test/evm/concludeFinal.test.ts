/**
 * Adjudicator.concludeFinal: a final state signed by all closes the channel at once, from no
 * dispute, over an ongoing dispute (DISPUTE or FORCEEXEC, even with a lower version, as
 * upstream), and never twice. Signature-policy cases are in signatures.test.ts.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { signState } from "../../src";
import type { Hex, State } from "../../src";
import {
  DEFAULT_CHALLENGE_DURATION,
  Phase,
  addressOf,
  blockTimeOf,
  channelId,
  counterData,
  depositFor,
  evmAsset,
  hashState,
  holdingsOf,
  loadMocks,
  makeChannel,
  makeParams,
  makeState,
  readDispute,
  signAll,
} from "./fixtures";
import type { MockDeployment, TestChannel } from "./fixtures";

describe("Adjudicator.concludeFinal", function () {
  let d: MockDeployment;
  let ch: TestChannel;
  let fin: State;

  beforeEach(async function () {
    d = await loadMocks();
    ch = await makeChannel(d);
    fin = ch.state([70n, 30n], { version: 9n, isFinal: true });
    await depositFor(d.ethHolder, ch.params, d.parts[0], 60n);
    await depositFor(d.ethHolder, ch.params, d.parts[1], 40n);
  });

  const close = (state: State = fin, params = ch.params, sigs?: Hex[]) =>
    d.adjudicator.concludeFinal(params, state, sigs ?? signAll(state, d.parts));

  it("concludes at once: record, ChannelUpdate, OutcomeSet, holdings", async function () {
    const tx = await close();
    const t = await blockTimeOf(tx);
    await expect(tx).to.emit(d.adjudicator, "ChannelUpdate").withArgs(ch.id, 9n, Phase.CONCLUDED, t);
    await expect(tx).to.emit(d.ethHolder, "OutcomeSet").withArgs(ch.id);
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
      timeout: t,
      challengeDuration: DEFAULT_CHALLENGE_DURATION,
      version: 9n,
      phase: Phase.CONCLUDED,
      stateHash: hashState(fin),
      hasApp: false,
    });
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([70n, 30n]);
    expect(await d.ethHolder.settled(ch.id)).to.equal(true);
  });

  it("supersedes an ongoing dispute, even one with a higher version", async function () {
    const disputed = ch.state([0n, 100n], { version: 20n });
    await d.adjudicator.register({ params: ch.params, state: disputed, sigs: signAll(disputed, d.parts) }, []);
    await expect(close()).to.emit(d.adjudicator, "ChannelUpdate");
    const rec = await readDispute(d.adjudicator, ch.id);
    expect(rec.phase).to.equal(Phase.CONCLUDED);
    expect(rec.version).to.equal(9n);
    expect(rec.stateHash).to.equal(hashState(fin));
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([70n, 30n]);
  });

  it("supersedes a dispute whose window has passed but is not concluded", async function () {
    const disputed = ch.state([0n, 100n], { version: 1n });
    await d.adjudicator.register({ params: ch.params, state: disputed, sigs: signAll(disputed, d.parts) }, []);
    await time.increase(Number(DEFAULT_CHALLENGE_DURATION) * 3);
    await close();
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([70n, 30n]);
  });

  it("supersedes force execution (FORCEEXEC) of an app channel and records hasApp", async function () {
    const app = await makeChannel(d, { app: await addressOf(d.counterApp) });
    const s1 = app.state([5n, 5n], { version: 1n, appData: counterData(0n) });
    await d.adjudicator.register({ params: app.params, state: s1, sigs: signAll(s1, d.parts) }, []);
    await time.increase(Number(DEFAULT_CHALLENGE_DURATION));
    const s2 = app.state([6n, 4n], { version: 2n, appData: counterData(1n) });
    await d.adjudicator.progress(app.params, s1, s2, 0n, signState(s2, d.parts[0].privateKey));
    expect((await readDispute(d.adjudicator, app.id)).phase).to.equal(Phase.FORCEEXEC);
    const f = app.state([0n, 10n], { version: 3n, appData: counterData(7n), isFinal: true });
    const tx = await close(f, app.params);
    await expect(tx)
      .to.emit(d.adjudicator, "ChannelUpdate")
      .withArgs(app.id, 3n, Phase.CONCLUDED, await blockTimeOf(tx));
    expect((await readDispute(d.adjudicator, app.id)).hasApp).to.equal(true);
  });

  it("with a challenge duration too large for a window: refused like register (malformed, issue 15)", async function () {
    const huge = await makeChannel(d, { challengeDuration: 2n ** 200n });
    const f = huge.state([0n, 0n], { isFinal: true });
    await expect(close(f, huge.params))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeChallengeDurationOutOfRange")
      .withArgs(2n ** 200n, 2n ** 32n - 1n);
    expect((await readDispute(d.adjudicator, huge.id)).phase).to.equal(0n);
  });

  it("pays out several assets of this chain in one call", async function () {
    const token = evmAsset(d.chainId, await addressOf(d.erc20Holder));
    await depositFor(d.erc20Holder, ch.params, d.parts[1], 1_000n);
    const f = makeState(ch.params, {
      assets: [ch.asset, token],
      balances: [
        [100n, 0n],
        [400n, 600n],
      ],
      isFinal: true,
      version: 2n,
    });
    const tx = close(f);
    await expect(tx).to.emit(d.ethHolder, "OutcomeSet").withArgs(ch.id);
    await expect(tx).to.emit(d.erc20Holder, "OutcomeSet").withArgs(ch.id);
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([100n, 0n]);
    expect(await holdingsOf(d.erc20Holder, ch.params)).to.deep.equal([400n, 600n]);
  });

  it("a channel without participants is refused (any state would count as signed); concludeMalformed settles it", async function () {
    const empty = await makeChannel(d, { parts: [] });
    const f = makeState(empty.params, { assets: [empty.asset], balances: [[]], isFinal: true });
    await expect(d.adjudicator.concludeFinal(empty.params, f, []))
      .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorNoParticipants")
      .withArgs(empty.id);
    await d.adjudicator.concludeMalformed(empty.params);
    expect(await d.ethHolder.settled(empty.id)).to.equal(true);
  });

  describe("rejects", function () {
    it("twice: DisputeAlreadyConcluded", async function () {
      await close();
      await expect(close()).to.be.revertedWithCustomError(d.adjudicator, "DisputeAlreadyConcluded").withArgs(ch.id);
    });

    it("after conclude: DisputeAlreadyConcluded", async function () {
      const s = ch.state([50n, 50n], { version: 1n });
      await d.adjudicator.register({ params: ch.params, state: s, sigs: signAll(s, d.parts) }, []);
      await time.increase(Number(DEFAULT_CHALLENGE_DURATION));
      await d.adjudicator.conclude(ch.params, s, []);
      await expect(close()).to.be.revertedWithCustomError(d.adjudicator, "DisputeAlreadyConcluded").withArgs(ch.id);
      expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([50n, 50n]);
    });

    it("a non-final state: AdjudicatorStateNotFinal", async function () {
      const s = { ...fin, isFinal: false };
      await expect(close(s)).to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorStateNotFinal").withArgs(ch.id);
    });

    it("a state with sub-channels: AdjudicatorHasSubChannels", async function () {
      const s = ch.state([70n, 30n], {
        isFinal: true,
        locked: [{ ID: `0x${"22".repeat(32)}`, balances: [0n], indexMap: [0n, 1n] }],
      });
      await expect(close(s))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorHasSubChannels")
        .withArgs(ch.id, 1n);
    });

    it("non-ledger params: AdjudicatorNotLedgerChannel", async function () {
      await expect(close(fin, { ...ch.params, ledgerChannel: false }))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorNotLedgerChannel")
        .withArgs(ch.id);
    });

    it("params of another channel: AdjudicatorChannelIDMismatch", async function () {
      const other = makeParams(d.parts, { nonce: 2n });
      await expect(close(fin, other))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorChannelIDMismatch")
        .withArgs(channelId(other), ch.id);
    });

    it("a state of another channel ID: AdjudicatorChannelIDMismatch", async function () {
      const s = { ...fin, channelID: `0x${"cd".repeat(32)}` as Hex };
      await expect(close(s))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorChannelIDMismatch")
        .withArgs(ch.id, s.channelID);
    });

    const shapes: { name: string; balances: bigint[][]; error: string; args: bigint[]; holder?: boolean }[] = [
      {
        name: "a balance row shorter than the participants",
        balances: [[70n]],
        error: "AllocationParticipantCountMismatch",
        args: [0n, 2n, 1n],
      },
      {
        name: "a balance row longer than the participants",
        balances: [[70n, 30n, 0n]],
        error: "AllocationParticipantCountMismatch",
        args: [0n, 2n, 3n],
      },
      { name: "no balance row for the asset", balances: [], error: "AllocationBalancesCountMismatch", args: [1n, 0n] },
      {
        name: "a balance row more than assets",
        balances: [
          [70n, 30n],
          [1n, 1n],
        ],
        error: "AllocationBalancesCountMismatch",
        args: [1n, 2n],
      },
    ];
    for (const c of shapes) {
      it(`${c.name}: ${c.error}`, async function () {
        const f = makeState(ch.params, { assets: [ch.asset], balances: c.balances, isFinal: true });
        await expect(close(f))
          .to.be.revertedWithCustomError(c.holder ? d.ethHolder : d.adjudicator, c.error)
          .withArgs(...c.args);
      });
    }

    it("an asset of this chain whose holder has no code: SetOutcomeCallHolderNotContract", async function () {
      const eoa = d.parts[1].address;
      const f = makeState(ch.params, {
        assets: [evmAsset(d.chainId, eoa)],
        balances: [[1n, 1n]],
        isFinal: true,
      });
      await expect(close(f))
        .to.be.revertedWithCustomError(d.adjudicator, "SetOutcomeCallHolderNotContract")
        .withArgs(eoa);
    });

    it("the same participant twice: AdjudicatorDuplicateParticipant", async function () {
      const dup = makeParams([d.parts[0], d.parts[0]]);
      const f = makeState(dup, { assets: [ch.asset], balances: [[1n, 1n]], isFinal: true });
      await expect(close(f, dup, signAll(f, [d.parts[0], d.parts[0]])))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorDuplicateParticipant")
        .withArgs(d.parts[0].address);
    });
  });
});
