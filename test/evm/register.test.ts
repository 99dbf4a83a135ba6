/**
 * Adjudicator.register: first registration, refutation (a strictly newer version within the
 * window, which does not extend it), the re-registration no-op, and every rejection with its
 * exact custom error. Sub-channel trees live in subChannels.test.ts, signature-policy cases in
 * signatures.test.ts.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { Hex } from "../../src";
import {
  DEFAULT_CHALLENGE_DURATION,
  MAX_CHALLENGE_DURATION,
  Phase,
  ZERO_ADDRESS,
  addressOf,
  blockTimeOf,
  channelId,
  hashState,
  loadMocks,
  makeChannel,
  makeParams,
  readDispute,
  signAll,
  signedState,
} from "./fixtures";
import type { MockDeployment, TestChannel } from "./fixtures";

describe("Adjudicator.register", function () {
  let d: MockDeployment;
  let ch: TestChannel;

  beforeEach(async function () {
    d = await loadMocks();
    ch = await makeChannel(d);
  });

  function register(state = ch.state([100n, 200n]), params = ch.params, sigs?: Hex[]) {
    return d.adjudicator.register({ params, state, sigs: sigs ?? signAll(state, d.parts) }, []);
  }

  describe("first registration", function () {
    it("records the state and opens a window of one challenge duration", async function () {
      const state = ch.state([100n, 200n], { version: 5n });
      const tx = await register(state);
      const t = await blockTimeOf(tx);
      await expect(tx)
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(ch.id, 5n, Phase.DISPUTE, t + DEFAULT_CHALLENGE_DURATION);
      expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
        timeout: t + DEFAULT_CHALLENGE_DURATION,
        challengeDuration: DEFAULT_CHALLENGE_DURATION,
        version: 5n,
        phase: Phase.DISPUTE,
        stateHash: hashState(state),
        hasApp: false,
      });
    });

    it("makes a final state concludable at once (timeout = now)", async function () {
      const state = ch.state([100n, 200n], { version: 3n, isFinal: true });
      const tx = await register(state);
      const t = await blockTimeOf(tx);
      await expect(tx).to.emit(d.adjudicator, "ChannelUpdate").withArgs(ch.id, 3n, Phase.DISPUTE, t);
      expect((await readDispute(d.adjudicator, ch.id)).timeout).to.equal(t);
    });

    it("records hasApp for an app channel", async function () {
      const app = await makeChannel(d, { app: await addressOf(d.trivialApp) });
      const state = app.state([1n, 2n]);
      await register(state, app.params);
      const rec = await readDispute(d.adjudicator, app.id);
      expect(rec.hasApp).to.equal(true);
      expect(rec.stateHash).to.equal(hashState(state));
    });

    it("accepts version 0 and the largest uint64 version", async function () {
      await register(ch.state([1n, 1n], { version: 0n }));
      expect((await readDispute(d.adjudicator, ch.id)).version).to.equal(0n);
      const other = await makeChannel(d, { nonce: 2n });
      const max = 2n ** 64n - 1n;
      await register(other.state([1n, 1n], { version: max }), other.params);
      expect((await readDispute(d.adjudicator, other.id)).version).to.equal(max);
    });

    it("accepts the largest challenge duration (2^32 - 1) and stores it", async function () {
      const big = await makeChannel(d, { challengeDuration: MAX_CHALLENGE_DURATION });
      const tx = await register(big.state([1n, 2n]), big.params);
      const t = await blockTimeOf(tx);
      const rec = await readDispute(d.adjudicator, big.id);
      expect(rec.challengeDuration).to.equal(MAX_CHALLENGE_DURATION);
      expect(rec.timeout).to.equal(t + MAX_CHALLENGE_DURATION);
    });

    it("accepts a zero challenge duration (window closes in the same second)", async function () {
      const zero = await makeChannel(d, { challengeDuration: 0n });
      const tx = await register(zero.state([1n, 2n]), zero.params);
      const t = await blockTimeOf(tx);
      expect((await readDispute(d.adjudicator, zero.id)).timeout).to.equal(t);
    });

    it("re-registering the registered state is a no-op without an event", async function () {
      const state = ch.state([100n, 200n], { version: 2n });
      await register(state);
      const before = await readDispute(d.adjudicator, ch.id);
      await time.increase(10);
      await expect(register(state)).not.to.emit(d.adjudicator, "ChannelUpdate");
      expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal(before);
    });
  });

  describe("participants' ccAddress of any length (the calldata hash covers the last tail)", function () {
    for (const len of [0, 1, 31, 32, 33, 64, 100]) {
      it(`accepts a ${len}-byte ccAddress on the first and on the last participant`, async function () {
        const cc = (`0x` + "c3".repeat(len)) as Hex;
        for (const [i, nonce] of [
          [0, 31n],
          [1, 32n],
        ] as const) {
          const parts = d.parts.map((p, j) =>
            j === i ? { ...p, participant: { ...p.participant, ccAddress: cc } } : p,
          );
          const c = await makeChannel(d, { parts, nonce });
          const state = c.state([1n, 2n]);
          const tx = await d.adjudicator.register({ params: c.params, state, sigs: signAll(state, d.parts) }, []);
          await expect(tx)
            .to.emit(d.adjudicator, "ChannelUpdate")
            .withArgs(c.id, 0n, Phase.DISPUTE, (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION);
        }
      });
    }
  });

  describe("refutation", function () {
    let timeout: bigint;

    beforeEach(async function () {
      const tx = await register(ch.state([100n, 200n], { version: 5n }));
      timeout = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
    });

    it("a newer version replaces the state and keeps the window (no extension)", async function () {
      await time.increaseTo(timeout - 10n);
      const newer = ch.state([150n, 150n], { version: 6n });
      await expect(register(newer)).to.emit(d.adjudicator, "ChannelUpdate").withArgs(ch.id, 6n, Phase.DISPUTE, timeout);
      expect(await readDispute(d.adjudicator, ch.id)).to.deep.equal({
        timeout,
        challengeDuration: DEFAULT_CHALLENGE_DURATION,
        version: 6n,
        phase: Phase.DISPUTE,
        stateHash: hashState(newer),
        hasApp: false,
      });
    });

    it("several refutations never move the timeout", async function () {
      for (const v of [6n, 9n, 100n]) {
        await register(ch.state([100n, 200n], { version: v }));
        expect((await readDispute(d.adjudicator, ch.id)).timeout).to.equal(timeout);
      }
    });

    it("is accepted in the last second of the window", async function () {
      await time.setNextBlockTimestamp(timeout - 1n);
      await expect(register(ch.state([1n, 2n], { version: 6n })))
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(ch.id, 6n, Phase.DISPUTE, timeout);
    });

    it("a final refutation closes the window at once (timeout = now)", async function () {
      const tx = await register(ch.state([1n, 2n], { version: 6n, isFinal: true }));
      const t = await blockTimeOf(tx);
      await expect(tx).to.emit(d.adjudicator, "ChannelUpdate").withArgs(ch.id, 6n, Phase.DISPUTE, t);
      expect((await readDispute(d.adjudicator, ch.id)).timeout).to.equal(t);
    });

    const rejects: { name: string; version: bigint; at?: "timeout" | "after"; error: string; args: () => unknown[] }[] =
      [
        {
          name: "the same version with another state",
          version: 5n,
          error: "DisputeStaleVersion",
          args: () => [ch.id, 5n, 5n],
        },
        { name: "an older version", version: 4n, error: "DisputeStaleVersion", args: () => [ch.id, 5n, 4n] },
        { name: "version 0", version: 0n, error: "DisputeStaleVersion", args: () => [ch.id, 5n, 0n] },
        {
          name: "a newer version at the timeout",
          version: 6n,
          at: "timeout",
          error: "DisputeTimeoutPassed",
          args: () => [ch.id, timeout],
        },
        {
          name: "a newer version after the timeout",
          version: 6n,
          at: "after",
          error: "DisputeTimeoutPassed",
          args: () => [ch.id, timeout],
        },
        {
          name: "an older version after the timeout (version checked first)",
          version: 1n,
          at: "after",
          error: "DisputeStaleVersion",
          args: () => [ch.id, 5n, 1n],
        },
      ];
    for (const r of rejects) {
      it(`rejects ${r.name} with ${r.error}`, async function () {
        if (r.at === "timeout") await time.setNextBlockTimestamp(timeout);
        if (r.at === "after") await time.increaseTo(timeout + 100n);
        await expect(register(ch.state([7n, 8n], { version: r.version })))
          .to.be.revertedWithCustomError(d.adjudicator, r.error)
          .withArgs(...r.args());
      });
    }
  });

  describe("rejects malformed inputs", function () {
    it("a non-ledger channel: AdjudicatorNotLedgerChannel", async function () {
      const sub = await makeChannel(d, { ledgerChannel: false });
      await expect(register(sub.state([1n, 2n]), sub.params))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorNotLedgerChannel")
        .withArgs(sub.id);
    });

    it("a state whose channel ID is not the params' ID: AdjudicatorChannelIDMismatch", async function () {
      const state = { ...ch.state([1n, 2n]), channelID: `0x${"ab".repeat(32)}` as Hex };
      await expect(register(state))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorChannelIDMismatch")
        .withArgs(ch.id, state.channelID);
    });

    it("participants out of order (params of another channel): AdjudicatorChannelIDMismatch", async function () {
      const swapped = makeParams([d.parts[1], d.parts[0]]);
      const state = ch.state([1n, 2n]);
      await expect(register(state, swapped, signAll(state, [d.parts[1], d.parts[0]])))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorChannelIDMismatch")
        .withArgs(channelId(swapped), ch.id);
    });

    for (const field of ["nonce", "challengeDuration"] as const) {
      it(`params with another ${field}: AdjudicatorChannelIDMismatch`, async function () {
        const other = { ...ch.params, [field]: ch.params[field] + 1n };
        await expect(register(ch.state([1n, 2n]), other))
          .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorChannelIDMismatch")
          .withArgs(channelId(other), ch.id);
      });
    }

    const durations = [MAX_CHALLENGE_DURATION + 1n, 2n ** 64n, 2n ** 256n - 1n];
    for (const duration of durations) {
      it(`challengeDuration ${duration}: DisputeChallengeDurationOutOfRange`, async function () {
        const big = await makeChannel(d, { challengeDuration: duration });
        await expect(register(big.state([1n, 2n]), big.params))
          .to.be.revertedWithCustomError(d.adjudicator, "DisputeChallengeDurationOutOfRange")
          .withArgs(duration, MAX_CHALLENGE_DURATION);
      });
    }

    it("calldata whose last ccAddress length runs past its end: CalldataHashOutOfBounds", async function () {
      const state = ch.state([1n, 2n]);
      const data = ethers.getBytes(
        d.adjudicator.interface.encodeFunctionData("register", [
          { params: ch.params, state, sigs: signAll(state, d.parts) },
          [],
        ]),
      );
      const word = (pos: number) => Number(BigInt(ethers.hexlify(data.slice(pos, pos + 32))));
      // Walk the canonical encoding: channel tuple -> params -> participants -> last participant -> ccAddress.
      const channelStart = 4 + word(4);
      const paramsStart = channelStart + word(channelStart);
      const partsRel = word(paramsStart + 0x40);
      const arr = paramsStart + partsRel;
      const n = word(arr);
      const lastRel = word(arr + 32 * n);
      const lastStart = arr + 0x20 + lastRel;
      const ccRel = word(lastStart + 0x20);
      data.set(ethers.getBytes(ethers.toBeHex(0xffffn, 32)), lastStart + ccRel); // the ccAddress length word
      const cds = data.length;
      // The contract clamps the bogus length to the calldata size before adding it up.
      const tail = 0x20 + Math.ceil(cds / 32) * 32;
      const end = paramsStart + partsRel + 0x20 + lastRel + ccRel + tail;
      expect(end).to.be.greaterThan(cds);
      await expect(
        d.parts[0].wallet.sendTransaction({ to: await addressOf(d.adjudicator), data: ethers.hexlify(data) }),
      )
        .to.be.revertedWithCustomError(d.adjudicator, "CalldataHashOutOfBounds")
        .withArgs(BigInt(end), BigInt(cds));
    });

    it("a channel without participants (any state would count as signed): AdjudicatorNoParticipants", async function () {
      const empty = await makeChannel(d, { parts: [] });
      const state = empty.state([]);
      await expect(d.adjudicator.register({ params: empty.params, state, sigs: [] }, []))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorNoParticipants")
        .withArgs(empty.id);
    });

    it("a sub-channel list for a state without locked funds: AdjudicatorSubChannelCountMismatch", async function () {
      const state = ch.state([1n, 2n]);
      const extra = await makeChannel(d, { nonce: 9n, ledgerChannel: false });
      await expect(
        d.adjudicator.register(signedState(ch.params, state, d.parts), [
          signedState(extra.params, extra.state([1n, 1n]), d.parts),
        ]),
      )
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorSubChannelCountMismatch")
        .withArgs(0n, 1n);
    });
  });

  describe("virtual-channel flag (as upstream)", function () {
    it("accepts a virtual ledger channel without app and sub-channels", async function () {
      const v = await makeChannel(d, { virtualChannel: true });
      const tx = await register(v.state([1n, 2n]), v.params);
      await expect(tx)
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(v.id, 0n, Phase.DISPUTE, (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION);
    });

    it("rejects a virtual channel with an app: AdjudicatorInvalidVirtualChannel", async function () {
      const v = await makeChannel(d, { virtualChannel: true, app: await addressOf(d.trivialApp) });
      await expect(register(v.state([1n, 2n]), v.params))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorInvalidVirtualChannel")
        .withArgs(v.id);
    });

    it("rejects a virtual channel with locked funds: AdjudicatorInvalidVirtualChannel", async function () {
      const v = await makeChannel(d, { virtualChannel: true });
      const state = v.state([1n, 2n], { locked: [{ ID: `0x${"11".repeat(32)}`, balances: [0n], indexMap: [0n, 1n] }] });
      await expect(register(state, v.params))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorInvalidVirtualChannel")
        .withArgs(v.id);
    });

    it("a non-virtual channel may have an app (control case)", async function () {
      const a = await makeChannel(d, { app: await addressOf(d.trivialApp) });
      await expect(register(a.state([1n, 2n]), a.params)).to.emit(d.adjudicator, "ChannelUpdate");
      expect(ZERO_ADDRESS).to.not.equal(a.params.app);
    });
  });
});
