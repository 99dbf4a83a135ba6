import { expect } from "chai";
import fc from "fast-check";
import { bytes } from "@ckb-lumos/codec";
import { CKB_EXIT as EXIT } from "../../src/ckb";
import { actionWitness } from "../../src/ckb/skeleton";
import { encodeState } from "../../src/encoding/encodeState";
import { recoverStateSigner } from "../../src/encoding/recoverStateSigner";
import type { Hex, State } from "../../src/encoding/types";
import { propParams, propTitle } from "../support/propertyRuns";
import { disputeTx, funded, nextState, signAll, type Scenario } from "./support/fixtures";
import { setWitness } from "./support/mutate";
import { CkbWorld } from "../../scripts/lib/ckb/world";

/**
 * Each run is one CKB VM verification (~2–3 s in the WASM debugger), so the run count is
 * CKB_PROP_RUNS (else PROP_RUNS if set, else 4); the seed is PROP_SEED (fixed by default; PROP_PATH replays a failure).
 */
const RUNS = Number(process.env.CKB_PROP_RUNS ?? (process.env.PROP_RUNS ? process.env.PROP_RUNS : 4));
const SECP_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

type Mutation =
  | { kind: "none" }
  | { kind: "flip"; sig: number; byte: number; bit: number }
  | { kind: "highS"; sig: number }
  | { kind: "v"; sig: number; v: number }
  | { kind: "swap" }
  | { kind: "zeroR"; sig: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: "none" }),
  fc.record({ kind: fc.constant("flip" as const), sig: fc.nat(1), byte: fc.nat(64), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant("highS" as const), sig: fc.nat(1) }),
  fc.record({ kind: fc.constant("v" as const), sig: fc.nat(1), v: fc.nat(255) }),
  fc.constant<Mutation>({ kind: "swap" }),
  fc.record({ kind: fc.constant("zeroR" as const), sig: fc.nat(1) }),
);

function mutate(sigs: Hex[], m: Mutation): Hex[] {
  const out = sigs.map((s) => bytes.bytify(s));
  switch (m.kind) {
    case "flip":
      out[m.sig][m.byte] ^= 1 << m.bit;
      break;
    case "highS": {
      const s = SECP_N - BigInt(bytes.hexify(out[m.sig].slice(32, 64)));
      out[m.sig].set(bytes.bytify("0x" + s.toString(16).padStart(64, "0")), 32);
      out[m.sig][64] = out[m.sig][64] === 27 ? 28 : 27;
      break;
    }
    case "v":
      out[m.sig][64] = m.v;
      break;
    case "swap":
      out.reverse();
      break;
    case "zeroR":
      out[m.sig].fill(0, 0, 32);
      break;
  }
  return out.map((b) => bytes.hexify(b) as Hex);
}

/** The library's verdict: every signature passes the policy and recovers its participant. */
function libraryAccepts(sc: Scenario, state: State, sigs: Hex[]): boolean {
  return sigs.every((sig, i) => {
    try {
      return recoverStateSigner(state, sig) === sc.params.participants[i].ethAddress.toLowerCase();
    } catch {
      return false;
    }
  });
}

describe("CKB property: the channel type script accepts exactly what the library accepts (CKB VM)", function () {
  this.timeout(1_200_000);
  const world = new CkbWorld();
  const sc = funded(world, 2, false);

  const verdicts = propParams(RUNS, 0);
  it(propTitle("dispute with random states and mutated signatures: same verdict as the library", verdicts), () => {
    fc.assert(
      fc.property(fc.bigInt(1n, 1n << 40n), fc.bigInt(0n, 100n), mutationArb, (version, delta, m) => {
        const state = nextState(sc, version, delta);
        const sigs = mutate(signAll(sc, state), m);
        const lib = libraryAccepts(sc, state, sigs);
        const w = actionWitness({ type: "Dispute", value: { state: encodeState(state), sigs } });
        const v = world.verify(setWitness(disputeTx(sc, state), 0, w));
        expect(v.ok, `library ${lib}, script exit ${v.code}, mutation ${JSON.stringify(m)}`).to.equal(lib);
        if (!lib) expect(v.code).to.be.within(EXIT.SIG_BASE + 1, EXIT.SIG_BASE + 9);
      }),
      verdicts,
    );
  });

  const corruptions = propParams(RUNS, 1);
  it(propTitle("random corruption of the dispute witness never makes the script accept", corruptions), () => {
    const state = nextState(sc, 5n, 3n);
    const good = bytes.bytify(disputeTx(sc, state).get("witnesses").get(0)!);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ at: fc.nat(good.length - 1), xor: fc.integer({ min: 1, max: 255 }) }).map(({ at, xor }) => {
            const w = good.slice();
            w[at] ^= xor;
            return w;
          }),
          fc.nat(good.length - 1).map((len) => good.slice(0, len)),
          fc.uint8Array({ maxLength: 400 }),
        ),
        (w) => {
          const v = world.verify(setWitness(disputeTx(sc, state), 0, bytes.hexify(w)));
          expect(v.ok, `accepted a corrupted witness ${bytes.hexify(w)}`).to.equal(false);
        },
      ),
      corruptions,
    );
  });
});
