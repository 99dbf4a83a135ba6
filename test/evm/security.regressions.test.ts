/**
 * Regression tests for issue 6: the five ways an attacker could rob or freeze an honest party
 * on main (each was reproduced there with the library's own signing). Every test plays the
 * strongest attacker — one who holds several keys at once and signs whatever helps — and
 * asserts what the honest party must get.
 *
 *  1. Rollback through a foreign parent: a virtual (or all-attacker non-virtual) sub-channel
 *     state with another total, registered at version 2^64−1 through a fake parent, used to stop
 *     the honest intermediary's refutation of a stale ledger state.
 *  2. Freeze by a malformed sub-state (short balance row) registered through the real parents,
 *     the same through a non-virtual sub-channel of two of three, and a sub-channel whose
 *     challenge duration (2^32−1) outlives its parent's by a century.
 *  3. Replay of a withdrawal authorisation across holders and chains (the replay-proof
 *     `withdrawBound`; the G3 `withdraw` keeps its upstream semantics for go-perun).
 *  4. Duplicate participants: deposits frozen forever.
 *  5. A deposit under the bare channel ID lost when the outcome is underfunded.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { channelId, fundingId, signData } from "../../src";
import type { Address, Asset, Hex, Params, State, SubAlloc } from "../../src";
import {
  MAX_CHALLENGE_DURATION,
  addressOf,
  blockTimeOf,
  depositFor,
  evmAsset,
  freshAddress,
  fundingIdOf,
  holdingsOf,
  loadDeployment,
  makeParams,
  makeParticipants,
  makeState,
  signAll,
  signedState,
  signedWithdrawal,
} from "./fixtures";
import type { Deployment, TestParticipant } from "./fixtures";

const MAX_VERSION = 2n ** 64n - 1n;

interface Node {
  params: Params;
  state: State;
  signers: TestParticipant[];
}

describe("security regressions (issue 6)", function () {
  let d: Deployment;
  let A: TestParticipant;
  let B: TestParticipant;
  let I: TestParticipant;
  let asset: Asset;

  beforeEach(async function () {
    d = await loadDeployment();
    [A, B] = d.parts;
    [I] = await makeParticipants(1, 2);
    asset = evmAsset(d.chainId, await addressOf(d.ethHolder));
  });

  function node(
    signers: TestParticipant[],
    nonce: bigint,
    balances: bigint[],
    opts: { ledger?: boolean; virtual?: boolean; locked?: SubAlloc[]; version?: bigint; duration?: bigint } = {},
  ): Node {
    const params = makeParams(signers, {
      nonce,
      ledgerChannel: opts.ledger ?? false,
      virtualChannel: opts.virtual ?? false,
      challengeDuration: opts.duration,
    });
    const state = makeState(params, {
      assets: [asset],
      balances: [balances],
      locked: opts.locked ?? [],
      version: opts.version ?? 1n,
    });
    return { params, state, signers };
  }
  const lock = (n: Node, total: bigint, indexMap: bigint[]): SubAlloc => ({
    ID: n.state.channelID,
    balances: [total],
    indexMap,
  });
  const signed = (n: Node) => signedState(n.params, n.state, n.signers);
  const register = (parent: Node, subs: Node[], from: TestParticipant = A) =>
    d.adjudicator.connect(from.wallet).register(signed(parent), subs.map(signed));
  const withRows = (n: Node, rows: bigint[][], version = n.state.version): Node => ({
    ...n,
    state: { ...n.state, version, outcome: { ...n.state.outcome, balances: rows } },
  });

  describe("1. rollback through a foreign parent", function () {
    it("virtual channel: the attacker (both ends A and B) cannot stop the intermediary's refutation; I keeps the 300 it was paid", async function () {
      // V = [A, B] funded through L1 = [A, I] (A's 100) and L2 = [I, B] (I's 100).
      const V = node([A, B], 102n, [60n, 40n], { virtual: true });
      const L1v1 = node([A, I], 101n, [400n, 0n], { ledger: true });
      const L1v3 = node([A, I], 101n, [0n, 300n], { ledger: true, version: 3n, locked: [lock(V, 100n, [0n, 1n])] });
      const L2 = node([I, B], 103n, [0n, 0n], { ledger: true, locked: [lock(V, 100n, [0n, 1n])] });
      await depositFor(d.ethHolder, L1v1.params, A, 400n);
      await depositFor(d.ethHolder, L2.params, I, 100n);

      // The attacker signs V at version 2^64−1 with another total (150) and registers it
      // through its own ledger channel F = [A, B] that locks V with 150.
      const Vbad = withRows(V, [[150n, 0n]], MAX_VERSION);
      const F = node([A, B], 104n, [0n, 0n], { ledger: true, locked: [lock(Vbad, 150n, [0n, 1n])] });
      await register(F, [Vbad]);
      // A registers L1's stale v1 (from before V existed).
      const t = await blockTimeOf(await register(L1v1, []));

      // The intermediary refutes with L1's latest state and V's genuine state.
      await expect(register(L1v3, [V], I)).to.emit(d.adjudicator, "ChannelUpdate");
      await register(L2, [V], I);
      await time.increaseTo(t + L1v1.params.challengeDuration);

      // V's registered state is the attacker's; it does not fit L1's or L2's lock of 100, so
      // each parent shares the lock equally among V's index-map positions.
      await d.adjudicator.conclude(L1v3.params, L1v3.state, [Vbad.state]);
      await d.adjudicator.conclude(L2.params, L2.state, [Vbad.state]);
      expect(await holdingsOf(d.ethHolder, L1v3.params)).to.deep.equal([50n, 350n]);
      expect(await holdingsOf(d.ethHolder, L2.params)).to.deep.equal([50n, 50n]);
      // I: 300 it was paid in L1 + the 100 it put into V through L2; A and B keep 100 between them.
    });

    it("non-virtual sub-channel of attacker keys only: the same rollback fails; I keeps its 300", async function () {
      const S = node([A], 202n, [100n]);
      const Pv1 = node([A, I], 201n, [400n, 0n], { ledger: true });
      const Pv3 = node([A, I], 201n, [0n, 300n], { ledger: true, version: 3n, locked: [lock(S, 100n, [0n])] });
      await depositFor(d.ethHolder, Pv1.params, A, 400n);
      const Sbad = withRows(S, [[150n]], MAX_VERSION);
      const F = node([A], 203n, [0n], { ledger: true, locked: [lock(Sbad, 150n, [0n])] });
      await register(F, [Sbad]);
      const t = await blockTimeOf(await register(Pv1, []));

      await expect(register(Pv3, [S], I)).to.emit(d.adjudicator, "ChannelUpdate");
      await time.increaseTo(t + Pv1.params.challengeDuration);
      await d.adjudicator.conclude(Pv3.params, Pv3.state, [Sbad.state]);
      expect(await holdingsOf(d.ethHolder, Pv3.params)).to.deep.equal([100n, 300n]);
    });
  });

  describe("2. freeze by a malformed or over-long sub-channel", function () {
    it("a virtual-channel state with a short balance row is refused at register; both parents conclude", async function () {
      const V = node([A, B], 302n, [60n, 40n], { virtual: true });
      const L1 = node([A, I], 301n, [0n, 300n], { ledger: true, locked: [lock(V, 100n, [0n, 1n])] });
      const L2 = node([I, B], 303n, [0n, 0n], { ledger: true, locked: [lock(V, 100n, [0n, 1n])] });
      await depositFor(d.ethHolder, L1.params, A, 400n);
      await depositFor(d.ethHolder, L2.params, I, 100n);
      const Vbad = withRows(V, [[100n]], MAX_VERSION); // one entry for two participants, same total
      await expect(register(L1, [Vbad]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationParticipantCountMismatch")
        .withArgs(0n, 2n, 1n);
      await expect(register(L2, [Vbad])).to.be.revertedWithCustomError(
        d.adjudicator,
        "AllocationParticipantCountMismatch",
      );

      const t = await blockTimeOf(await register(L1, [V], I));
      await register(L2, [V], I);
      await time.increaseTo(t + L1.params.challengeDuration);
      await d.adjudicator.conclude(L1.params, L1.state, [V.state]);
      await d.adjudicator.conclude(L2.params, L2.state, [V.state]);
      expect(await holdingsOf(d.ethHolder, L1.params)).to.deep.equal([60n, 340n]);
      expect(await holdingsOf(d.ethHolder, L2.params)).to.deep.equal([60n, 40n]);
    });

    it("two of three cannot freeze the third through a malformed non-virtual sub-channel S = [A, B]", async function () {
      const C = I;
      const S = node([A, B], 402n, [10n, 20n]);
      const P = node([A, B, C], 401n, [1n, 2n, 70n], { ledger: true, locked: [lock(S, 30n, [0n, 1n])] });
      await depositFor(d.ethHolder, P.params, C, 103n);
      const Sbad = withRows(S, [[30n]], MAX_VERSION);
      await expect(register(P, [Sbad]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationParticipantCountMismatch")
        .withArgs(0n, 2n, 1n);
      const t = await blockTimeOf(await register(P, [S], C));
      await time.increaseTo(t + P.params.challengeDuration);
      await d.adjudicator.conclude(P.params, P.state, [S.state]);
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([11n, 22n, 70n]);
    });

    it("a sub-channel with a 2^32−1 s window holds its parent for the parent's own window only; the third is paid", async function () {
      // Revised after the first fix (which refused the lock at register): refusing would make
      // every later state of P unenforceable for C, who signed it. Now P waits at most its own
      // duration after S's registration, then shares S's lock equally; S's window stays open.
      const C = I;
      const S = node([A, B], 502n, [10n, 20n], { duration: MAX_CHALLENGE_DURATION });
      const P = node([A, B, C], 501n, [1n, 2n, 70n], { ledger: true, locked: [lock(S, 30n, [0n, 1n])] });
      await depositFor(d.ethHolder, P.params, C, 103n);
      const t = await blockTimeOf(await register(P, [S], C));
      await time.increaseTo(t + P.params.challengeDuration);
      await d.adjudicator.conclude(P.params, P.state, [S.state]);
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([16n, 17n, 70n]);
      // S itself is still in its own window (nobody cut it short).
      const rec = await d.adjudicator.disputes(S.state.channelID);
      expect(rec.phase).to.equal(0n);
      expect(rec.timeout).to.equal(t + MAX_CHALLENGE_DURATION);
    });
  });

  describe("3. withdrawal authorisations bound to holder, chain and a nonce (withdrawBound)", function () {
    const DOMAIN = ethers.id("perun-adjudicators/BoundWithdrawalAuth/v1") as Hex;
    const AUTH =
      "tuple(bytes32 channelID, tuple(address ethAddress, bytes ccAddress) participant, address receiver, uint256 amount)";
    const boundAbi = [
      `function withdrawBound(${AUTH} authorization, uint256 nonce, bytes signature)`,
      "function withdrawalNonce(bytes32 fundingID) view returns (uint256)",
    ];

    function boundSig(auth: object, holder: Address, chainId: bigint, nonce: bigint, key: Hex): Hex {
      const data = ethers.AbiCoder.defaultAbiCoder().encode(
        ["bytes32", "address", "uint256", "uint256", AUTH],
        [DOMAIN, holder, chainId, nonce, auth],
      );
      return signData(ethers.getBytes(data), key);
    }

    it("an authorisation is used once, at the holder and chain it names", async function () {
      const ch = node([A, B], 601n, [0n, 0n], { ledger: true });
      const erc20 = evmAsset(d.chainId, await addressOf(d.erc20Holder));
      for (const h of [d.ethHolder, d.erc20Holder]) {
        await depositFor(h, ch.params, A, 100n, { eth: h === d.ethHolder });
      }
      const fin = makeState(ch.params, {
        assets: [asset, erc20],
        balances: [
          [100n, 0n],
          [100n, 0n],
        ],
        isFinal: true,
      });
      await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, [A, B]));

      const R = freshAddress("issue6-receiver");
      const { auth } = signedWithdrawal(ch.state.channelID, A, 40n, R);
      const eth = new ethers.Contract(await addressOf(d.ethHolder), boundAbi, B.wallet);
      const tok = new ethers.Contract(await addressOf(d.erc20Holder), boundAbi, B.wallet);
      const fid = fundingIdOf(ch.params, A);
      expect(await eth.withdrawalNonce(fid)).to.equal(0n);
      const sig = boundSig(auth, await addressOf(d.ethHolder), d.chainId, 0n, A.privateKey);

      await eth.withdrawBound(auth, 0n, sig);
      expect(await ethers.provider.getBalance(R)).to.equal(40n);
      expect(await eth.withdrawalNonce(fid)).to.equal(1n);
      // Replayed at the same holder: the nonce moved on.
      await expect(eth.withdrawBound(auth, 0n, sig))
        .to.be.revertedWithCustomError(d.ethHolder, "AssetHolderWithdrawalNonceMismatch")
        .withArgs(fid, 1n, 0n);
      // Replayed at the ERC-20 holder: the signature names the ETH holder.
      await expect(tok.withdrawBound(auth, 0n, sig)).to.be.revertedWithCustomError(
        d.erc20Holder,
        "SignatureSignerMismatch",
      );
      // Signed for another chain.
      const otherChain = boundSig(auth, await addressOf(d.erc20Holder), d.chainId + 1n, 0n, A.privateKey);
      await expect(tok.withdrawBound(auth, 0n, otherChain)).to.be.revertedWithCustomError(
        d.erc20Holder,
        "SignatureSignerMismatch",
      );
      expect(await d.token.balanceOf(R)).to.equal(0n);
      expect(await d.ethHolder.holdings(fid)).to.equal(60n);
      expect(await d.erc20Holder.holdings(fid)).to.equal(100n);
    });
  });

  describe("4. duplicate participants", function () {
    it("[A, B, A]: refused by register and concludeFinal; concludeMalformed makes every deposit refundable", async function () {
      const params = makeParams([A, B, A], { nonce: 701n });
      const id = channelId(params);
      await depositFor(d.ethHolder, params, B, 50n);
      await depositFor(d.ethHolder, params, A, 20n);
      const st = makeState(params, { assets: [asset], balances: [[10n, 50n, 10n]] });
      await expect(d.adjudicator.register(signedState(params, st, [A, B, A]), []))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorDuplicateParticipant")
        .withArgs(A.address);
      const fin = { ...st, isFinal: true };
      await expect(d.adjudicator.concludeFinal(params, fin, signAll(fin, [A, B, A])))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorDuplicateParticipant")
        .withArgs(A.address);

      const adj = new ethers.Contract(
        await addressOf(d.adjudicator),
        [
          "function concludeMalformed(tuple(uint256 challengeDuration, uint256 nonce, tuple(address ethAddress, bytes ccAddress)[] participants, address app, bool ledgerChannel, bool virtualChannel) params)",
        ],
        B.wallet,
      );
      await adj.concludeMalformed(params);
      expect(await d.ethHolder.settled(id)).to.equal(true);
      const w = signedWithdrawal(id, B, 50n);
      await d.ethHolder.withdraw(w.auth, w.sig);
      expect(await d.ethHolder.holdings(fundingId(id, B.address))).to.equal(0n);
      const wa = signedWithdrawal(id, A, 20n);
      await d.ethHolder.withdraw(wa.auth, wa.sig);
    });
  });

  describe("4b. concludeMalformed takes only parameters no state can settle", function () {
    const PARAMS_T =
      "tuple(uint256 challengeDuration, uint256 nonce, tuple(address ethAddress, bytes ccAddress)[] participants, address app, bool ledgerChannel, bool virtualChannel)";
    const adj = async () =>
      new ethers.Contract(await addressOf(d.adjudicator), [`function concludeMalformed(${PARAMS_T} params)`], B.wallet);

    it("well-formed parameters: AdjudicatorParamsNotMalformed (a refund would undo off-chain payments)", async function () {
      const params = makeParams([A, B], { nonce: 711n });
      await expect((await adj()).concludeMalformed(params))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorParamsNotMalformed")
        .withArgs(channelId(params));
    });

    it("a challenge duration above 2^32 - 1 is malformed; a second call: DisputeAlreadyConcluded", async function () {
      const params = makeParams([A, B], { nonce: 712n, challengeDuration: MAX_CHALLENGE_DURATION + 1n });
      await depositFor(d.ethHolder, params, A, 5n);
      await (await adj()).concludeMalformed(params);
      await expect((await adj()).concludeMalformed(params))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeAlreadyConcluded")
        .withArgs(channelId(params));
      const w = signedWithdrawal(channelId(params), A, 5n);
      await d.ethHolder.withdraw(w.auth, w.sig);
    });
  });

  describe("5. pooled deposit under the bare channel ID", function () {
    it("is credited towards the outcome when the participants' deposits fall short", async function () {
      const ch = node([A, B], 801n, [0n, 0n], { ledger: true });
      await depositFor(d.ethHolder, ch.params, A, 30n);
      await d.ethHolder.connect(I.wallet).deposit(ch.state.channelID, 50n, { value: 50n });
      const fin = makeState(ch.params, { assets: [asset], balances: [[100n, 100n]], isFinal: true });
      await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, [A, B]));
      // Held 80 < outcome 200: A gets its 30 back plus the pool up to its outcome (50); nothing is left behind.
      expect(await holdingsOf(d.ethHolder, ch.params)).to.deep.equal([80n, 0n]);
      expect(await d.ethHolder.holdings(ch.state.channelID)).to.equal(0n);
      const w = signedWithdrawal(ch.state.channelID, A, 80n);
      await d.ethHolder.withdraw(w.auth, w.sig);
      expect(await ethers.provider.getBalance(await addressOf(d.ethHolder))).to.equal(0n);
    });
  });
});
