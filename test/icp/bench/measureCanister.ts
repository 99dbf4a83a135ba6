import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Principal } from "@icp-sdk/core/principal";
import { AdjudicatorClient } from "../../../src/icp/AdjudicatorClient";
import { buildCanister } from "../../../scripts/lib/icp/buildCanister";
import type { Cost } from "../host/ic0Host";
import { CANISTER_ID, installCanister, LEDGER_ID, type InstalledCanister } from "../support/canisterFixture";
import { fid, fundedChannel, makeState, sigs } from "../support/canisterChannel";
import { measureAtBound, type AtBound } from "./measureAtBound";

/** One benchmark row: IC-weighted instructions of the whole call and of its largest message. */
export interface Row {
  instructions: number;
  maxMessage: number;
  messages: number;
}

export interface CanisterBenchmarks {
  description: string;
  wasm: { rawBytes: number; gzipBytes: number };
  install: Row;
  methods: Record<string, Record<string, Row>>;
  breakdown: Record<string, Row>;
  /** Every exit path at the canister's participant and asset bounds (src/encoding/icp/icpCanisterLimits.ts). */
  atBound: AtBound;
}

function row(cost: Cost | undefined): Row {
  if (!cost) throw new Error("no cost recorded");
  return { instructions: Number(cost.instructions), maxMessage: Number(cost.maxMessage), messages: cost.messages };
}

/** Runs `call` through the typed client as `caller`, fails on `{ Err }`, returns the metered cost. */
async function measure(
  c: InstalledCanister,
  caller: Principal,
  label: string,
  call: (client: AdjudicatorClient) => Promise<unknown>,
  expectErr = false,
): Promise<Row> {
  const actor = c.actorFor(caller);
  const r = (await call(new AdjudicatorClient(actor, CANISTER_ID))) as { Err?: unknown };
  const isErr = r !== null && typeof r === "object" && "Err" in r;
  if (isErr !== expectErr)
    throw new Error(
      `${label}: unexpected result ${JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`,
    );
  return row(actor.lastCost);
}

/**
 * Runs every method for 2 and 4 participants on a METERED canister in the test host and
 * returns IC-weighted instruction counts (test/icp/host/meter.ts). Deterministic for a given
 * wasm: fixed keys, clock, ledger answers and RNG seed.
 */
export async function measureCanister(): Promise<CanisterBenchmarks> {
  const { wasmPath } = buildCanister();
  const c = await installCanister({ metered: true, rollback: false });
  const methods: CanisterBenchmarks["methods"] = {};
  for (const n of [2, 4]) {
    const m: Record<string, Row> = {};
    const ch = fundedChannel(c, n, { challengeDuration: 60n, nonce: BigInt(n) });
    m["deposit"] = await measure(c, ch.users[0], "deposit", (cl) => cl.deposit(LEDGER_ID, fid(ch, 0), 1000n));
    for (let i = 1; i < n; i++)
      await measure(c, ch.users[i], "deposit", (cl) => cl.deposit(LEDGER_ID, fid(ch, i), 1000n));
    const shifted = (d: bigint) => ch.keys.map((_, i) => (i === 0 ? 1000n - d : i === 1 ? 1000n + d : 1000n));
    const s1 = makeState(ch, 1n, [shifted(100n)]);
    m["dispute (register)"] = await measure(c, ch.users[0], "register", (cl) =>
      cl.dispute(ch.params, s1, sigs(ch, s1)),
    );
    const s2 = makeState(ch, 2n, [shifted(200n)]);
    m["dispute (refute)"] = await measure(c, ch.users[1], "refute", (cl) => cl.dispute(ch.params, s2, sigs(ch, s2)));
    c.host.advanceTime(61);
    m["concludeDispute"] = await measure(c, ch.users[0], "concludeDispute", (cl) => cl.concludeDispute(ch.id));
    m["withdraw"] = await measure(c, ch.users[1], "withdraw", (cl) =>
      cl.signAndWithdraw(
        {
          params: ch.params,
          channelID: ch.id,
          participantIndex: 1,
          receiver: ch.users[1],
          ledger: LEDGER_ID,
          amount: 150n,
          fee: 10n,
        },
        ch.keys[1],
      ),
    );
    const co = fundedChannel(c, n, { nonce: 100n + BigInt(n) });
    for (let i = 0; i < n; i++)
      await measure(c, co.users[i], "deposit", (cl) => cl.deposit(LEDGER_ID, fid(co, i), 1000n));
    const fin = makeState(co, 7n, [co.keys.map(() => 1000n)], { isFinal: true });
    m["conclude"] = await measure(c, co.users[0], "conclude", (cl) => cl.conclude(co.params, fin, sigs(co, fin)));
    m["holdings (query)"] = await measure(c, co.users[0], "holdings", (cl) => cl.holdings(LEDGER_ID, fid(co, 0)));
    m["events (query, 10 events)"] = await measure(c, co.users[0], "events", (cl) => cl.events(0n, 10));
    methods[String(n)] = m;
  }

  // Where a dispute's instructions go (2 participants): refusals that stop after successive stages.
  // Fixed nonces: a recovery's instruction count depends on the signed values.
  const ch = fundedChannel(c, 2, { nonce: 200n });
  const s = makeState(ch, 1n, [[1n, 1n]]);
  const u = ch.users[0];
  const wrongSlot = sigs({ ...ch, keys: [ch.keys[0], ch.keys[0]] }, s);
  const breakdown: Record<string, Row> = {
    "a query with two arguments and no work (engine entry + Candid)": await measure(c, u, "holdings", (cl) =>
      cl.holdings(LEDGER_ID, fid(ch, 0)),
    ),
    "dispute refused at the channel kind (+ Candid decode of params/state, both ABI encodings)": await measure(
      c,
      u,
      "kind",
      (cl) => cl.dispute({ ...ch.params, ledgerChannel: false }, s, []),
      true,
    ),
    "dispute refused at SignatureCount (a cheap refusal: before any ABI encoding, hashing or recovery)": await measure(
      c,
      u,
      "count",
      (cl) => cl.dispute(ch.params, s, []),
      true,
    ),
    "dispute refused at WrongSigner of participant 1 (+ 2 secp256k1 recoveries)": await measure(
      c,
      u,
      "wrong",
      (cl) => cl.dispute(ch.params, s, wrongSlot),
      true,
    ),
  };

  const atBound = await measureAtBound(c);
  const raw = readFileSync(wasmPath);
  return {
    description:
      "IC-weighted wasm instructions per call of the adjudicator canister, measured in the test host (test/icp/host, NOT a replica) with the IC's per-instruction weights plus system-API charges. `instructions` covers every message of the call (entry point and ledger callbacks), `maxMessage` the largest single message (the IC allows 40 B per update message). Regenerate with `npm run bench:icp`; test/icp/bench/benchmarks.test.ts fails when these drift.",
    wasm: { rawBytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length },
    install: row(c.installCost),
    methods,
    breakdown,
    atBound,
  };
}
