/**
 * Counterexamples to the safety property (DESIGN.md §1: an honest participant who holds the
 * latest fully signed state never loses funds), kept as example tests. Each states the attack
 * step by step and asserts the property, not a particular fix: the attack must either be
 * refused by the contracts or leave the honest participant able to collect its balance.
 *
 * 1. Sub-channel hijack. `register(parent, subChannels)` accepts as a "sub-channel" any fully
 *    signed state — including a state of a ledger channel that is funded directly at the asset
 *    holders (`params.ledgerChannel = true`) — and `conclude(parent, …)` then force-concludes
 *    that channel (`DisputeRecord.forceConclude`) as soon as the PARENT's window is over,
 *    without its own window and without ever pushing its outcome to the holders. The victim
 *    channel is left CONCLUDED with no outcome: nobody can conclude it again, and its holders
 *    treat it as settled, so every depositor withdraws its raw deposit. A malicious
 *    participant who paid the honest one off-chain gets its payments back. The attacker needs
 *    nothing but a parent channel of its own (one participant, challenge duration 0) and the
 *    victim's registered state (even the honest participant's latest one will do).
 *    Upstream perun-eth-contracts has the same gap (no ledger-channel check on sub-channels).
 *    (Refused since the contracts check `AdjudicatorSubChannelIsLedger`.)
 *
 * 1b. The same move on a genuine (non-ledger) sub-channel S of an honest parent: nothing ties
 *    S to the parent whose locked allocation names it, nor S's participants to the parent's
 *    participants through the index map, so a malicious participant of S can register a
 *    parent of its own (only itself, challenge duration 0) naming S with an OLD state of S.
 *    Concluding that parent at once used to force-conclude S with the old state, before the
 *    honest participant could refute (S then stuck at the old outcome, refutation refused
 *    with DisputeWrongPhase). Since `forceConclude` honours S's own refutation window the
 *    honest participant, watching, refutes in time; the test plays that out and asserts it
 *    is paid S's latest balance.
 *
 * 2. Deposit under the channel ID after settlement. Funds deposited under the channel ID
 *    itself count towards the channel at settlement (as upstream), and `setOutcome` clears
 *    that word. A deposit under the channel ID made AFTER settlement is accepted (the cleared
 *    word carries no settled flag), but no withdrawal authorisation can ever name it: it is
 *    locked for good. DESIGN.md §3 requires a deposit into a settled channel to be rejected or
 *    to stay withdrawable by its own participant; this one is neither. (Refused since the
 *    holder flags the channel ID's own word at settlement.)
 */
import { expect } from "chai";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { ethers } from "hardhat";
import { BACKEND_ETH, channelId, fundingId, hashState, signState, signWithdrawalAuth } from "../../src";
import type { Hex, Params, State, WithdrawalAuth } from "../../src";
import { modelFixture } from "./model/modelFixture";
import type { ModelDeployment } from "./model/modelFixture";
import { decodeRevert, revertDataOf } from "./model/expectCustomError";

const UNIT = 10n ** 15n;
const ZERO32: Hex = `0x${"00".repeat(32)}`;

/** Runs `f`; returns the decoded custom error name when it reverted, undefined when it succeeded. */
async function tryTx(
  d: ModelDeployment,
  f: () => Promise<{ wait: () => Promise<unknown> }>,
): Promise<string | undefined> {
  try {
    await (await f()).wait();
    return undefined;
  } catch (err) {
    const data = revertDataOf(err);
    const decoded = data === undefined ? undefined : decodeRevert(data, d.errorInterfaces);
    if (decoded === undefined) throw err;
    return decoded.name;
  }
}

describe("EVM model counterexamples (safety property)", function () {
  it("sub-channel hijack: a ledger channel cannot be force-concluded without its outcome through someone else's parent channel", async function () {
    const d = await loadFixture(modelFixture);
    const [honest, mal] = d.parts;
    const ethAsset = { chainID: d.chainId, ethHolder: d.holderAddresses[0], ccHolder: ZERO32 };

    // The victim: a payment channel between the honest participant and the malicious one.
    const victimParams: Params = {
      challengeDuration: 3600n,
      nonce: 7n,
      participants: [honest.participant, mal.participant],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    const victimId = channelId(victimParams);
    const victimState = (balances: bigint[], version: bigint): State => ({
      channelID: victimId,
      version,
      outcome: { assets: [ethAsset], backends: [BACKEND_ETH], balances: [balances], locked: [] },
      appData: "0x",
      isFinal: false,
    });
    // The malicious participant funds the channel alone and then pays 7 units off-chain.
    await (
      await d.ethHolder.connect(mal.wallet).deposit(fundingId(victimId, mal.address), 10n * UNIT, { value: 10n * UNIT })
    ).wait();
    const latest = victimState([7n * UNIT, 3n * UNIT], 1n);
    const latestSigs = [signState(latest, honest.privateKey), signState(latest, mal.privateKey)];

    // The attacker's parent channel: itself as the only participant, no challenge window,
    // "locking" the victim channel's whole total as a sub-channel mapped onto itself.
    const parentParams: Params = {
      challengeDuration: 0n,
      nonce: 8n,
      participants: [mal.participant],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    const parentState: State = {
      channelID: channelId(parentParams),
      version: 0n,
      outcome: {
        assets: [ethAsset],
        backends: [BACKEND_ETH],
        balances: [[0n]],
        locked: [{ ID: victimId, balances: [10n * UNIT], indexMap: [0n, 0n] }],
      },
      appData: "0x",
      isFinal: false,
    };
    const parent = { params: parentParams, state: parentState, sigs: [signState(parentState, mal.privateKey)] };
    const victim = { params: victimParams, state: latest, sigs: latestSigs };

    const adj = d.adjudicator.connect(mal.wallet);
    const registerError = await tryTx(d, () => adj.register(parent, [victim]));
    const concludeError = registerError ?? (await tryTx(d, () => adj.conclude(parentParams, parentState, [latest])));

    // Whatever the contracts did with the attack, the honest participant now plays its
    // strategy: register its latest state unless it is registered, wait for the victim's own
    // window, conclude with it, withdraw its 7 units.
    const h = d.adjudicator.connect(honest.wallet);
    const registeredHash = (await d.adjudicator.disputes(victimId))[4];
    const honestRegister =
      registeredHash === hashState(latest) ? undefined : await tryTx(d, () => h.register(victim, []));
    await time.increase(2n * 3600n);
    const honestConclude = await tryTx(d, () => h.conclude(victimParams, latest, []));
    const auth: WithdrawalAuth = {
      channelID: victimId,
      participant: honest.participant,
      receiver: d.receivers[0],
      amount: 7n * UNIT,
    };
    const withdrawError = await tryTx(d, () =>
      d.ethHolder.connect(honest.wallet).withdraw(auth, signWithdrawalAuth(auth, honest.privateKey)),
    );
    const received = await ethers.provider.getBalance(d.receivers[0]);
    const phase = (await d.adjudicator.disputes(victimId))[3];
    expect(
      received,
      `honest received ${received} of its 7 units (attack: ${concludeError ?? "accepted"}; victim phase ${phase}; ` +
        `honest register ${honestRegister ?? "ok"}, conclude ${honestConclude ?? "ok"}, withdraw ${withdrawError ?? "ok"}; ` +
        `malicious holds ${await d.ethHolder.holdings(fundingId(victimId, mal.address))})`,
    ).to.equal(7n * UNIT);
  });

  it("sub-channel hijack of a real sub-channel: a foreign parent cannot conclude it with an old state", async function () {
    const d = await loadFixture(modelFixture);
    const [honest, mal] = d.parts;
    const ethAsset = { chainID: d.chainId, ethHolder: d.holderAddresses[0], ccHolder: ZERO32 };
    const zeroApp: Hex = "0x0000000000000000000000000000000000000000";
    const outcome = (balances: bigint[][], locked: State["outcome"]["locked"] = []): State["outcome"] => ({
      assets: [ethAsset],
      backends: [BACKEND_ETH],
      balances,
      locked,
    });
    const signedBy = (params: Params, state: State, keys: Hex[]) => ({
      params,
      state,
      sigs: keys.map((k) => signState(state, k)),
    });
    const both = [honest.privateKey, mal.privateKey];

    // The honest parent: a ledger channel funded 5 + 5, all 10 units locked in sub-channel S.
    const parentParams: Params = {
      challengeDuration: 3600n,
      nonce: 21n,
      participants: [honest.participant, mal.participant],
      app: zeroApp,
      ledgerChannel: true,
      virtualChannel: false,
    };
    const parentId = channelId(parentParams);
    for (const p of [honest, mal]) {
      await (
        await d.ethHolder.connect(p.wallet).deposit(fundingId(parentId, p.address), 5n * UNIT, { value: 5n * UNIT })
      ).wait();
    }
    // S: a sub-channel (not a ledger channel) between the same two; old state 2/8, latest 8/2.
    const subParams: Params = { ...parentParams, nonce: 22n, ledgerChannel: false };
    const subId = channelId(subParams);
    const subState = (version: bigint, balances: bigint[]): State => ({
      channelID: subId,
      version,
      outcome: outcome([balances]),
      appData: "0x",
      isFinal: false,
    });
    const subOld = subState(1n, [2n * UNIT, 8n * UNIT]);
    const subLatest = subState(2n, [8n * UNIT, 2n * UNIT]);
    const parentState: State = {
      channelID: parentId,
      version: 1n,
      outcome: outcome([[0n, 0n]], [{ ID: subId, balances: [10n * UNIT], indexMap: [0n, 1n] }]),
      appData: "0x",
      isFinal: false,
    };

    // The attack: a parent of the malicious participant's own naming S, with S's old state.
    const foreignParams: Params = {
      challengeDuration: 0n,
      nonce: 23n,
      participants: [mal.participant],
      app: zeroApp,
      ledgerChannel: true,
      virtualChannel: false,
    };
    const foreignState: State = {
      channelID: channelId(foreignParams),
      version: 0n,
      outcome: outcome([[0n]], [{ ID: subId, balances: [10n * UNIT], indexMap: [0n, 0n] }]),
      appData: "0x",
      isFinal: false,
    };
    const adj = d.adjudicator.connect(mal.wallet);
    const h = d.adjudicator.connect(honest.wallet);
    const registerError = await tryTx(d, () =>
      adj.register(signedBy(foreignParams, foreignState, [mal.privateKey]), [signedBy(subParams, subOld, both)]),
    );
    // Concluding the foreign parent at once would cut S off with the old state.
    const earlyConclude = await tryTx(d, () => adj.conclude(foreignParams, foreignState, [subOld]));

    // The honest participant watches: it refutes S with S's latest state through its own parent.
    const refuteError = await tryTx(d, () =>
      h.register(signedBy(parentParams, parentState, both), [signedBy(subParams, subLatest, both)]),
    );
    // After every window, the attacker concludes its parent with whatever S state is registered,
    // then the honest participant concludes its own parent.
    await time.increase(2n * 3600n);
    const registered = (await d.adjudicator.disputes(subId))[4] === hashState(subLatest) ? subLatest : subOld;
    await tryTx(d, () => adj.conclude(foreignParams, foreignState, [registered]));
    await tryTx(d, () => h.conclude(parentParams, parentState, [registered]));
    const held = await d.ethHolder.holdings(fundingId(parentId, honest.address));
    expect(
      held,
      `honest holds ${held} of the 8 units S's latest state gives it (attacker's register: ${registerError ?? "ok"}, ` +
        `immediate conclude: ${earlyConclude ?? "ok"}; honest refutation: ${refuteError ?? "ok"})`,
    ).to.equal(8n * UNIT);
  });

  it("deposit under the channel ID after settlement: rejected, or recoverable by someone", async function () {
    const d = await loadFixture(modelFixture);
    const [a, b] = d.parts;
    const params: Params = {
      challengeDuration: 60n,
      nonce: 9n,
      participants: [a.participant, b.participant],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    const id = channelId(params);
    const ethAsset = { chainID: d.chainId, ethHolder: d.holderAddresses[0], ccHolder: ZERO32 };
    const final: State = {
      channelID: id,
      version: 1n,
      outcome: { assets: [ethAsset], backends: [BACKEND_ETH], balances: [[0n, 0n]], locked: [] },
      appData: "0x",
      isFinal: true,
    };
    await (
      await d.adjudicator.concludeFinal(params, final, [signState(final, a.privateKey), signState(final, b.privateKey)])
    ).wait();
    expect(await d.ethHolder.settled(id)).to.equal(true);

    const holderBefore = await ethers.provider.getBalance(d.holderAddresses[0]);
    const late = await tryTx(d, () => d.ethHolder.connect(d.outsider.wallet).deposit(id, UNIT, { value: UNIT }));
    const held = await d.ethHolder.holdings(id);
    if (late !== undefined) {
      // Refused: nothing may have stayed behind.
      expect(held, `holdings(channelID) after the refused deposit (${late})`).to.equal(0n);
      expect(await ethers.provider.getBalance(d.holderAddresses[0])).to.equal(holderBefore);
      return;
    }
    // Accepted: it must be withdrawable by someone. A withdrawal names a participant's funding
    // ID (keccak(channelID, participant)), never the channel ID itself, so nobody can.
    const perParticipant = await Promise.all([a, b].map((p) => d.ethHolder.holdings(fundingId(id, p.address))));
    expect(
      perParticipant.some((h: bigint) => h >= UNIT),
      `deposit of ${UNIT} under the settled channel ID was accepted and sits there (holdings(channelID) = ${held}), ` +
        `withdrawable by no participant (their holdings: ${perParticipant.join(", ")})`,
    ).to.equal(true);
  });
});
