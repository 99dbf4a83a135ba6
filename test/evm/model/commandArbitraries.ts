/**
 * The command mix of the model-based test. Commands carry raw numbers (participant picks,
 * history picks) that the commands map onto the run's model, so any generated list is valid
 * for any run and shrinks well. Weights favour the actions that move money or disputes.
 */
import fc from "fast-check";
import { APP_CHANNEL, ERC20, ETH, LEDGER_CHANNEL } from "./channelModel";
import type { Model, Real } from "./channelModel";
import { AdvanceTimeCommand } from "./commands/AdvanceTimeCommand";
import { BoundaryCommand } from "./commands/BoundaryCommand";
import type { BoundaryMode } from "./commands/BoundaryCommand";
import { ConcludeCommand } from "./commands/ConcludeCommand";
import { ConcludeFinalCommand } from "./commands/ConcludeFinalCommand";
import type { ConcludeFinalMode } from "./commands/ConcludeFinalCommand";
import { DepositCommand } from "./commands/DepositCommand";
import { HijackCommand } from "./commands/HijackCommand";
import { HonestCloseCommand } from "./commands/HonestCloseCommand";
import type { DepositMode } from "./commands/DepositCommand";
import { ProgressCommand } from "./commands/ProgressCommand";
import type { ProgressMode } from "./commands/ProgressCommand";
import { RefuteCommand } from "./commands/RefuteCommand";
import { RegisterCommand } from "./commands/RegisterCommand";
import { SetOutcomeCommand } from "./commands/SetOutcomeCommand";
import type { RegisterMode } from "./commands/RegisterCommand";
import { UpdateCommand } from "./commands/UpdateCommand";
import { WithdrawCommand } from "./commands/WithdrawCommand";
import type { WithdrawMode } from "./commands/WithdrawCommand";
import { CHALLENGE_DURATION } from "./channelModel";

type Cmd = fc.AsyncCommand<Model, Real>;

const channel = fc.constantFrom(LEDGER_CHANNEL, APP_CHANNEL);
const asset = fc.constantFrom(ETH, ERC20);
const who = fc.nat(11);
const pick = fc.nat(59);

const deposit: fc.Arbitrary<Cmd> = fc
  .tuple(
    channel,
    asset,
    who,
    who,
    fc.constantFrom<DepositMode>("topUp", "topUp", "topUp", "units", "units", "dust", "badValue"),
    fc.nat(6),
  )
  .map(([c, a, from, to, mode, units]) => new DepositCommand(c, a, from, to, mode, units));

const update: fc.Arbitrary<Cmd> = fc
  .tuple(
    channel,
    fc.array(fc.array(fc.nat(4), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }),
    fc.integer({ min: 1, max: 2 }),
    fc.nat(7).map((x) => x === 0),
  )
  .map(([c, weights, step, isFinal]) => new UpdateCommand(c, weights, step, isFinal));

const register: fc.Arbitrary<Cmd> = fc
  .tuple(
    channel,
    fc.constantFrom<RegisterMode>(
      "honestLatest",
      "stale",
      "stale",
      "stale",
      "forged",
      "mutatedState",
      "mutatedSig",
      "mutatedSig",
      "missingSig",
      "wrongChannel",
      "reorderedParticipants",
    ),
    who,
    pick,
  )
  .map(([c, mode, w, p]) => new RegisterCommand(c, mode, w, p));

const refute: fc.Arbitrary<Cmd> = fc
  .tuple(channel, fc.boolean(), who, pick)
  .map(([c, honest, w, p]) => new RefuteCommand(c, honest, w, p));

const progress: fc.Arbitrary<Cmd> = fc
  .tuple(
    fc.constantFrom<ProgressMode>(
      "valid",
      "valid",
      "valid",
      "wrongActor",
      "badIncrement",
      "versionSkip",
      "sumChanged",
      "badSig",
      "staleOld",
      "actorOutOfRange",
      "ledgerChannel",
    ),
    pick,
    fc.nat(4).map((x) => x === 0),
  )
  .map(([mode, p, isFinal]) => new ProgressCommand(mode, p, isFinal));

const advanceTime: fc.Arbitrary<Cmd> = fc
  .constantFrom(5n, 120n, CHALLENGE_DURATION / 2n, CHALLENGE_DURATION + 30n, 2n * CHALLENGE_DURATION + 30n)
  .map((s) => new AdvanceTimeCommand(s));

const conclude: fc.Arbitrary<Cmd> = fc
  .tuple(
    channel,
    fc.nat(3).map((x) => x !== 0),
    who,
    pick,
  )
  .map(([c, registered, w, p]) => new ConcludeCommand(c, registered, w, p));

const concludeFinal: fc.Arbitrary<Cmd> = fc
  .tuple(
    channel,
    fc.constantFrom<ConcludeFinalMode>("latest", "latest", "latest", "old", "flaggedFinal", "swappedSigs"),
    who,
    pick,
  )
  .map(([c, mode, w, p]) => new ConcludeFinalCommand(c, mode, w, p));

const withdraw: fc.Arbitrary<Cmd> = fc
  .tuple(
    channel,
    asset,
    fc.constantFrom<WithdrawMode>("share", "share", "share", "more", "again", "othersShare", "redirectHonest"),
    who,
    fc.nat(5),
  )
  .map(([c, a, mode, w, extra]) => new WithdrawCommand(c, a, mode, w, extra));

const setOutcome: fc.Arbitrary<Cmd> = fc.tuple(channel, asset, who).map(([c, a, w]) => new SetOutcomeCommand(c, a, w));

const boundary: fc.Arbitrary<Cmd> = fc
  .tuple(channel, fc.constantFrom<BoundaryMode>("lastSecondRefute", "conclude", "progress"), fc.boolean(), pick)
  .map(([c, mode, at, p]) => new BoundaryCommand(c, mode, at, p));

const honestClose: fc.Arbitrary<Cmd> = channel.map((c) => new HonestCloseCommand(c));

const hijack: fc.Arbitrary<Cmd> = fc.tuple(channel, who, pick).map(([c, w, p]) => new HijackCommand(c, w, p));

/** The weighted command mix. */
export const commandArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 1, arbitrary: hijack },
  { weight: 5, arbitrary: deposit },
  { weight: 4, arbitrary: update },
  { weight: 5, arbitrary: register },
  { weight: 2, arbitrary: refute },
  { weight: 6, arbitrary: progress },
  { weight: 5, arbitrary: advanceTime },
  { weight: 5, arbitrary: conclude },
  { weight: 2, arbitrary: concludeFinal },
  { weight: 1, arbitrary: honestClose },
  { weight: 3, arbitrary: boundary },
  { weight: 1, arbitrary: setOutcome },
  { weight: 7, arbitrary: withdraw },
);

/** The run's setup: 2 or 3 participants, which one is honest, the initial balances of each channel, the app counter. */
export interface RunSetup {
  n: number;
  /** The honest participant (taken modulo n). */
  honest: number;
  /** initial[channel][asset][participant] in units. */
  initial: number[][][];
  counter: number;
  /** Per channel: the honest participant registers the initial state before the sequence starts. */
  preRegister: boolean[];
}

export const runSetupArb: fc.Arbitrary<RunSetup> = fc.record({
  n: fc.constantFrom(2, 3),
  honest: fc.nat(2),
  initial: fc.array(fc.array(fc.array(fc.nat(5), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }), {
    minLength: 2,
    maxLength: 2,
  }),
  counter: fc.nat(5),
  preRegister: fc.tuple(
    fc.nat(3).map((x) => x === 0),
    fc.boolean(),
  ),
});
