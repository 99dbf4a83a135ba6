/**
 * Regression tests for issue 15 (EVM): each reproduces a finding as the attacker plays it —
 * several keys at once, signing whatever helps, registering through parents of their own —
 * and asserts what the honest party must get. Each failed on main (e2ab4be).
 *
 *  4. Nesting delayed a parent by about one window per level.
 *  5. `concludeMalformed` front-ran a cooperative close of a channel with a 2^40 s window.
 *  6. An asset holder listed twice registered but could never conclude.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { Asset, Params, State, SubAlloc } from "../../src";
import {
  MAX_CHALLENGE_DURATION,
  addressOf,
  blockTimeOf,
  depositFor,
  evmAsset,
  holdingsOf,
  loadDeployment,
  makeParams,
  makeParticipants,
  makeState,
  signAll,
  signedState,
} from "./fixtures";
import type { Deployment, TestParticipant } from "./fixtures";

interface Node {
  params: Params;
  state: State;
  signers: TestParticipant[];
}

describe("security regressions (issue 15)", function () {
  let d: Deployment;
  let A: TestParticipant;
  let B: TestParticipant;
  let C: TestParticipant;
  let asset: Asset;
  let nonce = 15_000n;

  beforeEach(async function () {
    d = await loadDeployment();
    [A, B] = d.parts;
    [C] = await makeParticipants(1, 2);
    asset = evmAsset(d.chainId, await addressOf(d.ethHolder));
  });

  function node(
    signers: TestParticipant[],
    balances: bigint[],
    opts: {
      ledger?: boolean;
      virtual?: boolean;
      locked?: SubAlloc[];
      version?: bigint;
      duration?: bigint;
      nonce?: bigint;
      assets?: Asset[];
      isFinal?: boolean;
    } = {},
  ): Node {
    const params = makeParams(signers, {
      nonce: opts.nonce ?? nonce++,
      ledgerChannel: opts.ledger ?? false,
      virtualChannel: opts.virtual ?? false,
      challengeDuration: opts.duration ?? 600n,
    });
    const assets = opts.assets ?? [asset];
    const state = makeState(params, {
      assets,
      balances: assets.map(() => balances),
      locked: opts.locked ?? [],
      version: opts.version ?? 1n,
      isFinal: opts.isFinal,
    });
    return { params, state, signers };
  }
  /** The same channel at another version with other balances and locks. */
  function next(n: Node, version: bigint, balances: bigint[], locked: SubAlloc[] = []): Node {
    const state = makeState(n.params, { assets: [asset], balances: [balances], locked, version });
    return { ...n, state };
  }
  const lock = (n: Node, total: bigint, indexMap: bigint[] = [0n, 1n]): SubAlloc => ({
    ID: n.state.channelID,
    balances: [total],
    indexMap,
  });
  const signed = (n: Node) => signedState(n.params, n.state, n.signers);
  const register = (parent: Node, subs: Node[], from: TestParticipant = A) =>
    d.adjudicator.connect(from.wallet).register(signed(parent), subs.map(signed));

  describe("4. nesting cannot delay a parent beyond its timeout plus its duration", function () {
    it("A and B lock a fresh level just before each window ends; C concludes P at P's timeout + 600 s", async function () {
      const S1 = node([A, B], [15n, 15n]);
      const P = node([A, B, C], [0n, 0n, 500n], { ledger: true, locked: [lock(S1, 30n)] });
      await depositFor(d.ethHolder, P.params, C, 530n);
      const t = await blockTimeOf(await register(P, [S1], C));
      const chain: Node[] = [S1];
      let windowEnd = t + 600n;
      // Each level is refuted 5 s before its window ends, locking a fresh level (whose window
      // would end 600 s later): S2 at +595 s, S3 at +1190 s.
      for (let k = 1; windowEnd - 5n < t + 1200n; k++) {
        await time.setNextBlockTimestamp(windowEnd - 5n);
        const fresh = node([A, B], [15n, 15n]);
        const deepest = next(chain[k - 1], 2n, [0n, 0n], [lock(fresh, 30n)]);
        chain[k - 1] = deepest;
        const Q = node([A, B], [0n, 0n], { ledger: true, locked: [lock(deepest, 30n)] });
        windowEnd = (await blockTimeOf(await register(Q, [deepest, fresh]))) + 600n;
        chain.push(fresh);
      }
      await time.setNextBlockTimestamp(t + 1200n);
      await d.adjudicator.connect(C.wallet).conclude(
        P.params,
        P.state,
        chain.map((n) => n.state),
      );
      expect((await holdingsOf(d.ethHolder, P.params))[2]).to.equal(500n);
    });
  });

  describe("5. concludeMalformed and the settle paths share one definition of malformed", function () {
    it("a 2^40 s window: concludeFinal refuses it just as register does, so a front-run concludeMalformed changes nothing", async function () {
      const ch = node([A, B], [0n, 100n], { ledger: true, duration: 2n ** 40n, isFinal: true });
      await depositFor(d.ethHolder, ch.params, A, 100n);
      await expect(d.adjudicator.concludeFinal(ch.params, ch.state, signAll(ch.state, [A, B])))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeChallengeDurationOutOfRange")
        .withArgs(2n ** 40n, MAX_CHALLENGE_DURATION);
      await expect(register(ch, [])).to.be.revertedWithCustomError(d.adjudicator, "DisputeChallengeDurationOutOfRange");
      // Nobody can ever settle it: anyone may conclude it without an outcome; A's deposit is refundable to A.
      await d.adjudicator.connect(A.wallet).concludeMalformed(ch.params);
      expect(await d.ethHolder.settled(ch.state.channelID)).to.equal(true);
      expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([100n, 0n]);
    });

    it("a channel that concludeFinal settles is never malformed", async function () {
      const ch = node([A, B], [0n, 100n], { ledger: true, duration: MAX_CHALLENGE_DURATION, isFinal: true });
      await depositFor(d.ethHolder, ch.params, A, 100n);
      await expect(d.adjudicator.connect(A.wallet).concludeMalformed(ch.params))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorParamsNotMalformed")
        .withArgs(ch.state.channelID);
      await d.adjudicator.connect(B.wallet).concludeFinal(ch.params, ch.state, signAll(ch.state, [A, B]));
      expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([0n, 100n]);
    });
  });

  describe("6. an asset holder listed twice is refused where it would be refused later", function () {
    it("register and concludeFinal refuse the state; an earlier well-formed state still settles", async function () {
      const good = node([A, B], [30n, 70n], { ledger: true, nonce: 1601n });
      const twice = node([A, B], [30n, 70n], { ledger: true, nonce: 1601n, version: 2n, assets: [asset, asset] });
      await depositFor(d.ethHolder, good.params, A, 100n);
      const holder = await addressOf(d.ethHolder);
      await expect(register(twice, []))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorDuplicateAssetHolder")
        .withArgs(holder);
      const fin = { ...twice.state, isFinal: true };
      await expect(d.adjudicator.concludeFinal(twice.params, fin, signAll(fin, [A, B])))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorDuplicateAssetHolder")
        .withArgs(holder);
      const t = await blockTimeOf(await register(good, [], B));
      await time.increaseTo(t + good.params.challengeDuration);
      await d.adjudicator.conclude(good.params, good.state, []);
      expect(await holdingsOf(d.ethHolder, good.params)).to.deep.equal([30n, 70n]);
    });
  });
});
