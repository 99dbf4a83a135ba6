/**
 * A channel as its participants see it off-chain: the params, and every state they signed.
 * Chain-agnostic — states, channel IDs and signatures come from the library alone — so every
 * chain is driven with exactly the states built here: one signature per participant per
 * state, whatever number of chains the outcome's assets live on.
 *
 * What an honest client does on every update is done here too: the new version is one higher,
 * the totals per asset are unchanged (money is moved, never created), every participant signs,
 * and every signature is verified before the state counts as agreed.
 */
import { channelId, signState, verifyStateSignature } from "../../src";
import type { Address, Asset, Hex, Params, Participant, State } from "../../src";
import { DemoCheckError } from "../lib/scriptErrors";
import type { DemoPerson } from "./people";

/** A state with one signature per participant, in participant order. */
export interface SignedState {
  state: State;
  sigs: Hex[];
}

/** Settings of a new channel. */
export interface ChannelSetup {
  /** Name in the output, e.g. "channel 1". */
  label: string;
  /** The signers, in participant order. */
  people: DemoPerson[];
  /** `ccAddress` of each participant (e.g. its CKB payout lock hash); `ethAddress` is its key's address. */
  ccAddresses: Hex[];
  assets: Asset[];
  /** `backends[i]` of asset i (DESIGN.md §2). */
  backends: bigint[];
  /** `balances[asset][participant]` of version 0, i.e. what each participant deposits. */
  initialBalances: bigint[][];
  nonce: bigint;
  /** Seconds. */
  challengeDuration: bigint;
}

const ZERO_ADDRESS: Address = "0x0000000000000000000000000000000000000000";

export class OffChainChannel {
  readonly label: string;
  readonly params: Params;
  readonly id: Hex;
  readonly people: DemoPerson[];
  private readonly history: SignedState[] = [];

  /** Opens the channel: builds the params and has everyone sign version 0 (before funding). */
  constructor(setup: ChannelSetup) {
    this.label = setup.label;
    this.people = setup.people;
    if (setup.ccAddresses.length !== setup.people.length)
      throw new DemoCheckError("ccAddresses", setup.people.length, setup.ccAddresses.length);
    const participants: Participant[] = setup.people.map((p, i) => ({
      ethAddress: p.address,
      ccAddress: setup.ccAddresses[i],
    }));
    this.params = {
      challengeDuration: setup.challengeDuration,
      nonce: setup.nonce,
      participants,
      app: ZERO_ADDRESS,
      ledgerChannel: true,
      virtualChannel: false,
    };
    this.id = channelId(this.params);
    const initial: State = {
      channelID: this.id,
      version: 0n,
      outcome: { assets: setup.assets, backends: setup.backends, balances: setup.initialBalances, locked: [] },
      appData: "0x",
      isFinal: false,
    };
    this.history.push(this.signByAll(initial));
  }

  /** The latest fully signed state. */
  get latest(): SignedState {
    return this.history[this.history.length - 1];
  }

  /** The fully signed state of `version`. */
  at(version: bigint): SignedState {
    const s = this.history.find((h) => h.state.version === version);
    if (!s) throw new DemoCheckError(`signed state of version ${version}`, "a state in the history", "none");
    return s;
  }

  /**
   * Agrees on the next state: same assets, new balances (same total per asset), version + 1,
   * signed by everyone and verified by everyone.
   */
  update(balances: bigint[][], isFinal = false): SignedState {
    const prev = this.latest.state;
    const assets = prev.outcome.assets.length;
    if (balances.length !== assets) throw new DemoCheckError("balance rows", assets, balances.length);
    for (let a = 0; a < assets; a++) {
      if (balances[a].length !== this.people.length || balances[a].some((v) => v < 0n))
        throw new DemoCheckError(`balances of asset ${a}`, `${this.people.length} amounts ≥ 0`, balances[a].join(", "));
      const before = prev.outcome.balances[a].reduce((x, y) => x + y, 0n);
      const after = balances[a].reduce((x, y) => x + y, 0n);
      if (before !== after)
        throw new DemoCheckError(`total of asset ${a} in version ${prev.version + 1n}`, before, after);
    }
    const next: State = {
      ...prev,
      version: prev.version + 1n,
      outcome: { ...prev.outcome, balances: balances.map((row) => [...row]) },
      isFinal,
    };
    const signed = this.signByAll(next);
    this.history.push(signed);
    return signed;
  }

  /** Everyone signs; then everyone checks every signature, as a real client would. */
  private signByAll(state: State): SignedState {
    const sigs = this.people.map((p) => signState(state, p.privateKey));
    this.people.forEach((p, i) => {
      if (!verifyStateSignature(state, sigs[i], p.address)) {
        throw new DemoCheckError(`${p.name}'s signature on version ${state.version}`, "valid", "invalid");
      }
    });
    return { state, sigs };
  }
}
