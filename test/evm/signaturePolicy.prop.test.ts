/**
 * The deployed contracts and the TypeScript library accept exactly the same signatures
 * (DESIGN.md §2, signature acceptance policy), and reject each refused signature for the
 * corresponding reason.
 *
 * Entry point: `Adjudicator.register` via `staticCall` (an eth_call, nothing mined), which runs
 * `Sig.verifyAll` over the state hash of the calldata state — the path every multi-party state
 * signature takes on-chain. The signature under test sits at its signer's position among the
 * participants; every other position carries the library's valid signature, and the channels are
 * registrable (ledger, not virtual, challenge duration in range), so the call's verdict is the
 * verdict on that one signature.
 *
 * 1. Vector replay: every case of test/vectors/signatures.json. The vectors sign `data` =
 *    `abi.encode(State)` of the DESIGN.md known-good state of the A–B ledger channel (keys 0x11…,
 *    0x22…), so the file's own bytes are decoded, checked to be that state, and registered.
 * 2. Property: a library signature on a random-ish state, mutated at random (see `Mutation`).
 *
 * In both, the contract accepts iff the library accepts (`verifyStateSignature`, and
 * `recoverStateSigner` + `assertExpectedSigner` must agree with it), and a rejection's custom
 * error and arguments are the ones `CONTRACT_ERROR_OF` maps the library's error class to.
 *
 * PROP_RUNS sets the property's runs (default 200, each a batch of BATCH concurrent eth_calls),
 * PROP_SEED its seed (default 0x5eed, shared with the other property tests).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import { propParams, propTitle } from "../support/propertyRuns";
import { ethers } from "hardhat";
import {
  SignatureError,
  addressFromPrivateKey,
  assertExpectedSigner,
  channelId,
  decodeState,
  encodeState,
  hashState,
  recoverStateSigner,
  signState,
  verifyStateSignature,
} from "../../src";
import type { Address, Hex, Params, State } from "../../src";
import { addressArb, bytesArb, uint256Arb } from "../encoding/support/arbitraries";
import { CURVE_ORDER, MAX_S, loadDeployment, testPrivateKey } from "./fixtures";
import type { Deployment } from "./fixtures";
import { KEY_POOL, MAX_CHALLENGE_DURATION, signableStateArb, wellFormed } from "./model/crosscheckArbitraries";
import { decodeRevert, revertDataOf } from "./model/expectCustomError";

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** fast-check runs of the mutation property (PROP_RUNS, default 200). */
const RUNS = positiveIntFromEnv("PROP_RUNS", 200);
/** Cases per run, sent as concurrent eth_calls so the provider round trips overlap. */
const BATCH = 4;
/** Below this many cases the "every outcome was exercised" check would be luck, so it is skipped. */
const COVERAGE_MIN_CASES = 400;

// ---------------------------------------------------------------------------------------------
// The correspondence: library error class ↔ the Sig library's custom error (and its arguments)
// ---------------------------------------------------------------------------------------------

const word = (x: bigint): Hex => ethers.toBeHex(x, 32) as Hex;

/** A contract-side verdict: success, or a decoded custom error with its arguments. */
type ContractVerdict = { accept: true } | { accept: false; name: string; args: unknown[] };

/** A library-side verdict: the recovered signer, or the policy error it threw. */
type LibraryVerdict = { accept: true; recovered: Address } | { accept: false; error: SignatureError };

/**
 * For each error class the library's verification can throw, the custom error `Sig` must revert
 * with and its arguments computed from the library error's `details`. Several library classes
 * share one contract error because Solidity reports the field (r, s) rather than the sub-rule, and
 * because a failed `ecrecover` cannot tell "no curve point" from "zero address".
 */
const CONTRACT_ERROR_OF: Readonly<Record<string, { name: string; args: (e: SignatureError) => unknown[] }>> = {
  SignatureLengthError: { name: "SignatureInvalidLength", args: (e) => [BigInt(e.details.length as number)] },
  SignatureVError: { name: "SignatureInvalidV", args: (e) => [BigInt(e.details.v as number)] },
  SignatureRZeroError: { name: "SignatureInvalidR", args: () => [word(0n)] },
  SignatureRRangeError: { name: "SignatureInvalidR", args: (e) => [word(e.details.r as bigint)] },
  SignatureSZeroError: { name: "SignatureInvalidS", args: () => [word(0n)] },
  SignatureHighSError: { name: "SignatureInvalidS", args: (e) => [word(e.details.s as bigint)] },
  SignatureRecoveryError: { name: "SignatureZeroSigner", args: () => [] },
  SignatureZeroAddressError: { name: "SignatureZeroSigner", args: () => [] },
  SignatureSignerMismatchError: {
    name: "SignatureSignerMismatch",
    args: (e) => [e.details.expected, e.details.recovered],
  },
};

/** Library error classes that verification never throws (signing-side only, or the base class). */
const NOT_VERIFICATION_ERRORS = new Set(["SignatureError", "SignatureUnrepresentableError"]);

/** Addresses and hex compare case-insensitively; numbers as bigint. */
function normalizeArg(v: unknown): unknown {
  if (typeof v === "string") return v.toLowerCase();
  if (typeof v === "number") return BigInt(v);
  return v;
}

/** The contract error the library's verdict demands (undefined for an acceptance). */
function expectedContractVerdict(lib: LibraryVerdict): ContractVerdict {
  if (lib.accept) return { accept: true };
  const entry = CONTRACT_ERROR_OF[lib.error.name];
  if (entry === undefined) {
    throw new Error(`library threw ${lib.error.name} (${lib.error.message}), which has no contract counterpart`);
  }
  return { accept: false, name: entry.name, args: entry.args(lib.error).map(normalizeArg) };
}

const show = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));

// ---------------------------------------------------------------------------------------------
// The two sides
// ---------------------------------------------------------------------------------------------

/**
 * The library's verdict on `sig` by `expected` over `state`. Also asserts that the two public
 * entry points agree: `verifyStateSignature` is true iff `recoverStateSigner` returns `expected`.
 */
function libraryVerdict(state: State, sig: Hex, expected: Address): LibraryVerdict {
  const verified = verifyStateSignature(state, sig, expected);
  let verdict: LibraryVerdict;
  try {
    const recovered = recoverStateSigner(state, sig);
    assertExpectedSigner(recovered, expected);
    verdict = { accept: true, recovered };
  } catch (e) {
    if (!(e instanceof SignatureError)) throw e;
    verdict = { accept: false, error: e };
  }
  expect(verified, `verifyStateSignature vs recoverStateSigner on ${sig}`).to.equal(verdict.accept);
  return verdict;
}

/** `register` (eth_call) of `state` with `sigs`: success or the decoded custom error. */
async function contractVerdict(d: Deployment, params: Params, state: State, sigs: Hex[]): Promise<ContractVerdict> {
  try {
    await d.adjudicator.register.staticCall({ params, state, sigs }, []);
    return { accept: true };
  } catch (err) {
    const data = revertDataOf(err);
    if (data === undefined)
      throw new Error(`register failed without revert data: ${String((err as Error).message ?? err)}`, {
        cause: err,
      });
    const decoded = decodeRevert(data, [d.adjudicator.interface]);
    if (decoded === undefined) throw new Error(`register reverted with undecodable data ${data}`, { cause: err });
    return { accept: false, name: decoded.name, args: decoded.args.map(normalizeArg) };
  }
}

/** Fails unless the contract's verdict is exactly what the library's verdict maps to. */
function expectSameVerdict(contract: ContractVerdict, lib: LibraryVerdict, what: string): void {
  const want = expectedContractVerdict(lib);
  const libText = lib.accept ? `accept (${lib.recovered})` : `${lib.error.name}: ${lib.error.message}`;
  const got = show(contract);
  const wanted = show(want);
  expect(got, `${what}: library says ${libText}, so the contract must give ${wanted}; it gave ${got}`).to.equal(wanted);
}

/** `sigs` with the library's signature at every position but `position`, which gets `sig`. */
function sigsWith(state: State, keys: readonly Hex[], position: number, sig: Hex): Hex[] {
  return keys.map((k, i) => (i === position ? sig : signState(state, k)));
}

// ---------------------------------------------------------------------------------------------
// 1. The committed vectors
// ---------------------------------------------------------------------------------------------

interface SignatureVector {
  name: string;
  data: Hex;
  signature: Hex;
  expectedSigner: Address;
  accept: boolean;
  error?: string;
  recovered?: Address;
}

const VECTORS: SignatureVector[] = (
  JSON.parse(readFileSync(join(__dirname, "..", "vectors", "signatures.json"), "utf8")) as {
    vectors: SignatureVector[];
  }
).vectors;

/** DESIGN.md §2 known-good channel: keys A = 0x11…, B = 0x22…, 60 s, nonce 1, ledger. */
const KEY_A: Hex = `0x${"11".repeat(32)}`;
const KEY_B: Hex = `0x${"22".repeat(32)}`;
const KNOWN_PARAMS: Params = {
  challengeDuration: 60n,
  nonce: 1n,
  participants: [KEY_A, KEY_B].map((k) => ({
    ethAddress: addressFromPrivateKey(k),
    ccAddress: `0x${"00".repeat(32)}` as Hex,
  })),
  app: "0x0000000000000000000000000000000000000000",
  ledgerChannel: true,
  virtualChannel: false,
};
const KNOWN_KEYS: readonly Hex[] = [KEY_A, KEY_B];
const KNOWN_CHANNEL_ID = "0x5822dd7a3950d0506be16ff3b52c52fd9965d47fe05f042f3cfdb502bdf70b9f";
const KNOWN_STATE_HASH = "0x22bd439b5842a319d9fb067545a434baad3ae16a9d5ef22a1c3667a8091831fe";

/** Whether a library verdict is the one the vector recorded (so a stale vector file shows). */
function matchesRecorded(lib: LibraryVerdict, v: SignatureVector): boolean {
  if (lib.accept) return v.accept && v.recovered === lib.recovered;
  return !v.accept && v.error === lib.error.name;
}

describe("signature policy: Adjudicator (Sig) and the library accept exactly the same signatures", function () {
  let d: Deployment;

  before(async function () {
    d = await loadDeployment();
  });

  describe("the correspondence table", function () {
    it("maps every library verification error class, onto every Sig error of a single signature", async function () {
      const src = await import("../../src");
      const libraryClasses = Object.entries(src)
        .filter(([, v]) => typeof v === "function" && (v === SignatureError || v.prototype instanceof SignatureError))
        .map(([k]) => k)
        .filter((k) => !NOT_VERIFICATION_ERRORS.has(k))
        .sort();
      expect(Object.keys(CONTRACT_ERROR_OF).sort()).to.deep.equal(libraryClasses);

      const contractErrors: string[] = [];
      d.adjudicator.interface.forEachError((e) => {
        // SignatureCountMismatch is about the signature list, not one signature: no library counterpart.
        if (e.name.startsWith("Signature") && e.name !== "SignatureCountMismatch") contractErrors.push(e.name);
      });
      expect([...new Set(Object.values(CONTRACT_ERROR_OF).map((c) => c.name))].sort()).to.deep.equal(
        contractErrors.sort(),
      );
    });
  });

  describe(`vector replay (test/vectors/signatures.json, ${VECTORS.length} cases) through register`, function () {
    it("the vectors cover accepted signatures and every rule", function () {
      expect(VECTORS.length).to.be.greaterThan(0);
      expect(VECTORS.some((v) => v.accept)).to.equal(true);
      const errors = new Set(VECTORS.filter((v) => !v.accept).map((v) => v.error));
      for (const name of [
        "SignatureLengthError",
        "SignatureVError",
        "SignatureRZeroError",
        "SignatureRRangeError",
        "SignatureSZeroError",
        "SignatureHighSError",
        "SignatureRecoveryError",
        "SignatureSignerMismatchError",
      ]) {
        expect(errors.has(name), `a vector rejected with ${name}`).to.equal(true);
      }
    });

    for (const v of VECTORS) {
      it(`${v.name}: ${v.accept ? "accepted" : v.error} by both`, async function () {
        // The signed data is abi.encode(State) of the known-good channel's state.
        const state = decodeState(v.data);
        expect(ethers.hexlify(encodeState(state)), "data round-trips as a State").to.equal(v.data.toLowerCase());
        expect(channelId(KNOWN_PARAMS)).to.equal(KNOWN_CHANNEL_ID);
        expect(state.channelID, "the vector's state belongs to the known-good A–B channel").to.equal(KNOWN_CHANNEL_ID);
        expect(hashState(state)).to.equal(KNOWN_STATE_HASH);

        const position = KNOWN_PARAMS.participants.findIndex(
          (p) => p.ethAddress.toLowerCase() === v.expectedSigner.toLowerCase(),
        );
        expect(position, `expected signer ${v.expectedSigner} is a participant`).to.be.at.least(0);

        const lib = libraryVerdict(state, v.signature, v.expectedSigner);
        expect(matchesRecorded(lib, v), `library still gives the recorded verdict (${v.error ?? "accept"})`).to.equal(
          true,
        );

        const contract = await contractVerdict(
          d,
          KNOWN_PARAMS,
          state,
          sigsWith(state, KNOWN_KEYS, position, v.signature),
        );
        expectSameVerdict(contract, lib, `vector ${v.name}`);
      });
    }
  });

  // -------------------------------------------------------------------------------------------
  // 2. Property: random states, random mutations of a valid library signature
  // -------------------------------------------------------------------------------------------

  describe("property: a mutated library signature gets the same verdict on both sides", function () {
    /** Signers outside KEY_POOL: their signatures are valid but by the wrong key. */
    const OUTSIDER_KEYS: readonly Hex[] = [1, 2, 3].map((i) => testPrivateKey(900 + i));

    /** How a valid signature is damaged (or not). Each names a clause of the policy. */
    type Mutation =
      | { kind: "none" }
      | { kind: "setV"; v: number }
      | { kind: "negateS"; flipV: boolean }
      | { kind: "zeroR" }
      | { kind: "zeroS" }
      | { kind: "rAtLeastN"; r: bigint }
      | { kind: "sAboveHalfN"; s: bigint }
      | { kind: "boundary"; r: bigint | null; s: bigint | null }
      | { kind: "flipByte"; index: number; xor: number }
      | { kind: "truncate64" }
      | { kind: "extend66"; extra: number }
      | { kind: "resize"; length: number; filler: number }
      | { kind: "random65"; bytes: Uint8Array; forceV: number | null }
      | { kind: "wrongKey"; outsider: number };

    const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
      fc.constant<Mutation>({ kind: "none" }),
      fc.oneof(fc.constantFrom(0, 1, 29), fc.integer({ min: 0, max: 255 })).map((v): Mutation => ({ kind: "setV", v })),
      fc.boolean().map((flipV): Mutation => ({ kind: "negateS", flipV })),
      fc.constant<Mutation>({ kind: "zeroR" }),
      fc.constant<Mutation>({ kind: "zeroS" }),
      fc
        .oneof(fc.constantFrom(CURVE_ORDER, (1n << 256n) - 1n), fc.bigInt({ min: CURVE_ORDER, max: (1n << 256n) - 1n }))
        .map((r): Mutation => ({ kind: "rAtLeastN", r })),
      fc
        .oneof(
          fc.constantFrom(MAX_S + 1n, CURVE_ORDER - 1n, CURVE_ORDER),
          fc.bigInt({ min: MAX_S + 1n, max: (1n << 256n) - 1n }),
        )
        .map((s): Mutation => ({ kind: "sAboveHalfN", s })),
      fc
        .record({
          r: fc.constantFrom<bigint | null>(null, 1n, CURVE_ORDER - 1n),
          s: fc.constantFrom<bigint | null>(null, 1n, MAX_S),
        })
        .map(({ r, s }): Mutation => ({ kind: "boundary", r, s })),
      fc
        .record({ index: fc.integer({ min: 0, max: 64 }), xor: fc.integer({ min: 1, max: 255 }) })
        .map(({ index, xor }): Mutation => ({ kind: "flipByte", index, xor })),
      fc.constant<Mutation>({ kind: "truncate64" }),
      fc.integer({ min: 0, max: 255 }).map((extra): Mutation => ({ kind: "extend66", extra })),
      fc
        .record({
          length: fc.integer({ min: 0, max: 130 }).filter((n) => n !== 65),
          filler: fc.integer({ min: 0, max: 255 }),
        })
        .map(({ length, filler }): Mutation => ({ kind: "resize", length, filler })),
      fc
        .record({
          bytes: fc.uint8Array({ minLength: 65, maxLength: 65 }),
          forceV: fc.constantFrom<number | null>(null, 27, 28),
        })
        .map(({ bytes, forceV }): Mutation => ({ kind: "random65", bytes, forceV })),
      fc
        .integer({ min: 0, max: OUTSIDER_KEYS.length - 1 })
        .map((outsider): Mutation => ({ kind: "wrongKey", outsider })),
    );

    /** Applies `m` to the valid signature `sig` on `state`. */
    function applyMutation(m: Mutation, sig: Hex, state: State): Hex {
      const b = ethers.getBytes(sig);
      const r = BigInt(ethers.hexlify(b.subarray(0, 32)));
      const s = BigInt(ethers.hexlify(b.subarray(32, 64)));
      const v = b[64];
      const join = (r2: bigint, s2: bigint, v2: number): Hex =>
        ethers.concat([word(r2), word(s2), ethers.toBeHex(v2, 1)]) as Hex;
      switch (m.kind) {
        case "none":
          return sig;
        case "setV":
          return join(r, s, m.v);
        case "negateS":
          return join(r, CURVE_ORDER - s, m.flipV ? (v === 27 ? 28 : 27) : v);
        case "zeroR":
          return join(0n, s, v);
        case "zeroS":
          return join(r, 0n, v);
        case "rAtLeastN":
          return join(m.r, s, v);
        case "sAboveHalfN":
          return join(r, m.s, v);
        case "boundary":
          return join(m.r ?? r, m.s ?? s, v);
        case "flipByte": {
          const c = Uint8Array.from(b);
          c[m.index] ^= m.xor;
          return ethers.hexlify(c) as Hex;
        }
        case "truncate64":
          return ethers.hexlify(b.subarray(0, 64)) as Hex;
        case "extend66":
          return ethers.concat([sig, ethers.toBeHex(m.extra, 1)]) as Hex;
        case "resize": {
          const c = new Uint8Array(m.length).fill(m.filler);
          c.set(b.subarray(0, Math.min(65, m.length)));
          return ethers.hexlify(c) as Hex;
        }
        case "random65": {
          const c = Uint8Array.from(m.bytes);
          if (m.forceV !== null) c[64] = m.forceV;
          return ethers.hexlify(c) as Hex;
        }
        case "wrongKey":
          return signState(state, OUTSIDER_KEYS[m.outsider]);
      }
    }

    const params = propParams(RUNS);
    it(
      propTitle(`register and the library agree on mutated signatures (× ${BATCH} per run)`, params),
      async function () {
        const holders = [(await d.ethHolder.getAddress()) as Address, (await d.erc20Holder.getAddress()) as Address];
        // A registrable ledger channel of 1–2 distinct participants from KEY_POOL (register
        // refuses a participant listed twice since issue 6, after checking the signatures).
        const channelArb = fc
          .record({
            signers: fc.uniqueArray(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: 1, maxLength: 2 }),
            ccAddresses: fc.array(bytesArb, { minLength: 2, maxLength: 2 }),
            challengeDuration: fc.bigInt({ min: 0n, max: MAX_CHALLENGE_DURATION }),
            nonce: uint256Arb,
            app: fc.oneof(fc.constant<Address>("0x0000000000000000000000000000000000000000"), addressArb),
          })
          .map(({ signers, ccAddresses, challengeDuration, nonce, app }) => ({
            keys: signers.map((k) => KEY_POOL[k].privateKey),
            params: {
              challengeDuration,
              nonce,
              participants: signers.map((k, i) => ({ ethAddress: KEY_POOL[k].address, ccAddress: ccAddresses[i] })),
              app,
              ledgerChannel: true,
              virtualChannel: false,
            } satisfies Params,
          }));
        const caseArb = channelArb.chain(({ keys, params }) =>
          fc.record({
            keys: fc.constant(keys),
            params: fc.constant(params),
            state: signableStateArb(params, d.chainId, holders).map((st) => wellFormed(st, keys.length)),
            position: fc.integer({ min: 0, max: keys.length - 1 }),
            mutation: mutationArb,
          }),
        );

        const kindsSeen = new Map<string, number>();
        const outcomesSeen = new Map<string, number>();
        let cases = 0;
        const started = Date.now();

        await fc.assert(
          fc.asyncProperty(fc.array(caseArb, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
            const prepared = batch.map(({ keys, params, state, position, mutation }) => {
              const valid = signState(state, keys[position]);
              const sig = applyMutation(mutation, valid, state);
              const expected = params.participants[position].ethAddress;
              return {
                params,
                state,
                mutation,
                sig,
                lib: libraryVerdict(state, sig, expected),
                sigs: sigsWith(state, keys, position, sig),
              };
            });
            const verdicts = await Promise.all(prepared.map((c) => contractVerdict(d, c.params, c.state, c.sigs)));
            prepared.forEach((c, i) => {
              expectSameVerdict(verdicts[i], c.lib, `mutation ${show(c.mutation)} → ${c.sig}`);
              cases++;
              kindsSeen.set(c.mutation.kind, (kindsSeen.get(c.mutation.kind) ?? 0) + 1);
              const outcome = verdicts[i].accept ? "accept" : (verdicts[i] as { name: string }).name;
              outcomesSeen.set(outcome, (outcomesSeen.get(outcome) ?? 0) + 1);
            });
          }),
          params,
        );

        console.log(
          `      ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; outcomes ${show(Object.fromEntries(outcomesSeen))}`,
        );
        if (cases >= COVERAGE_MIN_CASES) {
          // The generator must actually reach every verdict, or agreement would be vacuous.
          for (const kind of [
            "none",
            "setV",
            "negateS",
            "zeroR",
            "zeroS",
            "rAtLeastN",
            "sAboveHalfN",
            "boundary",
            "flipByte",
            "truncate64",
            "extend66",
            "resize",
            "random65",
            "wrongKey",
          ]) {
            expect(kindsSeen.get(kind) ?? 0, `mutation ${kind} generated`).to.be.greaterThan(0);
          }
          for (const outcome of ["accept", ...new Set(Object.values(CONTRACT_ERROR_OF).map((c) => c.name))]) {
            expect(outcomesSeen.get(outcome) ?? 0, `outcome ${outcome} reached`).to.be.greaterThan(0);
          }
        }
      },
    );
  });
});
