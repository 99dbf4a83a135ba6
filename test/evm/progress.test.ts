/**
 * Adjudicator.progress (force execution of app channels) with CounterApp, a real app whose rule
 * is "participants take turns; each move adds exactly one to the counter". Covers the accepted
 * path (DISPUTE -> FORCEEXEC, a new window per step, a final step closing the window) and a
 * reject table with the exact custom error of every check, in the order the contract applies them.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { signState } from "../../src";
import type { Hex, Params, State } from "../../src";
import {
  DEFAULT_CHALLENGE_DURATION,
  Phase,
  addressOf,
  blockTimeOf,
  channelId,
  counterData,
  evmAsset,
  hashState,
  loadMocks,
  makeChannel,
  readDispute,
  signAll,
} from "./fixtures";
import type { MockDeployment, TestChannel } from "./fixtures";

describe("Adjudicator.progress", function () {
  let d: MockDeployment;
  let ch: TestChannel;
  /** The registered state: version 1, counter 0 (participant 0's turn). */
  let old: State;
  /** The valid next state: version 2, counter 1, 1 unit moved from participant 1 to 0. */
  let next: State;
  let timeout: bigint;

  beforeEach(async function () {
    d = await loadMocks();
    ch = await makeChannel(d, { app: await addressOf(d.counterApp) });
    old = ch.state([10n, 20n], { version: 1n, appData: counterData(0n) });
    next = ch.state([11n, 19n], { version: 2n, appData: counterData(1n) });
    const tx = await d.adjudicator.register({ params: ch.params, state: old, sigs: signAll(old, d.parts) }, []);
    timeout = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
  });

  function progress(from: State, to: State, actorIdx = 0n, sig?: Hex, params: Params = ch.params) {
    return d.adjudicator.progress(
      params,
      from,
      to,
      actorIdx,
      sig ?? signState(to, d.parts[Number(actorIdx) % 2].privateKey),
    );
  }

  describe("accepted", function () {
    it("after the window: FORCEEXEC with a new window of one duration", async function () {
      await time.increaseTo(timeout);
      const tx = await progress(old, next);
      const t = await blockTimeOf(tx);
      await expect(tx)
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(ch.id, 2n, Phase.FORCEEXEC, t + DEFAULT_CHALLENGE_DURATION);
      expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
        timeout: t + DEFAULT_CHALLENGE_DURATION,
        challengeDuration: DEFAULT_CHALLENGE_DURATION,
        version: 2n,
        phase: Phase.FORCEEXEC,
        stateHash: hashState(next),
        hasApp: true,
      });
    });

    it("in FORCEEXEC each step (by the participant whose turn it is) opens a new window", async function () {
      await time.increaseTo(timeout);
      await progress(old, next, 0n);
      const third = ch.state([10n, 20n], { version: 3n, appData: counterData(2n) });
      await time.increase(30);
      const tx = await progress(next, third, 1n);
      const t = await blockTimeOf(tx);
      await expect(tx)
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(ch.id, 3n, Phase.FORCEEXEC, t + DEFAULT_CHALLENGE_DURATION);
    });

    it("in FORCEEXEC a step in the last second of its window is accepted", async function () {
      await time.increaseTo(timeout);
      const tx = await progress(old, next, 0n);
      const forceTimeout = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
      await time.setNextBlockTimestamp(forceTimeout - 1n);
      const third = ch.state([10n, 20n], { version: 3n, appData: counterData(2n) });
      await expect(progress(next, third, 1n)).to.emit(d.adjudicator, "ChannelUpdate");
    });

    it("a final new state closes the window at once (timeout = now) and can be concluded", async function () {
      await time.increaseTo(timeout);
      const fin = { ...next, isFinal: true };
      const tx = await progress(old, fin);
      const t = await blockTimeOf(tx);
      await expect(tx).to.emit(d.adjudicator, "ChannelUpdate").withArgs(ch.id, 2n, Phase.FORCEEXEC, t);
      await expect(d.adjudicator.conclude(ch.params, fin, []))
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(ch.id, 2n, Phase.CONCLUDED, t);
    });

    it("with TrivialApp any version + 1 with preserved sums is accepted", async function () {
      const tch = await makeChannel(d, { app: await addressOf(d.trivialApp), nonce: 7n });
      const s1 = tch.state([5n, 5n], { version: 4n });
      await d.adjudicator.register({ params: tch.params, state: s1, sigs: signAll(s1, d.parts) }, []);
      await time.increase(Number(DEFAULT_CHALLENGE_DURATION));
      const s2 = tch.state([0n, 10n], { version: 5n, appData: "0x1234" });
      await expect(d.adjudicator.progress(tch.params, s1, s2, 1n, signState(s2, d.parts[1].privateKey))).to.emit(
        d.adjudicator,
        "ChannelUpdate",
      );
    });
  });

  describe("rejected", function () {
    beforeEach(async function () {
      await time.increaseTo(timeout);
    });

    it("before the dispute window ends: DisputeTimeoutNotPassed", async function () {
      const other = await makeChannel(d, { app: await addressOf(d.counterApp), nonce: 2n });
      const s = other.state([1n, 1n], { version: 1n, appData: counterData(0n) });
      const tx = await d.adjudicator.register({ params: other.params, state: s, sigs: signAll(s, d.parts) }, []);
      const to = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
      await time.setNextBlockTimestamp(to - 1n);
      const n = other.state([2n, 0n], { version: 2n, appData: counterData(1n) });
      await expect(d.adjudicator.progress(other.params, s, n, 0n, signState(n, d.parts[0].privateKey)))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(other.id, to);
    });

    it("a channel never registered: DisputeNotRegistered", async function () {
      const other = await makeChannel(d, { app: await addressOf(d.counterApp), nonce: 3n });
      const s = other.state([1n, 1n], { version: 1n, appData: counterData(0n) });
      const n = other.state([1n, 1n], { version: 2n, appData: counterData(1n) });
      await expect(d.adjudicator.progress(other.params, s, n, 0n, signState(n, d.parts[0].privateKey)))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeNotRegistered")
        .withArgs(other.id);
    });

    it("a channel without app: AdjudicatorNoApp", async function () {
      const pay = await makeChannel(d, { nonce: 4n });
      const s = pay.state([1n, 1n], { version: 1n });
      await d.adjudicator.register({ params: pay.params, state: s, sigs: signAll(s, d.parts) }, []);
      await time.increase(Number(DEFAULT_CHALLENGE_DURATION));
      const n = pay.state([1n, 1n], { version: 2n });
      await expect(d.adjudicator.progress(pay.params, s, n, 0n, signState(n, d.parts[0].privateKey)))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorNoApp")
        .withArgs(pay.id);
    });

    for (const idx of [2n, 3n, 2n ** 256n - 1n]) {
      it(`actorIdx ${idx} (out of range): AdjudicatorActorIndexOutOfRange`, async function () {
        await expect(progress(old, next, idx, signState(next, d.parts[0].privateKey)))
          .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorActorIndexOutOfRange")
          .withArgs(idx, 2n);
      });
    }

    it("params that do not hash to the channel ID: AdjudicatorChannelIDMismatch", async function () {
      const wrong = { ...ch.params, nonce: 99n };
      await expect(progress(old, next, 0n, undefined, wrong))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorChannelIDMismatch")
        .withArgs(channelId(wrong), ch.id);
    });

    it("an old state that is not the registered one: DisputeStateMismatch", async function () {
      const fakeOld = { ...old, outcome: { ...old.outcome, balances: [[0n, 30n]] } };
      await expect(progress(fakeOld, next))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeStateMismatch")
        .withArgs(ch.id, hashState(old), hashState(fakeOld));
    });

    it("signed by the other participant than actorIdx: SignatureSignerMismatch", async function () {
      await expect(progress(old, next, 0n, signState(next, d.parts[1].privateKey)))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureSignerMismatch")
        .withArgs(d.parts[0].address, d.parts[1].address);
    });

    const versionCases: [string, bigint][] = [
      ["the same version", 1n],
      ["version + 2", 3n],
      ["a lower version", 0n],
    ];
    for (const [name, version] of versionCases) {
      it(`${name}: AdjudicatorVersionNotIncremented`, async function () {
        const n = { ...next, version };
        await expect(progress(old, n))
          .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorVersionNotIncremented")
          .withArgs(1n, version);
      });
    }

    it("from a final registered state: AdjudicatorProgressFromFinal", async function () {
      const other = await makeChannel(d, { app: await addressOf(d.counterApp), nonce: 5n });
      const s = other.state([1n, 1n], { version: 1n, appData: counterData(0n), isFinal: true });
      await d.adjudicator.register({ params: other.params, state: s, sigs: signAll(s, d.parts) }, []);
      const n = other.state([2n, 0n], { version: 2n, appData: counterData(1n) });
      await expect(d.adjudicator.progress(other.params, s, n, 0n, signState(n, d.parts[0].privateKey)))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorProgressFromFinal")
        .withArgs(other.id);
    });

    it("asset sums not preserved (more): AllocationSumMismatch", async function () {
      const n = ch.state([11n, 20n], { version: 2n, appData: counterData(1n) });
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationSumMismatch")
        .withArgs(0n, 30n, 31n);
    });

    it("asset sums not preserved (less): AllocationSumMismatch", async function () {
      const n = ch.state([0n, 0n], { version: 2n, appData: counterData(1n) });
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationSumMismatch")
        .withArgs(0n, 30n, 0n);
    });

    it("another asset: AllocationAssetMismatch", async function () {
      const n = {
        ...next,
        outcome: { ...next.outcome, assets: [evmAsset(d.chainId, await addressOf(d.erc20Holder))] },
      };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationAssetMismatch")
        .withArgs(0n);
    });

    it("an asset on another chain: AllocationAssetMismatch", async function () {
      const asset = { ...ch.asset, chainID: ch.asset.chainID + 1n };
      const n = { ...next, outcome: { ...next.outcome, assets: [asset] } };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationAssetMismatch")
        .withArgs(0n);
    });

    /** Tries to register an app-channel state with a malformed outcome (refused since issue 6). */
    async function registerMalformed(nonce: bigint, balances: bigint[][]) {
      const c = await makeChannel(d, { app: await addressOf(d.trivialApp), nonce });
      const s = { ...c.state([0n, 0n], { version: 1n }), outcome: { ...c.state([0n, 0n]).outcome, balances } };
      return d.adjudicator.register({ params: c.params, state: s, sigs: signAll(s, d.parts) }, []);
    }

    // A malformed old state can no longer be registered, so it can never reach `progress`; the
    // new state's shape is still checked by `requirePreservation` (the cases around these).
    it("an old state with a balance row too many is refused at register: AllocationBalancesCountMismatch", async function () {
      await expect(
        registerMalformed(40n, [
          [1n, 1n],
          [0n, 0n],
        ]),
      )
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationBalancesCountMismatch")
        .withArgs(1n, 2n);
    });

    it("an old state with a row longer than the participants is refused at register: AllocationParticipantCountMismatch", async function () {
      await expect(registerMalformed(41n, [[1n, 1n, 1n]]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationParticipantCountMismatch")
        .withArgs(0n, 2n, 3n);
    });

    it("an asset with another ccHolder: AllocationAssetMismatch", async function () {
      const asset = { ...ch.asset, ccHolder: `0x${"01".repeat(32)}` as Hex };
      const n = { ...next, outcome: { ...next.outcome, assets: [asset] } };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationAssetMismatch")
        .withArgs(0n);
    });

    it("an asset added: AllocationAssetCountMismatch", async function () {
      const n = {
        ...next,
        outcome: {
          ...next.outcome,
          assets: [ch.asset, ch.asset],
          backends: [1n, 1n],
          balances: [
            [11n, 19n],
            [0n, 0n],
          ],
        },
      };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationAssetCountMismatch")
        .withArgs(1n, 2n);
    });

    it("a balance row too many: AllocationBalancesCountMismatch", async function () {
      const n = {
        ...next,
        outcome: {
          ...next.outcome,
          balances: [
            [11n, 19n],
            [0n, 0n],
          ],
        },
      };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationBalancesCountMismatch")
        .withArgs(1n, 2n);
    });

    it("a balance row longer than the participants: AllocationParticipantCountMismatch", async function () {
      const n = { ...next, outcome: { ...next.outcome, balances: [[11n, 19n, 0n]] } };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationParticipantCountMismatch")
        .withArgs(0n, 2n, 3n);
    });

    it("sub-channel allocations added: AllocationLockedCountMismatch", async function () {
      const n = { ...next, outcome: { ...next.outcome, locked: [{ ID: ch.id, balances: [0n], indexMap: [0n, 1n] }] } };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationLockedCountMismatch")
        .withArgs(0n, 1n);
    });

    it("the app's rule, wrong turn: CounterAppNotYourTurn", async function () {
      await expect(progress(old, next, 1n))
        .to.be.revertedWithCustomError(d.counterApp, "CounterAppNotYourTurn")
        .withArgs(1n, 0n);
    });

    it("the app's rule, counter + 2: CounterAppInvalidIncrement", async function () {
      const n = { ...next, appData: counterData(2n) };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.counterApp, "CounterAppInvalidIncrement")
        .withArgs(0n, 2n);
    });

    it("the app's rule, counter unchanged: CounterAppInvalidIncrement", async function () {
      const n = { ...next, appData: counterData(0n) };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.counterApp, "CounterAppInvalidIncrement")
        .withArgs(0n, 0n);
    });

    it("the app's rule, malformed appData: CounterAppMalformedData", async function () {
      const n = { ...next, appData: "0x01" as Hex };
      await expect(progress(old, n))
        .to.be.revertedWithCustomError(d.counterApp, "CounterAppMalformedData")
        .withArgs(1n);
    });

    it("after the force-execution window: DisputeTimeoutPassed", async function () {
      const tx = await progress(old, next);
      const forceTimeout = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
      await time.setNextBlockTimestamp(forceTimeout);
      const third = ch.state([10n, 20n], { version: 3n, appData: counterData(2n) });
      await expect(progress(next, third, 1n))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutPassed")
        .withArgs(ch.id, forceTimeout);
    });

    it("after CONCLUDED: DisputeWrongPhase(2)", async function () {
      await time.increase(Number(DEFAULT_CHALLENGE_DURATION)); // app channels wait one more window
      await d.adjudicator.conclude(ch.params, old, []);
      await expect(progress(old, next))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeWrongPhase")
        .withArgs(ch.id, Phase.CONCLUDED);
    });

    it("a refutation by register during FORCEEXEC: DisputeWrongPhase(1)", async function () {
      await progress(old, next);
      const newer = ch.state([15n, 15n], { version: 9n, appData: counterData(5n) });
      await expect(d.adjudicator.register({ params: ch.params, state: newer, sigs: signAll(newer, d.parts) }, []))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeWrongPhase")
        .withArgs(ch.id, Phase.FORCEEXEC);
    });
  });
});
