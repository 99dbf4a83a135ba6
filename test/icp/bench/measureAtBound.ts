import { AdjudicatorClient } from "../../../src/icp/AdjudicatorClient";
import { BACKEND_ETH, BACKEND_ICP } from "../../../src/encoding/backends";
import type { State } from "../../../src/encoding/types";
import { ICP_CANISTER_MAX_ASSETS, ICP_CANISTER_MAX_PARTICIPANTS } from "../../../src/encoding/icp/icpCanisterLimits";
import type { Cost } from "../host/ic0Host";
import { CANISTER_ID, LEDGER_ID, type InstalledCanister } from "../support/canisterFixture";
import { fid, fundedChannel, sigs } from "../support/canisterChannel";
import { evmAsset, icpAsset } from "../support/channels";

export interface BoundRow {
  instructions: number;
  maxMessage: number;
}

/** The costs of a channel at the canister's bounds (participants × assets) and one past them. */
export interface AtBound {
  participants: number;
  assets: number;
  rows: Record<string, BoundRow>;
}

/** A state of `ch` with one ICP asset (LEDGER) and `assets − 1` EVM assets, each row 1000 per participant. */
function boundState(ch: ReturnType<typeof fundedChannel>, version: bigint, assets: number, isFinal: boolean): State {
  const n = ch.keys.length;
  const row = () => Array.from({ length: n }, () => 1000n);
  return {
    channelID: ch.id,
    version,
    outcome: {
      assets: [icpAsset(), ...Array.from({ length: assets - 1 }, () => evmAsset())],
      backends: [BACKEND_ICP, ...Array.from({ length: assets - 1 }, () => BACKEND_ETH)],
      balances: Array.from({ length: assets }, row),
      locked: [],
    },
    appData: "0x",
    isFinal,
  };
}

function cost(c: Cost | undefined): BoundRow {
  if (!c) throw new Error("no cost");
  return { instructions: Number(c.instructions), maxMessage: Number(c.maxMessage) };
}

/**
 * Every exit path at ICP_CANISTER_MAX_PARTICIPANTS × ICP_CANISTER_MAX_ASSETS on a metered
 * canister, and the refusal one participant past the bound (which must cost no recovery).
 */
export async function measureAtBound(
  c: InstalledCanister,
  n = ICP_CANISTER_MAX_PARTICIPANTS,
  m = ICP_CANISTER_MAX_ASSETS,
): Promise<AtBound> {
  const rows: Record<string, BoundRow> = {};
  const run = async (
    label: string,
    caller: number,
    ch: ReturnType<typeof fundedChannel>,
    f: (cl: AdjudicatorClient) => Promise<unknown>,
    expectErr?: string,
  ) => {
    const actor = c.actorFor(ch.users[caller]);
    const r = (await f(new AdjudicatorClient(actor, CANISTER_ID))) as { Err?: Record<string, unknown> };
    const kind = r.Err === undefined ? undefined : Object.keys(r.Err)[0];
    if (kind !== expectErr)
      throw new Error(`${label}: ${JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    rows[label] = cost(actor.lastCost);
  };
  const ch = fundedChannel(c, n, { challengeDuration: 60n, nonce: 9000n + BigInt(n) });
  for (let i = 0; i < n; i++)
    await new AdjudicatorClient(c.actorFor(ch.users[i]), CANISTER_ID).deposit(LEDGER_ID, fid(ch, i), 1000n);
  const s1 = boundState(ch, 1n, m, false);
  await run("dispute (register)", 0, ch, (cl) => cl.dispute(ch.params, s1, sigs(ch, s1)));
  const s2 = boundState(ch, 2n, m, false);
  await run("dispute (refute)", 1, ch, (cl) => cl.dispute(ch.params, s2, sigs(ch, s2)));
  c.host.advanceTime(61);
  await run("concludeDispute", 0, ch, (cl) => cl.concludeDispute(ch.id));
  await run("withdraw", n - 1, ch, (cl) =>
    cl.signAndWithdraw(
      {
        params: ch.params,
        channelID: ch.id,
        participantIndex: n - 1,
        receiver: ch.users[n - 1],
        ledger: LEDGER_ID,
        amount: 1000n,
        fee: 10n,
      },
      ch.keys[n - 1],
    ),
  );
  const co = fundedChannel(c, n, { nonce: 9500n + BigInt(n) });
  const fin = boundState(co, 3n, m, true);
  await run("conclude", 0, co, (cl) => cl.conclude(co.params, fin, sigs(co, fin)));
  const past = fundedChannel(c, n + 1, { nonce: 9900n + BigInt(n) });
  const sp = boundState(past, 1n, m, false);
  await run(
    "dispute refused one participant past the bound (TooManyParticipants)",
    0,
    past,
    (cl) => cl.dispute(past.params, sp, sigs(past, sp)),
    "TooManyParticipants",
  );
  return { participants: n, assets: m, rows };
}
