import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { lifecycle, TX_KINDS, type TxKind } from "../../test/ckb/support/lifecycle";
import { CKB_MAX_PARTICIPANTS } from "../../src/policy/ckbLimits";
import { CKB_SCRIPTS_DIR, bundleChannelType } from "./bundle";
import { compileBytecode } from "./compileBytecode";

/**
 * `npm run bench:ckb`: cycles of every transaction kind in the CKB VM (WASM ckb-debugger),
 * 2 parties (CKBytes + UDT) and 3 parties (CKBytes), written to ckb-scripts/cycles.json.
 * The channel type script runs as the committed QuickJS bytecode; with ckbqjsc built, a traced
 * build adds the breakdown (cycles at each phase of the 2-party transactions).
 * test/ckb/*.test.ts compare their success cases with this file (drift).
 */
export const CYCLES_PATH = join(CKB_SCRIPTS_DIR, "cycles.json");

export interface CyclesEntry {
  total: number;
  channelType: number;
  channelLock: number;
}

export type CyclesFile = {
  note: string;
  goal: string;
  parties: Record<string, { assets: string; tx: Record<TxKind, CyclesEntry> }>;
  breakdown2?: Record<TxKind, Record<string, number>>;
};

export const SCENARIOS = [
  { n: 2, udt: true, assets: "CKBytes + UDT (+ an ignored EVM asset)" },
  { n: 3, udt: false, assets: "CKBytes (+ an ignored EVM asset)" },
  // the participant bound (src/policy/ckbLimits.ts): every kind must stay ≤ 35 M cycles
  { n: CKB_MAX_PARTICIPANTS, udt: true, assets: "CKBytes + UDT (+ an ignored EVM asset), at the participant bound" },
];

export function measure(
  n: number,
  udt: boolean,
  bytecode?: Uint8Array,
): Record<TxKind, CyclesEntry & { stdout: string }> {
  const { world, txs } = lifecycle(n, udt, bytecode);
  const out = {} as Record<TxKind, CyclesEntry & { stdout: string }>;
  for (const kind of TX_KINDS) {
    const v = world.verify(txs[kind]);
    if (!v.ok) throw new Error(`${kind} (${n} parties) was rejected with ${v.code}`);
    const type = v.groups.find((g) => g.script === "channel-type")!;
    const lock = v.groups.filter((g) => g.script === "channel-lock").reduce((s, g) => s + g.cycles, 0);
    out[kind] = { total: v.cycles, channelType: type.cycles, channelLock: lock, stdout: type.stdout };
  }
  return out;
}

function main(): void {
  const file: CyclesFile = {
    note: "cycles per transaction (sum of the channel's script groups: channel-type as QuickJS bytecode in ckb-js-vm + channel-lock in C), WASM ckb-debugger 0.200.1, ckb-js-vm of ckb-testtool 1.0.5",
    goal: "every 2-party transaction < 10,000,000 cycles",
    parties: {},
  };
  for (const s of SCENARIOS) {
    const m = measure(s.n, s.udt);
    const tx = {} as Record<TxKind, CyclesEntry>;
    for (const k of TX_KINDS)
      tx[k] = { total: m[k].total, channelType: m[k].channelType, channelLock: m[k].channelLock };
    file.parties[String(s.n)] = { assets: s.assets, tx };
    console.log(`${s.n} parties: ` + TX_KINDS.map((k) => `${k} ${(m[k].total / 1e6).toFixed(2)}M`).join(", "));
  }
  try {
    const traced = compileBytecode(bundleChannelType({ trace: true }));
    const m = measure(2, true, traced);
    file.breakdown2 = {} as Record<TxKind, Record<string, number>>;
    for (const k of TX_KINDS) {
      const line = /TRACE (.*)/.exec(m[k].stdout)?.[1] ?? "";
      const marks: Record<string, number> = {};
      for (const part of line.split(" ").filter(Boolean)) {
        const [label, value] = part.split("=");
        marks[label] = Number(value);
      }
      marks.total = m[k].channelType;
      file.breakdown2[k] = marks;
    }
  } catch (e) {
    console.log(`no breakdown (traced build needs ckbqjsc): ${(e as Error).message}`);
  }
  writeFileSync(CYCLES_PATH, JSON.stringify(file, null, 2) + "\n");
  console.log(`wrote ${CYCLES_PATH}`);
}

if (require.main === module) main();
