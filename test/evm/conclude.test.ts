/**
 * Adjudicator.conclude (after the dispute window) for channels without sub-channels: timing
 * (payment channels after one window, app channels in DISPUTE after two, FORCEEXEC after the
 * force-execution window), the outcome pushed to every holder of this chain, and every
 * rejection. Sub-channel outcomes are in subChannels.test.ts.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { signState } from "../../src";
import type { Hex, State } from "../../src";
import {
  DEFAULT_CHALLENGE_DURATION,
  Phase,
  ZERO_ADDRESS,
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
  makeState,
  readDispute,
  signAll,
} from "./fixtures";
import type { MockDeployment, TestChannel } from "./fixtures";

describe("Adjudicator.conclude", function () {
  let d: MockDeployment;
  let ch: TestChannel;

  beforeEach(async function () {
    d = await loadMocks();
    ch = await makeChannel(d);
  });

  async function register(state: State, c: TestChannel = ch): Promise<bigint> {
    const tx = await d.adjudicator.register({ params: c.params, state, sigs: signAll(state, d.parts) }, []);
    return (await blockTimeOf(tx)) + c.params.challengeDuration;
  }

  describe("payment channel", function () {
    let state: State;
    let timeout: bigint;

    beforeEach(async function () {
      await depositFor(d.ethHolder, ch.params, d.parts[0], 100n);
      await depositFor(d.ethHolder, ch.params, d.parts[1], 200n);
      state = ch.state([250n, 50n], { version: 3n });
      timeout = await register(state);
    });

    it("at the timeout: CONCLUDED, outcome set, events with exact args", async function () {
      await time.setNextBlockTimestamp(timeout);
      const tx = d.adjudicator.conclude(ch.params, state, []);
      await expect(tx).to.emit(d.adjudicator, "ChannelUpdate").withArgs(ch.id, 3n, Phase.CONCLUDED, timeout);
      await expect(tx).to.emit(d.ethHolder, "OutcomeSet").withArgs(ch.id);
      expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
        timeout,
        challengeDuration: DEFAULT_CHALLENGE_DURATION,
        version: 3n,
        phase: Phase.CONCLUDED,
        stateHash: hashState(state),
        hasApp: false,
      });
      expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([250n, 50n]);
      expect(await d.ethHolder.settled(ch.id)).to.equal(true);
    });

    it("one second before the timeout: DisputeTimeoutNotPassed", async function () {
      await time.setNextBlockTimestamp(timeout - 1n);
      await expect(d.adjudicator.conclude(ch.params, state, []))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(ch.id, timeout);
    });

    it("a refuted (older) state: DisputeStateMismatch", async function () {
      const newer = ch.state([0n, 300n], { version: 4n });
      await register(newer);
      await time.increaseTo(timeout);
      await expect(d.adjudicator.conclude(ch.params, state, []))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeStateMismatch")
        .withArgs(ch.id, hashState(newer), hashState(state));
      await d.adjudicator.conclude(ch.params, newer, []);
      expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([0n, 300n]);
    });

    it("twice: DisputeAlreadyConcluded", async function () {
      await time.increaseTo(timeout);
      await d.adjudicator.conclude(ch.params, state, []);
      await expect(d.adjudicator.conclude(ch.params, state, []))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeAlreadyConcluded")
        .withArgs(ch.id);
    });

    it("params that do not hash to the channel ID: AdjudicatorChannelIDMismatch", async function () {
      await time.increaseTo(timeout);
      const wrong = { ...ch.params, participants: [ch.params.participants[1], ch.params.participants[0]] };
      await expect(d.adjudicator.conclude(wrong, state, []))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorChannelIDMismatch")
        .withArgs(channelId(wrong), ch.id);
    });

    it("non-ledger params: AdjudicatorNotLedgerChannel", async function () {
      await time.increaseTo(timeout);
      await expect(d.adjudicator.conclude({ ...ch.params, ledgerChannel: false }, state, []))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorNotLedgerChannel")
        .withArgs(ch.id);
    });

    it("sub-states for a state without sub-channels: AdjudicatorSubChannelCountMismatch(0, 1)", async function () {
      await time.increaseTo(timeout);
      await expect(d.adjudicator.conclude(ch.params, state, [state]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorSubChannelCountMismatch")
        .withArgs(0n, 1n);
    });
  });

  it("a channel never registered: DisputeNotRegistered", async function () {
    await expect(d.adjudicator.conclude(ch.params, ch.state([1n, 1n]), []))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeNotRegistered")
      .withArgs(ch.id);
  });

  it("a registered final state concludes in the same second", async function () {
    const fin = ch.state([0n, 0n], { version: 2n, isFinal: true });
    const t = (await register(fin)) - DEFAULT_CHALLENGE_DURATION;
    await expect(d.adjudicator.conclude(ch.params, fin, []))
      .to.emit(d.adjudicator, "ChannelUpdate")
      .withArgs(ch.id, 2n, Phase.CONCLUDED, t);
  });

  describe("app channel", function () {
    let app: TestChannel;
    let state: State;
    let timeout: bigint;

    beforeEach(async function () {
      app = await makeChannel(d, { app: await addressOf(d.counterApp) });
      state = app.state([10n, 20n], { version: 1n, appData: counterData(0n) });
      timeout = await register(state, app);
    });

    it("in DISPUTE waits one more duration for force execution", async function () {
      const extended = timeout + DEFAULT_CHALLENGE_DURATION;
      await time.setNextBlockTimestamp(extended - 1n);
      await expect(d.adjudicator.conclude(app.params, state, []))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(app.id, extended);
      await time.setNextBlockTimestamp(extended);
      await expect(d.adjudicator.conclude(app.params, state, []))
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(app.id, 1n, Phase.CONCLUDED, extended);
      const rec = await readDispute(d.adjudicator, app.id);
      expect(rec.timeout).to.equal(extended);
      expect(rec.hasApp).to.equal(true);
    });

    it("in FORCEEXEC concludes at the force-execution timeout, not before", async function () {
      await time.increaseTo(timeout);
      const next = app.state([11n, 19n], { version: 2n, appData: counterData(1n) });
      const tx = await d.adjudicator.progress(app.params, state, next, 0n, signState(next, d.parts[0].privateKey));
      const forceTimeout = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
      await time.setNextBlockTimestamp(forceTimeout - 1n);
      await expect(d.adjudicator.conclude(app.params, next, []))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(app.id, forceTimeout);
      await time.setNextBlockTimestamp(forceTimeout);
      await expect(d.adjudicator.conclude(app.params, next, []))
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(app.id, 2n, Phase.CONCLUDED, forceTimeout);
    });
  });

  describe("outcome push", function () {
    it("sets the outcome at every holder of this chain and skips foreign or holder-less assets", async function () {
      const ethAsset = evmAsset(d.chainId, await addressOf(d.ethHolder));
      const tokenAsset = evmAsset(d.chainId, await addressOf(d.erc20Holder));
      const foreign = { chainID: d.chainId + 1n, ethHolder: await addressOf(d.feeHolder), ccHolder: "0x" as Hex };
      const noHolder = { chainID: d.chainId, ethHolder: ZERO_ADDRESS, ccHolder: `0x${"aa".repeat(32)}` as Hex };
      await depositFor(d.ethHolder, ch.params, d.parts[0], 5n);
      await depositFor(d.erc20Holder, ch.params, d.parts[1], 7n);
      await depositFor(d.feeHolder, ch.params, d.parts[0], 10_000n); // credited 9,900
      const state = makeState(ch.params, {
        assets: [ethAsset, foreign, tokenAsset, noHolder],
        backends: [1n, 1n, 1n, 3n],
        balances: [
          [2n, 3n],
          [9_900n, 0n],
          [7n, 0n],
          [1n, 1n],
        ],
        version: 1n,
      });
      const timeout = await register(state);
      await time.increaseTo(timeout);
      const tx = d.adjudicator.conclude(ch.params, state, []);
      await expect(tx).to.emit(d.ethHolder, "OutcomeSet").withArgs(ch.id);
      await expect(tx).to.emit(d.erc20Holder, "OutcomeSet").withArgs(ch.id);
      await expect(tx).not.to.emit(d.feeHolder, "OutcomeSet");
      expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([2n, 3n]);
      expect(await holdingsOf(d.erc20Holder, ch.params)).to.deep.equal([7n, 0n]);
      // The foreign asset's holder on this chain keeps the deposit, withdrawable once concluded.
      expect(await holdingsOf(d.feeHolder, ch.params)).to.deep.equal([9_900n, 0n]);
    });

    // Malformed outcomes cannot be registered since issue 6 (they froze conclude upstream).
    it("a missing balance row for a local asset is refused at register: AllocationBalancesCountMismatch", async function () {
      const state = makeState(ch.params, {
        assets: [ch.asset, evmAsset(d.chainId, await addressOf(d.erc20Holder))],
        balances: [[1n, 1n]],
        version: 1n,
      });
      await expect(d.adjudicator.register({ params: ch.params, state, sigs: signAll(state, d.parts) }, []))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationBalancesCountMismatch")
        .withArgs(2n, 1n);
    });

    it("a balance row shorter than the participants is refused at register: AllocationParticipantCountMismatch", async function () {
      const state = ch.state([1n], { version: 1n });
      await expect(d.adjudicator.register({ params: ch.params, state, sigs: signAll(state, d.parts) }, []))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationParticipantCountMismatch")
        .withArgs(0n, 2n, 1n);
    });

    it("the same holder twice: refused at register already (AdjudicatorDuplicateAssetHolder, issue 15)", async function () {
      const state = makeState(ch.params, {
        assets: [ch.asset, ch.asset],
        balances: [
          [0n, 0n],
          [0n, 0n],
        ],
        version: 1n,
      });
      await expect(register(state))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorDuplicateAssetHolder")
        .withArgs(await addressOf(d.ethHolder));
    });
  });
});
