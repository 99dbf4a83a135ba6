/**
 * The CKB side of the three-chain channel: transactions built by src/ckb and verified in a real
 * CKB VM (ckb-debugger, native or WASM, offline; scripts/lib/ckb/world.ts), with the
 * channel type script as QuickJS bytecode on ckb-js-vm and channel-lock in C. Costs are the
 * cycles of the channel's script groups per transaction.
 *
 * Offline stand-ins (not under test): fee payers, payout locks and the UDT's type script are
 * always-success scripts with distinct args; the chain does not advance time, so the
 * force-close's relative `since` is checked by the script (a node would enforce it) but not
 * waited for.
 */
import type { Cell, Script } from "@ckb-lumos/base";
import type { helpers } from "@ckb-lumos/lumos";
import {
  buildClose,
  buildDispute,
  buildForceClose,
  buildFund,
  buildOpen,
  CKB_EXIT,
  channelNonce,
  forceCloseSince,
  readChannelStatus,
  type ChannelCell,
  type FeePayer,
} from "../../../src/ckb";
import { udtData, udtAmountOf } from "../../../src/ckb/buildFund";
import { BACKEND_CKB } from "../../../src";
import type { Hex } from "../../../src";
import { CkbWorld } from "../../lib/ckb/world";
import type { Verdict } from "../../lib/ckb/world";
import { ckbVmDescription } from "../../lib/ckb/vmChoice";
import { formatCount } from "../../lib/format";
import { DemoCheckError } from "../../lib/scriptErrors";
import type { Checker } from "../checker";
import type { OffChainChannel, SignedState } from "../offChainChannel";
import type { DemoPerson } from "../people";
import type { DemoAsset } from "../threeChain/plan";
import { formatAsset } from "../threeChain/plan";
import type { ChainCosts, DemoLog, DemoPayout } from "../types";

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000" as const;
/** UDT units each participant holds before each channel (more than any deposit). */
const UDT_PER_CHANNEL = 10_000n;

/** A channel's live cells on the mock chain. */
interface CkbChannel {
  channel: ChannelCell;
  funds: Cell[];
}

/** The exit code names, for output. */
const EXIT_NAME = new Map<number, string>(Object.entries(CKB_EXIT).map(([k, v]) => [v, k]));

export class CkbLeg {
  readonly costs: ChainCosts = {
    chain: "CKB",
    environment: `CKB VM (${ckbVmDescription()}), offline mock chain`,
    unit: "cycles",
    steps: [],
  };
  readonly world = new CkbWorld();
  /** The stand-in UDT's type script (always-success with its own args). */
  readonly udtType: Script;
  /** CKBytes (ccHolder empty) and the UDT (ccHolder = its type hash), both backend CKB. */
  readonly assets: DemoAsset[];
  /** Each participant's payout lock; its hash is the participant's ccAddress. */
  readonly payoutLocks: Script[];
  private readonly channels = new Map<string, CkbChannel>();

  constructor(
    private readonly people: DemoPerson[],
    private readonly log: DemoLog,
    private readonly check: Checker,
  ) {
    this.udtType = this.world.script("demo UDT");
    this.payoutLocks = people.map((p) => this.world.script(`payout ${p.name}`));
    const ckb = (ccHolder: Hex, symbol: string, decimals: number): DemoAsset => ({
      chain: "CKB",
      symbol,
      decimals,
      asset: { chainID: BACKEND_CKB, ethHolder: ZERO_ADDRESS, ccHolder },
      backend: BACKEND_CKB,
    });
    this.assets = [ckb("0x", "CKB", 8), ckb(this.world.hash(this.udtType) as Hex, "UDT", 0)];
    log.step(
      `CKB: channel type script (${formatCount(this.world.bundle.length)} bytes of QuickJS bytecode on ckb-js-vm) and ` +
        `channel-lock (C) deployed as cells of an offline mock chain; UDT type hash ${this.assets[1].asset.ccHolder}`,
    );
  }

  /** Each participant's ccAddress: the hash of its payout lock (where CKB pays it). */
  get ccAddresses(): Hex[] {
    return this.payoutLocks.map((l) => this.world.hash(l) as Hex);
  }

  private feePayer(): FeePayer {
    return { cells: [this.world.coins(10_000n)], changeLock: this.world.script("fee change") };
  }

  /**
   * A funder's fee payer: a cell under its own payout lock (hash = its ccAddress), whose
   * signature is the funder's consent to the stored state the type script demands.
   */
  private funderFeePayer(ccAddress: string): FeePayer {
    const lock = this.payoutLocks.find((l) => this.world.hash(l) === ccAddress.toLowerCase());
    if (lock === undefined) throw new DemoCheckError("CKB funder's payout lock", ccAddress, "unknown");
    return { cells: [this.world.coins(10_000n, lock)], changeLock: this.world.script("fee change") };
  }

  /**
   * The opener's fee payer and the params nonce bound to its first cell's out-point: the CKB
   * type script requires nonce = keccak256(out-point), which makes the channel ID unique there.
   */
  prepareOpen(): { feePayer: FeePayer; nonce: bigint } {
    const feePayer = this.feePayer();
    return { feePayer, nonce: channelNonce(feePayer.cells[0].outPoint!) };
  }

  /**
   * Verifies in the CKB VM without blocking the event loop: a blocked loop keeps an HTTP
   * connection to an EVM node alive in the client's eyes after the node closed it (idle
   * keep-alive), and the next EVM call fails with "other side closed".
   */
  private verify(skel: helpers.TransactionSkeletonType): Promise<Verdict> {
    return this.world.verifyAsync(skel);
  }

  /** Verifies in the CKB VM, records the cycles, commits the outputs; throws if refused. */
  private async submit(
    phase: string,
    action: string,
    actor: string,
    skel: helpers.TransactionSkeletonType,
  ): Promise<Cell[]> {
    const v = await this.verify(skel);
    if (!v.ok)
      throw new DemoCheckError(
        `CKB: ${action} by ${actor}`,
        "accepted by the CKB VM",
        `exit ${v.code} (${EXIT_NAME.get(v.code) ?? "?"}) of ${v.groups.find((g) => g.code !== 0)?.script}`,
      );
    this.costs.steps.push({ phase, action, actor, cost: BigInt(v.cycles) });
    this.log.step(`CKB: ${actor}: ${action} — accepted in the CKB VM (${formatCount(v.cycles)} cycles)`);
    return this.world.commit(skel);
  }

  private live(ch: OffChainChannel): CkbChannel {
    const c = this.channels.get(ch.id);
    if (c === undefined) throw new DemoCheckError(`CKB channel ${ch.id}`, "opened", "not opened");
    return c;
  }

  /** Participant 0 opens the channel with version 0; everyone funds its CKBytes and UDTs. */
  async openAndFund(phase: string, ch: OffChainChannel, opener: FeePayer): Promise<void> {
    const built = buildOpen({
      deployment: this.world.deployment,
      params: ch.params,
      initialState: ch.at(0n).state,
      feePayer: opener,
    });
    const out = await this.submit(phase, "open", ch.people[0].name, built.skeleton);
    let channel: ChannelCell = { cell: out[0], status: readChannelStatus(out[0].data) };
    const funds: Cell[] = [];
    const lock = channel.cell.cellOutput.lock;
    for (const [i, p] of ch.people.entries()) {
      const udtCell = this.world.mock({
        cellOutput: {
          capacity: "0x" + (200n * 100_000_000n).toString(16),
          lock: this.world.script(`UDT of ${p.name}`),
          type: this.udtType,
        },
        data: udtData(UDT_PER_CHANNEL),
      });
      const skel = buildFund({
        deployment: this.world.deployment,
        channel,
        expected: { params: ch.params, state: ch.at(0n).state },
        index: i,
        udtCells: [udtCell],
        udtChangeLock: this.world.script(`UDT change of ${p.name}`),
        feePayer: this.funderFeePayer(ch.params.participants[i].ccAddress),
      });
      const fundOut = await this.submit(phase, "fund CKB + UDT", p.name, skel);
      channel = { cell: fundOut[0], status: readChannelStatus(fundOut[0].data) };
      for (const c of fundOut.slice(1))
        if (c.cellOutput.lock.codeHash === lock.codeHash && c.cellOutput.lock.args === lock.args) funds.push(c);
    }
    this.check.equal("CKB: channel phase after every participant funded", "open", channel.status.phase);
    this.channels.set(ch.id, { channel, funds });
  }

  /** Close with the final `signed` state; checks the payouts and returns them. */
  async close(phase: string, actor: DemoPerson, ch: OffChainChannel, signed: SignedState): Promise<DemoPayout[]> {
    const c = this.live(ch);
    const skel = buildClose({
      deployment: this.world.deployment,
      channel: c.channel,
      fundsCells: c.funds,
      payoutLocks: this.payoutLocks,
      feePayer: this.feePayer(),
      state: signed.state,
      signatures: signed.sigs,
    });
    const out = await this.submit(phase, "close (final state, payout outputs)", actor.name, skel);
    return this.checkPayouts(ch, c, out, signed.state.outcome.balances);
  }

  /** `actor` registers (or refutes with) `signed`; returns the registered version. */
  async dispute(
    phase: string,
    action: string,
    actor: DemoPerson,
    ch: OffChainChannel,
    signed: SignedState,
  ): Promise<bigint> {
    const c = this.live(ch);
    const skel = buildDispute({
      deployment: this.world.deployment,
      channel: c.channel,
      state: signed.state,
      signatures: signed.sigs,
      feePayer: this.feePayer(),
    });
    const out = await this.submit(phase, action, actor.name, skel);
    c.channel = { cell: out[0], status: readChannelStatus(out[0].data) };
    return c.channel.status.state.version;
  }

  /**
   * `actor` tries to register `signed` over a newer registration. The builder refuses that, so
   * the attacker builds it by hand (the builder is told the channel is undisputed at `signed`'s
   * version); the type script must refuse it with STALE_VERSION. Not sent, so not in the costs.
   */
  async checkStaleRefused(actor: DemoPerson, ch: OffChainChannel, signed: SignedState): Promise<void> {
    const c = this.live(ch);
    const pretended: ChannelCell = {
      cell: c.channel.cell,
      status: { ...c.channel.status, disputed: false, state: signed.state },
    };
    const skel = buildDispute({
      deployment: this.world.deployment,
      channel: pretended,
      state: signed.state,
      signatures: signed.sigs,
      feePayer: this.feePayer(),
    });
    const v = await this.verify(skel);
    this.check.equal(
      `CKB: ${actor.name} registering version ${signed.state.version} over version ${c.channel.status.state.version} refused with exit`,
      `${CKB_EXIT.STALE_VERSION} (STALE_VERSION)`,
      `${v.code} (${EXIT_NAME.get(v.code) ?? "?"})`,
    );
  }

  /**
   * The force-close of the registered state: first with a `since` one second short of the
   * window, which the type script must refuse with WINDOW_NOT_OVER, then with the window.
   */
  async forceClose(phase: string, actor: DemoPerson, ch: OffChainChannel, expected: bigint[][]): Promise<DemoPayout[]> {
    const c = this.live(ch);
    const skel = buildForceClose({
      deployment: this.world.deployment,
      channel: c.channel,
      fundsCells: c.funds,
      payoutLocks: this.payoutLocks,
      feePayer: this.feePayer(),
    });
    const window = ch.params.challengeDuration;
    const early = await this.verify(skel.update("inputSinces", (m) => m.set(0, forceCloseSince(window - 1n))));
    this.check.equal(
      `CKB: force-close ${window - 1n} s after the registration refused with exit`,
      `${CKB_EXIT.WINDOW_NOT_OVER} (WINDOW_NOT_OVER)`,
      `${early.code} (${EXIT_NAME.get(early.code) ?? "?"})`,
    );
    const out = await this.submit(phase, `force-close (relative since ${window} s)`, actor.name, skel);
    return this.checkPayouts(ch, c, out, expected);
  }

  /**
   * Each participant's payout cells (locked by its payout lock) must carry exactly its CKByte
   * balance — plus the capacity it deposited beyond it (UDT cells' occupied capacity, its
   * `extras`) and, for the opener, the channel cell's capacity — and exactly its UDT balance;
   * and no cell of the channel may be left.
   */
  private checkPayouts(ch: OffChainChannel, c: CkbChannel, outputs: Cell[], balances: bigint[][]): DemoPayout[] {
    const [ckbRow, udtRow] = this.rows(ch);
    const channelCap = BigInt(c.channel.cell.cellOutput.capacity);
    const payouts: DemoPayout[] = [];
    ch.people.forEach((p, i) => {
      const mine = outputs.filter((o) => this.world.hash(o.cellOutput.lock) === this.world.hash(this.payoutLocks[i]));
      const capacity = mine.reduce((s, o) => s + BigInt(o.cellOutput.capacity), 0n);
      const returned = c.channel.status.extras[i] + (i === 0 ? channelCap : 0n);
      const ckb = capacity - returned;
      this.check.equal(
        `CKB: ${p.name} received ${formatAsset(this.assets[0], balances[ckbRow][i])}`,
        balances[ckbRow][i],
        ckb,
        `${formatAsset(this.assets[0], ckb)} (+ ${formatAsset(this.assets[0], returned)} of cell capacity returned)`,
      );
      const udt = mine
        .filter(
          (o) =>
            o.cellOutput.type !== undefined && this.world.hash(o.cellOutput.type) === this.world.hash(this.udtType),
        )
        .reduce((s, o) => s + udtAmountOf(o), 0n);
      this.check.equal(
        `CKB: ${p.name} received ${formatAsset(this.assets[1], balances[udtRow][i])}`,
        balances[udtRow][i],
        udt,
      );
      payouts.push({ channel: ch.label, chain: "CKB", participant: p.name, asset: "CKB", decimals: 8, amount: ckb });
      payouts.push({ channel: ch.label, chain: "CKB", participant: p.name, asset: "UDT", decimals: 0, amount: udt });
    });
    const lock = c.channel.cell.cellOutput.lock;
    const left = outputs.filter(
      (o) =>
        (o.cellOutput.lock.codeHash === lock.codeHash && o.cellOutput.lock.args === lock.args) ||
        (o.cellOutput.type !== undefined &&
          this.world.hash(o.cellOutput.type) === this.world.hash(c.channel.cell.cellOutput.type!)),
    );
    this.check.equal("CKB: channel and funds cells left after the payout", 0, left.length);
    this.channels.delete(ch.id);
    return payouts;
  }

  /** Outcome rows of CKBytes and the UDT in `ch`. */
  private rows(ch: OffChainChannel): [number, number] {
    const { assets, backends } = ch.at(0n).state.outcome;
    const find = (ccHolder: string): number =>
      assets.findIndex((a, i) => backends[i] === BACKEND_CKB && a.ccHolder.toLowerCase() === ccHolder.toLowerCase());
    return [find("0x"), find(this.assets[1].asset.ccHolder)];
  }
}
