/**
 * Events: `queryEvents` reads a block range in chain order, decoded and filtered by channel or
 * funding ID; `watchEvents` delivers everything from a start block, then new blocks, each event
 * exactly once, also after a failing handler.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { fundingId } from "../../src";
import type { PerunEvmEvent } from "../../src/evm";
import { LOG_CHUNK_BLOCKS } from "../../src/evm";
import { fundedEthChannel, loadClientWorld } from "./clientFixture";

describe("EVM client: events", () => {
  it("queryEvents: deposits, ChannelUpdate, OutcomeSet and withdrawals in chain order", async () => {
    const w = await loadClientWorld();
    const start = await ethers.provider.getBlockNumber();
    const { params, id, signed } = await fundedEthChannel(w);
    await w.clients[0].concludeFinal(signed(1n, [12n, 18n], true));
    await w.clients[0].withdraw({
      holder: w.ethHolderAddress,
      channelID: id,
      participant: params.participants[0],
      signer: w.parts[0].privateKey,
    });
    const events = await w.clients[0].queryEvents({ fromBlock: start + 1 });
    expect(events).to.have.length(5);
    const kinds = events.map((e) => e.kind);
    expect(kinds.slice(0, 2)).to.deep.equal(["Deposited", "Deposited"]);
    expect(kinds.slice(2, 4).sort()).to.deep.equal(["ChannelUpdate", "OutcomeSet"]);
    expect(kinds[4]).to.equal("Withdrawn");
    const update = events.find((e) => e.kind === "ChannelUpdate")!;
    expect(update).to.deep.include({ channelID: id, version: 1n, phase: "concluded" });
    const withdrawn = events[4];
    expect(withdrawn).to.deep.include({
      kind: "Withdrawn",
      fundingID: fundingId(id, w.parts[0].address),
      amount: 12n,
      receiver: w.parts[0].address.toLowerCase(),
    });
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1], events[i]];
      expect(a.blockNumber < b.blockNumber || (a.blockNumber === b.blockNumber && a.logIndex < b.logIndex)).to.equal(
        true,
      );
    }
    const onlyBob = await w.clients[0].queryEvents({
      fromBlock: start + 1,
      fundingIDs: [fundingId(id, w.parts[1].address)],
      channelIDs: [],
    });
    expect(onlyBob.map((e) => e.kind)).to.deep.equal(["Deposited"]);
  });

  it(`queryEvents reads long ranges in chunks of ${LOG_CHUNK_BLOCKS} blocks`, async () => {
    const w = await loadClientWorld();
    const seen: [number, number][] = [];
    const provider = w.clients[0].provider;
    const original = provider.getLogs.bind(provider);
    (provider as { getLogs: typeof provider.getLogs }).getLogs = async (f) => {
      const range = f as { fromBlock?: unknown; toBlock?: unknown };
      seen.push([Number(range.fromBlock), Number(range.toBlock)]);
      return original(f);
    };
    try {
      await w.clients[0].queryEvents({ fromBlock: 0, toBlock: 2 * LOG_CHUNK_BLOCKS + 5 });
    } finally {
      (provider as { getLogs: typeof provider.getLogs }).getLogs = original;
    }
    expect(seen).to.deep.equal([
      [0, LOG_CHUNK_BLOCKS - 1],
      [LOG_CHUNK_BLOCKS, 2 * LOG_CHUNK_BLOCKS - 1],
      [2 * LOG_CHUNK_BLOCKS, 2 * LOG_CHUNK_BLOCKS + 5],
    ]);
  });

  it("watchEvents: history from the start block, then new blocks, each event once (a failing handler retries)", async () => {
    const w = await loadClientWorld();
    const start = (await ethers.provider.getBlockNumber()) + 1;
    const { id, signed } = await fundedEthChannel(w);
    const got: PerunEvmEvent[] = [];
    const errors: Error[] = [];
    let failOnce = true;
    const watcher = w.clients[0].watchEvents({
      fromBlock: start,
      pollIntervalMs: 60_000, // polled by hand below
      channelIDs: [id],
      onEvent: (e) => {
        if (e.kind === "ChannelUpdate" && failOnce) {
          failOnce = false;
          throw new Error("handler failed once");
        }
        got.push(e);
      },
      onError: (e) => errors.push(e),
    });
    await watcher.poll();
    expect(got.map((e) => e.kind)).to.deep.equal(["Deposited", "Deposited"]);
    await w.clients[1].register(signed(1n, [10n, 20n]));
    await watcher.poll(); // the handler fails on the ChannelUpdate: delivered again next time
    expect(errors.map((e) => e.message)).to.deep.equal(["handler failed once"]);
    await watcher.poll();
    await watcher.poll();
    expect(got.map((e) => e.kind)).to.deep.equal(["Deposited", "Deposited", "ChannelUpdate"]);
    expect(got[2]).to.deep.include({ kind: "ChannelUpdate", channelID: id, version: 1n, phase: "dispute" });
    await watcher.stop();
    expect(watcher.nextBlock).to.equal((await ethers.provider.getBlockNumber()) + 1);
  });
});
