/**
 * Adjudicator.register: a non-virtual sub-channel's participants are bound to its parent's
 * participants through the parent's index map (`sub.participants[i] == parent.participants[indexMap[i]]`,
 * one index-map entry per sub-channel participant, every entry in range).
 *
 * The attack this closes: A is a participant of an app sub-channel S = [A, B] locked in the real
 * parent P = [A, B] (long challenge duration). A registers a parent F of its own (participants
 * [A] only, challenge duration 0, funded by nobody) naming S in its locked allocation, makes a
 * valid move in S once S's window is over (force execution) and concludes F at once. A parent
 * concludes a sub-channel in FORCEEXEC immediately, so S froze at A's move before B could answer,
 * long before P itself could be concluded. With the binding F cannot name S: every parent of S
 * must contain S's participants, and all of them sign the parent's state.
 *
 * Virtual channels are exempt (Perun's virtual channels map a participant to the intermediary in
 * each parent); see the last block.
 */
import { expect } from "chai";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { signState } from "../../src";
import type { Asset, Hex, Params, State, SubAlloc } from "../../src";
import {
  Phase,
  addressOf,
  blockTimeOf,
  counterData,
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
import { revertDataOf } from "./model/expectCustomError";

/** One channel of a tree: its params, a state and who signs it. */
interface Node {
  params: Params;
  state: State;
  signers: TestParticipant[];
}

/** Options of `node`. */
interface NodeOptions {
  locked?: SubAlloc[];
  ledger?: boolean;
  virtual?: boolean;
  app?: Hex;
  challengeDuration?: bigint;
  appData?: Hex;
  version?: bigint;
}

/** S's challenge duration; P's is much longer, so only a foreign parent could end S's force execution early. */
const SUB_DURATION = 60n;
const PARENT_DURATION = 3600n;

describe("Adjudicator.register: sub-channel participants bound to the parent's", function () {
  let d: MockDeployment;
  let A: TestParticipant;
  let B: TestParticipant;
  let C: TestParticipant;
  let X: TestParticipant;
  let asset: Asset;
  let counterApp: Hex;

  function node(signers: TestParticipant[], nonce: bigint, balances: bigint[], o: NodeOptions = {}): Node {
    const params = makeParams(signers, {
      nonce,
      ledgerChannel: o.ledger ?? false,
      virtualChannel: o.virtual ?? false,
      app: o.app,
      challengeDuration: o.challengeDuration,
    });
    const state = makeState(params, {
      assets: [asset],
      balances: [balances],
      locked: o.locked ?? [],
      appData: o.appData,
      version: o.version ?? 1n,
    });
    return { params, state, signers };
  }
  /** The locked allocation naming `n`, with its total (own balances plus locked) and `indexMap`. */
  function lock(n: Node, indexMap: bigint[]): SubAlloc {
    const own = n.state.outcome.balances[0].reduce((x, y) => x + y, 0n);
    const locked = n.state.outcome.locked.reduce((x, s) => x + s.balances[0], 0n);
    return { ID: n.state.channelID, balances: [own + locked], indexMap };
  }
  const signed = (n: Node) => signedState(n.params, n.state, n.signers);
  // Who sends a transaction does not matter to the adjudicator (only signatures do); the default
  // Hardhat account sends them all.
  const register = (parent: Node, subs: Node[]) => d.adjudicator.register(signed(parent), subs.map(signed));

  /** Sends `f`; returns "ok" or the name of the Adjudicator custom error it reverted with. */
  async function outcomeOf(f: () => Promise<{ wait(): Promise<unknown> }>): Promise<string> {
    try {
      await (await f()).wait();
      return "ok";
    } catch (err) {
      const data = revertDataOf(err);
      const parsed = data === undefined ? null : d.adjudicator.interface.parseError(data);
      if (parsed === null) throw err;
      return parsed.name;
    }
  }

  beforeEach(async function () {
    d = await loadMocks();
    [A, B] = d.parts;
    [C, X] = await makeParticipants(2, 60);
    asset = evmAsset(d.chainId, await addressOf(d.ethHolder));
    counterApp = await addressOf(d.counterApp);
  });

  describe("the force-execution cut-off through a foreign parent", function () {
    let P: Node;
    let S: Node;
    let F: Node;
    let registeredAt: bigint;

    /** S's next CounterApp move (counter + 1, version + 1) with new balances; the actor signs it. */
    function move(from: State, balances: bigint[]): State {
      const counter = BigInt(from.appData);
      return {
        ...from,
        version: from.version + 1n,
        appData: counterData(counter + 1n),
        outcome: { ...from.outcome, balances: [balances] },
      };
    }

    beforeEach(async function () {
      // S: A and B play CounterApp over 8 units (4 / 4); A moves first (counter 0).
      S = node([A, B], 501n, [4n, 4n], { app: counterApp, appData: counterData(0n), challengeDuration: SUB_DURATION });
      P = node([A, B], 500n, [1n, 1n], {
        ledger: true,
        locked: [lock(S, [0n, 1n])],
        challengeDuration: PARENT_DURATION,
      });
      // F: A and its own second key X, S's window (the shortest a parent may have since issue 6),
      // nothing deposited, S's participants mapped to A and X.
      F = node([A, X], 502n, [0n, 0n], { ledger: true, locked: [lock(S, [0n, 1n])], challengeDuration: SUB_DURATION });
      await depositFor(d.ethHolder, P.params, A, 5n);
      await depositFor(d.ethHolder, P.params, B, 5n);
      registeredAt = await blockTimeOf(await register(P, [S]));
    });

    it("B keeps its force-execution window: B's answer to A's move stands and P pays it out", async function () {
      // The attack, step by step; each step may be refused by the contracts.
      const attackRegister = await outcomeOf(() => register(F, [S]));
      await time.increaseTo(registeredAt + SUB_DURATION);
      const aMove = move(S.state, [8n, 0n]);
      await d.adjudicator.progress(S.params, S.state, aMove, 0n, signState(aMove, A.privateKey));
      const attackConclude = await outcomeOf(() => d.adjudicator.conclude(F.params, F.state, [aMove]));
      // B answers within S's force-execution window.
      const bMove = move(aMove, [4n, 4n]);
      const answer = await outcomeOf(() =>
        d.adjudicator.progress(S.params, aMove, bMove, 1n, signState(bMove, B.privateKey)),
      );
      expect(answer, `B's answer (attacker's register: ${attackRegister}, conclude: ${attackConclude})`).to.equal("ok");
      // P concludes only after its own (long) window, with S's latest state.
      await time.increaseTo(registeredAt + PARENT_DURATION);
      await d.adjudicator.conclude(P.params, P.state, [bMove]);
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([5n, 5n]);
    });

    it("the foreign parent is refused at register: AdjudicatorSubChannelParticipantMismatch", async function () {
      await expect(register(F, [S]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorSubChannelParticipantMismatch")
        .withArgs(S.state.channelID, 1n, X.address, B.address);
      // Hence it cannot be concluded either: nothing of F was recorded.
      await expect(d.adjudicator.conclude(F.params, F.state, [S.state]))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeNotRegistered")
        .withArgs(F.state.channelID);
    });

    it("refused although S's state is registered already (S's own registration would be a no-op)", async function () {
      const before = await readDispute(d.adjudicator, S.state.channelID);
      expect(before.stateHash).to.equal(hashState(S.state));
      await expect(register(F, [S])).to.be.revertedWithCustomError(
        d.adjudicator,
        "AdjudicatorSubChannelParticipantMismatch",
      );
      expect(await readDispute(d.adjudicator, S.state.channelID)).to.deep.equal(before);
      expect((await readDispute(d.adjudicator, F.state.channelID)).timeout).to.equal(0n);
    });

    it("refused before S was registered anywhere too (the foreign parent registering first)", async function () {
      const S2 = node([A, B], 503n, [4n, 4n], { app: counterApp, appData: counterData(0n) });
      const F2 = node([A, X], 504n, [0n, 0n], { ledger: true, locked: [lock(S2, [0n, 1n])] });
      await expect(register(F2, [S2]))
        .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorSubChannelParticipantMismatch")
        .withArgs(S2.state.channelID, 1n, X.address, B.address);
      expect((await readDispute(d.adjudicator, S2.state.channelID)).timeout).to.equal(0n);
    });

    it("the real parent can end S's force execution only after its own window (as upstream)", async function () {
      await time.increaseTo(registeredAt + SUB_DURATION);
      const aMove = move(S.state, [8n, 0n]);
      await d.adjudicator.progress(S.params, S.state, aMove, 0n, signState(aMove, A.privateKey));
      await expect(d.adjudicator.conclude(P.params, P.state, [aMove]))
        .to.be.revertedWithCustomError(d.adjudicator, "DisputeTimeoutNotPassed")
        .withArgs(P.state.channelID, registeredAt + PARENT_DURATION);
      expect((await readDispute(d.adjudicator, S.state.channelID)).phase).to.equal(Phase.FORCEEXEC);
    });
  });

  describe("rejects a sub-channel whose participants the parent does not name", function () {
    /** A rejected tree: the parent, its sub-channels in depth-first order and the exact error. */
    interface Rejected {
      parent: Node;
      subs: Node[];
      error: string;
      args: unknown[];
    }
    const cases: { name: string; build: () => Rejected }[] = [
      {
        name: "a one-party parent mapping both participants of an app sub-channel to itself",
        build: () => {
          const S = node([A, B], 601n, [2n, 3n], { app: counterApp, appData: counterData(0n) });
          const parent = node([A], 600n, [0n], { ledger: true, locked: [lock(S, [0n, 0n])] });
          // Refused since issue 6 already because the map names A twice.
          const args = [S.state.channelID, 1n];
          return { parent, subs: [S], error: "AdjudicatorIndexMapDuplicate", args };
        },
      },
      {
        name: "a one-party parent with a one-entry index map",
        build: () => {
          const S = node([A, B], 611n, [2n, 3n]);
          const parent = node([A], 610n, [0n], { ledger: true, locked: [lock(S, [0n])] });
          return { parent, subs: [S], error: "AdjudicatorIndexMapLengthMismatch", args: [S.state.channelID, 2n, 1n] };
        },
      },
      {
        name: "a parent of the attacker and a second key of its own",
        build: () => {
          const S = node([A, B], 621n, [2n, 3n]);
          const parent = node([A, X], 620n, [0n, 0n], { ledger: true, locked: [lock(S, [0n, 1n])] });
          const args = [S.state.channelID, 1n, X.address, B.address];
          return { parent, subs: [S], error: "AdjudicatorSubChannelParticipantMismatch", args };
        },
      },
      {
        name: "the right participants behind a swapped index map",
        build: () => {
          const S = node([A, B], 631n, [2n, 3n]);
          const parent = node([A, B], 630n, [0n, 0n], { ledger: true, locked: [lock(S, [1n, 0n])] });
          const args = [S.state.channelID, 0n, B.address, A.address];
          return { parent, subs: [S], error: "AdjudicatorSubChannelParticipantMismatch", args };
        },
      },
      {
        name: "an index past the parent's participants",
        build: () => {
          const S = node([A, B], 641n, [2n, 3n]);
          const parent = node([A, B], 640n, [0n, 0n], { ledger: true, locked: [lock(S, [0n, 5n])] });
          return { parent, subs: [S], error: "AdjudicatorIndexMapOutOfRange", args: [S.state.channelID, 1n] };
        },
      },
      {
        name: "an index map longer than the sub-channel's participants",
        build: () => {
          const S = node([A, B], 651n, [2n, 3n]);
          const parent = node([A, B], 650n, [0n, 0n], { ledger: true, locked: [lock(S, [0n, 1n, 0n])] });
          return { parent, subs: [S], error: "AdjudicatorIndexMapLengthMismatch", args: [S.state.channelID, 2n, 3n] };
        },
      },
      {
        name: "an empty index map",
        build: () => {
          const S = node([A, B], 661n, [2n, 3n]);
          const parent = node([A, B], 660n, [0n, 0n], { ledger: true, locked: [lock(S, [])] });
          return { parent, subs: [S], error: "AdjudicatorIndexMapLengthMismatch", args: [S.state.channelID, 2n, 0n] };
        },
      },
      {
        name: "a nested sub-channel bound to its grandparent instead of its own parent",
        build: () => {
          // P = [A, B, C]; S1 = [A, B] (map [0, 1]); S1a = [A, C] mapped [0, 1] into S1 = [A, B].
          const S1a = node([A, C], 672n, [1n, 1n]);
          const S1 = node([A, B], 671n, [2n, 3n], { locked: [lock(S1a, [0n, 1n])] });
          const parent = node([A, B, C], 670n, [0n, 0n, 0n], { ledger: true, locked: [lock(S1, [0n, 1n])] });
          const args = [S1a.state.channelID, 1n, B.address, C.address];
          return { parent, subs: [S1, S1a], error: "AdjudicatorSubChannelParticipantMismatch", args };
        },
      },
      {
        name: "the second of two sub-channels",
        build: () => {
          const S1 = node([A, B], 681n, [2n, 3n]);
          const S2 = node([B, C], 682n, [1n, 1n]);
          const locked = [lock(S1, [0n, 1n]), lock(S2, [1n, 0n])];
          const parent = node([A, B], 680n, [0n, 0n], { ledger: true, locked });
          const args = [S2.state.channelID, 1n, A.address, C.address];
          return { parent, subs: [S1, S2], error: "AdjudicatorSubChannelParticipantMismatch", args };
        },
      },
    ];
    for (const c of cases) {
      it(c.name, async function () {
        const r = c.build();
        await expect(register(r.parent, r.subs))
          .to.be.revertedWithCustomError(d.adjudicator, r.error)
          .withArgs(...r.args);
      });
    }
  });

  describe("accepts sub-channels whose participants the parent names", function () {
    it("an app sub-channel with the parent's participants in the parent's order", async function () {
      const S = node([A, B], 701n, [2n, 3n], { app: counterApp, appData: counterData(0n) });
      const P = node([A, B], 700n, [1n, 1n], { ledger: true, locked: [lock(S, [0n, 1n])] });
      await depositFor(d.ethHolder, P.params, A, 7n);
      const t = await blockTimeOf(await register(P, [S]));
      expect((await readDispute(d.adjudicator, S.state.channelID)).stateHash).to.equal(hashState(S.state));
      await time.increaseTo(t + P.params.challengeDuration);
      await d.adjudicator.conclude(P.params, P.state, [S.state]);
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([3n, 4n]);
    });

    it("a sub-channel listing the parent's participants in another order, with the index map saying so", async function () {
      const S = node([B, A], 711n, [2n, 3n]);
      const P = node([A, B], 710n, [1n, 1n], { ledger: true, locked: [lock(S, [1n, 0n])] });
      await depositFor(d.ethHolder, P.params, B, 7n);
      const t = await blockTimeOf(await register(P, [S]));
      await time.increaseTo(t + P.params.challengeDuration);
      await d.adjudicator.conclude(P.params, P.state, [S.state]);
      // A = 1 + 3, B = 1 + 2.
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([4n, 3n]);
    });

    it("a three-party parent with a two-party sub-channel of two of them", async function () {
      const S = node([C, B], 721n, [4n, 6n], { app: await addressOf(d.trivialApp) });
      const P = node([A, B, C], 720n, [1n, 2n, 3n], { ledger: true, locked: [lock(S, [2n, 1n])] });
      await depositFor(d.ethHolder, P.params, A, 16n);
      const t = await blockTimeOf(await register(P, [S]));
      await time.increaseTo(t + P.params.challengeDuration);
      await d.adjudicator.conclude(P.params, P.state, [S.state]);
      // A = 1, B = 2 + 6, C = 3 + 4.
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([1n, 8n, 7n]);
    });

    it("a nested tree, each sub-channel bound to its own parent", async function () {
      // P = [A, B, C]; S1 = [C, A] (map [2, 0]); S1a = [A, C] (map [1, 0] into S1); S2 = [B, C] (map [1, 2]).
      const S1a = node([A, C], 732n, [1n, 2n]);
      const S1 = node([C, A], 731n, [3n, 4n], { locked: [lock(S1a, [1n, 0n])] });
      const S2 = node([B, C], 733n, [5n, 6n]);
      const P = node([A, B, C], 730n, [10n, 20n, 30n], {
        ledger: true,
        locked: [lock(S1, [2n, 0n]), lock(S2, [1n, 2n])],
      });
      await depositFor(d.ethHolder, P.params, A, 81n);
      const tx = await register(P, [S1, S1a, S2]);
      const ids = (await tx.wait())!.logs.map((l) => d.adjudicator.interface.parseLog(l)!.args.channelID);
      expect(ids).to.deep.equal([P, S1, S1a, S2].map((n) => n.state.channelID));
      await time.increaseTo((await blockTimeOf(tx)) + P.params.challengeDuration);
      await d.adjudicator.conclude(P.params, P.state, [S1.state, S1a.state, S2.state]);
      // A = 10 + 4 + 1, B = 20 + 5, C = 30 + 3 + 2 + 6.
      expect(await holdingsOf(d.ethHolder, P.params)).to.deep.equal([15n, 25n, 41n]);
    });

    it("a sub-channel whose participants differ from the parent's in ccAddress only (ethAddress is the binding)", async function () {
      const B2 = { ...B, participant: { ...B.participant, ccAddress: `0x${"ab".repeat(20)}` as Hex } };
      const S = node([A, B2], 741n, [2n, 3n]);
      const P = node([A, B], 740n, [0n, 0n], { ledger: true, locked: [lock(S, [0n, 1n])] });
      await register(P, [S]);
      expect((await readDispute(d.adjudicator, S.state.channelID)).stateHash).to.equal(hashState(S.state));
    });

    describe("virtual sub-channels are exempt (the intermediary stands in for the other end in each parent)", function () {
      it("V = [A, B] locked in L1 = [A, I] and L2 = [I, B] with index map [0, 1] in both", async function () {
        const I = X;
        const V = node([A, B], 751n, [30n, 70n], { virtual: true });
        const L1 = node([A, I], 752n, [10n, 0n], { ledger: true, locked: [lock(V, [0n, 1n])] });
        const L2 = node([I, B], 753n, [0n, 20n], { ledger: true, locked: [lock(V, [0n, 1n])] });
        await expect(register(L1, [V])).to.emit(d.adjudicator, "ChannelUpdate");
        await expect(register(L2, [V])).to.emit(d.adjudicator, "ChannelUpdate");
        expect((await readDispute(d.adjudicator, V.state.channelID)).stateHash).to.equal(hashState(V.state));
      });

      it("their index maps must map every participant too (a partial map stranded the rest upstream)", async function () {
        const V = node([A, B], 761n, [2n, 3n], { virtual: true });
        const L = node([A, B], 760n, [1n, 1n], { ledger: true, locked: [lock(V, [1n])] });
        await expect(register(L, [V]))
          .to.be.revertedWithCustomError(d.adjudicator, "AdjudicatorIndexMapLengthMismatch")
          .withArgs(V.state.channelID, 2n, 1n);
      });
    });
  });
});
