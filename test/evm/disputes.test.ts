/**
 * Adjudicator.disputes (getter): all zero for an unknown channel, and every field of the
 * packed record round-trips at its extremes (version 2^64 - 1, duration 2^32 - 1, hasApp, each
 * phase). The phase sequences themselves are in phases.test.ts.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { signState } from "../../src";
import {
  MAX_CHALLENGE_DURATION,
  Phase,
  ZERO_BYTES32,
  addressOf,
  blockTimeOf,
  counterData,
  hashState,
  loadMocks,
  makeChannel,
  readDispute,
  signAll,
} from "./fixtures";

describe("Adjudicator.disputes", function () {
  it("is all zero for a channel never registered", async function () {
    const d = await loadMocks();
    expect(await readDispute(d.adjudicator, `0x${"aa".repeat(32)}`)).to.deep.equal({
      timeout: 0n,
      challengeDuration: 0n,
      version: 0n,
      phase: 0n,
      stateHash: ZERO_BYTES32,
      hasApp: false,
    });
  });

  it("keeps the largest version and duration and hasApp without bleeding into other fields", async function () {
    const d = await loadMocks();
    const ch = await makeChannel(d, { app: await addressOf(d.trivialApp), challengeDuration: MAX_CHALLENGE_DURATION });
    const s = ch.state([1n, 2n], { version: 2n ** 64n - 2n });
    const tx = await d.adjudicator.register({ params: ch.params, state: s, sigs: signAll(s, d.parts) }, []);
    const t = await blockTimeOf(tx);
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
      timeout: t + MAX_CHALLENGE_DURATION,
      challengeDuration: MAX_CHALLENGE_DURATION,
      version: 2n ** 64n - 2n,
      phase: Phase.DISPUTE,
      stateHash: hashState(s),
      hasApp: true,
    });
    // FORCEEXEC with the largest version.
    await time.increaseTo(t + MAX_CHALLENGE_DURATION);
    const s2 = ch.state([2n, 1n], { version: 2n ** 64n - 1n });
    const tx2 = await d.adjudicator.progress(ch.params, s, s2, 1n, signState(s2, d.parts[1].privateKey));
    const t2 = await blockTimeOf(tx2);
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
      timeout: t2 + MAX_CHALLENGE_DURATION,
      challengeDuration: MAX_CHALLENGE_DURATION,
      version: 2n ** 64n - 1n,
      phase: Phase.FORCEEXEC,
      stateHash: hashState(s2),
      hasApp: true,
    });
  });

  it("a CounterApp channel concluded in FORCEEXEC keeps its record with phase CONCLUDED", async function () {
    const d = await loadMocks();
    const ch = await makeChannel(d, { app: await addressOf(d.counterApp) });
    const s = ch.state([1n, 2n], { version: 1n, appData: counterData(0n), isFinal: false });
    await d.adjudicator.register({ params: ch.params, state: s, sigs: signAll(s, d.parts) }, []);
    await time.increase(60);
    const s2 = ch.state([1n, 2n], { version: 2n, appData: counterData(1n), isFinal: true });
    const tx = await d.adjudicator.progress(ch.params, s, s2, 0n, signState(s2, d.parts[0].privateKey));
    const t = await blockTimeOf(tx);
    await d.adjudicator.conclude(ch.params, s2, []);
    expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
      timeout: t,
      challengeDuration: 60n,
      version: 2n,
      phase: Phase.CONCLUDED,
      stateHash: hashState(s2),
      hasApp: true,
    });
  });
});
