/**
 * Issue 17 #8: the ICP client refuses bad input with `IcpClientInputError` before any call (a
 * recording actor proves that nothing was called), turns agent failures into `IcpAgentError`s
 * with a readable reason, accepts an existing agent, and handles local replicas' root keys as
 * documented: fetched for loopback hosts (or `local: true`), never otherwise.
 */
import { expect } from "chai";
import { Actor, HttpAgent } from "@icp-sdk/core/agent";
import { Principal } from "@icp-sdk/core/principal";
import type { Hex, Params } from "../../../src";
import { PerunError, addressFromPrivateKey } from "../../../src";
import {
  AdjudicatorClient,
  IcpAgentError,
  IcpClientInputError,
  createAdjudicatorClient,
  isLoopbackHost,
} from "../../../src/icp";
import type { AdjudicatorActor } from "../../../src/icp";
import { freePort } from "../../scripts/support/freePort";
import { rejection } from "../../scripts/support/rejection";

const CANISTER = Principal.fromText("rrkah-fqaaa-aaaaa-aaaaq-cai");
const LEDGER = Principal.fromText("ryjl3-tyaaa-aaaaa-aaaba-cai");
const ID = `0x${"c1".repeat(32)}` as Hex;
const KEY = `0x${"11".repeat(32)}` as Hex;

/** An actor that records every method called and answers nothing useful. */
function recordingActor(): { actor: AdjudicatorActor; calls: string[] } {
  const calls: string[] = [];
  const actor = new Proxy(
    {},
    {
      get: (_t, name) => async () => {
        calls.push(String(name));
        return 0n;
      },
    },
  ) as AdjudicatorActor;
  return { actor, calls };
}

const params: Params = {
  challengeDuration: 60n,
  nonce: 1n,
  participants: [{ ethAddress: addressFromPrivateKey(KEY), ccAddress: "0x" }],
  app: "0x0000000000000000000000000000000000000000",
  ledgerChannel: true,
  virtualChannel: false,
};

describe("ICP client: typed input errors before any call, agent errors, agents and root keys (issue 17 #8)", function () {
  this.timeout(120_000);

  const refusals: [string, (c: AdjudicatorClient) => Promise<unknown>, RegExp][] = [
    [
      "holdings: a 2-byte fundingID",
      (c) => c.holdings(LEDGER, "0x1234"),
      /^fundingID must be 32 bytes of 0x-hex \(64 hex digits\), got 0x1234$/,
    ],
    [
      "holdings: a ledger that is not a Principal",
      (c) => c.holdings("ryjl3-tyaaa-aaaaa-aaaba-cai" as never, ID),
      /^ledger must be a Principal/,
    ],
    [
      "withdrawalNonce: a fundingID that is not hex",
      (c) => c.withdrawalNonce(LEDGER, `0x${"zz".repeat(32)}` as Hex),
      /^fundingID must be 32 bytes/,
    ],
    ["deposit: a negative amount", (c) => c.deposit(LEDGER, ID, -1n), /^amount must be a bigint ≥ 0, got -1n$/],
    ["deposit: a number amount", (c) => c.deposit(LEDGER, ID, 5 as never), /^amount must be a bigint ≥ 0, got number$/],
    [
      "deposit: a 31-byte subaccount",
      (c) => c.deposit(LEDGER, ID, 1n, new Uint8Array(31)),
      /^fromSubaccount must be a 32-byte Uint8Array$/,
    ],
    ["concludeDispute: a 2-byte channelID", (c) => c.concludeDispute("0x1234"), /^channelID must be 32 bytes/],
    ["disputeRecord: a 2-byte channelID", (c) => c.disputeRecord("0x1234"), /^channelID must be 32 bytes/],
    ["events: a negative start", (c) => c.events(-1n), /^from must be a bigint ≥ 0/],
    ["events: a fractional limit", (c) => c.events(0n, 1.5), /^limit must be an integer/],
    [
      "signAndWithdraw: a participant index out of range",
      (c) =>
        c.signAndWithdraw(
          { params, channelID: ID, participantIndex: 3, receiver: LEDGER, ledger: LEDGER, amount: 1n, fee: 0n },
          KEY,
        ),
      /^participantIndex 3 is not an index of the 1 participants$/,
    ],
    [
      "signAndWithdraw: a negative fee",
      (c) =>
        c.signAndWithdraw(
          { params, channelID: ID, participantIndex: 0, receiver: LEDGER, ledger: LEDGER, amount: 1n, fee: -1n },
          KEY,
        ),
      /^fee must be a bigint ≥ 0/,
    ],
    [
      "withdraw: a negative amount in the authorisation",
      (c) =>
        c.withdraw(
          {
            channelID: ID,
            participant: params.participants[0],
            receiverOwner: "0x01",
            receiverSubaccount: `0x${"00".repeat(32)}`,
            ledger: "0x01",
            adjudicator: "0x01",
            amount: -5n,
            nonce: 0n,
          },
          `0x${"00".repeat(65)}`,
          0n,
        ),
      /^auth\.amount must be a bigint ≥ 0/,
    ],
  ];
  for (const [name, call, message] of refusals) {
    it(`refused before any call: ${name}`, async () => {
      const { actor, calls } = recordingActor();
      const e = await rejection(call(new AdjudicatorClient(actor, CANISTER)));
      expect(e, e.message).to.be.instanceOf(IcpClientInputError);
      expect(e).to.be.instanceOf(PerunError);
      expect(e.message).to.match(message);
      expect(calls).to.deep.equal([]);
    });
  }

  it("a well-formed request does reach the actor (the recording actor can see calls)", async () => {
    const { actor, calls } = recordingActor();
    expect(await new AdjudicatorClient(actor, CANISTER).holdings(LEDGER, ID)).to.equal(0n);
    expect(calls).to.deep.equal(["holdings"]);
  });

  it("a malformed canister ID or host: IcpClientInputError, not a plain Error", async () => {
    const bad = await rejection(
      createAdjudicatorClient({ canisterId: "not-a-principal!", host: "https://icp-api.io" }),
    );
    expect(bad).to.be.instanceOf(IcpClientInputError);
    expect(bad.message).to.match(/^canisterId "not-a-principal!" is not a principal/);
    const host = await rejection(createAdjudicatorClient({ canisterId: CANISTER, host: "127.0.0.1:4943" }));
    expect(host).to.be.instanceOf(IcpClientInputError);
    expect(host.message).to.equal("host must be an http(s) URL, got 127.0.0.1:4943");
  });

  it("an existing agent is used as it is", async () => {
    const agent = await HttpAgent.create({ host: "http://192.0.2.1:4943" });
    const client = await createAdjudicatorClient({ canisterId: CANISTER.toText(), agent });
    expect(Actor.agentOf(client.actor as never)).to.equal(agent);
    expect(client.canisterId.toText()).to.equal(CANISTER.toText());
  });

  it("root keys: fetched for a loopback host by default (unreachable → IcpAgentError), not for others unless local: true", async () => {
    expect(["http://127.0.0.1:4943", "http://localhost:8000", "http://[::1]:4943"].map(isLoopbackHost)).to.deep.equal([
      true,
      true,
      true,
    ]);
    expect(["https://icp-api.io", "http://192.0.2.1:4943", "not a url"].map(isLoopbackHost)).to.deep.equal([
      false,
      false,
      false,
    ]);
    const port = await freePort();
    const e = await rejection(createAdjudicatorClient({ canisterId: CANISTER, host: `http://127.0.0.1:${port}` }));
    expect(e).to.be.instanceOf(IcpAgentError);
    expect(e.message).to.match(
      new RegExp(`^ICP fetch the root key of the local replica at http://127\\.0\\.0\\.1:${port} failed: `),
    );
    expect(e.message).to.not.match(/\n/);
    // Not a loopback host and no `local`: nothing is fetched, so creating succeeds offline.
    const remote = await createAdjudicatorClient({ canisterId: CANISTER, host: "http://192.0.2.1:4943" });
    expect(Actor.agentOf(remote.actor as never)).to.be.instanceOf(HttpAgent);
    // local: false on a loopback host: nothing fetched either.
    await createAdjudicatorClient({ canisterId: CANISTER, host: `http://127.0.0.1:${port}`, local: false });
  });

  it("a call that the agent cannot deliver: IcpAgentError with one readable line", async () => {
    const port = await freePort();
    const client = await createAdjudicatorClient({
      canisterId: CANISTER,
      host: `http://127.0.0.1:${port}`,
      local: false,
    });
    const e = await rejection(client.holdings(LEDGER, ID));
    expect(e).to.be.instanceOf(IcpAgentError);
    expect((e as IcpAgentError).action).to.equal("holdings");
    expect(e.message).to.match(/^ICP holdings failed: /);
    expect(e.message).to.not.match(/\n/);
  });
});
