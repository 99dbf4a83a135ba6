import { expect } from "chai";
import { bytes } from "@ckb-lumos/codec";
import { ChannelStatus } from "../../typechain/ckb/perun";
import {
  CKB_EXIT as EXIT,
  type CkbDeployment,
  channelLockScript,
  channelTypeScript,
  encodeChannelStatus,
} from "../../src/ckb";
import { channelTypeCodes, referencedAs } from "./support/twoChannels";
import { keccak256 } from "../../src/encoding/keccak256";
import { expectRejected, expectSnapshotCycles } from "./support/expect";
import { openTx } from "./support/fixtures";
import { addOutput, mapOutput } from "./support/mutate";
import { CkbWorld } from "../../scripts/lib/ckb/world";

/** Open: the channel type script in the CKB VM (WASM ckb-debugger), builder output and attacks on it. */
describe("CKB open (channel type script, CKB VM)", function () {
  this.timeout(600_000);
  const world = new CkbWorld();

  it("accepts the builder's open: 2 participants, CKBytes + UDT (+ an ignored EVM asset); cycles as in cycles.json", () => {
    expectSnapshotCycles("open", 2);
  });

  it("accepts the builder's open: 3 participants, CKBytes only; cycles as in cycles.json", () => {
    expectSnapshotCycles("open", 3);
  });

  it("refuses a channel ID in the args that is not keccak256(params) (CHANNEL_ID_MISMATCH)", () => {
    const { built } = openTx(world, 2, false);
    const skel = mapOutput(built.skeleton, 0, (c) => {
      const type = channelTypeScript(world.deployment, "0x" + "ee".repeat(32));
      return { ...c, cellOutput: { ...c.cellOutput, type, lock: channelLockScript(world.deployment, type) } };
    });
    expectRejected(world.verify(skel), EXIT.CHANNEL_ID_MISMATCH);
  });

  it("refuses params whose nonce is not bound to the first input's out-point (NONCE_NOT_BOUND)", () => {
    const { built } = openTx(world, 2, false);
    const other = world.coins(1000n);
    const skel = built.skeleton
      .update("inputs", (l) => l.insert(0, other))
      .update("witnesses", (l) => l.insert(0, "0x"));
    expectRejected(world.verify(skel), EXIT.NONCE_NOT_BOUND);
  });

  it("refuses two channel cells with the same identity (DUPLICATE_CHANNEL)", () => {
    const { built } = openTx(world, 2, false);
    const skel = addOutput(built.skeleton, built.skeleton.get("outputs").get(0)!);
    expectRejected(world.verify(skel), EXIT.DUPLICATE_CHANNEL);
  });

  it("refuses a channel cell that is not locked by channel-lock(type hash) (BAD_CHANNEL_LOCK)", () => {
    const { built } = openTx(world, 2, false);
    const skel = mapOutput(built.skeleton, 0, (c) => ({
      ...c,
      cellOutput: { ...c.cellOutput, lock: world.script("attacker") },
    }));
    expectRejected(world.verify(skel), EXIT.BAD_CHANNEL_LOCK);
  });

  it("refuses an initial status that claims a deposit (BAD_INITIAL_STATUS)", () => {
    const { sc, built } = openTx(world, 2, false);
    const skel = mapOutput(built.skeleton, 0, (c) => ({
      ...c,
      data: encodeChannelStatus({
        params: sc.params,
        state: sc.state0,
        funded: [true, false],
        extras: [0n, 0n],
        disputed: false,
      }),
    }));
    expectRejected(world.verify(skel), EXIT.BAD_INITIAL_STATUS);
  });

  it("refuses two participants with one payout lock (BAD_PARAMS)", async () => {
    const { sc } = openTx(world, 2, false);
    sc.params.participants[1].ccAddress = sc.params.participants[0].ccAddress;
    const { buildOpen } = await import("../../src/ckb");
    const { channelId } = await import("../../src/encoding/channelId");
    const fp = { cells: [world.coins(10_000n)], changeLock: world.script("c") };
    sc.params.nonce = (await import("../../src/ckb")).channelNonce(fp.cells[0].outPoint!);
    sc.state0.channelID = channelId(sc.params);
    const built = buildOpen({ deployment: world.deployment, params: sc.params, initialState: sc.state0, feePayer: fp });
    expectRejected(world.verify(built.skeleton), EXIT.BAD_PARAMS);
  });

  it("refuses one Ethereum key listed for two participants (BAD_PARAMS)", async () => {
    // That key alone would sign for both: every fully signed state would need one signer only.
    const { sc } = openTx(world, 2, false);
    sc.params.participants[1].ethAddress = sc.params.participants[0].ethAddress;
    const { buildOpen, channelNonce } = await import("../../src/ckb");
    const { channelId } = await import("../../src/encoding/channelId");
    const fp = { cells: [world.coins(10_000n)], changeLock: world.script("c") };
    sc.params.nonce = channelNonce(fp.cells[0].outPoint!);
    sc.state0.channelID = channelId(sc.params);
    const built = buildOpen({ deployment: world.deployment, params: sc.params, initialState: sc.state0, feePayer: fp });
    expectRejected(world.verify(built.skeleton), EXIT.BAD_PARAMS);
  });

  it("refuses cell data that is not a canonical ChannelStatus (MALFORMED_DATA)", () => {
    const { built } = openTx(world, 2, false);
    const skel = mapOutput(built.skeleton, 0, (c) => ({ ...c, data: c.data + "00" }));
    expectRejected(world.verify(skel), EXIT.MALFORMED_DATA);
  });

  it("refuses non-canonical params even when the channel ID is their hash (MALFORMED_PARAMS)", () => {
    const { built } = openTx(world, 2, false);
    const skel = mapOutput(built.skeleton, 0, (c) => {
      const raw = ChannelStatus.unpack(c.data);
      const params = bytes.hexify(bytes.concat(raw.params, new Uint8Array(32))); // trailing word
      const type = channelTypeScript(world.deployment, keccak256(params as `0x${string}`));
      const data = bytes.hexify(ChannelStatus.pack({ ...raw, params }));
      return { cellOutput: { ...c.cellOutput, type, lock: channelLockScript(world.deployment, type) }, data };
    });
    expectRejected(world.verify(skel), EXIT.MALFORMED_PARAMS);
  });

  it("the builder refuses a nonce that is not bound to its first input", () => {
    const { sc } = openTx(world, 2, false);
    return import("../../src/ckb").then(({ buildOpen, CkbBuildError }) => {
      const fp = { cells: [world.coins(10_000n)], changeLock: world.script("c") };
      expect(() =>
        buildOpen({ deployment: world.deployment, params: sc.params, initialState: sc.state0, feePayer: fp }),
      ).to.throw(CkbBuildError, /nonce/);
    });
  });

  it("refuses a stored initial state whose version is not 0 (INITIAL_VERSION_NOT_ZERO; issue 16 finding 2)", () => {
    // A stores version 2^64-1: no signed state could ever register over it, and B's deposit
    // would wait for A's signature on a close.
    const { sc, built } = openTx(world, 2, false);
    const skel = mapOutput(built.skeleton, 0, (c) => ({
      ...c,
      data: encodeChannelStatus({
        params: sc.params,
        state: { ...sc.state0, version: (1n << 64n) - 1n },
        funded: [false, false],
        extras: [0n, 0n],
        disputed: false,
      }),
    }));
    expectRejected(world.verify(skel), EXIT.INITIAL_VERSION_NOT_ZERO);
  });

  describe("one identity per transaction, and the deployed lock code only (issue 16 finding 3)", () => {
    /** The builder's open plus a twin channel cell with the same params and ID under `twin`. */
    const withTwin = (twin: CkbDeployment) => {
      const { built } = openTx(world, 2, false);
      const x = built.skeleton.get("outputs").get(0)!;
      const type = channelTypeScript(twin, built.channelId);
      return addOutput(built.skeleton, {
        ...x,
        cellOutput: { ...x.cellOutput, type, lock: channelLockScript(twin, type) },
      });
    };
    const alwaysSuccessLock = (): CkbDeployment => {
      const as = world.script("any");
      return { ...world.deployment, channelLock: { ...world.deployment.channelLock, codeHash: as.codeHash } };
    };

    it("refuses a twin of the channel whose lock code is always-success (DUPLICATE_CHANNEL, FOREIGN_LOCK_CODE)", () => {
      const v = world.verify(withTwin(alwaysSuccessLock()));
      expect(channelTypeCodes(v)).to.deep.equal([EXIT.DUPLICATE_CHANNEL, EXIT.FOREIGN_LOCK_CODE]);
    });

    it("refuses a twin under another reference of the same code and lock (DUPLICATE_CHANNEL in both)", () => {
      const v = world.verify(withTwin(referencedAs(world, "data")));
      expect(channelTypeCodes(v)).to.deep.equal([EXIT.DUPLICATE_CHANNEL, EXIT.DUPLICATE_CHANNEL]);
    });

    it("refuses a lone channel whose args name another lock code (FOREIGN_LOCK_CODE)", () => {
      const { sc, built } = openTx(world, 2, false);
      const d = alwaysSuccessLock();
      const skel = mapOutput(built.skeleton, 0, (c) => {
        const type = channelTypeScript(d, built.channelId);
        return { ...c, cellOutput: { ...c.cellOutput, type, lock: channelLockScript(d, type) } };
      });
      void sc;
      expectRejected(world.verify(skel), EXIT.FOREIGN_LOCK_CODE);
    });
  });
});
