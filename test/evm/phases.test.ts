/**
 * Every phase transition of the dispute state machine, as whole sequences with the exact
 * record after each step (timeouts checked with hardhat-network-helpers `time`):
 *   DISPUTE -> refuted DISPUTE (same timeout) -> timeout -> CONCLUDED;
 *   DISPUTE -> FORCEEXEC (progress) -> FORCEEXEC -> CONCLUDED;
 *   DISPUTE / FORCEEXEC -> CONCLUDED by concludeFinal;
 *   and after CONCLUDED every state-changing call is rejected (re-submitting the registered
 *   state to register is the one documented no-op, as upstream).
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { signState } from "../../src";
import type { State } from "../../src";
import {
  DEFAULT_CHALLENGE_DURATION,
  Phase,
  addressOf,
  blockTimeOf,
  counterData,
  depositFor,
  freshAddress,
  fundingIdOf,
  hashState,
  holdingsOf,
  loadMocks,
  makeChannel,
  readDispute,
  signAll,
  signedWithdrawal,
} from "./fixtures";
import type { MockDeployment, TestChannel } from "./fixtures";

const D = DEFAULT_CHALLENGE_DURATION;

describe("dispute phases", function () {
  let d: MockDeployment;

  beforeEach(async function () {
    d = await loadMocks();
  });

  const register = (ch: TestChannel, s: State) =>
    d.adjudicator.register({ params: ch.params, state: s, sigs: signAll(s, d.parts) }, []);

  it("DISPUTE -> refuted DISPUTE -> timeout -> CONCLUDED; then everything is rejected", async function () {
    const ch = await makeChannel(d);
    await depositFor(d.ethHolder, ch.params, d.parts[0], 50n);
    await depositFor(d.ethHolder, ch.params, d.parts[1], 50n);
    const s1 = ch.state([50n, 50n], { version: 1n });
    const timeout = (await blockTimeOf(await register(ch, s1))) + D;
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.include({ phase: Phase.DISPUTE, version: 1n, timeout });

    await time.increaseTo(timeout - 20n);
    const s2 = ch.state([80n, 20n], { version: 2n });
    await expect(register(ch, s2)).to.emit(d.adjudicator, "ChannelUpdate").withArgs(ch.id, 2n, Phase.DISPUTE, timeout);
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.include({ phase: Phase.DISPUTE, version: 2n, timeout });

    await time.setNextBlockTimestamp(timeout);
    await expect(d.adjudicator.conclude(ch.params, s2, []))
      .to.emit(d.adjudicator, "ChannelUpdate")
      .withArgs(ch.id, 2n, Phase.CONCLUDED, timeout);
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
      timeout,
      challengeDuration: D,
      version: 2n,
      phase: Phase.CONCLUDED,
      stateHash: hashState(s2),
      hasApp: false,
    });
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([80n, 20n]);

    // After CONCLUDED.
    const s3 = ch.state([0n, 100n], { version: 3n });
    await expect(register(ch, s3))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeWrongPhase")
      .withArgs(ch.id, Phase.CONCLUDED);
    await expect(register(ch, s1))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeStaleVersion")
      .withArgs(ch.id, 2n, 1n);
    await expect(register(ch, s2)).not.to.emit(d.adjudicator, "ChannelUpdate");
    await expect(d.adjudicator.conclude(ch.params, s2, []))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeAlreadyConcluded")
      .withArgs(ch.id);
    const fin = ch.state([0n, 100n], { version: 9n, isFinal: true });
    await expect(d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts)))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeAlreadyConcluded")
      .withArgs(ch.id);
    await expect(d.adjudicator.progress(ch.params, s2, s3, 0n, signState(s3, d.parts[0].privateKey)))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeWrongPhase")
      .withArgs(ch.id, Phase.CONCLUDED);
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([80n, 20n]);
  });

  it("DISPUTE -> FORCEEXEC -> FORCEEXEC -> CONCLUDED (app channel)", async function () {
    const ch = await makeChannel(d, { app: await addressOf(d.counterApp) });
    await depositFor(d.ethHolder, ch.params, d.parts[0], 10n);
    await depositFor(d.ethHolder, ch.params, d.parts[1], 10n);
    const s0 = ch.state([10n, 10n], { version: 1n, appData: counterData(0n) });
    const t0 = (await blockTimeOf(await register(ch, s0))) + D;
    await time.increaseTo(t0);
    const s1 = ch.state([12n, 8n], { version: 2n, appData: counterData(1n) });
    const t1 =
      (await blockTimeOf(await d.adjudicator.progress(ch.params, s0, s1, 0n, signState(s1, d.parts[0].privateKey)))) +
      D;
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.include({
      phase: Phase.FORCEEXEC,
      version: 2n,
      timeout: t1,
    });
    const s2 = ch.state([15n, 5n], { version: 3n, appData: counterData(2n) });
    const t2 =
      (await blockTimeOf(await d.adjudicator.progress(ch.params, s1, s2, 1n, signState(s2, d.parts[1].privateKey)))) +
      D;
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.include({
      phase: Phase.FORCEEXEC,
      version: 3n,
      timeout: t2,
    });
    await time.setNextBlockTimestamp(t2);
    await expect(d.adjudicator.conclude(ch.params, s2, []))
      .to.emit(d.adjudicator, "ChannelUpdate")
      .withArgs(ch.id, 3n, Phase.CONCLUDED, t2);
    expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([15n, 5n]);
  });

  it("DISPUTE -> CONCLUDED by concludeFinal in the middle of the window", async function () {
    const ch = await makeChannel(d);
    const s = ch.state([0n, 0n], { version: 4n });
    const timeout = (await blockTimeOf(await register(ch, s))) + D;
    await time.increaseTo(timeout - 30n);
    const fin = ch.state([0n, 0n], { version: 5n, isFinal: true });
    const tx = await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
    const t = await blockTimeOf(tx);
    expect(t).to.be.lessThan(Number(timeout));
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.include({
      phase: Phase.CONCLUDED,
      version: 5n,
      timeout: t,
    });
  });

  it("a registered final state: DISPUTE with timeout = now, refutation impossible, concludable at once", async function () {
    const ch = await makeChannel(d);
    const fin = ch.state([0n, 0n], { version: 4n, isFinal: true });
    const t = await blockTimeOf(await register(ch, fin));
    const newer = ch.state([0n, 0n], { version: 5n, isFinal: true });
    await expect(register(ch, newer))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutPassed")
      .withArgs(ch.id, t);
    await expect(d.adjudicator.conclude(ch.params, fin, []))
      .to.emit(d.adjudicator, "ChannelUpdate")
      .withArgs(ch.id, 4n, Phase.CONCLUDED, t);
  });

  it("a stale state registered by B is refuted by A's latest state; A is paid exactly its latest balance", async function () {
    const ch = await makeChannel(d);
    const [a, b] = d.parts;
    await depositFor(d.ethHolder, ch.params, a, 500n);
    await depositFor(d.ethHolder, ch.params, b, 500n);
    const stale = ch.state([100n, 900n], { version: 3n }); // good for B
    const latest = ch.state([800n, 200n], { version: 8n }); // A holds it, fully signed
    const timeout = (await blockTimeOf(await register(ch, stale))) + D;
    await time.increaseTo(timeout - 5n);
    await register(ch, latest);
    await expect(register(ch, stale))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeStaleVersion")
      .withArgs(ch.id, 8n, 3n);
    await time.increaseTo(timeout);
    await expect(d.adjudicator.conclude(ch.params, stale, []))
      .to.be.revertedWithCustomError(d.adjudicator, "DisputeStateMismatch")
      .withArgs(ch.id, hashState(latest), hashState(stale));
    await d.adjudicator.conclude(ch.params, latest, []);
    const receiver = freshAddress("honest-a");
    const w = signedWithdrawal(ch.id, a, 800n, receiver);
    await d.ethHolder.withdraw(w.auth, w.sig);
    expect(await ethers.provider.getBalance(receiver)).to.equal(800n);
    const wb = signedWithdrawal(ch.id, b, 201n);
    await expect(d.ethHolder.withdraw(wb.auth, wb.sig))
      .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNotWhole")
      .withArgs(fundingIdOf(ch.params, b), 200n, 201n);
  });
});
