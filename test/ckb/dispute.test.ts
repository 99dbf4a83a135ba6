import { bytes } from "@ckb-lumos/codec";
import { blockchain } from "@ckb-lumos/base";
import { CKB_EXIT as EXIT } from "../../src/ckb";
import { actionWitness } from "../../src/ckb/skeleton";
import { encodeState } from "../../src/encoding/encodeState";
import { signState } from "../../src/encoding/signState";
import { expectRejected, expectSnapshotCycles } from "./support/expect";
import { commitChannel, disputeTx, fundTx, funded, KEYS, nextState, opened, signAll } from "./support/fixtures";
import { addInput, mapOutput, setWitness } from "./support/mutate";
import { CkbWorld } from "../../scripts/lib/ckb/world";

const SECP_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** Dispute: register or refute with a state signed by all (channel type script, CKB VM). */
describe("CKB dispute (channel type script, CKB VM)", function () {
  this.timeout(600_000);
  const world = new CkbWorld();
  const witnessWith = (state: ReturnType<typeof nextState>, sigs: string[]) =>
    actionWitness({ type: "Dispute", value: { state: encodeState(state), sigs } });

  it("registers, then refutes with a higher version (2 parties, CKBytes + UDT); cycles as in cycles.json", () => {
    expectSnapshotCycles("dispute", 2);
    expectSnapshotCycles("refute", 2);
  });

  it("registers and refutes 3-party states (CKBytes); cycles as in cycles.json", () => {
    expectSnapshotCycles("dispute", 3);
    expectSnapshotCycles("refute", 3);
  });

  it("refuses a refutation that does not raise the version (STALE_VERSION)", () => {
    const sc = funded(world, 2, false);
    const d1 = disputeTx(sc, nextState(sc, 3n, 5n));
    commitChannel(sc, d1);
    const stale = nextState(sc, 3n, 9n);
    const skel = disputeTx(
      { ...sc, channel: { ...sc.channel!, status: { ...sc.channel!.status, disputed: false } } },
      stale,
    );
    expectRejected(world.verify(skel), EXIT.STALE_VERSION);
  });

  it("refuses signatures in the wrong order: the policy's signer rule (SIG 79)", () => {
    const sc = funded(world, 2, false);
    const s = nextState(sc, 1n, 1n);
    const sigs = signAll(sc, s).reverse();
    const skel = setWitness(disputeTx(sc, s), 0, witnessWith(s, sigs));
    expectRejected(world.verify(skel), EXIT.SIG_BASE + 9);
  });

  it("refuses a state signed by only one key holder for both (SIG 79)", () => {
    const sc = funded(world, 2, false);
    const s = nextState(sc, 1n, 50n);
    const sigs = [signState(s, KEYS[0]), signState(s, KEYS[0])];
    expectRejected(world.verify(setWitness(disputeTx(sc, s), 0, witnessWith(s, sigs))), EXIT.SIG_BASE + 9);
  });

  it("refuses the high-s twin of a valid signature (SIG 76)", () => {
    const sc = funded(world, 2, false);
    const s = nextState(sc, 1n, 1n);
    const sigs = signAll(sc, s);
    const raw = bytes.bytify(sigs[1]);
    const high = SECP_N - BigInt(bytes.hexify(raw.slice(32, 64)));
    raw.set(bytes.bytify("0x" + high.toString(16).padStart(64, "0")), 32);
    raw[64] = raw[64] === 27 ? 28 : 27;
    sigs[1] = bytes.hexify(raw) as `0x${string}`;
    expectRejected(world.verify(setWitness(disputeTx(sc, s), 0, witnessWith(s, sigs))), EXIT.SIG_BASE + 6);
  });

  it("refuses one signature too few (SIGNATURE_COUNT)", () => {
    const sc = funded(world, 3, false);
    const s = nextState(sc, 1n, 1n);
    const sigs = signAll(sc, s).slice(0, 2);
    expectRejected(world.verify(setWitness(disputeTx(sc, s), 0, witnessWith(s, sigs))), EXIT.SIGNATURE_COUNT);
  });

  it("refuses a dispute before everybody funded (NOT_FULLY_FUNDED)", () => {
    const sc = opened(world, 2, false);
    const f0 = fundTx(sc, 0);
    commitChannel(sc, f0);
    const s = nextState(sc, 1n, 1n);
    const forged = { ...sc, channel: { ...sc.channel!, status: { ...sc.channel!.status, funded: [true, true] } } };
    expectRejected(world.verify(disputeTx(forged, s)), EXIT.NOT_FULLY_FUNDED);
  });

  it("refuses a state of another channel (STATE_CHANNEL_ID)", () => {
    const sc = funded(world, 2, false);
    const s = nextState(sc, 1n, 1n);
    s.channelID = ("0x" + "aa".repeat(32)) as `0x${string}`;
    expectRejected(world.verify(disputeTx(sc, s)), EXIT.STATE_CHANNEL_ID);
  });

  it("refuses a state that creates CKBytes (OUTCOME_CHANGED)", () => {
    const sc = funded(world, 2, false);
    const s = nextState(sc, 1n, 1n);
    s.outcome.balances[0][1] += 1n;
    expectRejected(world.verify(disputeTx(sc, s)), EXIT.OUTCOME_CHANGED);
  });

  it("refuses a dispute that also spends a funds cell (FUNDS_SPENT)", () => {
    const sc = funded(world, 2, false);
    const skel = addInput(disputeTx(sc, nextState(sc, 1n, 1n)), sc.funds[0]);
    expectRejected(world.verify(skel), EXIT.FUNDS_SPENT);
  });

  it("refuses a dispute that hands the channel cell to another lock (BAD_CHANNEL_LOCK)", () => {
    const sc = funded(world, 2, false);
    const skel = mapOutput(disputeTx(sc, nextState(sc, 1n, 1n)), 0, (c) => ({
      ...c,
      cellOutput: { ...c.cellOutput, lock: world.script("thief") },
    }));
    expectRejected(world.verify(skel), EXIT.BAD_CHANNEL_LOCK);
  });

  it("refuses a witness that is not WitnessArgs with a ChannelAction (MALFORMED_WITNESS)", () => {
    const sc = funded(world, 2, false);
    const bad = bytes.hexify(blockchain.WitnessArgs.pack({ inputType: "0x0200000001" }));
    expectRejected(world.verify(setWitness(disputeTx(sc, nextState(sc, 1n, 1n)), 0, bad)), EXIT.MALFORMED_WITNESS);
  });

  it("refuses a state that the strict decoder rejects (MALFORMED_STATE)", () => {
    const sc = funded(world, 2, false);
    const s = nextState(sc, 1n, 1n);
    const enc = bytes.bytify(encodeState(s));
    enc[32 + 128 + 31] = 2; // isFinal word = 2: not a canonical bool
    const w = actionWitness({ type: "Dispute", value: { state: bytes.hexify(enc), sigs: signAll(sc, s) } });
    expectRejected(world.verify(setWitness(disputeTx(sc, s), 0, w)), EXIT.MALFORMED_STATE);
  });
});
