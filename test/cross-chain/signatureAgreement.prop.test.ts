/**
 * Cross-chain property 2 (DESIGN.md §6): for random channels and states, the library's
 * signatures and mutations of them are accepted or refused alike by all four implementations,
 * and, where an implementation names the rule, for the same rule.
 *
 * Per run, one random case (./support.ts; non-final states so every chain's dispute/register
 * path applies) and one mutation at a random participant position: none; the EVM suite's
 * tampering kinds (test/evm/model/signatureMutations.ts: high-s twin, bad v, truncated to 64
 * bytes, extended to 66, r = 0); a flipped bit anywhere in the 65 bytes; v changed to the other
 * valid value; a valid signature by a key outside the channel (wrong signer); two participants'
 * signatures swapped (wrong order). Verdicts, checked in participant order:
 * - library: `recoverStateSigner` + comparison with the participant's address; the first
 *   failure's error class (SignatureError subclasses; wrong signer = SignatureSignerMismatchError);
 * - EVM: `Adjudicator.register` by `staticCall` (an eth_call, nothing mined); the custom error
 *   must be the one the library class maps to (the same table as the EVM signature-policy
 *   property; Solidity reports the field r/s, not the sub-rule, and merges the two
 *   "no signer" rules);
 * - ICP: the canister wasm's `dispute`: `Ok`, `BadSignature { index, rule }` with the library's
 *   class name and index, or `WrongSigner { index }`;
 * - CKB: a Dispute verified in the CKB VM: success, or exit SIG_BASE + the library's rule
 *   number (src/encoding/signatureRules.ts, verifySignatureWith.ts). A signature that is not 65
 *   bytes cannot be a molecule `Signatures` item: spliced raw into the witness, it makes the
 *   witness malformed, so CKB's verdict is MALFORMED_WITNESS there (reject, rule not compared).
 *
 * A table test first applies each mutation kind once to one random channel, so even the CI
 * default reaches every kind. Runs of the random property: PROP_RUNS (default 3: each run costs
 * one CKB VM verification of a few seconds).
 */
import { expect } from "chai";
import fc from "fast-check";
import { CKB_EXIT as EXIT } from "../../src/ckb";
import { recoverStateSigner } from "../../src/encoding/recoverStateSigner";
import { signState } from "../../src/encoding/signState";
import { SignatureError } from "../../src/errors/signatureErrors";
import type { Address, Hex, Params, State } from "../../src/encoding/types";
import { testPrivateKey, type Deployment } from "../evm/fixtures";
import { decodeRevert, revertDataOf } from "../evm/model/expectCustomError";
import { SIG_MUTATIONS, mutateSignature, type SigMutation } from "../evm/model/signatureMutations";
import type { InstalledCanister } from "../icp/support/canisterFixture";
import { propParams, propTitle } from "../support/propertyRuns";
import {
  ICP_CALLER,
  PROP_SEED,
  caseArb,
  type CaseShape,
  channelOfCase,
  ckbDispute,
  ckbOpenAndFund,
  crossChainSetup,
  crossRuns,
  signAll,
} from "./support";

const RUNS = crossRuns(3);

type Mutation =
  | { kind: "none" }
  | { kind: SigMutation; index: number; pick: number }
  | { kind: "flipBit"; index: number; byte: number; bit: number }
  | { kind: "otherV"; index: number }
  | { kind: "wrongSigner"; index: number; outsider: number }
  | { kind: "wrongOrder" };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: "none" }),
  fc.record({ kind: fc.constantFrom<SigMutation>(...SIG_MUTATIONS), index: fc.nat(2), pick: fc.nat(3) }),
  fc.record({ kind: fc.constant("flipBit" as const), index: fc.nat(2), byte: fc.nat(64), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant("otherV" as const), index: fc.nat(2) }),
  fc.record({ kind: fc.constant("wrongSigner" as const), index: fc.nat(2), outsider: fc.nat(2) }),
  fc.constant<Mutation>({ kind: "wrongOrder" }),
);

function applyMutation(m: Mutation, sigs: Hex[], state: State): Hex[] {
  const out = sigs.slice();
  if (m.kind === "none") return out;
  if (m.kind === "wrongOrder") return [out[1], out[0], ...out.slice(2)];
  const i = m.index % out.length;
  const b = Buffer.from(out[i].slice(2), "hex");
  switch (m.kind) {
    case "flipBit":
      b[m.byte] ^= 1 << m.bit;
      out[i] = `0x${b.toString("hex")}` as Hex;
      break;
    case "otherV":
      b[64] = b[64] === 27 ? 28 : 27;
      out[i] = `0x${b.toString("hex")}` as Hex;
      break;
    case "wrongSigner":
      out[i] = signState(state, testPrivateKey(900 + m.outsider));
      break;
    default:
      out[i] = mutateSignature(out[i], m.kind, m.pick).sig;
  }
  return out;
}

/** The library's verdict: accept, or the first failing position and its error class. */
type Verdict = { accept: true } | { accept: false; index: number; rule: string };

function libraryVerdict(params: Params, state: State, sigs: Hex[]): Verdict {
  for (let i = 0; i < sigs.length; i++) {
    try {
      if (recoverStateSigner(state, sigs[i]) !== params.participants[i].ethAddress.toLowerCase()) {
        return { accept: false, index: i, rule: "SignatureSignerMismatchError" };
      }
    } catch (e) {
      if (e instanceof SignatureError) return { accept: false, index: i, rule: e.name };
      throw e;
    }
  }
  return { accept: true };
}

/** Library error class → the Adjudicator's custom error (test/evm/signaturePolicy.prop.test.ts). */
const EVM_ERROR_OF: Record<string, string> = {
  SignatureLengthError: "SignatureInvalidLength",
  SignatureVError: "SignatureInvalidV",
  SignatureRZeroError: "SignatureInvalidR",
  SignatureRRangeError: "SignatureInvalidR",
  SignatureSZeroError: "SignatureInvalidS",
  SignatureHighSError: "SignatureInvalidS",
  SignatureRecoveryError: "SignatureZeroSigner",
  SignatureZeroAddressError: "SignatureZeroSigner",
  SignatureSignerMismatchError: "SignatureSignerMismatch",
};

/** Library error class → the policy rule number the CKB script adds to SIG_BASE. */
const CKB_RULE_OF: Record<string, number> = {
  SignatureLengthError: 1,
  SignatureVError: 2,
  SignatureRZeroError: 3,
  SignatureRRangeError: 4,
  SignatureSZeroError: 5,
  SignatureHighSError: 6,
  SignatureRecoveryError: 7,
  SignatureZeroAddressError: 8,
  SignatureSignerMismatchError: 9,
};

async function evmVerdict(
  d: Deployment,
  params: Params,
  state: State,
  sigs: Hex[],
): Promise<{ accept: true } | { accept: false; name: string; args: unknown[] }> {
  try {
    await d.adjudicator.register.staticCall({ params, state, sigs }, []);
    return { accept: true };
  } catch (err) {
    const data = revertDataOf(err);
    if (data === undefined)
      throw new Error(`register failed without revert data: ${String((err as Error).message ?? err)}`, { cause: err });
    const decoded = decodeRevert(data, [d.adjudicator.interface]);
    if (decoded === undefined) throw new Error(`register reverted with undecodable data ${data}`, { cause: err });
    return { accept: false, name: decoded.name, args: decoded.args };
  }
}

describe("cross-chain property: library, Adjudicator, canister and CKB scripts accept the same signatures", function () {
  this.timeout(1_800_000);
  let d: Deployment;
  let icp: InstalledCanister;
  let holders: Address[];

  before(async function () {
    ({ d, icp, holders } = await crossChainSetup());
  });

  /** Judges one case on all four; records the library's outcome in `seen`. */
  async function checkCase(k: CaseShape, m: Mutation, seen: Map<string, number>): Promise<void> {
    const ch = channelOfCase(k);
    const sigs = applyMutation(m, signAll(ch, ch.state), ch.state);
    const lib = libraryVerdict(ch.params, ch.state, sigs);
    const what = `mutation ${JSON.stringify(m)}: library ${JSON.stringify(lib)}`;
    const outcome = lib.accept ? "accept" : lib.rule;
    seen.set(outcome, (seen.get(outcome) ?? 0) + 1);

    // EVM
    const evm = await evmVerdict(d, ch.params, ch.state, sigs);
    if (lib.accept) expect(evm, `EVM, ${what}`).to.deep.equal({ accept: true });
    else {
      expect(evm.accept, `EVM, ${what}`).to.equal(false);
      if (!evm.accept) {
        expect(evm.name, `EVM rule, ${what}`).to.equal(EVM_ERROR_OF[lib.rule]);
        if (evm.name === "SignatureSignerMismatch")
          expect(String(evm.args[0]).toLowerCase(), `EVM position, ${what}`).to.equal(
            ch.params.participants[lib.index].ethAddress.toLowerCase(),
          );
      }
    }

    // ICP
    const got = await icp.as(ICP_CALLER).dispute(ch.params, ch.state, sigs);
    if (lib.accept) expect(got, `ICP, ${what}`).to.have.property("Ok");
    else {
      expect(got, `ICP, ${what}`).to.have.property("Err");
      if ("Err" in got) {
        const [kind, body] = Object.entries(got.Err)[0] as [string, { index?: number; rule?: string }];
        if (lib.rule === "SignatureSignerMismatchError")
          expect({ kind, index: body.index }, `ICP, ${what}`).to.deep.equal({ kind: "WrongSigner", index: lib.index });
        else
          expect({ kind, index: body.index, rule: body.rule }, `ICP, ${what}`).to.deep.equal({
            kind: "BadSignature",
            index: lib.index,
            rule: lib.rule,
          });
      }
    }

    // CKB
    const o = ckbOpenAndFund(ch, false);
    const v = ckbDispute(o.sc, ch.state, sigs);
    expect(v.ok, `CKB (exit ${v.code}), ${what}`).to.equal(lib.accept);
    if (!lib.accept) {
      const wrongLength = sigs.some((s) => s.length !== 132);
      const want = wrongLength ? EXIT.MALFORMED_WITNESS : EXIT.SIG_BASE + CKB_RULE_OF[lib.rule];
      expect(v.code, `CKB exit, ${what}`).to.equal(want);
    }
  }

  it(`each mutation kind once, on one random channel (seed ${PROP_SEED}): same verdict and rule on all four`, async function () {
    const [k] = fc.sample(caseArb(d.chainId, holders, { finalAllowed: false }), { numRuns: 1, seed: PROP_SEED });
    const table: Mutation[] = [
      ...SIG_MUTATIONS.map((kind, i) => ({ kind, index: i, pick: i })),
      { kind: "flipBit", index: 1, byte: 7, bit: 3 },
      { kind: "otherV", index: 0 },
      { kind: "wrongSigner", index: 1, outsider: 0 },
      { kind: "wrongOrder" },
    ];
    const seen = new Map<string, number>();
    for (const m of table) await checkCase(k, m, seen);
    console.log(`      verdicts: ${JSON.stringify(Object.fromEntries(seen))}`);
    // The table must reach these rules, or agreement on it would say little.
    for (const rule of [
      "SignatureLengthError",
      "SignatureVError",
      "SignatureRZeroError",
      "SignatureHighSError",
      "SignatureSignerMismatchError",
    ]) {
      expect(seen.get(rule) ?? 0, `rule ${rule} reached`).to.be.greaterThan(0);
    }
  });

  const runs = propParams(RUNS, 1);
  it(propTitle("same accept/reject and rule on all four for mutated signatures", runs), async function () {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(caseArb(d.chainId, holders, { finalAllowed: false }), mutationArb, (k, m) =>
        checkCase(k, m, seen),
      ),
      runs,
    );
    console.log(`      verdicts: ${JSON.stringify(Object.fromEntries(seen))}`);
  });
});
