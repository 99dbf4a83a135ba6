/**
 * Channel 2, the dispute: after three off-chain updates, Bob (the cheater) registers version 1,
 * where he had more. Alice's watcher sees the ChannelUpdate event and refutes with version 3
 * within the challenge window; the window is not extended. After it ends, the channel is
 * concluded with version 3 and both withdraw — Alice gets exactly her latest balance.
 */
import { parseEther, parseUnits } from "ethers";
import { formatCount } from "../../lib/format";
import { OffChainChannel } from "../offChainChannel";
import type { DemoPayout } from "../types";
import { balanceSheet, checkPayouts, deposit, describeBalances, fmt, withdraw } from "./channelOps";
import { evmBackends } from "./world";
import type { EvmWorld } from "./world";

export const DISPUTE_PHASE = "channel 2 (dispute)";

/** Challenge window of channel 2, seconds. */
export const DISPUTE_CHALLENGE_DURATION = 60n;

const ETH = (v: string): bigint => parseEther(v);
const PDT = (v: string): bigint => parseUnits(v, 18);

/** Deposits: ETH Alice 2 / Bob 2, PDT Alice 100 / Bob 100. */
export const DISPUTE_DEPOSITS = [
  [ETH("2"), ETH("2")],
  [PDT("100"), PDT("100")],
];

/** The off-chain updates; Bob is best off in version 1, Alice in version 3. */
export const DISPUTE_UPDATES: { what: string; balances: bigint[][] }[] = [
  {
    what: "Alice pays Bob 0.5 ETH",
    balances: [
      [ETH("1.5"), ETH("2.5")],
      [PDT("100"), PDT("100")],
    ],
  },
  {
    what: "Bob pays Alice 1.5 ETH",
    balances: [
      [ETH("3"), ETH("1")],
      [PDT("100"), PDT("100")],
    ],
  },
  {
    what: "Bob pays Alice 40 PDT",
    balances: [
      [ETH("3"), ETH("1")],
      [PDT("140"), PDT("60")],
    ],
  },
];

/** Version Bob registers (stale on purpose). */
export const CHEATER_VERSION = 1n;

/** Runs channel 2 and returns what each participant received. */
export async function runDisputedChannel(world: EvmWorld): Promise<DemoPayout[]> {
  const { log, check, tx, hre } = world;
  const phase = DISPUTE_PHASE;
  log.section(`${phase}: Bob registers an old state, Alice refutes, conclude after the window`);

  const channel = new OffChainChannel({
    people: world.people,
    assets: world.assets.map((a) => a.asset),
    backends: evmBackends(world.assets),
    initialBalances: DISPUTE_DEPOSITS,
    nonce: 2n,
    challengeDuration: DISPUTE_CHALLENGE_DURATION,
  });
  log.step(
    `Alice and Bob open a second channel (nonce 2, challenge window ${DISPUTE_CHALLENGE_DURATION} s), both sign version 0`,
  );
  log.detail(`channel ID ${channel.id}`);

  const before = await balanceSheet(world);
  for (let a = 0; a < world.assets.length; a++) {
    for (let i = 0; i < world.people.length; i++) await deposit(world, phase, channel, i, a);
  }
  for (const u of DISPUTE_UPDATES) {
    const { state } = channel.update(u.balances);
    log.step(`off-chain version ${state.version}: ${u.what} → ${describeBalances(world, u.balances)} (signed by both)`);
  }
  const latest = channel.latest;
  const stale = channel.at(CHEATER_VERSION);
  const bob = world.clients.Bob;
  const alice = world.clients.Alice;
  const scanFrom = await hre.ethers.provider.getBlockNumber();

  // Bob cheats: version 1 gives him 2.5 ETH instead of 1 ETH. It is validly signed by both.
  let r = tx.receipt(
    phase,
    `register v${CHEATER_VERSION} (stale)`,
    "Bob",
    await bob.register({ params: channel.params, state: stale.state, sigs: stale.sigs }),
  );
  log.step(
    `Bob stops cooperating and registers the stale version ${CHEATER_VERSION} (${describeBalances(world, stale.state.outcome.balances)}) ` +
      `(${formatCount(r.gasUsed)} gas)`,
  );
  const registeredAt = BigInt((await r.getBlock()).timestamp);
  let record = await alice.channelStatus(channel.id);
  const timeout = record.timeout;
  check.equal("adjudicator phase", "dispute", record.phase);
  check.equal("registered version", CHEATER_VERSION, record.version);
  check.equal(
    "challenge window ends",
    registeredAt + DISPUTE_CHALLENGE_DURATION,
    timeout,
    `at ${timeout} (registration + ${DISPUTE_CHALLENGE_DURATION} s)`,
  );
  // The client estimates gas first, so a reverting call costs nothing and sends nothing.
  await check.rejectsWith("Bob's conclude before the window ends", "DisputeTimeoutNotPassed", () =>
    bob.conclude(channel.params, stale.state),
  );

  // Alice's watcher reads the Perun events since before the dispute and compares with her latest version.
  const events = await alice.queryEvents({ fromBlock: scanFrom, channelIDs: [channel.id] });
  const updates = events.filter((e) => e.kind === "ChannelUpdate");
  const seen = updates[updates.length - 1];
  check.equal("Alice's watcher sees a ChannelUpdate at version", CHEATER_VERSION, seen?.version ?? -1n);
  log.step(
    `Alice's watcher sees ChannelUpdate(version ${seen?.version}, phase DISPUTE, timeout ${seen?.timeout}); ` +
      `she holds version ${latest.state.version}, so she refutes`,
  );
  r = tx.receipt(
    phase,
    `register v${latest.state.version} (refutation)`,
    "Alice",
    await alice.refute({ params: channel.params, state: latest.state, sigs: latest.sigs }),
  );
  log.step(`Alice registers version ${latest.state.version} within the window (${formatCount(r.gasUsed)} gas)`);
  record = await alice.channelStatus(channel.id);
  check.equal("registered version", latest.state.version, record.version);
  check.equal("challenge window not extended by the refutation", timeout, record.timeout, `still ends at ${timeout}`);
  await check.rejectsWith(`Bob re-registering version ${CHEATER_VERSION}`, "DisputeStaleVersion", () =>
    bob.register({ params: channel.params, state: stale.state, sigs: stale.sigs }),
  );

  // Time passes: move the chain's clock past the window (development networks only).
  const now = BigInt((await hre.ethers.provider.getBlock("latest"))!.timestamp);
  const wait = timeout - now + 1n;
  await hre.network.provider.request({ method: "evm_increaseTime", params: [Number(wait)] });
  await hre.network.provider.request({ method: "evm_mine", params: [] });
  log.step(`${wait} s pass on the chain (evm_increaseTime): the challenge window is over`);

  r = tx.receipt(phase, "conclude", "Alice", await alice.conclude(channel.params, latest.state));
  log.step(
    `Alice concludes the channel with the registered version ${latest.state.version} (${formatCount(r.gasUsed)} gas)`,
  );
  record = await alice.channelStatus(channel.id);
  check.equal("adjudicator phase", "concluded", record.phase);
  for (const asset of world.assets) {
    check.equal(
      `${asset.symbol} holder marks the channel settled`,
      true,
      await alice.settled(asset.holderAddress, channel.id),
    );
  }

  for (let i = 0; i < world.people.length; i++) {
    for (let a = 0; a < world.assets.length; a++) {
      const amount = await withdraw(world, phase, channel, i, a);
      const expected = latest.state.outcome.balances[a][i];
      check.equal(
        `${world.people[i].name}'s withdrawal equals the version-${latest.state.version} ${world.assets[a].symbol} balance`,
        expected,
        amount,
        fmt(world, a, amount),
      );
    }
  }
  return checkPayouts(
    world,
    phase,
    channel,
    before,
    latest.state.outcome.balances,
    `latest (version ${latest.state.version})`,
  );
}
