import { expect } from "chai";
import { dispute } from "../../../canisters/adjudicator/src/logic/dispute";
import { disputeOf, holdings } from "../../../canisters/adjudicator/src/logic/queries";
import { readEvents } from "../../../canisters/adjudicator/src/logic/events";
import { hexToBytes } from "../../../src/encoding/internal/hex";
import { signState } from "../../../src/encoding/signState";
import { channelId } from "../../../src/encoding/channelId";
import {
  KEYS,
  LEDGER,
  makeChannel,
  makeState,
  signAll,
  toCandidParams,
  toCandidState,
  userPrincipal,
} from "../support/channels";
import { depositAll, disputeWith, fundedWorld } from "../support/logicFixture";
import { err, ok } from "../support/results";

const SEC = 1_000_000_000n;

describe("ICP logic: dispute", () => {
  it("registers a fully signed state and opens the window of challengeDuration seconds", () => {
    const { w, ch } = fundedWorld();
    const rec = ok(disputeWith(w, ch, makeState(ch, 1n, [[10n, 20n]])));
    expect(rec.version).to.equal(1n);
    expect(rec.phase).to.deep.equal({ Dispute: null });
    expect(rec.timeout).to.equal(w.now + 60n * SEC);
    expect(rec.payouts).to.deep.equal([{ ledger: LEDGER, balances: [10n, 20n] }]);
    const stored = disputeOf(w.ctx(userPrincipal(0)), hexToBytes(ch.id, "id"));
    expect(stored?.version).to.equal(1n);
    const ev = readEvents(w.ctx(userPrincipal(0)), 0n, 10).events.map((e) => Object.keys(e.event)[0]);
    expect(ev).to.deep.equal(["ChannelUpdate"]);
  });

  it("refutes with a strictly newer state over several rounds without extending the window", () => {
    const { w, ch } = fundedWorld();
    const first = ok(disputeWith(w, ch, makeState(ch, 1n, [[10n, 20n]])));
    w.now += 10n * SEC;
    const second = ok(disputeWith(w, ch, makeState(ch, 3n, [[11n, 19n]])));
    w.now += 10n * SEC;
    const third = ok(disputeWith(w, ch, makeState(ch, 4n, [[12n, 18n]])));
    expect(second.timeout).to.equal(first.timeout);
    expect(third.timeout).to.equal(first.timeout);
    expect(third.version).to.equal(4n);
  });

  it("refuses an equal or older version (StaleVersion)", () => {
    const { w, ch } = fundedWorld();
    ok(disputeWith(w, ch, makeState(ch, 5n, [[10n, 20n]])));
    expect(err(disputeWith(w, ch, makeState(ch, 5n, [[20n, 10n]])), "StaleVersion")).to.deep.equal({
      registered: 5n,
      given: 5n,
    });
    err(disputeWith(w, ch, makeState(ch, 4n, [[20n, 10n]])), "StaleVersion");
    expect(disputeOf(w.ctx(userPrincipal(0)), hexToBytes(ch.id, "id"))?.payouts[0].balances).to.deep.equal([10n, 20n]);
  });

  it("refuses a refutation once the window is over (WindowOver), even a newer one", () => {
    const { w, ch } = fundedWorld();
    const rec = ok(disputeWith(w, ch, makeState(ch, 1n, [[10n, 20n]])));
    w.now = rec.timeout;
    expect(err(disputeWith(w, ch, makeState(ch, 2n, [[20n, 10n]])), "WindowOver")).to.deep.equal({
      timeout: rec.timeout,
      now: rec.timeout,
    });
  });

  it("settles at once with a final state, first registration or refutation", async () => {
    const { w, ch } = fundedWorld();
    await depositAll(w, ch, [100n, 100n]);
    ok(disputeWith(w, ch, makeState(ch, 1n, [[100n, 100n]])));
    const rec = ok(disputeWith(w, ch, makeState(ch, 2n, [[150n, 50n]], { isFinal: true })));
    expect(rec.phase).to.deep.equal({ Concluded: null });
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(150n);
    expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[1])).to.equal(50n);
    err(disputeWith(w, ch, makeState(ch, 3n, [[0n, 200n]])), "AlreadyConcluded");
  });

  it("refuses a challengeDuration above the EVM bound (ChallengeDurationOutOfRange), accepts the bound", () => {
    const { w } = fundedWorld();
    const over = makeChannel(2, { challengeDuration: 1n << 32n });
    expect(err(disputeWith(w, over, makeState(over, 1n, [[1n, 1n]])), "ChallengeDurationOutOfRange").max).to.equal(
      0xffffffffn,
    );
    const max = makeChannel(2, { challengeDuration: 0xffffffffn });
    expect(ok(disputeWith(w, max, makeState(max, 1n, [[1n, 1n]]))).timeout).to.equal(w.now + 0xffffffffn * SEC);
  });

  describe("signatures (the strongest attacker holds every key but the honest one)", () => {
    it("refuses a state missing a signature (SignatureCount)", () => {
      const { w, ch } = fundedWorld();
      const s = makeState(ch, 1n, [[0n, 30n]]);
      const sigs = signAll(ch, s).slice(0, 1);
      expect(
        err(dispute(w.ctx(userPrincipal(1)), ch.candidParams, toCandidState(s), sigs), "SignatureCount"),
      ).to.deep.equal({ expected: 2, given: 1 });
    });

    it("refuses a signature by another key in the honest participant's slot (WrongSigner)", () => {
      const { w, ch } = fundedWorld();
      const s = makeState(ch, 1n, [[0n, 30n]]);
      const sigs = [hexToBytes(signState(s, KEYS[2]), "s"), hexToBytes(signState(s, ch.keys[1]), "s")];
      const e = err(dispute(w.ctx(userPrincipal(1)), ch.candidParams, toCandidState(s), sigs), "WrongSigner");
      expect(e.index).to.equal(0);
      expect(e.expected).to.deep.equal(hexToBytes(ch.params.participants[0].ethAddress, "a"));
    });

    it("refuses swapped signatures (WrongSigner at index 0)", () => {
      const { w, ch } = fundedWorld();
      const s = makeState(ch, 1n, [[0n, 30n]]);
      const sigs = signAll(ch, s).reverse();
      expect(
        err(dispute(w.ctx(userPrincipal(1)), ch.candidParams, toCandidState(s), sigs), "WrongSigner").index,
      ).to.equal(0);
    });

    it("refuses a signature over another state (WrongSigner)", () => {
      const { w, ch } = fundedWorld();
      const s = makeState(ch, 2n, [[0n, 30n]]);
      const other = makeState(ch, 2n, [[30n, 0n]]);
      const sigs = [signAll(ch, other)[0], signAll(ch, s)[1]];
      err(dispute(w.ctx(userPrincipal(1)), ch.candidParams, toCandidState(s), sigs), "WrongSigner");
    });

    const mutations: Array<[string, (sig: Uint8Array) => Uint8Array, string]> = [
      ["64 bytes (compact form)", (s) => s.subarray(0, 64), "SignatureLengthError"],
      ["v = 0", (s) => with64(s, 0), "SignatureVError"],
      ["v = 29", (s) => with64(s, 29), "SignatureVError"],
      [
        "r = 0",
        (s) => {
          const c = s.slice();
          c.fill(0, 0, 32);
          return c;
        },
        "SignatureRZeroError",
      ],
      [
        "s = 0",
        (s) => {
          const c = s.slice();
          c.fill(0, 32, 64);
          return c;
        },
        "SignatureSZeroError",
      ],
      ["high s (malleated)", (s) => malleate(s), "SignatureHighSError"],
      [
        "r = n",
        (s) => {
          const c = s.slice();
          c.set(hexToBytes("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "n"), 0);
          return c;
        },
        "SignatureRRangeError",
      ],
    ];
    for (const [name, mutate, rule] of mutations) {
      it(`refuses a signature with ${name} (BadSignature rule ${rule})`, () => {
        const { w, ch } = fundedWorld();
        const s = makeState(ch, 1n, [[0n, 30n]]);
        const sigs = signAll(ch, s);
        sigs[1] = mutate(sigs[1]);
        const e = err(dispute(w.ctx(userPrincipal(0)), ch.candidParams, toCandidState(s), sigs), "BadSignature");
        expect(e.index).to.equal(1);
        expect(e.rule).to.equal(rule);
      });
    }
  });

  describe("channel and state shape", () => {
    it("refuses a state of another channel (ChannelIdMismatch)", () => {
      const { w, ch } = fundedWorld();
      const other = makeChannel(2, { nonce: 2n });
      const s = makeState(other, 1n, [[1n, 1n]]);
      const e = err(
        dispute(w.ctx(userPrincipal(0)), ch.candidParams, toCandidState(s), signAll(ch, s)),
        "ChannelIdMismatch",
      );
      expect(e.expected).to.deep.equal(hexToBytes(ch.id, "id"));
    });

    const unsupported: Array<[string, (p: ReturnType<typeof makeChannel>["params"]) => void, string]> = [
      [
        "not a ledger channel",
        (p) => {
          p.ledgerChannel = false;
        },
        "not a ledger channel",
      ],
      [
        "a virtual channel",
        (p) => {
          p.virtualChannel = true;
        },
        "virtual channel",
      ],
      [
        "an app channel",
        (p) => {
          p.app = "0x00000000000000000000000000000000000000aa";
        },
        "app channel",
      ],
    ];
    for (const [name, change, reason] of unsupported) {
      it(`refuses ${name} (UnsupportedChannel)`, () => {
        const { w } = fundedWorld();
        const ch = makeChannel(2);
        change(ch.params);
        const fixed = { ...ch, id: channelId(ch.params) };
        const s = makeState(fixed, 1n, [[1n, 1n]]);
        expect(
          err(
            dispute(w.ctx(userPrincipal(0)), toCandidParams(ch.params), toCandidState(s), signAll(fixed, s)),
            "UnsupportedChannel",
          ).reason,
        ).to.equal(reason);
      });
    }

    it("refuses a lock holding an ICP asset (UnsupportedChannel) and a lock of the wrong width (InvalidOutcome)", () => {
      const { w, ch } = fundedWorld();
      const s = makeState(ch, 1n, [[1n, 1n]]);
      s.outcome.locked = [{ ID: ("0x" + "77".repeat(32)) as `0x${string}`, balances: [1n], indexMap: [0n, 1n] }];
      expect(err(disputeWith(w, ch, s), "UnsupportedChannel").reason).to.equal("lock 0 locks 1 of ICP asset 0");
      s.outcome.locked = [{ ID: ("0x" + "77".repeat(32)) as `0x${string}`, balances: [0n, 0n], indexMap: [0n, 1n] }];
      expect(err(disputeWith(w, ch, s), "InvalidOutcome").reason).to.equal("lock 0: 2 balances for 1 assets");
    });

    it("refuses a channel without participants and one with a participant twice (InvalidParams)", () => {
      const { w } = fundedWorld();
      const none = makeChannel(0, { keys: [] });
      const s0 = makeState(none, 1n, [[]]);
      expect(err(disputeWith(w, none, s0), "InvalidParams").reason).to.equal("no participants");
      const twice = makeChannel(2, { keys: [KEYS[0], KEYS[0]] });
      expect(err(disputeWith(w, twice, makeState(twice, 1n, [[1n, 1n]])), "InvalidParams").reason).to.match(
        /appears twice/,
      );
    });

    const shapes: Array<[string, (s: ReturnType<typeof makeState>) => void, RegExp]> = [
      [
        "fewer backends than assets",
        (s) => {
          s.outcome.backends = [];
        },
        /0 backends for 1 assets/,
      ],
      [
        "fewer balance rows than assets",
        (s) => {
          s.outcome.balances = [];
        },
        /0 balance rows/,
      ],
      [
        "a balance row of the wrong length",
        (s) => {
          s.outcome.balances[0] = [1n];
        },
        /asset 0: 1 balances for 2 participants/,
      ],
      [
        "a ledger listed twice",
        (s) => {
          s.outcome.assets.push(s.outcome.assets[0]);
          s.outcome.backends.push(s.outcome.backends[0]);
          s.outcome.balances.push([1n, 1n]);
        },
        /listed twice/,
      ],
    ];
    for (const [name, change, reason] of shapes) {
      it(`refuses an outcome with ${name} (InvalidOutcome)`, () => {
        const { w, ch } = fundedWorld();
        const s = makeState(ch, 1n, [[1n, 1n]]);
        change(s);
        expect(err(disputeWith(w, ch, s), "InvalidOutcome").reason).to.match(reason);
      });
    }

    it("refuses an address of 19 bytes (InvalidEncoding naming the field)", () => {
      const { w, ch } = fundedWorld();
      const s = makeState(ch, 1n, [[1n, 1n]]);
      const p = toCandidParams(ch.params);
      p.participants[1].ethAddress = p.participants[1].ethAddress.subarray(1);
      const e = err(dispute(w.ctx(userPrincipal(0)), p, toCandidState(s), signAll(ch, s)), "InvalidEncoding");
      expect(e.field).to.equal("participants[1].ethAddress");
    });

    it("ignores other chains' assets and pays only ICP ones", async () => {
      const { w, ch } = fundedWorld();
      await depositAll(w, ch, [100n, 100n]);
      const rec = ok(disputeWith(w, ch, makeState(ch, 1n, [[120n, 80n]], { extraEvm: true, isFinal: true })));
      expect(rec.payouts).to.have.length(1);
      expect(holdings(w.ctx(userPrincipal(0)), LEDGER, ch.fundingIDs[0])).to.equal(120n);
    });
  });
});

function with64(sig: Uint8Array, v: number): Uint8Array {
  const c = sig.slice();
  c[64] = v;
  return c;
}

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
function malleate(sig: Uint8Array): Uint8Array {
  const c = sig.slice();
  let s = 0n;
  for (let i = 32; i < 64; i++) s = (s << 8n) | BigInt(c[i]);
  let hs = N - s;
  for (let i = 63; i >= 32; i--) {
    c[i] = Number(hs & 0xffn);
    hs >>= 8n;
  }
  c[64] = c[64] === 27 ? 28 : 27;
  return c;
}
