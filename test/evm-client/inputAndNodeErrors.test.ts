/**
 * Issue 17 #7: the EVM client refuses malformed byte inputs with `EvmClientInputError` before any
 * request (nothing reaches the node: the signer's nonce and the node's request count stay), and a
 * node's refusal arrives as a readable typed error — over real JSON-RPC (a `hardhat node`), where
 * ethers reports "could not coalesce error" and buries the node's reason in `cause`.
 */
import { expect } from "chai";
import hre from "hardhat";
import { FetchRequest, JsonRpcProvider, Wallet } from "ethers";
import type { Hex } from "../../src";
import { PerunError, fundingId } from "../../src";
import { EvmClientInputError, EvmInsufficientFundsError, EvmRpcError, PerunEvmClient } from "../../src/evm";
import { deployEvm } from "../../scripts/lib/evm/deployEvm";
import { freePort } from "../scripts/support/freePort";
import { rejection } from "../scripts/support/rejection";
import { startHardhatNode } from "../support/hardhatNode";
import type { HardhatNode } from "../support/hardhatNode";
import { loadClientWorld } from "./clientFixture";

const CHANNEL = `0x${"c1".repeat(32)}` as Hex;
const SHORT = "0x1234" as Hex;
const KEY = `0x${"33".repeat(32)}`;

describe("EVM client: typed input errors before any request, readable node errors (issue 17 #7)", function () {
  this.timeout(180_000);

  describe("malformed 32-byte IDs are refused before sending or reading", () => {
    type World = Awaited<ReturnType<typeof loadClientWorld>>;
    const participant = (w: World) => ({ ethAddress: w.parts[0].address as Hex, ccAddress: "0x" as Hex });
    const cases: [string, (w: World) => Promise<unknown>, RegExp][] = [
      [
        "deposit: a 2-byte fundingID",
        (w) => w.clients[0].deposit({ holder: w.ethHolderAddress, fundingID: SHORT, amount: 1n }),
        /^fundingID must be 32 bytes of 0x-hex \(64 hex digits\), got 0x1234$/,
      ],
      [
        "deposit: a fundingID that is not hex",
        (w) =>
          w.clients[0].deposit({ holder: w.ethHolderAddress, fundingID: `0x${"zz".repeat(32)}` as Hex, amount: 1n }),
        /^fundingID must be 32 bytes of 0x-hex/,
      ],
      ["holdings: a 2-byte fundingID", (w) => w.clients[0].holdings(w.ethHolderAddress, SHORT), /^fundingID must be/],
      ["settled: a 2-byte channelID", (w) => w.clients[0].settled(w.ethHolderAddress, SHORT), /^channelID must be/],
      ["channelStatus: a 2-byte channelID", (w) => w.clients[0].channelStatus(SHORT), /^channelID must be/],
      [
        "withdraw: a 2-byte channelID",
        (w) =>
          w.clients[0].withdraw({
            holder: w.ethHolderAddress,
            channelID: SHORT,
            participant: participant(w),
            signer: w.parts[0].privateKey,
          }),
        /^channelID must be/,
      ],
      [
        "queryEvents: a 2-byte channelID in the filter",
        (w) => w.clients[0].queryEvents({ channelIDs: [CHANNEL, SHORT] }),
        /^channelIDs\[1\] must be/,
      ],
      [
        "queryEvents: a 2-byte fundingID in the filter",
        (w) => w.clients[0].queryEvents({ fundingIDs: [SHORT] }),
        /^fundingIDs\[0\] must be/,
      ],
    ];
    for (const [name, call, message] of cases) {
      it(name, async () => {
        const w = await loadClientWorld();
        const nonce = await w.parts[0].wallet.getNonce();
        const e = await rejection(call(w));
        expect(e, e.message).to.be.instanceOf(EvmClientInputError);
        expect(e.message).to.match(message);
        expect(e).to.not.be.instanceOf(EvmRpcError);
        expect(await w.parts[0].wallet.getNonce()).to.equal(nonce);
      });
    }
  });

  describe("over JSON-RPC (hardhat node)", () => {
    let chain: HardhatNode | undefined;
    let provider: JsonRpcProvider;
    let client: PerunEvmClient;
    let holder: string;
    let requests: string[] = [];
    before(async () => {
      chain = await startHardhatNode(await freePort());
      const request = new FetchRequest(chain.url);
      request.preflightFunc = async (r) => {
        requests.push(JSON.parse(new TextDecoder().decode(r.body ?? new Uint8Array())).method);
        return r;
      };
      provider = new JsonRpcProvider(request, undefined, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
      const deployment = await deployEvm({
        signer: await provider.getSigner(0),
        artifacts: hre.artifacts,
        networkName: "localhost",
      });
      await provider.send("hardhat_setBalance", [new Wallet(KEY).address, "0xde0b6b3a7640000"]); // 1 ETH
      client = await PerunEvmClient.fromDeployment(deployment.record, new Wallet(KEY, provider));
      holder = deployment.record.contracts.AssetHolderETH.address;
    });
    after(() => {
      provider?.destroy();
      chain?.stop();
    });

    it("a deposit over the balance: EvmInsufficientFundsError with the node's reason, not 'could not coalesce error'", async () => {
      const fid = fundingId(CHANNEL, new Wallet(KEY).address as Hex);
      const e = await rejection(client.deposit({ holder, fundingID: fid, amount: 2n * 10n ** 18n }));
      expect(e).to.be.instanceOf(EvmInsufficientFundsError);
      expect(e).to.be.instanceOf(EvmRpcError);
      expect(e).to.be.instanceOf(PerunError);
      expect(e.message).to.not.match(/coalesce/);
      expect(e.message).to.match(
        /^AssetHolderETH\.deposit failed: insufficient funds: Sender doesn't have enough funds to send tx\./,
      );
      expect(await client.holdings(holder, fid)).to.equal(0n);
    });

    it("a 2-byte fundingID sends nothing to the node", async () => {
      requests = [];
      const e = await rejection(client.deposit({ holder, fundingID: SHORT, amount: 1n }));
      expect(e).to.be.instanceOf(EvmClientInputError);
      expect(requests).to.deep.equal([]);
      const h = await rejection(client.holdings(holder, SHORT));
      expect(h).to.be.instanceOf(EvmClientInputError);
      expect(requests).to.deep.equal([]);
    });
  });
});
