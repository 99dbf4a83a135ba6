/**
 * Model-based property test of the EVM contracts (fast-check commands).
 *
 * Each run deploys nothing: it restores the `modelFixture` snapshot (Adjudicator, ETH and
 * ERC-20 holders, CounterApp) and opens two channels between 2 or 3 participants — a payment
 * channel and a CounterApp channel — holding ETH and an ERC-20 token. One participant (drawn per
 * run) is honest, the others are malicious. A random sequence of deposits (by anyone, any amount), off-chain
 * updates, registrations (honest, stale, forged, tampered), refutations, force executions
 * (valid and invalid), time steps, conclusions, cooperative closes and withdrawals (honest,
 * excessive, repeated, someone else's, redirected) runs against the chain; every action's
 * success or exact custom error is predicted from the model, and after every step the
 * invariants of `model/invariants.ts` are checked against real balances and records.
 * At the end the honest participant plays its strategy (register or refute with its latest
 * state, wait, conclude, withdraw) and must receive at least its balance in the concluded
 * state whenever the deposits covered it (its deposits back otherwise).
 *
 * MODEL_RUNS (default 100) sets the runs, MODEL_MAX_COMMANDS (default 50) the sequence length,
 * PROP_SEED the seed. A failure prints the shrunk command list and the log of what the chain
 * answered.
 */
import fc from "fast-check";
import { propParams, propTitle } from "../support/propertyRuns";
import { expect } from "chai";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { syncClock } from "./model/act";
import { APP_CHANNEL, ASSETS, LEDGER_CHANNEL, UNIT, latest, newChannel } from "./model/channelModel";
import type { Model, Real } from "./model/channelModel";
import { commandArb, runSetupArb } from "./model/commandArbitraries";
import type { RunSetup } from "./model/commandArbitraries";
import { honestFinish } from "./model/honestStrategy";
import { checkInvariants } from "./model/invariants";
import { modelFixture } from "./model/modelFixture";
import { predictRegister } from "./model/predictions";
import { sendRegister } from "./model/register";
import { MODEL_MAX_COMMANDS, MODEL_RUNS } from "./model/propConfig";

/** Builds the run's model: both channels with their initial signed states, nothing on-chain yet. */
async function startRun(real: Real, setup: RunSetup): Promise<Model> {
  const m: Model = { n: setup.n, honest: setup.honest % setup.n, channels: [], now: 0n, log: [] };
  for (const c of [LEDGER_CHANNEL, APP_CHANNEL]) {
    const initial = ASSETS.map((a) => setup.initial[c][a].slice(0, setup.n).map((u) => BigInt(u) * UNIT));
    m.channels.push(newChannel(real, setup.n, c, initial, BigInt(setup.counter)));
  }
  await syncClock(m);
  return m;
}

/** Statistics over all runs, printed once (what the sequences actually exercised). */
const seen = new Map<string, number>();
function count(log: readonly string[]): void {
  for (const line of log) {
    const head = line.startsWith("finish:") ? line.split(" ").slice(0, 2).join(" ") : line.split(" ")[0];
    const arrow = line.lastIndexOf(" -> ");
    const result = arrow < 0 ? "" : ` -> ${line.slice(arrow + 4).split(/[ (]/)[0]}`;
    const key = head.startsWith("ch")
      ? "final check"
      : head === "update" || head === "time"
        ? head
        : `${head}${result}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
}

describe("EVM model: honest participant never loses, payouts never exceed deposits (property)", function () {
  this.timeout(0);

  const params = propParams(MODEL_RUNS, 0, { endOnFailure: process.env.MODEL_SHRINK === "0" });
  it(
    propTitle(`random action sequences on a payment and an app channel (≤ ${MODEL_MAX_COMMANDS} commands)`, params),
    async function () {
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(
          runSetupArb,
          fc.commands([commandArb], { maxCommands: MODEL_MAX_COMMANDS, size: "max" }),
          async (setup, cmds) => {
            const real = await loadFixture(modelFixture);
            const m = await startRun(real, setup);
            try {
              for (const ch of m.channels) {
                if (!setup.preRegister[ch.index]) continue;
                const { state, sigs } = latest(ch);
                const out = await sendRegister(
                  m,
                  real,
                  ch,
                  m.honest,
                  state,
                  sigs,
                  predictRegister(m, ch, state),
                  "setup: register",
                );
                expect(out.ok).to.equal(true);
              }
              await checkInvariants(m, real);
              await fc.asyncModelRun(() => ({ model: m, real }), cmds);
              await honestFinish(m, real);
            } catch (err) {
              const e = err as Error;
              e.message = `${e.message}\n--- run log (n=${m.n}, honest ${m.honest}) ---\n${m.log.join("\n")}`;
              throw e;
            }
            count(m.log);
          },
        ),
        params,
      );
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const summary = [...seen.entries()].sort().map(([k, v]) => `${k}: ${v}`);
      console.log(`      model: ${MODEL_RUNS} runs in ${secs}s; outcomes seen:\n        ${summary.join("\n        ")}`);
      expect(seen.size).to.be.greaterThan(0);
    },
  );
});
