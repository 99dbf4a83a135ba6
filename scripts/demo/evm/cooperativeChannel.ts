/**
 * Channel 1, the happy path: Alice and Bob fund a channel with ETH and PDT, pay each other
 * off-chain in several signed updates, agree on a final state, and close it with one
 * `concludeFinal`; then each withdraws its share with a signed withdrawal authorisation.
 */
import { parseEther, parseUnits } from "ethers";
import { hashState } from "../../../src";
import { formatCount } from "../../lib/format";
import { OffChainChannel } from "../offChainChannel";
import type { DemoPayout } from "../types";
import { balanceSheet, checkPayouts, deposit, describeBalances, fmt, withdraw } from "./channelOps";
import { evmBackends } from "./world";
import type { EvmWorld } from "./world";

export const COOPERATIVE_PHASE = "channel 1 (cooperative close)";

const ETH = (v: string): bigint => parseEther(v);
const PDT = (v: string): bigint => parseUnits(v, 18);

/** Deposits: `[asset][person]` = ETH Alice 5 / Bob 3, PDT Alice 500 / Bob 300. */
export const COOPERATIVE_DEPOSITS = [
  [ETH("5"), ETH("3")],
  [PDT("500"), PDT("300")],
];

/** The off-chain updates: what happens, and the balances afterwards. */
export const COOPERATIVE_UPDATES: { what: string; balances: bigint[][] }[] = [
  {
    what: "Alice pays Bob 1 ETH",
    balances: [
      [ETH("4"), ETH("4")],
      [PDT("500"), PDT("300")],
    ],
  },
  {
    what: "Bob pays Alice 120 PDT",
    balances: [
      [ETH("4"), ETH("4")],
      [PDT("620"), PDT("180")],
    ],
  },
  {
    what: "Alice pays Bob 0.25 ETH and 20 PDT",
    balances: [
      [ETH("3.75"), ETH("4.25")],
      [PDT("600"), PDT("200")],
    ],
  },
];

/** Runs channel 1 and returns what each participant received. */
export async function runCooperativeChannel(world: EvmWorld): Promise<DemoPayout[]> {
  const { log, check, tx } = world;
  const phase = COOPERATIVE_PHASE;
  log.section(`${phase}: deposit, pay off-chain, close together, withdraw`);

  const channel = new OffChainChannel({
    people: world.people,
    assets: world.assets.map((a) => a.asset),
    backends: evmBackends(world.assets),
    initialBalances: COOPERATIVE_DEPOSITS,
    nonce: 1n,
    challengeDuration: 60n,
  });
  log.step(`Alice and Bob open a channel (nonce 1, challenge window 60 s) and both sign version 0 before funding it`);
  log.detail(`version 0 pays every deposit back, so neither risks funds if the other vanishes after depositing`);
  log.detail(`channel ID ${channel.id} (keccak256 of the ABI-encoded params, by the library)`);
  log.detail(`version 0: ${describeBalances(world, channel.latest.state.outcome.balances)}`);

  const before = await balanceSheet(world);
  for (let a = 0; a < world.assets.length; a++) {
    for (let i = 0; i < world.people.length; i++) await deposit(world, phase, channel, i, a);
  }

  for (const u of COOPERATIVE_UPDATES) {
    const { state } = channel.update(u.balances);
    log.step(`off-chain version ${state.version}: ${u.what} → ${describeBalances(world, u.balances)}`);
    log.detail(`signed by Alice and Bob; each verified the other's signature (no transaction, no gas)`);
  }
  const final = channel.update(channel.latest.state.outcome.balances, true);
  log.step(`off-chain version ${final.state.version}: both sign the same balances with isFinal = true`);
  log.detail(`state hash ${hashState(final.state)}`);

  const r = tx.receipt(
    phase,
    "concludeFinal",
    "Bob",
    await world.clients.Bob.concludeFinal({ params: channel.params, state: final.state, sigs: final.sigs }),
  );
  log.step(`Bob submits the final state with both signatures: concludeFinal (${formatCount(r.gasUsed)} gas)`);
  const status = await world.clients.Alice.channelStatus(channel.id);
  check.equal("adjudicator phase", "concluded", status.phase);
  check.equal("adjudicator version", final.state.version, status.version);
  for (const asset of world.assets) {
    check.equal(
      `${asset.symbol} holder marks the channel settled`,
      true,
      await world.clients.Alice.settled(asset.holderAddress, channel.id),
    );
  }

  for (let i = 0; i < world.people.length; i++) {
    for (let a = 0; a < world.assets.length; a++) {
      const amount = await withdraw(world, phase, channel, i, a);
      check.equal(
        `${world.people[i].name}'s withdrawal equals the final ${world.assets[a].symbol} balance`,
        final.state.outcome.balances[a][i],
        amount,
        fmt(world, a, amount),
      );
    }
  }
  return checkPayouts(world, phase, channel, before, final.state.outcome.balances, "final");
}
