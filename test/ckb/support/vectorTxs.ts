import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cell, Script } from "@ckb-lumos/base";
import type { helpers } from "@ckb-lumos/lumos";
import type { Hex } from "../../../src/encoding/types";
import { decodeState } from "../../../src/encoding/decodeState";
import {
  buildClose,
  buildDispute,
  buildFund,
  channelLockScript,
  channelTypeScript,
  readChannelStatus,
} from "../../../src/ckb";
import { ChannelAction } from "../../../src/ckb/generated/perun";
import { udtData } from "../../../src/ckb/buildFund";
import { minimalCell } from "../../../src/ckb/skeleton";
import type { CkbWorld } from "../../../scripts/lib/ckb/world";
import { feePayer } from "./fixtures";
import { setWitness } from "./mutate";

/* eslint-disable @typescript-eslint/no-explicit-any */
const DIR = join(__dirname, "..", "..", "vectors");
const read = (name: string) => JSON.parse(readFileSync(join(DIR, name), "utf8"));

/** The committed CKB vectors (test/vectors/ckb-*.json), parsed. */
export const ckbVectors = {
  scripts: read("ckb-scripts.json"),
  statuses: read("ckb-channel-status.json"),
  witnesses: read("ckb-witnesses.json"),
  cells: read("ckb-cells.json"),
  rejects: read("ckb-rejects.json"),
};

export const vectorStatus = (name: string): any => ckbVectors.statuses.vectors.find((v: any) => v.name === name);
export const vectorWitness = (name: string): any => ckbVectors.witnesses.vectors.find((v: any) => v.name === name);

/** A transaction built from exactly the vectors' bytes and the channel-type exit code the vectors record (0: accepted). */
export interface VectorTx {
  name: string;
  skel: helpers.TransactionSkeletonType;
  exitCode: number;
}

/**
 * Builds the transactions of the CKB vectors in `world` (the vectors' channel under the world's
 * deployment): the dispute and the refutation, participant 0's fund and the close from the
 * vectors' witnesses, cell data and cells, and the dispute with each reject vector spliced in.
 * Shared by test/ckb/vectors.test.ts (which also checks the bytes against the vectors) and
 * `npm run bench:ckb-vm`.
 */
export function vectorTransactions(world: CkbWorld) {
  const { scripts, cells, rejects } = ckbVectors;
  const type = channelTypeScript(world.deployment, scripts.channelID);
  const lock = channelLockScript(world.deployment, type);
  const channelCell = (data: string) => world.mock(minimalCell(lock, type, data, 1024n * 100_000_000n));
  const scriptOf = (j: any): Script => ({ codeHash: j.codeHash, hashType: j.hashType, args: j.args });
  const udtType = scriptOf(scripts.udtType);
  const payoutLocks = scripts.payoutLocks.map(scriptOf);
  const signed = (name: string) => {
    const body = ChannelAction.unpack(vectorWitness(name).inputType).value as { state: Hex; sigs: Hex[] };
    return { state: decodeState(body.state), signatures: body.sigs };
  };

  /** The builder's dispute of the vectors' channel in status `input` with the state and signatures of witness `w`. */
  const disputeFrom = (input: string, w: string) => {
    const cell = channelCell(vectorStatus(input).data);
    return buildDispute({
      deployment: world.deployment,
      channel: { cell, status: readChannelStatus(cell.data) },
      ...signed(w),
      feePayer: feePayer(world),
    });
  };
  /** `disputeFrom` carrying exactly the vector's witness bytes (the builder's, when it agrees). */
  const disputeWith = (input: string, w: string) => setWitness(disputeFrom(input, w), 0, vectorWitness(w).witness);

  /** Participant 0's fund of the fresh channel, with a 5,000-unit UDT cell. */
  const fund = () => {
    const fresh = channelCell(vectorStatus("funding-nobody-funded").data);
    const udtCell = world.mock({
      cellOutput: {
        capacity: "0x" + (200n * 100_000_000n).toString(16),
        lock: world.script("udt-owner"),
        type: udtType,
      },
      data: udtData(5000n),
    });
    return buildFund({
      deployment: world.deployment,
      channel: { cell: fresh, status: readChannelStatus(fresh.data) },
      expected: { params: readChannelStatus(fresh.data).params, state: readChannelStatus(fresh.data).state },
      index: 0,
      udtCells: [udtCell],
      udtChangeLock: world.script("udt-change"),
      feePayer: { cells: [world.coins(10_000n, payoutLocks[0])], changeLock: world.script("change") },
    });
  };

  /** The close of the fully funded channel, spending the vectors' funds cells. */
  const close = () => {
    const open = channelCell(vectorStatus("open-fully-funded").data);
    const fundsCells: Cell[] = cells.funds
      .flatMap((f: any) => f.cells)
      .map((c: any) =>
        world.mock({
          cellOutput: {
            capacity: "0x" + BigInt(c.capacity).toString(16),
            lock,
            type: c.typeHash ? udtType : undefined,
          },
          data: c.data,
        }),
      );
    return buildClose({
      deployment: world.deployment,
      channel: { cell: open, status: readChannelStatus(open.data) },
      fundsCells,
      payoutLocks,
      feePayer: feePayer(world),
      ...signed("close"),
    });
  };

  /** The honest dispute with each reject vector in place of its witness or its channel cell. */
  const rejected = (): VectorTx[] => {
    const honest = disputeWith("open-fully-funded", "dispute");
    return rejects.vectors.map((v: any) => ({
      name: `reject ${v.name}`,
      exitCode: v.exitCode,
      skel:
        v.target === "witness"
          ? setWitness(honest, 0, v.bytes)
          : honest.update("inputs", (l) => l.set(0, channelCell(v.bytes))),
    }));
  };

  /** Every transaction of the vectors with its recorded verdict. */
  const all = (): VectorTx[] => [
    { name: "dispute", skel: disputeWith("open-fully-funded", "dispute"), exitCode: 0 },
    { name: "refute", skel: disputeWith("disputed-registered-version-3", "refute"), exitCode: 0 },
    { name: "fund participant 0", skel: fund(), exitCode: 0 },
    { name: "close", skel: close(), exitCode: 0 },
    ...rejected(),
  ];

  return { lock, udtType, payoutLocks, channelCell, disputeFrom, disputeWith, fund, close, rejected, all };
}
