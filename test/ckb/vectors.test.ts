import { expect } from "chai";
import type { Cell } from "@ckb-lumos/base";
import { blockchain, utils } from "@ckb-lumos/base";
import { bytes } from "@ckb-lumos/codec";
import type { Hex } from "../../src/encoding/types";
import { channelId } from "../../src/encoding/channelId";
import { decodeState } from "../../src/encoding/decodeState";
import { verifyStateSignature } from "../../src/encoding/verifyStateSignature";
import {
  CKB_EXIT as EXIT,
  channelLockScript,
  channelTypeScript,
  encodeChannelStatus,
  readChannelStatus,
} from "../../src/ckb";
import { ChannelAction, ChannelTypeArgs } from "../../src/ckb/generated/perun";
import { udtAmountOf } from "../../src/ckb/buildFund";
import { fixVec, tableFields, u32 } from "../../ckb-scripts/common/molecule";
import { statusMeaning, witnessMeaning } from "../vectors/buildCkbVectors";
import { CkbWorld } from "../../scripts/lib/ckb/world";
import { expectAccepted } from "./support/expect";
import { ckbVectors, vectorStatus, vectorTransactions, vectorWitness } from "./support/vectorTxs";

/* eslint-disable @typescript-eslint/no-explicit-any */
const { scripts, statuses, witnesses, cells, rejects } = ckbVectors;
const status = vectorStatus;
const witness = vectorWitness;

/**
 * The committed CKB vectors (test/vectors/ckb-*.json; staleness is checked with every other
 * vector file by test/encoding/vectors.test.ts): the shipped decoders give the recorded
 * meaning, and the real scripts in the CKB VM accept the honest bytes and refuse every reject
 * with its recorded exit code.
 */
describe("CKB vectors (test/vectors/ckb-*.json)", function () {
  this.timeout(600_000);

  describe("decode to their recorded meaning with the shipped decoders", () => {
    it("ckb-scripts.json: type args, type script and channel-lock args rebuild from the channel ID", () => {
      const dep = scripts.deployment;
      const deployed = (codeHash: string, hashType: string) => ({
        codeHash,
        hashType: hashType as "data1",
        cellDep: { outPoint: { txHash: `0x${"00".repeat(32)}`, index: "0x0" }, depType: "code" as const },
      });
      const d = {
        jsVm: deployed(dep.jsVmCodeHash, dep.jsVmHashType),
        channelType: deployed(dep.channelTypeCodeHash, dep.channelTypeHashType),
        channelLock: deployed(dep.channelLockCodeHash, dep.channelLockHashType),
      };
      const type = channelTypeScript(d, scripts.channelID);
      expect(type.args).to.equal(scripts.channelTypeScript.args);
      expect(utils.computeScriptHash(type)).to.equal(scripts.channelTypeScript.hash);
      expect(bytes.bytify(type.args).length).to.equal(100);
      expect(type.args.endsWith(scripts.channelTypeArgs.bytes.slice(2))).to.equal(true);
      const args = ChannelTypeArgs.unpack(scripts.channelTypeArgs.bytes);
      expect(args.channel_id).to.equal(scripts.channelTypeArgs.meaning.channel_id);
      expect(args.lock_code_hash).to.equal(scripts.channelTypeArgs.meaning.lock_code_hash);
      expect(Number(args.lock_hash_type)).to.equal(scripts.channelTypeArgs.meaning.lock_hash_type);
      const lock = channelLockScript(d, type);
      expect(lock.args).to.equal(scripts.channelTypeScript.hash);
      expect(utils.computeScriptHash(lock)).to.equal(scripts.channelLockScript.hash);
      expect(cells.channelLockHash).to.equal(scripts.channelLockScript.hash);
    });

    it("ckb-channel-status.json: readChannelStatus gives each phase's meaning; re-encoding is byte-identical", () => {
      expect(statuses.vectors.map((v: any) => v.meaning.phase)).to.include.members(["funding", "open", "disputed"]);
      for (const v of statuses.vectors) {
        expect(statusMeaning(v.data), v.name).to.deep.equal(v.meaning);
        const s = readChannelStatus(v.data);
        expect(channelId(s.params), v.name).to.equal(statuses.channelID);
        expect(encodeChannelStatus(s), v.name).to.equal(v.data);
      }
    });

    it("ckb-witnesses.json: every action decodes (lumos codec and the on-chain strict reader agree on the tag)", () => {
      expect(witnesses.vectors.map((v: any) => v.meaning.action)).to.include.members([
        "Fund",
        "Abort",
        "Dispute",
        "Close",
        "ForceClose",
      ]);
      const participants = readChannelStatus(status("open-fully-funded").data).params.participants;
      for (const v of witnesses.vectors) {
        expect(witnessMeaning(v.witness), v.name).to.deep.equal(v.meaning);
        expect(blockchain.WitnessArgs.unpack(v.witness).inputType, v.name).to.equal(v.inputType);
        // The script's own reader: WitnessArgs table → input_type Bytes → u32 union tag.
        const f = tableFields(bytes.bytify(v.witness), 3);
        const inputType = f === null ? null : fixVec(f[1], 1);
        expect(inputType, v.name).to.not.equal(null);
        expect(u32(inputType!.items, 0), v.name).to.equal(v.meaning.unionTag);
        if (v.meaning.action === "Dispute" || v.meaning.action === "Close") {
          const body = ChannelAction.unpack(v.inputType).value as { state: Hex; sigs: Hex[] };
          const state = decodeState(body.state);
          expect(state.channelID).to.equal(witnesses.channelID);
          body.sigs.forEach((sig, i) =>
            expect(verifyStateSignature(state, sig, participants[i].ethAddress), `${v.name} sig ${i}`).to.equal(true),
          );
        }
      }
    });

    it("ckb-cells.json: funds cells carry the channel lock and the UDT amounts of the initial balances", () => {
      const s0 = readChannelStatus(status("funding-nobody-funded").data).state;
      cells.funds.forEach((f: any, i: number) => {
        const udt = f.cells.find((c: any) => c.typeHash !== null);
        expect(udtAmountOf({ data: udt.data } as Cell)).to.equal(s0.outcome.balances[1][i]);
        for (const c of f.cells) expect(c.lockHash).to.equal(scripts.channelLockScript.hash);
      });
      const payoutHashes = scripts.payoutLocks.map((l: any) => l.hash);
      for (const p of cells.payouts)
        for (const o of p.outputs) expect(payoutHashes, `${p.name} pays only participants`).to.include(o.lockHash);
    });

    it("ckb-rejects.json: the off-chain decoders refuse every malformed encoding", () => {
      expect([...new Set(rejects.vectors.map((v: any) => v.exitCode))]).to.include.members([
        EXIT.MALFORMED_WITNESS,
        EXIT.MALFORMED_DATA,
        EXIT.MALFORMED_PARAMS,
      ]);
      for (const v of rejects.vectors) {
        expect(EXIT[v.exitName as keyof typeof EXIT], v.name).to.equal(v.exitCode);
        if (v.exitCode === EXIT.SIGNATURE_COUNT) continue; // well-formed; the count rule is the script's
        const decode = v.target === "witness" ? () => witnessMeaning(v.bytes) : () => readChannelStatus(v.bytes);
        expect(decode, v.name).to.throw();
      }
    });
  });

  describe("are what the real scripts accept and refuse (CKB VM)", () => {
    const world = new CkbWorld();
    const v = vectorTransactions(world);
    /** The builder's dispute carries the vectors' witness and output data byte for byte. */
    const disputeFrom = (input: string, w: string, output: string) => {
      const skel = v.disputeFrom(input, w);
      expect(skel.get("witnesses").get(0)).to.equal(witness(w).witness);
      expect(skel.get("outputs").get(0)!.data).to.equal(status(output).data);
      return v.disputeWith(input, w);
    };

    it("accepts the dispute and the refutation built from exactly the vectors' witness and cell data", () => {
      expectAccepted(world.verify(disputeFrom("open-fully-funded", "dispute", "disputed-registered-version-3")));
      expectAccepted(
        world.verify(disputeFrom("disputed-registered-version-3", "refute", "disputed-refuted-version-4")),
      );
    });

    const view = (c: Cell) => ({
      capacity: BigInt(c.cellOutput.capacity).toString(),
      typeHash: c.cellOutput.type ? utils.computeScriptHash(c.cellOutput.type) : null,
      data: c.data,
    });

    it("accepts participant 0's fund and the close built from the vectors' cells, and they match ckb-cells.json", () => {
      const fund = v.fund();
      expect(fund.get("witnesses").get(0)).to.equal(witness("fund-participant-0").witness);
      const outs = fund.get("outputs").toArray();
      expect(outs[0].data).to.equal(status("funding-participant-0-funded").data);
      const funds = outs.slice(1).filter((c) => c.cellOutput.lock.args === v.lock.args);
      expect(funds.map(view)).to.deep.equal(
        cells.funds[0].cells.map((c: any) => ({ capacity: c.capacity, typeHash: c.typeHash, data: c.data })),
      );
      expectAccepted(world.verify(fund));

      const close = v.close();
      expect(close.get("witnesses").get(0)).to.equal(witness("close").witness);
      const payouts = close.get("outputs").toArray().slice(0, -1); // the last output is the fee payer's change
      const want = cells.payouts.find((p: any) => p.name === "close").outputs;
      expect(payouts.map((c) => ({ ...view(c), lockHash: utils.computeScriptHash(c.cellOutput.lock) }))).to.deep.equal(
        want.map((c: any) => ({ capacity: c.capacity, typeHash: c.typeHash, data: c.data, lockHash: c.lockHash })),
      );
      expectAccepted(world.verify(close));
    });

    it("refuses every reject vector with its recorded exit code", () => {
      const txs = v.rejected();
      expect(txs).to.have.length(rejects.vectors.length);
      for (const t of txs) {
        const verdict = world.verify(t.skel);
        const type = verdict.groups.find((g) => g.script === "channel-type");
        expect(type?.code, `${t.name}: channel type script exit code`).to.equal(t.exitCode);
      }
    });
  });
});
