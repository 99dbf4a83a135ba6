import type { Cell, Script } from "@ckb-lumos/base";
import { utils } from "@ckb-lumos/base";
import { helpers } from "@ckb-lumos/lumos";
import { Cell as CccCell, OutPoint as CccOutPoint, Script as CccScript, Transaction, hexFrom } from "@ckb-ccc/core";
import { readFileSync } from "node:fs";
import type { CkbDeployment } from "../../../src/ckb";
import { channelLockBinary } from "../../ckb/bundle";
import { committedBytecode } from "../../ckb/compileBytecode";
import { runScriptGroup, runScriptGroupAsync } from "./vm";
import type { DebuggerRun } from "./vm";

// ckb-testtool's ESM entry is broken (probe README): load it with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const testtool = require("ckb-testtool");

export interface GroupResult {
  group: "lock" | "type";
  /** Which of our scripts ran: channel-type or channel-lock. */
  script: "channel-type" | "channel-lock";
  code: number;
  cycles: number;
  stdout: string;
}

export interface Verdict {
  /** Every script group of ours accepted. */
  ok: boolean;
  groups: GroupResult[];
  /** The first failing group's exit code, or 0. */
  code: number;
  /** Sum of our groups' cycles. */
  cycles: number;
}

/**
 * An offline CKB "chain" for tests: script cells deployed as mock cells in a ckb-testtool
 * Resource, live cells created by `mock`/`commit`, and transactions verified group by group
 * in ckb-debugger (native or WASM, CKB_VM: vm.ts). Fee payers, payout locks and UDT types use ckb-testtool's
 * always-success binary with distinct args (distinct hashes); those groups are not ours and
 * are not run — the channel scripts only look at their hashes, capacities and data.
 */
export class CkbWorld {
  readonly resource = testtool.Resource.default();
  readonly deployment: CkbDeployment;
  readonly bundle: Uint8Array;
  private readonly alwaysSuccessHash: string;
  private tagCounter = 0;

  constructor(bundle: Uint8Array = committedBytecode()) {
    this.bundle = bundle;
    const deployed = (data: Uint8Array, hashType: "data1" | "data2") => {
      const cell = this.resource.mockCell(this.resource.createScriptUnused(), undefined, hexFrom(data));
      return {
        codeHash: utils.ckbHash(data),
        hashType,
        cellDep: {
          outPoint: { txHash: cell.outPoint.txHash, index: "0x" + cell.outPoint.index.toString(16) },
          depType: "code" as const,
        },
      };
    };
    this.deployment = {
      jsVm: deployed(new Uint8Array(readFileSync(testtool.DEFAULT_SCRIPT_CKB_JS_VM)), "data2"),
      channelType: deployed(bundle, "data1"),
      channelLock: deployed(channelLockBinary(), "data1"),
    };
    const as = deployed(new Uint8Array(readFileSync(testtool.DEFAULT_SCRIPT_ALWAYS_SUCCESS)), "data1");
    this.alwaysSuccessHash = as.codeHash;
    this.alwaysSuccessDep = as.cellDep;
  }

  readonly alwaysSuccessDep;

  /** A fresh lock (or UDT type) whose hash no other call returns. */
  script(tag = ""): Script {
    this.tagCounter++;
    const args = "0x" + Buffer.from(`${tag}#${this.tagCounter}`).toString("hex");
    return { codeHash: this.alwaysSuccessHash, hashType: "data1", args };
  }

  hash(s: Script): string {
    return utils.computeScriptHash(s);
  }

  /** Registers `cell` as live and returns it with its out-point. */
  mock(cell: Cell): Cell {
    const o = cell.cellOutput;
    const c = this.resource.mockCell(
      CccScript.from(o.lock),
      o.type ? CccScript.from(o.type) : undefined,
      cell.data,
      BigInt(o.capacity),
    ) as CccCell;
    return { ...cell, outPoint: { txHash: c.outPoint.txHash, index: "0x" + c.outPoint.index.toString(16) } };
  }

  /** A plain cell of `ckb` CKBytes with a fresh always-success lock (a fee payer's cell). */
  coins(ckb: bigint, lock?: Script): Cell {
    return this.mock({
      cellOutput: { capacity: "0x" + (ckb * 100_000_000n).toString(16), lock: lock ?? this.script("coins") },
      data: "0x",
    });
  }

  /** The transaction as ckb-ccc sees it (what ckb-debugger receives). */
  transaction(skel: helpers.TransactionSkeletonType): Transaction {
    const tx = helpers.createTransactionFromSkeleton(skel);
    const ccc = Transaction.from(tx as never);
    ccc.cellDeps.push(
      ...[this.alwaysSuccessDep].map((d) => ({ outPoint: CccOutPoint.from(d.outPoint), depType: "code" }) as never),
    );
    return ccc;
  }

  /** Verifies every channel-type / channel-lock group of the transaction in the CKB VM. */
  verify(skel: helpers.TransactionSkeletonType | Transaction): Verdict {
    const { txJson, groups } = this.scriptGroups(skel);
    return verdict(groups.map((g) => ({ ...g, ...runScriptGroup(txJson, g.group, g.cellType, g.index) })));
  }

  /**
   * `verify` with the groups run concurrently and without blocking the event loop (each group
   * is a child process of 0.5–2.5 s).
   */
  async verifyAsync(skel: helpers.TransactionSkeletonType | Transaction): Promise<Verdict> {
    const { txJson, groups } = this.scriptGroups(skel);
    const runs = await Promise.all(groups.map((g) => runScriptGroupAsync(txJson, g.group, g.cellType, g.index)));
    return verdict(groups.map((g, i) => ({ ...g, ...runs[i] })));
  }

  /** The mock transaction file ckb-debugger reads, and the script groups of ours (channel-type, channel-lock) in it, each once. */
  scriptGroups(skel: helpers.TransactionSkeletonType | Transaction): {
    txJson: string;
    groups: { group: "lock" | "type"; script: GroupResult["script"]; cellType: "input" | "output"; index: number }[];
  } {
    const tx = skel instanceof Transaction ? skel : this.transaction(skel);
    const verifier = testtool.Verifier.from(this.resource, tx);
    const txJson = JSON.stringify(verifier.txFile());
    const groups: {
      group: "lock" | "type";
      script: GroupResult["script"];
      cellType: "input" | "output";
      index: number;
    }[] = [];
    const seen = new Set<string>();
    const consider = (
      group: "lock" | "type",
      cellType: "input" | "output",
      index: number,
      script: { codeHash: string; hash(): string },
    ) => {
      const h = script.hash();
      if (seen.has(group + h)) return;
      seen.add(group + h);
      let name: GroupResult["script"] | undefined;
      if (script.codeHash === this.deployment.jsVm.codeHash) name = "channel-type";
      else if (script.codeHash === this.deployment.channelLock.codeHash) name = "channel-lock";
      if (name === undefined) return;
      groups.push({ group, script: name, cellType, index });
    };
    tx.inputs.forEach((input, i) => {
      const cell = this.resource.cells.get(input.previousOutput.toBytes().toString()) as CccCell | undefined;
      if (cell === undefined) throw new Error(`input ${i} is not a live cell of this world`);
      consider("lock", "input", i, cell.cellOutput.lock);
      if (cell.cellOutput.type) consider("type", "input", i, cell.cellOutput.type);
    });
    tx.outputs.forEach((o, i) => {
      if (o.type) consider("type", "output", i, o.type);
    });
    return { txJson, groups };
  }

  /** The outputs of a (verified) transaction as live cells. */
  commit(skel: helpers.TransactionSkeletonType): Cell[] {
    return skel
      .get("outputs")
      .toArray()
      .map((c) => this.mock(c));
  }
}

/** The verdict of a transaction from its groups' runs, in group order. */
function verdict(runs: ({ group: "lock" | "type"; script: GroupResult["script"] } & DebuggerRun)[]): Verdict {
  const groups: GroupResult[] = runs.map((r) => ({
    group: r.group,
    script: r.script,
    code: r.code,
    cycles: r.cycles,
    stdout: r.stdout,
  }));
  const failing = groups.find((g) => g.code !== 0);
  return {
    ok: failing === undefined,
    groups,
    code: failing?.code ?? 0,
    cycles: groups.reduce((s, g) => s + g.cycles, 0),
  };
}
