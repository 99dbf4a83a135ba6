import type { Cell, OutPoint, Script } from "@ckb-lumos/base";
import { blockchain, utils } from "@ckb-lumos/base";
import { bytes } from "@ckb-lumos/codec";
import type { helpers } from "@ckb-lumos/lumos";
import type { Address, Hex, Params, State } from "../../src";
import {
  BACKEND_CKB,
  BACKEND_ETH,
  addressFromPrivateKey,
  channelId,
  encodeParams,
  hashState,
  keccak256,
} from "../../src";
import { decodeState, signState } from "../../src";
import {
  buildAbort,
  buildClose,
  buildDispute,
  buildFund,
  buildForceClose,
  buildOpen,
  channelLockScript,
  channelNonce,
  channelTypeScript,
  readChannelStatus,
  type ChannelCell,
  type CkbDeployment,
  type FeePayer,
} from "../../src/ckb";
import { udtAmountOf, udtData } from "../../src/ckb/buildFund";
import { EXIT } from "../../src/ckb/exitCodes";
import { ChannelAction, ChannelTypeArgs, Uint64Vec } from "../../src/ckb/generated/perun";
import { packBytes, packTable, tableFields } from "../../ckb-scripts/common/molecule";

/**
 * CKB vectors (issue 10): the channel scripts' args, the channel cell data (molecule
 * ChannelStatus) in every phase, the witness of every action (WitnessArgs.input_type =
 * molecule ChannelAction), funds cells and payout outputs, and encodings the on-chain decoder
 * must refuse with their exit code. Everything comes from the src/ckb builders run on one
 * deterministic channel (fixed keys, synthetic code hashes and out-points, RFC 6979
 * signatures); reject bytes are mutations of builder output. Part of `npm run gen:vectors`.
 * test/ckb/vectors.test.ts replays the dispute witness, the channel cell data and every reject
 * in the CKB VM against the real scripts.
 */
const KEYS = [`0x${"11".repeat(32)}`, `0x${"22".repeat(32)}`] as Hex[];
const CKB = 100_000_000n;
const ZERO_ADDRESS = `0x${"00".repeat(20)}` as Address;

function det(label: string): Hex {
  return keccak256(Uint8Array.from(`perun-adjudicators/ckb-vector/${label}`, (c) => c.charCodeAt(0)));
}
function hex(b: Uint8Array): Hex {
  return bytes.hexify(b) as Hex;
}
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/** A stand-in for the always-success lock/type scripts users' wallets and UDTs would bring. */
function userScript(label: string): Script {
  return { codeHash: det("user-script-code"), hashType: "type", args: hex(new TextEncoder().encode(label)) };
}

/** A deployment with synthetic code hashes (real ones are data hashes of the binaries). */
export function vectorDeployment(): CkbDeployment {
  const dep = (label: string, hashType: "data1" | "data2") => ({
    codeHash: det(`${label}/code-hash`),
    hashType,
    cellDep: { outPoint: { txHash: det(`${label}/tx`), index: "0x0" }, depType: "code" as const },
  });
  return {
    jsVm: dep("ckb-js-vm", "data2"),
    channelType: dep("channel-type", "data1"),
    channelLock: dep("channel-lock", "data1"),
  };
}

function mockCell(label: string, capacity: bigint, lock: Script, type?: Script, data = "0x"): Cell {
  const outPoint: OutPoint = { txHash: det(`cell/${label}`), index: "0x0" };
  return { cellOutput: { capacity: "0x" + capacity.toString(16), lock, type }, data, outPoint };
}

function feePayer(label: string): FeePayer {
  return {
    cells: [mockCell(`fee/${label}`, 10_000n * CKB, userScript(`fee/${label}`))],
    changeLock: userScript("change"),
  };
}

/** The cells a transaction creates, with synthetic out-points (what a node would assign). */
function outputsOf(skel: helpers.TransactionSkeletonType, label: string): Cell[] {
  return skel
    .get("outputs")
    .toArray()
    .map((c, i) => ({ ...c, outPoint: { txHash: det(`tx/${label}`), index: "0x" + i.toString(16) } }));
}

function channelOf(cell: Cell): ChannelCell {
  return { cell, status: readChannelStatus(cell.data) };
}

function fundsOf(cells: Cell[], lock: Script): Cell[] {
  return cells.filter((c) => c.cellOutput.lock.args === lock.args && c.cellOutput.lock.codeHash === lock.codeHash);
}

/** The deterministic channel and one honest transaction of every kind, built by src/ckb. */
export function ckbVectorChannel() {
  const d = vectorDeployment();
  const payoutLocks = KEYS.map((_, i) => userScript(`payout/${i}`));
  const udtType = userScript("udt");
  const openFee = feePayer("open");
  const params: Params = {
    challengeDuration: 3600n,
    nonce: channelNonce(openFee.cells[0].outPoint!),
    participants: KEYS.map((k, i) => ({
      ethAddress: addressFromPrivateKey(k),
      ccAddress: utils.computeScriptHash(payoutLocks[i]) as Hex,
    })),
    app: ZERO_ADDRESS,
    ledgerChannel: true,
    virtualChannel: false,
  };
  const id = channelId(params);
  const state0: State = {
    channelID: id,
    version: 0n,
    outcome: {
      assets: [
        { chainID: BACKEND_CKB, ethHolder: ZERO_ADDRESS, ccHolder: "0x" },
        { chainID: BACKEND_CKB, ethHolder: ZERO_ADDRESS, ccHolder: utils.computeScriptHash(udtType) as Hex },
        { chainID: 1337n, ethHolder: `0x${"ab".repeat(20)}` as Address, ccHolder: "0x" },
      ],
      backends: [BACKEND_CKB, BACKEND_CKB, BACKEND_ETH],
      balances: [
        [100n * CKB, 150n * CKB],
        [1000n, 1001n],
        [7n, 7n],
      ],
      locked: [],
    },
    appData: "0x",
    isFinal: false,
  };
  const stateAt = (version: bigint, delta: bigint, isFinal = false): State => {
    const s = structuredClone(state0);
    s.version = version;
    s.isFinal = isFinal;
    s.outcome.balances[0][0] -= delta * CKB;
    s.outcome.balances[0][1] += delta * CKB;
    s.outcome.balances[1][0] -= delta;
    s.outcome.balances[1][1] += delta;
    return s;
  };
  const signAll = (s: State) => KEYS.map((k) => signState(s, k));
  const udtCells = KEYS.map((_, i) =>
    mockCell(`udt/${i}`, 200n * CKB, userScript(`udt-owner/${i}`), udtType, udtData(5000n)),
  );

  const open = buildOpen({ deployment: d, params, initialState: state0, feePayer: openFee });
  let channel = channelOf(outputsOf(open.skeleton, "open")[0]);
  const lock = channel.cell.cellOutput.lock;
  const statuses: { name: string; data: string }[] = [{ name: "funding-nobody-funded", data: channel.cell.data }];
  const fundTx = (i: number) =>
    buildFund({
      deployment: d,
      channel,
      expected: { params, state: state0 },
      index: i,
      udtCells: [udtCells[i]],
      udtChangeLock: userScript("udt-change"),
      // the funder's own lock pays: its consent to the stored state
      feePayer: {
        cells: [mockCell(`fee/fund/${i}`, 10_000n * CKB, payoutLocks[i])],
        changeLock: userScript("change"),
      },
    });
  const fund0 = fundTx(0);
  const fund0Out = outputsOf(fund0, "fund/0");
  channel = channelOf(fund0Out[0]);
  statuses.push({ name: "funding-participant-0-funded", data: channel.cell.data });
  const partial = channel;
  const fund1 = fundTx(1);
  const fund1Out = outputsOf(fund1, "fund/1");
  channel = channelOf(fund1Out[0]);
  statuses.push({ name: "open-fully-funded", data: channel.cell.data });
  const open1 = channel;
  const funds = [...fundsOf(fund0Out.slice(1), lock), ...fundsOf(fund1Out.slice(1), lock)];
  const common = { deployment: d, fundsCells: funds, payoutLocks };
  const abort = buildAbort({
    ...common,
    fundsCells: fundsOf(fund0Out.slice(1), lock),
    channel: partial,
    // only a participant may abort
    feePayer: { cells: [mockCell("fee/abort", 10_000n * CKB, payoutLocks[1])], changeLock: userScript("change") },
  });
  const fin = stateAt(9n, 20n, true);
  const close = buildClose({
    ...common,
    channel: open1,
    state: fin,
    signatures: signAll(fin),
    feePayer: feePayer("close"),
  });
  const registered = stateAt(3n, 5n);
  const dispute = buildDispute({
    deployment: d,
    channel: open1,
    state: registered,
    signatures: signAll(registered),
    feePayer: feePayer("dispute"),
  });
  channel = channelOf(outputsOf(dispute, "dispute")[0]);
  statuses.push({ name: "disputed-registered-version-3", data: channel.cell.data });
  const refuting = stateAt(4n, 6n);
  const refute = buildDispute({
    deployment: d,
    channel,
    state: refuting,
    signatures: signAll(refuting),
    feePayer: feePayer("refute"),
  });
  channel = channelOf(outputsOf(refute, "refute")[0]);
  statuses.push({ name: "disputed-refuted-version-4", data: channel.cell.data });
  const forceClose = buildForceClose({ ...common, channel, feePayer: feePayer("force-close") });
  return {
    deployment: d,
    params,
    channelId: id,
    state0,
    payoutLocks,
    udtType,
    typeScript: open.typeScript,
    lock,
    statuses,
    funds: { "fund/0": fund0Out.slice(1), "fund/1": fund1Out.slice(1) },
    txs: { fund0, fund1, abort, dispute, refute, close, forceClose },
  };
}

/** Decoded meaning of a channel cell's data (readChannelStatus), in vector JSON form. */
export function statusMeaning(data: string): unknown {
  const s = readChannelStatus(data);
  return toJson({
    phase: s.phase,
    params: s.params,
    state: s.state,
    funded: s.funded,
    extras: s.extras,
    disputed: s.disputed,
  });
}

const ACTION_TAGS = ["Fund", "Abort", "Dispute", "Close", "ForceClose"];

/** Decoded meaning of a channel witness (lumos WitnessArgs + the generated ChannelAction codec). */
export function witnessMeaning(witness: string): unknown {
  const args = blockchain.WitnessArgs.unpack(witness);
  if (args.inputType === undefined) throw new Error("witness has no input_type");
  const action = ChannelAction.unpack(args.inputType);
  const value = action.value as Record<string, string | string[]>;
  const meaning: Record<string, unknown> = { action: action.type, unionTag: ACTION_TAGS.indexOf(action.type) };
  if (action.type === "Fund") meaning.index = bytes.bytify(value.index as string)[0];
  if (action.type === "Abort" || action.type === "ForceClose") meaning.reserved = value.reserved;
  if (action.type === "Dispute" || action.type === "Close") {
    const state = decodeState(value.state as Hex);
    meaning.state = toJson(state);
    meaning.stateHash = hashState(state);
    meaning.signatures = value.sigs;
  }
  return meaning;
}

/** WitnessArgs of the channel cell's input: the bytes and its decoded meaning. */
function witnessVector(name: string, skel: helpers.TransactionSkeletonType, since?: string) {
  const witness = skel.get("witnesses").get(0)!;
  const inputType = blockchain.WitnessArgs.unpack(witness).inputType!;
  return { name, witness, inputType, ...(since ? { since } : {}), meaning: witnessMeaning(witness) };
}

/** `u32` little-endian. */
function u32le(x: number): Uint8Array {
  return Uint8Array.of(x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, (x >>> 24) & 0xff);
}

interface Reject {
  name: string;
  /** Which bytes of the dispute transaction (ckb-witnesses.json "dispute") are replaced. */
  target: "witness" | "channel-cell-data";
  bytes: string;
  exitCode: number;
  exitName: string;
  rule: string;
}

/** Mutations of the honest dispute witness and the open channel cell's data the script must refuse. */
function rejectCases(witness: string, openData: string, params: Params): Reject[] {
  const w = bytes.bytify(witness);
  const inputType = bytes.bytify(blockchain.WitnessArgs.unpack(witness).inputType!);
  const withInputType = (it: Uint8Array) => hex(blockchain.WitnessArgs.pack({ inputType: hex(it) }));
  const body = inputType.subarray(4);
  const fields = tableFields(body, 2);
  if (fields === null) throw new Error("the honest dispute body is not a 2-field table");
  const [stateField, sigsField] = fields;
  const dispute = (fields: Uint8Array[]) => bytes.concat(u32le(2), packTable(fields));
  const d = bytes.bytify(openData);
  const edit = (src: Uint8Array, f: (b: Uint8Array) => void) => {
    const b = src.slice();
    f(b);
    return b;
  };
  const status = readChannelStatus(openData);
  const extras = Uint64Vec.pack(status.extras);
  const statusFields = (disputed: Uint8Array, paramsBytes: Uint8Array = encodeParams(params)) =>
    packTable([
      packBytes(paramsBytes),
      packBytes(bytes.bytify(status.stateBytes)),
      packBytes(Uint8Array.from(status.funded, (f) => (f ? 1 : 0))),
      bytes.bytify(extras),
      disputed,
    ]);
  const rows: Omit<Reject, "exitName">[] = [
    {
      name: "witness-truncated-by-one-byte",
      target: "witness",
      bytes: hex(w.subarray(0, w.length - 1)),
      exitCode: EXIT.MALFORMED_WITNESS,
      rule: "WitnessArgs total size (first u32) must equal the witness length",
    },
    {
      name: "witness-total-size-header-plus-one",
      target: "witness",
      bytes: hex(edit(w, (b) => b.set(u32le(w.length + 1), 0))),
      exitCode: EXIT.MALFORMED_WITNESS,
      rule: "WitnessArgs total size (first u32) must equal the witness length",
    },
    {
      name: "witness-without-input-type",
      target: "witness",
      bytes: hex(blockchain.WitnessArgs.pack({})),
      exitCode: EXIT.MALFORMED_WITNESS,
      rule: "input_type must hold a ChannelAction (at least the 4-byte union tag and a body)",
    },
    {
      name: "action-unknown-union-tag-5",
      target: "witness",
      bytes: withInputType(edit(inputType, (b) => b.set(u32le(5), 0))),
      exitCode: EXIT.MALFORMED_WITNESS,
      rule: "ChannelAction union tag must be 0 Fund, 1 Abort, 2 Dispute, 3 Close or 4 ForceClose",
    },
    {
      name: "dispute-state-length-header-plus-one",
      target: "witness",
      bytes: withInputType(dispute([edit(stateField, (b) => b.set(u32le(stateField.length - 4 + 1), 0)), sigsField])),
      exitCode: EXIT.MALFORMED_WITNESS,
      rule: "Dispute.state is molecule Bytes: its u32 length must equal its payload",
    },
    {
      name: "dispute-signatures-truncated-by-one-byte",
      target: "witness",
      bytes: withInputType(dispute([stateField, sigsField.subarray(0, sigsField.length - 1)])),
      exitCode: EXIT.MALFORMED_WITNESS,
      rule: "Dispute.sigs is a fixvec of 65-byte signatures: exactly 4 + 65·n bytes",
    },
    {
      name: "dispute-one-signature-for-two-participants",
      target: "witness",
      bytes: withInputType(dispute([stateField, bytes.concat(u32le(1), sigsField.subarray(4, 69))])),
      exitCode: EXIT.SIGNATURE_COUNT,
      rule: "one signature per participant",
    },
    {
      name: "status-truncated-by-one-byte",
      target: "channel-cell-data",
      bytes: hex(d.subarray(0, d.length - 1)),
      exitCode: EXIT.MALFORMED_DATA,
      rule: "ChannelStatus total size (first u32) must equal the data length",
    },
    {
      name: "status-total-size-header-minus-one",
      target: "channel-cell-data",
      bytes: hex(edit(d, (b) => b.set(u32le(d.length - 1), 0))),
      exitCode: EXIT.MALFORMED_DATA,
      rule: "ChannelStatus total size (first u32) must equal the data length",
    },
    {
      name: "status-disputed-two-bytes",
      target: "channel-cell-data",
      bytes: hex(statusFields(Uint8Array.of(0, 0))),
      exitCode: EXIT.MALFORMED_DATA,
      rule: "ChannelStatus.disputed is exactly one byte",
    },
    {
      name: "status-params-trailing-zero-word",
      target: "channel-cell-data",
      bytes: hex(statusFields(Uint8Array.of(0), bytes.concat(encodeParams(params), new Uint8Array(32)))),
      exitCode: EXIT.MALFORMED_PARAMS,
      rule: "ChannelStatus.params must be the canonical abi.encode(Params) (strict decoder)",
    },
  ];
  const names = Object.fromEntries(Object.entries(EXIT).map(([k, v]) => [v, k]));
  return rows.map((r) => ({ ...r, exitName: names[r.exitCode] }));
}

function scriptJson(s: Script) {
  return { codeHash: s.codeHash, hashType: s.hashType, args: s.args, hash: utils.computeScriptHash(s) };
}

function cellJson(c: Cell) {
  const o = c.cellOutput;
  return {
    capacity: BigInt(o.capacity).toString(),
    lockHash: utils.computeScriptHash(o.lock),
    typeHash: o.type ? utils.computeScriptHash(o.type) : null,
    data: c.data,
    ...(o.type ? { udtAmount: udtAmountOf(c).toString() } : {}),
  };
}

/** Payout outputs of a terminal transaction (all outputs but the fee payer's change). */
function payouts(name: string, skel: helpers.TransactionSkeletonType) {
  const outs = skel.get("outputs").toArray();
  return { name, outputs: outs.slice(0, outs.length - 1).map(cellJson) };
}

export function buildCkbVectors(header: (description: string) => Record<string, string>): Record<string, unknown> {
  const v = ckbVectorChannel();
  const gen = { generator: "npm run gen:vectors (test/vectors/buildCkbVectors.ts); do not edit by hand" };
  const conventions = {
    conventions:
      "molecule (little-endian u32 headers) per ckb-scripts/schemas/perun.mol; params/state inside are abi.encode bytes (see params.json, states.json); integers are decimal strings; capacities in shannons; bytes lowercase 0x-hex; script hashes are blake2b-256 (ckb-default-hash) of the molecule Script",
  };
  const h = (description: string) => ({ ...header(description), ...gen, ...conventions });
  const typeArgs = hex(
    ChannelTypeArgs.pack({
      channel_id: v.channelId,
      lock_code_hash: v.deployment.channelLock.codeHash,
      lock_hash_type: "0x02",
    }),
  );
  const fullArgs = v.typeScript.args;
  if (!fullArgs.endsWith(typeArgs.slice(2))) throw new Error("channel type args are not prefix ‖ ChannelTypeArgs");
  const scripts = {
    deployment: {
      jsVmCodeHash: v.deployment.jsVm.codeHash,
      jsVmHashType: v.deployment.jsVm.hashType,
      channelTypeCodeHash: v.deployment.channelType.codeHash,
      channelTypeHashType: v.deployment.channelType.hashType,
      channelLockCodeHash: v.deployment.channelLock.codeHash,
      channelLockHashType: v.deployment.channelLock.hashType,
    },
    channelID: v.channelId,
    channelTypeArgs: {
      bytes: typeArgs,
      meaning: { channel_id: v.channelId, lock_code_hash: v.deployment.channelLock.codeHash, lock_hash_type: 2 },
    },
    channelTypeScript: {
      ...scriptJson(v.typeScript),
      argsLayout: "0x0000 ‖ channel-type code hash (32) ‖ hash type byte (data1 = 2) ‖ ChannelTypeArgs (65): 100 bytes",
    },
    channelLockScript: {
      ...scriptJson(v.lock),
      argsLayout: "the channel type script's hash (32 bytes); guards the channel cell and every funds cell",
    },
  };
  if (channelLockScript(v.deployment, channelTypeScript(v.deployment, v.channelId)).args !== v.lock.args)
    throw new Error("channel lock args are not the type script hash");
  const statuses = v.statuses.map((s) => ({ name: s.name, data: s.data, meaning: statusMeaning(s.data) }));
  const witnesses = [
    witnessVector("fund-participant-0", v.txs.fund0),
    witnessVector("fund-participant-1", v.txs.fund1),
    witnessVector("abort", v.txs.abort),
    witnessVector("dispute", v.txs.dispute),
    witnessVector("refute", v.txs.refute),
    witnessVector("close", v.txs.close),
    witnessVector("force-close", v.txs.forceClose, v.txs.forceClose.get("inputSinces").get(0)),
  ];
  const fundsCells = Object.entries(v.funds).map(([name, cells]) => ({
    name,
    cells: fundsOf(cells, v.lock).map(cellJson),
  }));
  const open = v.statuses.find((s) => s.name === "open-fully-funded")!.data;
  return {
    "ckb-scripts.json": {
      ...h(
        "CKB channel type script args (ckb-js-vm prefix ‖ molecule ChannelTypeArgs) and channel-lock args (= type script hash) for one channel, under a synthetic deployment (code hashes given)",
      ),
      payoutLocks: v.payoutLocks.map(scriptJson),
      udtType: scriptJson(v.udtType),
      ...scripts,
    },
    "ckb-channel-status.json": {
      ...h(
        "CKB channel cell data (molecule ChannelStatus { params, state, funded, extras, disputed }) in each phase of one channel's life, with the decoded meaning (src/ckb readChannelStatus)",
      ),
      channelID: v.channelId,
      vectors: statuses,
    },
    "ckb-witnesses.json": {
      ...h(
        "CKB witness of the channel cell's input for every action: WitnessArgs whose input_type is the molecule ChannelAction union (tag u32: 0 Fund, 1 Abort, 2 Dispute, 3 Close, 4 ForceClose), with the decoded meaning; Dispute/Close carry abi.encode(State) and one 65-byte signature per participant in params order",
      ),
      channelID: v.channelId,
      vectors: witnesses,
    },
    "ckb-cells.json": {
      ...h(
        "CKB funds cells each fund transaction creates (lock = channel-lock; UDT data = u128 little-endian amount; capacity beyond the CKByte balance becomes the participant's extras) and the payout outputs abort/close/force-close must create, per participant in params order (lock hash = ccAddress)",
      ),
      channelLockHash: utils.computeScriptHash(v.lock),
      funds: fundsCells,
      payouts: [payouts("abort", v.txs.abort), payouts("close", v.txs.close), payouts("force-close", v.txs.forceClose)],
    },
    "ckb-rejects.json": {
      ...h(
        "encodings the channel type script must refuse, with its exit code (src/ckb/exitCodes.ts): each replaces the witness, or the input channel cell's data, of the dispute transaction built from ckb-witnesses.json 'dispute' and ckb-channel-status.json 'open-fully-funded'",
      ),
      vectors: rejectCases(v.txs.dispute.get("witnesses").get(0)!, open, v.params),
    },
  };
}
