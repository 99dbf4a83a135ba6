/**
 * The invariants checked after every step of the model-based test, against the real chain:
 *
 * 1. per channel and asset, the total withdrawn never exceeds the total deposited;
 * 2. the asset holders' real balances (ETH balance, token balance) equal what was deposited
 *    minus what was withdrawn over all channels — so no payout left the holder unaccounted for;
 * 3. every funding ID's holdings, and the channel-ID holdings, equal the model's;
 * 4. every receiver's real balance equals what the model paid to it;
 * 5. the dispute record (timeout, duration, version, phase, state hash, hasApp) and `settled`
 *    equal the model's;
 * 6. a channel, once concluded, is concluded with the honest participant's latest fully signed
 *    state (the honest participant watches and refutes, so nothing older can win) — or, for the
 *    app channel, with a force-executed successor of it.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { hashState } from "../../../src";
import {
  ASSETS,
  ASSET_NAMES,
  CHALLENGE_DURATION,
  ERC20,
  ETH,
  fundingIdOf,
  isConcluded,
  latest,
  sum,
} from "./channelModel";
import type { Model, Real } from "./channelModel";

const ZERO_HASH = `0x${"00".repeat(32)}`;

export async function checkInvariants(m: Model, real: Real): Promise<void> {
  const holders = [real.ethHolder, real.erc20Holder] as const;
  const [ethHeld, tokenHeld] = await Promise.all([
    ethers.provider.getBalance(real.holderAddresses[ETH]),
    real.token.balanceOf(real.holderAddresses[ERC20]),
  ]);
  const outstanding = ASSETS.map((a) => sum(m.channels.map((ch) => ch.deposited[a] - ch.withdrawn[a])));
  expect(ethHeld, "AssetHolderETH balance = deposited - withdrawn").to.equal(outstanding[ETH]);
  expect(tokenHeld, "AssetHolderERC20 token balance = deposited - withdrawn").to.equal(outstanding[ERC20]);

  const receiverBalances = await Promise.all(
    real.receivers.slice(0, m.n).map((r) => Promise.all([ethers.provider.getBalance(r), real.token.balanceOf(r)])),
  );
  for (let i = 0; i < m.n; i++) {
    for (const a of ASSETS) {
      expect(receiverBalances[i][a], `receiver of participant ${i}, ${ASSET_NAMES[a]}`).to.equal(
        sum(m.channels.map((ch) => ch.paidTo[a][i])),
      );
    }
  }

  for (const ch of m.channels) {
    const tag = `channel ${ch.index} (${ch.kind})`;
    for (const a of ASSETS) {
      expect(
        ch.withdrawn[a] <= ch.deposited[a],
        `${tag} ${ASSET_NAMES[a]}: withdrawn ${ch.withdrawn[a]} <= deposited ${ch.deposited[a]}`,
      ).to.equal(true);
    }
    const reads = await Promise.all([
      ...ASSETS.flatMap((a) => [
        ...Array.from({ length: m.n }, (_, i) => holders[a].holdings(fundingIdOf(ch, real, i))),
        holders[a].holdings(ch.id),
      ]),
      real.adjudicator.disputes(ch.id),
      holders[ETH].settled(ch.id),
      holders[ERC20].settled(ch.id),
    ]);
    let k = 0;
    for (const a of ASSETS) {
      for (let i = 0; i < m.n; i++) {
        expect(reads[k++], `${tag} ${ASSET_NAMES[a]} holdings of participant ${i}`).to.equal(ch.holdings[a][i]);
      }
      expect(reads[k++], `${tag} ${ASSET_NAMES[a]} holdings under the channel ID`).to.equal(ch.channelHoldings[a]);
    }
    const d = reads[k++] as unknown as [bigint, bigint, bigint, bigint, string, boolean];
    const rec = ch.record;
    const actual = { timeout: d[0], duration: d[1], version: d[2], phase: Number(d[3]), stateHash: d[4], hasApp: d[5] };
    const expected = rec
      ? {
          timeout: rec.timeout,
          duration: CHALLENGE_DURATION,
          version: rec.version,
          phase: rec.phase,
          stateHash: rec.stateHash,
          hasApp: ch.kind === "app",
        }
      : { timeout: 0n, duration: 0n, version: 0n, phase: 0, stateHash: ZERO_HASH, hasApp: false };
    expect(actual, `${tag} dispute record`).to.deep.equal(expected);
    expect(reads[k++], `${tag} settled (ETH holder)`).to.equal(isConcluded(ch));
    expect(reads[k], `${tag} settled (ERC20 holder)`).to.equal(isConcluded(ch));

    const settled = ch.settlement?.state;
    const mine = latest(ch).state;
    if (settled !== undefined && (ch.kind === "ledger" || settled.version <= mine.version)) {
      // The app channel may also conclude with a force-executed successor of the latest state.
      expect(hashState(settled), `${tag} concluded with the honest participant's latest state`).to.equal(
        hashState(mine),
      );
    }
  }
}
