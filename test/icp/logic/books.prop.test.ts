import { expect } from "chai";
import fc from "fast-check";
import { conclude } from "../../../canisters/adjudicator/src/logic/conclude";
import { concludeDispute } from "../../../canisters/adjudicator/src/logic/concludeDispute";
import { deposit } from "../../../canisters/adjudicator/src/logic/deposit";
import { dispute } from "../../../canisters/adjudicator/src/logic/dispute";
import { withdraw } from "../../../canisters/adjudicator/src/logic/withdraw";
import { withdrawalNonce } from "../../../canisters/adjudicator/src/logic/queries";
import type { Result } from "../../../canisters/adjudicator/src/logic/errors";
import { hexToBytes } from "../../../src/encoding/internal/hex";
import { PROP_RUNS } from "../../encoding/support/arbitraries";
import { propParams, propTitle } from "../../support/propertyRuns";
import {
  CANISTER,
  LEDGER,
  LEDGER_B,
  makeChannel,
  makeState,
  signAll,
  toCandidState,
  userPrincipal,
  type TestChannel,
} from "../support/channels";
import { authFor, signAuth } from "../support/logicFixture";
import { flush, LogicWorld } from "../support/logicHarness";
import type { LedgerFailure } from "../support/fakeIcrcLedger";
import type { CandidState } from "../../../canisters/adjudicator/src/logic/types";

/**
 * Random message sequences against the logic — deposits, disputes and refutations,
 * cooperative and disputed closes, withdrawals with right and wrong nonces, injected ledger
 * failures and traps, time passing, and ledger answers delivered in random order — over two
 * channels sharing two ledgers. After every step:
 * - the books: on every ledger, Σ holdings ≤ the canister's ledger balance;
 * - per channel and ledger, what was debited for withdrawals never exceeds what was deposited.
 * Runs: PROP_RUNS capped at 150 by default here (each step signs), fixed seed PROP_SEED.
 */
const RUNS = process.env.PROP_RUNS ? PROP_RUNS : 150;
const LEDGERS = [LEDGER, LEDGER_B];

type Action =
  | { kind: "deposit"; ch: number; i: number; ledger: number; amount: bigint }
  | { kind: "dispute"; ch: number; state: number }
  | { kind: "conclude"; ch: number; state: number }
  | { kind: "concludeDispute"; ch: number }
  | { kind: "advance"; seconds: bigint }
  | { kind: "withdraw"; ch: number; i: number; ledger: number; amount: bigint; nonceShift: number; signer: number }
  | { kind: "fail"; ledger: number; failure: LedgerFailure }
  | { kind: "release"; pick: number }
  | { kind: "gate"; on: boolean };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("deposit" as const),
      ch: fc.nat(1),
      i: fc.nat(1),
      ledger: fc.nat(1),
      amount: fc.bigInt(0n, 300n),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("dispute" as const), ch: fc.nat(1), state: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("conclude" as const), ch: fc.nat(1), state: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("concludeDispute" as const), ch: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), seconds: fc.bigInt(0n, 80n) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("withdraw" as const),
      ch: fc.nat(1),
      i: fc.nat(1),
      ledger: fc.nat(1),
      amount: fc.bigInt(0n, 400n),
      nonceShift: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: -1, max: 1 }) },
      ),
      signer: fc.oneof({ weight: 5, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(1) }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("fail" as const),
      ledger: fc.nat(1),
      failure: fc.constantFrom<LedgerFailure>(
        "InsufficientFunds",
        "InsufficientAllowance",
        "BadFee",
        "TemporarilyUnavailable",
        "GenericError",
        "trap",
      ),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("release" as const), pick: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("gate" as const), on: fc.boolean() }) },
);

interface Signed {
  state: CandidState;
  sigs: Uint8Array[];
}

describe("ICP logic: books invariant over random message sequences (property)", function () {
  this.timeout(300_000);

  // Signing is the slow part: sign a fixed pool of states per channel once.
  const channels: TestChannel[] = [makeChannel(2, { nonce: 1n }), makeChannel(2, { nonce: 2n })];
  const pools: Signed[][] = channels.map((ch) =>
    [
      makeState(
        ch,
        1n,
        [
          [100n, 100n],
          [10n, 0n],
        ],
        { ledgers: LEDGERS },
      ),
      makeState(
        ch,
        2n,
        [
          [150n, 50n],
          [5n, 5n],
        ],
        { ledgers: LEDGERS },
      ),
      makeState(
        ch,
        3n,
        [
          [0n, 400n],
          [0n, 10n],
        ],
        { ledgers: LEDGERS },
      ),
      makeState(ch, 4n, [[30n, 20n]]),
      makeState(
        ch,
        5n,
        [
          [60n, 140n],
          [1n, 2n],
        ],
        { ledgers: LEDGERS, isFinal: true },
      ),
      makeState(ch, 6n, [[250n, 0n]], { isFinal: true, extraEvm: true }),
    ].map((s) => ({ state: toCandidState(s), sigs: signAll(ch, s) })),
  );

  const runs = propParams(RUNS, 0);
  it(
    propTitle("Σ holdings ≤ ledger balance on every ledger, and no channel pays out more than was put in", runs),
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(actionArb, { minLength: 5, maxLength: 30 }), async (actions) => {
          const w = new LogicWorld();
          for (const fake of w.ledgerOf.values()) {
            for (let i = 0; i < 2; i++) {
              fake.mint(userPrincipal(i), 1_000_000n);
              fake.approve(userPrincipal(i), CANISTER, 1_000_000n);
            }
          }
          const deposited = new Map<string, bigint>();
          const debited = new Map<string, bigint>();
          const add = (m: Map<string, bigint>, k: string, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
          const inFlight: Promise<unknown>[] = [];
          const track = <T>(p: Promise<Result<T>>, onOk: (v: T) => void) => {
            inFlight.push(p.then((r) => ("Ok" in r ? onOk(r.Ok) : undefined)));
          };
          const check = () => {
            w.assertBooks();
            for (const [k, out] of debited) {
              expect(
                out <= (deposited.get(k) ?? 0n),
                `channel/ledger ${k}: debited ${out} > deposited ${deposited.get(k) ?? 0n}`,
              ).to.equal(true);
            }
          };

          for (const a of actions) {
            switch (a.kind) {
              case "deposit": {
                const ch = channels[a.ch];
                track(deposit(w.ctx(userPrincipal(a.i)), LEDGERS[a.ledger], ch.fundingIDs[a.i], a.amount, []), () =>
                  add(deposited, `${a.ch}/${a.ledger}`, a.amount),
                );
                break;
              }
              case "dispute": {
                const { state, sigs } = pools[a.ch][a.state];
                dispute(w.ctx(userPrincipal(0)), channels[a.ch].candidParams, state, sigs);
                break;
              }
              case "conclude": {
                const { state, sigs } = pools[a.ch][a.state];
                conclude(w.ctx(userPrincipal(1)), channels[a.ch].candidParams, state, sigs);
                break;
              }
              case "concludeDispute":
                concludeDispute(w.ctx(userPrincipal(0)), hexToBytes(channels[a.ch].id, "id"));
                break;
              case "advance":
                w.now += a.seconds * 1_000_000_000n;
                break;
              case "withdraw": {
                const ch = channels[a.ch];
                const ledger = LEDGERS[a.ledger];
                const current = withdrawalNonce(w.ctx(CANISTER), ledger, ch.fundingIDs[a.i]);
                const nonce = current + BigInt(a.nonceShift) < 0n ? 0n : current + BigInt(a.nonceShift);
                const auth = authFor(ch, a.i, a.amount, { nonce, ledger });
                const key = ch.keys[a.signer < 0 ? a.i : a.signer];
                track(withdraw(w.ctx(CANISTER), auth, signAuth(auth, key), w.ledger(ledger).fee), () =>
                  add(debited, `${a.ch}/${a.ledger}`, a.amount),
                );
                break;
              }
              case "fail":
                w.ledger(LEDGERS[a.ledger]).failNext(a.failure);
                break;
              case "release":
                if (w.pendingCount > 0) await w.release(a.pick % w.pendingCount);
                break;
              case "gate":
                w.gated = a.on;
                break;
            }
            await flush();
            check();
          }
          while (w.pendingCount > 0) await w.release(0);
          await Promise.all(inFlight);
          check();
          // Nothing beyond what was deposited left the canister: balance = deposits − debits.
          for (let l = 0; l < 2; l++) {
            let dep = 0n;
            let out = 0n;
            for (let c = 0; c < 2; c++) {
              dep += deposited.get(`${c}/${l}`) ?? 0n;
              out += debited.get(`${c}/${l}`) ?? 0n;
            }
            expect(w.ledger(LEDGERS[l]).balanceOf(CANISTER)).to.equal(dep - out);
          }
        }),
        runs,
      );
    },
  );
});
