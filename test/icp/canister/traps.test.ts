import { expect } from "chai";
import { Principal } from "@icp-sdk/core/principal";
import { IDL } from "@icp-sdk/core/candid";
import { installCanister, LEDGER_ID, type InstalledCanister } from "../support/canisterFixture";
import { fid, fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { err, ok } from "../support/results";
import { HostReject } from "../support/hostActor";
import { IcpAgentError } from "../../../src/icp/errors";

/**
 * Layer 2, with rollback snapshots on (a trap restores the message's heap and stable memory):
 * malformed Candid is refused by the runtime with a clear message, traps lose nothing, and
 * failed inter-canister calls reach the right callback.
 */
describe("ICP canister (wasm in the test host): bad Candid, traps, callbacks", function () {
  this.timeout(180_000);
  let c: InstalledCanister;
  before(async () => {
    c = await installCanister({ rollback: false });
  });

  /** Snapshots cost ~0.2 s per message: take them only around the messages that are meant to trap. */
  async function withRollback<T>(body: () => Promise<T>): Promise<T> {
    c.host.rollback = true;
    try {
      return await body();
    } finally {
      c.host.rollback = false;
    }
  }

  async function eventCount(): Promise<bigint> {
    return (await c.as(Principal.anonymous()).pollEvents(0n)).next;
  }

  it("refuses bytes that are not Candid with a clear reject, and changes nothing", async () => {
    const before = await eventCount();
    const r = await withRollback(() => c.host.call("deposit", Uint8Array.from([1, 2, 3]), Principal.anonymous()));
    expect(r).to.have.property("reject");
    if ("reject" in r) {
      expect(r.reject.code).to.equal(5);
      expect(r.reject.message).to.match(/DIDL|magic|candid|decode/i);
    }
    expect(await eventCount()).to.equal(before);
  });

  it("refuses Candid of the wrong types (text where a principal is expected) with a reject", async () => {
    const arg = new Uint8Array(
      IDL.encode(
        [IDL.Text, IDL.Vec(IDL.Nat8), IDL.Nat, IDL.Opt(IDL.Vec(IDL.Nat8))],
        ["ledger", new Uint8Array(32), 5n, []],
      ),
    );
    const r = await withRollback(() => c.host.call("deposit", arg, Principal.anonymous()));
    expect(r).to.have.property("reject");
    if ("reject" in r) expect(r.reject.message).to.match(/type|principal|decode|mismatch|wrong/i);
  });

  it("refuses a call to a method that does not exist (reject code 3)", async () => {
    const r = await c.host.call("steal", new Uint8Array(IDL.encode([], [])), Principal.anonymous());
    expect("reject" in r && r.reject.code).to.equal(3);
  });

  it("still works after the traps: a full deposit and close", async () => {
    const ch = fundedChannel(c);
    ok(await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n));
    const final = makeState(ch, 1n, [[100n, 0n]], { isFinal: true });
    ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
  });

  it("a ledger that traps during a deposit: the reject callback runs, nothing is credited (LedgerCallFailed)", async () => {
    const ch = fundedChannel(c);
    c.ledgers.ledger().failNext("trap");
    const e = err(await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n), "LedgerCallFailed");
    expect(e.code).to.equal(5);
    expect(e.message).to.match(/trapped/);
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(0n);
  });

  it("a ledger that traps during a withdrawal: the debit is restored in the reject callback", async () => {
    const ch = fundedChannel(c);
    await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n);
    const final = makeState(ch, 1n, [[100n, 0n]], { isFinal: true });
    ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
    c.ledgers.ledger().failNext("trap");
    const args = {
      params: ch.params,
      channelID: ch.id,
      participantIndex: 0,
      receiver: ch.users[0],
      ledger: LEDGER_ID,
      amount: 100n,
      fee: 10n,
    };
    err(await c.as(ch.users[0]).signAndWithdraw(args, ch.keys[0]), "LedgerCallFailed");
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(100n);
    ok(await c.as(ch.users[0]).signAndWithdraw(args, ch.keys[0]));
  });

  it("a ledger reply that is not Candid during a deposit: the callback traps, the cleanup credits nothing and does not reply", async () => {
    const ch = fundedChannel(c);
    c.ledgers.nextRawReply = Uint8Array.from([9, 9, 9]);
    // Azle's reply callback traps on the bad bytes (rolled back); the IC runs the cleanup
    // callback, which may not reply (the strict host traps a msg_reply there, as the IC does),
    // so the call is rejected because the canister did not reply.
    const e = await withRollback(() => c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n)).then(
      () => expect.fail("a deposit whose callback trapped must not be answered Ok"),
      (x: unknown) => x as Error,
    );
    // the client wraps the agent's rejection in its typed error, the rejection as its cause
    expect(e).to.be.instanceOf(IcpAgentError);
    expect(e.cause).to.be.instanceOf(HostReject);
    expect(c.host.log.some((l) => /Failed to decode Candid/.test(l))).to.equal(true);
    expect(c.host.log.some((l) => /cannot be called from a cleanup callback/.test(l))).to.equal(false);
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(0n);
  });

  it("a ledger reply that is not Candid during a withdrawal: the debit is restored in the cleanup callback, which does not reply (finding 5)", async () => {
    const ch = fundedChannel(c);
    await c.as(ch.users[0]).deposit(LEDGER_ID, fid(ch, 0), 100n);
    const final = makeState(ch, 1n, [[100n, 0n]], { isFinal: true });
    ok(await c.as(ch.users[0]).conclude(ch.params, final, sigs(ch, final)));
    c.ledgers.nextRawReply = Uint8Array.from([1]);
    const args = {
      params: ch.params,
      channelID: ch.id,
      participantIndex: 0,
      receiver: ch.users[0],
      ledger: LEDGER_ID,
      amount: 60n,
      fee: 10n,
    };
    const logged = c.host.log.length;
    const e = await withRollback(() => c.as(ch.users[0]).signAndWithdraw(args, ch.keys[0])).then(
      () => expect.fail("a withdrawal whose callback trapped must not be answered Ok"),
      (x: unknown) => x as Error,
    );
    // the client wraps the agent's rejection in its typed error, the rejection as its cause
    expect(e).to.be.instanceOf(IcpAgentError);
    expect(e.cause).to.be.instanceOf(HostReject);
    const traps = c.host.log.slice(logged).filter((l) => l.startsWith("trap:"));
    // Exactly one trap: the reply callback's. A msg_reply in the cleanup would be a second one
    // and roll the restore back (holdings 40).
    expect(traps, traps.join("\n")).to.have.length(1);
    expect(await c.as(ch.users[0]).holdings(LEDGER_ID, fid(ch, 0))).to.equal(100n);
  });
});
