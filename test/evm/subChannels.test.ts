/**
 * Sub-channels: register a ledger channel with its sub-channel tree in depth-first order, and
 * conclude it with the sub-states, accumulating every sub-channel's outcome into the parent
 * participants its index map names. Mismatched sub-allocations (IDs, balances, assets, index
 * maps, counts) are rejected with exact custom errors.
 *
 * The tree used throughout (balances per participant, one ETH asset):
 *
 *     P  [A,B]  own [100, 200], locks S1 (37, map [0,1]) and S2 (11, map [1,0])
 *     ├─ S1 [A,B]  own [10, 20], locks S1a (7, map [1,0])
 *     │  └─ S1a [B,A]  own [3, 4]
 *     └─ S2 [B,A]  own [5, 6]  (a virtual channel)
 *
 * Accumulated outcome: A = 100 + (10 + 4) + 6 = 120, B = 200 + (20 + 3) + 5 = 228.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { signState } from "../../src";
import type { Asset, Hex, Params, State, SubAlloc } from "../../src";
import {
  DEFAULT_CHALLENGE_DURATION,
  Phase,
  addressOf,
  blockTimeOf,
  depositFor,
  evmAsset,
  hashState,
  holdingsOf,
  loadMocks,
  makeParams,
  makeParticipants,
  makeState,
  readDispute,
  signedState,
} from "./fixtures";
import type { MockDeployment, TestParticipant } from "./fixtures";

interface Node {
  params: Params;
  state: State;
  signers: TestParticipant[];
}

describe("sub-channels (register and conclude)", function () {
  let d: MockDeployment;
  let A: TestParticipant;
  let B: TestParticipant;
  let asset: Asset;
  let P: Node;
  let S1: Node;
  let S1a: Node;
  let S2: Node;

  function node(
    signers: TestParticipant[],
    nonce: bigint,
    balances: bigint[],
    locked: SubAlloc[] = [],
    opts: Partial<Params> = {},
  ): Node {
    const params = { ...makeParams(signers, { nonce, ledgerChannel: false }), ...opts };
    return {
      params,
      signers,
      state: makeState(params, { assets: [asset], balances: [balances], locked, version: 1n }),
    };
  }
  const sub = (n: Node, total: bigint, indexMap: bigint[]): SubAlloc => ({
    ID: n.state.channelID,
    balances: [total],
    indexMap,
  });
  const signed = (n: Node) => signedState(n.params, n.state, n.signers);
  const register = (parent: Node, subs: Node[]) => d.adjudicator.register(signed(parent), subs.map(signed));

  beforeEach(async function () {
    d = await loadMocks();
    [A, B] = d.parts;
    asset = evmAsset(d.chainId, await addressOf(d.ethHolder));
    S1a = node([B, A], 12n, [3n, 4n]);
    S1 = node([A, B], 11n, [10n, 20n], [sub(S1a, 7n, [1n, 0n])]);
    S2 = node([B, A], 13n, [5n, 6n], [], { virtualChannel: true });
    P = node([A, B], 1n, [100n, 200n], [sub(S1, 37n, [0n, 1n]), sub(S2, 11n, [1n, 0n])], { ledgerChannel: true });
  });

  /** Rebuilds P with `locked` changed, keeping the rest. */
  function parentWith(locked: SubAlloc[]): Node {
    return { ...P, state: { ...P.state, outcome: { ...P.state.outcome, locked } } };
  }

  describe("register", function () {
    it("registers the whole tree depth-first, one ChannelUpdate per channel in that order", async function () {
      const tx = await register(P, [S1, S1a, S2]);
      const t = await blockTimeOf(tx);
      const receipt = await tx.wait();
      const updates = receipt!.logs
        .map((l) => d.adjudicator.interface.parseLog(l))
        .filter((e) => e?.name === "ChannelUpdate")
        .map((e) => [e!.args.channelID, e!.args.version, e!.args.phase, e!.args.timeout]);
      const timeout = t + DEFAULT_CHALLENGE_DURATION;
      expect(updates).to.deep.equal([P, S1, S1a, S2].map((n) => [n.state.channelID, 1n, Phase.DISPUTE, timeout]));
      for (const n of [P, S1, S1a, S2]) {
        const rec = await readDispute(d.adjudicator, n.state.channelID);
        expect(rec.stateHash).to.equal(hashState(n.state));
        expect(rec.phase).to.equal(Phase.DISPUTE);
      }
    });

    it("re-registering the tree with only the parent refuted updates the parent only", async function () {
      await register(P, [S1, S1a, S2]);
      const P2 = { ...P, state: { ...P.state, version: 2n } };
      const tx = await register(P2, [S1, S1a, S2]);
      const receipt = await tx.wait();
      const ids = receipt!.logs.map((l) => d.adjudicator.interface.parseLog(l)!.args.channelID);
      expect(ids).to.deep.equal([P.state.channelID]);
    });

    const rejects: { name: string; build: () => [Node, Node[]]; error: string; args: () => unknown[] }[] = [
      { name: "no sub-channels", build: () => [P, []], error: "AdjudicatorSubChannelMissing", args: () => [0n] },
      {
        name: "the last sub-channel missing",
        build: () => [P, [S1, S1a]],
        error: "AdjudicatorSubChannelMissing",
        args: () => [2n],
      },
      {
        name: "a nested sub-channel missing",
        build: () => [P, [S1]],
        error: "AdjudicatorSubChannelMissing",
        args: () => [1n],
      },
      {
        name: "breadth-first instead of depth-first order",
        build: () => [P, [S1, S2, S1a]],
        error: "AdjudicatorSubChannelIDMismatch",
        args: () => [S1a.state.channelID, S2.state.channelID],
      },
      {
        name: "siblings swapped",
        build: () => [P, [S2, S1, S1a]],
        error: "AdjudicatorSubChannelIDMismatch",
        args: () => [S1.state.channelID, S2.state.channelID],
      },
      {
        name: "one sub-channel too many",
        build: () => [P, [S1, S1a, S2, S2]],
        error: "AdjudicatorSubChannelCountMismatch",
        args: () => [3n, 4n],
      },
      {
        name: "a locked total that differs from the sub-channel's total",
        build: () => [parentWith([sub(S1, 37n, [0n, 1n]), sub(S2, 12n, [1n, 0n])]), [S1, S1a, S2]],
        error: "ArraysItemMismatch",
        args: () => [0n],
      },
      {
        name: "a nested locked total that ignores the grandchild",
        build: () => [parentWith([sub(S1, 30n, [0n, 1n]), sub(S2, 11n, [1n, 0n])]), [S1, S1a, S2]],
        error: "ArraysItemMismatch",
        args: () => [0n],
      },
      {
        name: "a locked balance list of another length",
        build: () => [
          parentWith([sub(S1, 37n, [0n, 1n]), { ID: S2.state.channelID, balances: [11n, 0n], indexMap: [1n, 0n] }]),
          [S1, S1a, S2],
        ],
        error: "AllocationLockedBalancesCountMismatch",
        args: () => [1n, 1n, 2n],
      },
    ];
    for (const r of rejects) {
      it(`rejects ${r.name}: ${r.error}`, async function () {
        const [parent, subs] = r.build();
        await expect(register(parent, subs))
          .to.be.revertedWithCustomError(d.adjudicator, r.error)
          .withArgs(...r.args());
      });
    }

    it("rejects a sub-channel whose params say ledger channel: AdjudicatorSubChannelIsLedger", async function () {
      const S2l = node([B, A], 13n, [5n, 6n], [], { ledgerChannel: true });
      const parent = parentWith([sub(S1, 37n, [0n, 1n]), sub(S2l, 11n, [1n, 0n])]);
      await expect(register(parent, [S1, S1a, S2l]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorSubChannelIsLedger")
        .withArgs(S2l.state.channelID);
    });

    it("rejects a sub-channel on another asset: AllocationAssetMismatch", async function () {
      const other = evmAsset(d.chainId, await addressOf(d.erc20Holder));
      const S2x = { ...S2, state: { ...S2.state, outcome: { ...S2.state.outcome, assets: [other] } } };
      const parent = parentWith([sub(S1, 37n, [0n, 1n]), sub(S2x, 11n, [1n, 0n])]);
      await expect(register(parent, [S1, S1a, S2x]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationAssetMismatch")
        .withArgs(0n);
    });

    it("rejects a sub-channel with an extra asset: AllocationAssetCountMismatch", async function () {
      const other = evmAsset(d.chainId, await addressOf(d.erc20Holder));
      const S2x = {
        ...S2,
        state: {
          ...S2.state,
          outcome: {
            ...S2.state.outcome,
            assets: [asset, other],
            backends: [1n, 1n],
            balances: [
              [5n, 6n],
              [0n, 0n],
            ],
          },
        },
      };
      const parent = parentWith([sub(S1, 37n, [0n, 1n]), sub(S2x, 11n, [1n, 0n])]);
      await expect(register(parent, [S1, S1a, S2x]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationAssetCountMismatch")
        .withArgs(1n, 2n);
    });

    it("rejects a sub-channel signed by the wrong participants: SignatureSignerMismatch", async function () {
      const bad = { ...S2, signers: [A, B] };
      await expect(register(P, [S1, S1a, bad]))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureSignerMismatch")
        .withArgs(B.address, A.address);
    });

    it("rejects a virtual sub-channel with an app: AdjudicatorInvalidVirtualChannel", async function () {
      const S2x = node([B, A], 13n, [5n, 6n], [], { virtualChannel: true, app: await addressOf(d.trivialApp) });
      const parent = parentWith([sub(S1, 37n, [0n, 1n]), sub(S2x, 11n, [1n, 0n])]);
      await expect(register(parent, [S1, S1a, S2x]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorInvalidVirtualChannel")
        .withArgs(S2x.state.channelID);
    });

    it("rejects a virtual sub-channel with its own sub-channels: AdjudicatorInvalidVirtualChannel", async function () {
      const S1v = { ...S1, params: { ...S1.params, virtualChannel: true } };
      S1v.state = makeState(S1v.params, {
        assets: [asset],
        balances: [[10n, 20n]],
        locked: S1.state.outcome.locked,
        version: 1n,
      });
      const parent = parentWith([sub(S1v, 37n, [0n, 1n]), sub(S2, 11n, [1n, 0n])]);
      await expect(register(parent, [S1v, S1a, S2]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorInvalidVirtualChannel")
        .withArgs(S1v.state.channelID);
    });
  });

  describe("conclude", function () {
    let timeout: bigint;

    beforeEach(async function () {
      await depositFor(d.ethHolder, P.params, A, 120n);
      await depositFor(d.ethHolder, P.params, B, 228n);
      const tx = await register(P, [S1, S1a, S2]);
      timeout = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
    });

    const conclude = (subs: State[], parent: State = P.state) => d.adjudicator.conclude(P.params, parent, subs);

    it("concludes the tree and pays the accumulated outcome to the parent's participants", async function () {
      await time.increaseTo(timeout);
      const tx = conclude([S1.state, S1a.state, S2.state]);
      for (const n of [P, S1, S1a, S2]) {
        await expect(tx)
          .to.emit(d.adjudicator, "ChannelUpdate")
          .withArgs(n.state.channelID, 1n, Phase.CONCLUDED, timeout);
      }
      await expect(tx).to.emit(d.ethHolder, "OutcomeSet").withArgs(P.state.channelID);
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([120n, 228n]);
      for (const n of [P, S1, S1a, S2]) {
        expect((await readDispute(d.adjudicator, n.state.channelID)).phase).to.equal(Phase.CONCLUDED);
      }
    });

    it("the sub-channels cannot be registered again afterwards: DisputeWrongPhase", async function () {
      await time.increaseTo(timeout);
      await conclude([S1.state, S1a.state, S2.state]);
      const P2 = { ...P, state: { ...P.state, version: 2n } };
      await expect(register(P2, [S1, S1a, S2]))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeWrongPhase")
        .withArgs(P.state.channelID, Phase.CONCLUDED);
    });

    const rejects: { name: string; subs: () => State[]; error: string; args: () => unknown[] }[] = [
      { name: "no sub-states", subs: () => [], error: "AdjudicatorSubChannelMissing", args: () => [0n] },
      {
        name: "the last sub-state missing",
        subs: () => [S1.state, S1a.state],
        error: "AdjudicatorSubChannelMissing",
        args: () => [2n],
      },
      {
        name: "sub-states out of order",
        subs: () => [S1.state, S2.state, S1a.state],
        error: "AdjudicatorSubChannelIDMismatch",
        args: () => [S1a.state.channelID, S2.state.channelID],
      },
      {
        name: "one sub-state too many",
        subs: () => [S1.state, S1a.state, S2.state, S2.state],
        error: "AdjudicatorSubChannelCountMismatch",
        args: () => [3n, 4n],
      },
      {
        name: "a sub-state that is not the registered one",
        subs: () => [S1.state, S1a.state, { ...S2.state, outcome: { ...S2.state.outcome, balances: [[11n, 0n]] } }],
        error: "DisputeStateMismatch",
        args: () => [
          S2.state.channelID,
          hashState(S2.state),
          hashState({ ...S2.state, outcome: { ...S2.state.outcome, balances: [[11n, 0n]] } }),
        ],
      },
    ];
    for (const r of rejects) {
      it(`rejects ${r.name}: ${r.error}`, async function () {
        await time.increaseTo(timeout);
        await expect(conclude(r.subs()))
          .to.be.revertedWithCustomError(d.adjudicator, r.error)
          .withArgs(...r.args());
      });
    }

    it("rejects before the parent's timeout: DisputeTimeoutNotPassed", async function () {
      await time.setNextBlockTimestamp(timeout - 1n);
      await expect(conclude([S1.state, S1a.state, S2.state]))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(P.state.channelID, timeout);
    });
  });

  describe("tree shapes", function () {
    it("a sub-channel locked twice is registered and concluded once and counted twice", async function () {
      const parent = node([A, B], 50n, [1n, 1n], [sub(S2, 11n, [1n, 0n]), sub(S2, 11n, [1n, 0n])], {
        ledgerChannel: true,
      });
      await depositFor(d.ethHolder, parent.params, A, 100n);
      const rtx = await register(parent, [S2, S2]);
      const rlogs = (await rtx.wait())!.logs.map((l) => d.adjudicator.interface.parseLog(l)!.args.channelID);
      expect(rlogs).to.deep.equal([parent.state.channelID, S2.state.channelID]);
      await time.increase(Number(DEFAULT_CHALLENGE_DURATION));
      const ctx = await d.adjudicator.conclude(parent.params, parent.state, [S2.state, S2.state]);
      const clogs = (await ctx.wait())!.logs
        .map((l) => d.adjudicator.interface.parseLog(l))
        .filter((e) => e?.name === "ChannelUpdate")
        .map((e) => e!.args.channelID);
      expect(clogs).to.deep.equal([parent.state.channelID, S2.state.channelID]);
      // A = 1 + 6 + 6, B = 1 + 5 + 5.
      expect(await holdingsOf(d.ethHolder, parent.params)).to.deep.equal([13n, 11n]);
    });

    it("a tree with an asset of another chain pays only the local asset", async function () {
      const foreign: Asset = { chainID: d.chainId + 7n, ethHolder: await addressOf(d.erc20Holder), ccHolder: "0x" };
      const two = (n: Node, balances: bigint[][], locked: SubAlloc[] = []): Node => ({
        ...n,
        state: makeState(n.params, { assets: [asset, foreign], balances, locked, version: 1n }),
      });
      const child = two(node([A, B], 61n, [0n, 0n]), [
        [2n, 3n],
        [4n, 5n],
      ]);
      const parent = two(
        node([A, B], 60n, [0n, 0n], [], { ledgerChannel: true }),
        [
          [1n, 1n],
          [9n, 9n],
        ],
        [{ ID: child.state.channelID, balances: [5n, 9n], indexMap: [0n, 1n] }],
      );
      await depositFor(d.ethHolder, parent.params, A, 7n);
      const tx = await register(parent, [child]);
      await time.increaseTo((await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION);
      const ctx = d.adjudicator.conclude(parent.params, parent.state, [child.state]);
      await expect(ctx).to.emit(d.ethHolder, "OutcomeSet").withArgs(parent.state.channelID);
      await expect(ctx).not.to.emit(d.erc20Holder, "OutcomeSet");
      expect(await holdingsOf(d.ethHolder, parent.params)).to.deep.equal([3n, 4n]);
    });

    it("a nested sub-channel with more balance rows than its parent: AllocationLockedBalancesCountMismatch", async function () {
      const grandchild = node([A, B], 72n, [0n, 0n]);
      grandchild.state = makeState(grandchild.params, {
        assets: [asset],
        balances: [
          [1n, 1n],
          [1n, 1n],
        ],
        version: 1n,
      });
      const child = node(
        [A, B],
        71n,
        [0n, 0n],
        [{ ID: grandchild.state.channelID, balances: [2n, 2n], indexMap: [0n, 1n] }],
      );
      const parent = node([A, B], 70n, [0n, 0n], [sub(child, 2n, [0n, 1n])], { ledgerChannel: true });
      // The child's lock on the grandchild names two assets where the child has one.
      await expect(register(parent, [child, grandchild]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationLockedBalancesCountMismatch")
        .withArgs(0n, 1n, 2n);
    });
  });

  describe("a sub-channel's own refutation window", function () {
    it("a sub-channel with a longer window than its parent holds the parent only for the parent's duration", async function () {
      const child = node([A, B], 81n, [2n, 3n], [], { challengeDuration: 3n * DEFAULT_CHALLENGE_DURATION });
      const before = node([A, B], 80n, [3n, 4n], [], { ledgerChannel: true });
      const parent = node([A, B], 80n, [1n, 1n], [sub(child, 5n, [0n, 1n])], { ledgerChannel: true });
      parent.state = { ...parent.state, version: 2n };
      const t = await blockTimeOf(await register(before, []));
      await time.setNextBlockTimestamp(t + 30n);
      await register(parent, [child]); // the child's window opens at t + 30
      await depositFor(d.ethHolder, parent.params, A, 7n);
      await time.increaseTo(t + DEFAULT_CHALLENGE_DURATION);
      await expect(d.adjudicator.conclude(parent.params, parent.state, [child.state]))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(child.state.channelID, t + 30n + DEFAULT_CHALLENGE_DURATION);
      // After the parent's own duration: the lock (5) is shared equally, position 0 takes the remainder.
      await time.setNextBlockTimestamp(t + 30n + DEFAULT_CHALLENGE_DURATION);
      await d.adjudicator.conclude(parent.params, parent.state, [child.state]);
      expect(await holdingsOf(d.ethHolder, parent.params)).to.deep.equal([4n, 3n]);
      expect((await readDispute(d.adjudicator, child.state.channelID)).phase).to.equal(Phase.DISPUTE);
    });

    it("a sub-channel registered by a refutation keeps its own window: the parent concludes only after it", async function () {
      const child = node([A, B], 81n, [2n, 3n]);
      const before = node([A, B], 80n, [3n, 3n], [], { ledgerChannel: true });
      const parent = node([A, B], 80n, [1n, 1n], [sub(child, 5n, [0n, 1n])], { ledgerChannel: true });
      parent.state = { ...parent.state, version: 2n };
      const t = await blockTimeOf(await register(before, []));
      const parentTimeout = t + DEFAULT_CHALLENGE_DURATION;
      await time.setNextBlockTimestamp(t + 30n);
      await register(parent, [child]);
      const childTimeout = t + 30n + DEFAULT_CHALLENGE_DURATION;
      expect((await readDispute(d.adjudicator, child.state.channelID)).timeout).to.equal(childTimeout);
      await time.increaseTo(parentTimeout);
      await expect(d.adjudicator.conclude(parent.params, parent.state, [child.state]))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(child.state.channelID, childTimeout);
      // The sub-channel can still be refuted (through its parent) inside its own window.
      const child2 = {
        ...child,
        state: { ...child.state, version: 2n, outcome: { ...child.state.outcome, balances: [[0n, 5n]] } },
      };
      await expect(register(parent, [child2]))
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(child.state.channelID, 2n, Phase.DISPUTE, childTimeout);
      await depositFor(d.ethHolder, parent.params, A, 7n);
      await time.setNextBlockTimestamp(childTimeout);
      await expect(d.adjudicator.conclude(parent.params, parent.state, [child2.state]))
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(child.state.channelID, 2n, Phase.CONCLUDED, childTimeout);
      expect(await holdingsOf(d.ethHolder, parent.params)).to.deep.equal([1n, 6n]);
    });
  });

  describe("an app sub-channel", function () {
    let parent: Node;
    let child: Node;
    let timeout: bigint;

    beforeEach(async function () {
      child = node([A, B], 91n, [2n, 3n], [], { app: await addressOf(d.trivialApp) });
      parent = node([A, B], 90n, [1n, 1n], [sub(child, 5n, [0n, 1n])], { ledgerChannel: true });
      timeout = (await blockTimeOf(await register(parent, [child]))) + DEFAULT_CHALLENGE_DURATION;
      await depositFor(d.ethHolder, parent.params, A, 7n);
    });

    it("can be force-executed after its window, and the parent concludes with the progressed sub-state", async function () {
      await time.increaseTo(timeout);
      const next = { ...child.state, version: 2n, outcome: { ...child.state.outcome, balances: [[5n, 0n]] } };
      await d.adjudicator.progress(child.params, child.state, next, 1n, signState(next, B.privateKey));
      await expect(d.adjudicator.conclude(parent.params, parent.state, [child.state]))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeStateMismatch")
        .withArgs(child.state.channelID, hashState(next), hashState(child.state));
      await d.adjudicator.conclude(parent.params, parent.state, [next]);
      expect(await holdingsOf(d.ethHolder, parent.params)).to.deep.equal([6n, 1n]);
    });

    it("as upstream, the parent's conclusion ends the sub-channel's force execution (FORCEEXEC window still open)", async function () {
      await time.increaseTo(timeout);
      const next = { ...child.state, version: 2n };
      const tx = await d.adjudicator.progress(child.params, child.state, next, 0n, signState(next, A.privateKey));
      const forceTimeout = (await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION;
      await expect(d.adjudicator.conclude(parent.params, parent.state, [next]))
        .to.emit(d.adjudicator, "ChannelUpdate")
        .withArgs(child.state.channelID, 2n, Phase.CONCLUDED, forceTimeout);
    });
  });

  describe("a virtual channel locked in two ledger channels (Perun's virtual-channel pattern)", function () {
    it("each parent pays the virtual channel's outcome to the participants its index map names", async function () {
      const [I] = await makeParticipants(1, 20);
      // V = [A, B]; L1 = [A, I] maps V's B to I; L2 = [I, B] maps V's A to I.
      const V = node([A, B], 101n, [30n, 70n], [], { virtualChannel: true });
      const L1 = node([A, I], 102n, [10n, 0n], [sub(V, 100n, [0n, 1n])], { ledgerChannel: true });
      const L2 = node([I, B], 103n, [0n, 20n], [sub(V, 100n, [0n, 1n])], { ledgerChannel: true });
      await depositFor(d.ethHolder, L1.params, A, 110n);
      await depositFor(d.ethHolder, L2.params, I, 120n);
      await register(L1, [V]);
      const tx = await register(L2, [V]); // V is already registered with this state: skipped
      const ids = (await tx.wait())!.logs.map((l) => d.adjudicator.interface.parseLog(l)!.args.channelID);
      expect(ids).to.deep.equal([L2.state.channelID]);
      await time.increase(Number(DEFAULT_CHALLENGE_DURATION));
      await d.adjudicator.conclude(L1.params, L1.state, [V.state]);
      await d.adjudicator.conclude(L2.params, L2.state, [V.state]);
      // L1: A = 10 + 30, I = 0 + 70 (I paid B inside the virtual channel); L2: I = 0 + 30, B = 20 + 70.
      expect(await holdingsOf(d.ethHolder, L1.params)).to.deep.equal([40n, 70n]);
      expect(await holdingsOf(d.ethHolder, L2.params)).to.deep.equal([30n, 90n]);
      expect((await readDispute(d.adjudicator, V.state.channelID)).phase).to.equal(Phase.CONCLUDED);
    });
  });

  describe("three parent participants with ccAddress of different lengths", function () {
    it("the accumulated outcome reaches each of them exactly", async function () {
      const [C] = await makeParticipants(1, 40);
      const ccs = [`0x${"01".repeat(65)}`, "0x", `0x${"02".repeat(7)}`] as Hex[];
      const [A2, B2, C2] = [A, B, C].map((p, i) => ({ ...p, participant: { ...p.participant, ccAddress: ccs[i] } }));
      const child = node([C2, A2], 111n, [4n, 6n]);
      const parent = node([A2, B2, C2], 110n, [1n, 2n, 3n], [sub(child, 10n, [2n, 0n])], { ledgerChannel: true });
      await depositFor(d.ethHolder, parent.params, B2, 16n);
      const t = await blockTimeOf(await register(parent, [child]));
      await time.increaseTo(t + DEFAULT_CHALLENGE_DURATION);
      await d.adjudicator.conclude(parent.params, parent.state, [child.state]);
      // A = 1 + 6, B = 2, C = 3 + 4.
      expect(await holdingsOf(d.ethHolder, parent.params)).to.deep.equal([7n, 2n, 7n]);
    });
  });

  describe("index maps and balance rows of a virtual sub-channel are checked at register (issue 6)", function () {
    // Upstream checked them only at conclude, where a bad one froze the parent for good.
    function pair(indexMap: bigint[], parentBalances: bigint[][], subBalances: bigint[][]) {
      const child = node([A, B], 21n, [0n, 0n], [], { virtualChannel: true });
      child.state = makeState(child.params, { assets: [asset], balances: subBalances, version: 1n });
      const total = subBalances.length ? subBalances[0].reduce((x, y) => x + y, 0n) : undefined;
      const parent = node([A, B], 20n, [0n, 0n], [], { ledgerChannel: true });
      parent.state = makeState(parent.params, {
        assets: [asset],
        balances: parentBalances,
        locked: [{ ID: child.state.channelID, balances: [total ?? 5n], indexMap }],
        version: 1n,
      });
      return { parent, child };
    }

    it("an index pointing past the parent's participants: AdjudicatorIndexMapOutOfRange", async function () {
      const { parent, child } = pair([0n, 5n], [[1n, 1n]], [[2n, 3n]]);
      await expect(register(parent, [child]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorIndexMapOutOfRange")
        .withArgs(child.state.channelID, 1n);
    });

    it("an index map longer than the sub-channel's participants: AdjudicatorIndexMapLengthMismatch", async function () {
      const { parent, child } = pair([0n, 1n, 0n], [[1n, 1n]], [[2n, 3n]]);
      await expect(register(parent, [child]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorIndexMapLengthMismatch")
        .withArgs(child.state.channelID, 2n, 3n);
    });

    it("an index map naming one parent participant twice: AdjudicatorIndexMapDuplicate", async function () {
      const { parent, child } = pair([1n, 1n], [[1n, 1n]], [[2n, 3n]]);
      await expect(register(parent, [child]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorIndexMapDuplicate")
        .withArgs(child.state.channelID, 1n);
    });

    it("a partial index map (its unmapped share would be stranded): AdjudicatorIndexMapLengthMismatch", async function () {
      const { parent, child } = pair([1n], [[1n, 1n]], [[2n, 3n]]);
      await expect(register(parent, [child]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorIndexMapLengthMismatch")
        .withArgs(child.state.channelID, 2n, 1n);
    });

    it("a parent without a balance row for its asset: AllocationBalancesCountMismatch", async function () {
      const { parent, child } = pair([0n, 1n], [], [[2n, 3n]]);
      await expect(register(parent, [child]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationBalancesCountMismatch")
        .withArgs(1n, 0n);
    });

    it("a sub-channel without a balance row for its asset: AllocationBalancesCountMismatch", async function () {
      const { parent, child } = pair([0n, 1n], [[1n, 1n]], []);
      await expect(register(parent, [child]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationBalancesCountMismatch")
        .withArgs(1n, 0n);
    });
  });

  describe("force execution keeps sub-channel allocations", function () {
    let parent: Node;
    let child: Node;

    beforeEach(async function () {
      child = node([A, B], 31n, [2n, 3n]);
      parent = node([A, B], 30n, [10n, 10n], [sub(child, 5n, [0n, 1n])], {
        ledgerChannel: true,
        app: await addressOf(d.trivialApp),
      });
      const tx = await register(parent, [child]);
      await time.increaseTo((await blockTimeOf(tx)) + DEFAULT_CHALLENGE_DURATION);
    });

    function progressWith(locked: SubAlloc[]) {
      const next = { ...parent.state, version: 2n, outcome: { ...parent.state.outcome, locked } };
      return d.adjudicator.progress(parent.params, parent.state, next, 0n, signState(next, A.privateKey));
    }

    it("unchanged sub-allocations: accepted", async function () {
      await expect(progressWith(parent.state.outcome.locked)).to.emit(d.adjudicator, "ChannelUpdate");
    });
    it("another sub-channel ID: AllocationLockedMismatch", async function () {
      await expect(progressWith([{ ...sub(child, 5n, [0n, 1n]), ID: `0x${"77".repeat(32)}` as Hex }]))
        .to.be.revertedWithCustomError(d.adjudicator, "AllocationLockedMismatch")
        .withArgs(0n);
    });
    it("another locked amount: ArraysItemMismatch", async function () {
      await expect(progressWith([sub(child, 6n, [0n, 1n])]))
        .to.be.revertedWithCustomError(d.adjudicator, "ArraysItemMismatch")
        .withArgs(0n);
    });
    it("another index map: ArraysItemMismatch", async function () {
      await expect(progressWith([sub(child, 5n, [1n, 0n])]))
        .to.be.revertedWithCustomError(d.adjudicator, "ArraysItemMismatch")
        .withArgs(0n);
    });
    it("an index map of another length: ArraysLengthMismatch", async function () {
      await expect(progressWith([sub(child, 5n, [0n])]))
        .to.be.revertedWithCustomError(d.adjudicator, "ArraysLengthMismatch")
        .withArgs(2n, 1n);
    });
    it("a locked balance list of another length: ArraysLengthMismatch", async function () {
      await expect(progressWith([{ ...sub(child, 5n, [0n, 1n]), balances: [5n, 0n] }]))
        .to.be.revertedWithCustomError(d.adjudicator, "ArraysLengthMismatch")
        .withArgs(1n, 2n);
    });
  });
});
