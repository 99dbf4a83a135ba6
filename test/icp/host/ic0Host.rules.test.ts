import { expect } from "chai";
import { Principal } from "@icp-sdk/core/principal";
import { Ic0Host, type Answer, type ContextKind } from "./ic0Host";
import { loadBinaryen, TABLE_EXPORT } from "./meter";

/**
 * The test host's system-API rules against the IC interface spec (dfinity/portal,
 * docs/references/ic-interface-spec.md, "Overview of imports"): for every `ic0` import Azle's
 * canister uses and every context the host runs, a tiny hand-written canister calls that
 * import from that context, and the host must trap exactly where the spec says the IC traps.
 *
 * The expected contexts below are the spec's own comments, copied as text and parsed here, so
 * the table is independent of the host's encoding of it (ic0Host.ts SYSTEM_API_CONTEXTS).
 */
const SPEC: Record<string, string> = {
  msg_arg_data_size: "I U RQ NRQ TQ CQ Ry CRy F",
  msg_arg_data_copy: "I U RQ NRQ TQ CQ Ry CRy F",
  msg_caller_size: "*",
  msg_caller_copy: "*",
  msg_reject_code: "Ry Rt CRy CRt C",
  msg_reject_msg_size: "Rt CRt",
  msg_reject_msg_copy: "Rt CRt",
  msg_reply_data_append: "U RQ NRQ TQ CQ Ry Rt CRy CRt",
  msg_reply: "U RQ NRQ TQ CQ Ry Rt CRy CRt",
  msg_reject: "U RQ NRQ TQ CQ Ry Rt CRy CRt",
  msg_cycles_available128: "U RQ Rt Ry",
  msg_cycles_refunded128: "Rt Ry",
  msg_cycles_accept128: "U RQ Rt Ry",
  cycles_burn128: "I G U RQ Ry Rt C T",
  canister_self_size: "*",
  canister_self_copy: "*",
  canister_cycle_balance128: "*",
  canister_liquid_cycle_balance128: "*",
  canister_version: "*",
  msg_method_name_size: "F",
  msg_method_name_copy: "F",
  accept_message: "F",
  call_new: "U CQ Ry Rt CRy CRt T",
  call_on_cleanup: "U CQ Ry Rt CRy CRt T",
  call_data_append: "U CQ Ry Rt CRy CRt T",
  call_with_best_effort_response: "U CQ Ry Rt CRy CRt T",
  call_cycles_add128: "U Ry Rt T",
  call_perform: "U CQ Ry Rt CRy CRt T",
  stable64_size: "* s",
  stable64_grow: "* s",
  stable64_write: "* s",
  stable64_read: "* s",
  certified_data_set: "I G U Ry Rt T",
  data_certificate_present: "*",
  data_certificate_size: "NRQ CQ",
  data_certificate_copy: "NRQ CQ",
  time: "*",
  global_timer_set: "I G U Ry Rt C T",
  performance_counter: "* s",
  is_controller: "* s",
  in_replicated_execution: "* s",
  cost_call: "* s",
  debug_print: "* s",
};

/** The spec's `*`: every context but `(start)`. */
const STAR = "I G U RQ NRQ TQ CQ Ry Rt CRy CRt C CC F T";

/** The host's contexts, by the spec's letters (its queries are ingress queries: non-replicated). */
const HOST_CONTEXTS: Array<[ContextKind, string]> = [
  ["I", "I"],
  ["G", "G"],
  ["U", "U"],
  ["Q", "NRQ"],
  ["Ry", "Ry"],
  ["Rt", "Rt"],
  ["C", "C"],
  ["T", "T"],
  ["s", "s"],
];

function specAllows(fn: string, specLetter: string): boolean {
  const letters = SPEC[fn].replace("*", STAR).split(/\s+/);
  return letters.includes(specLetter);
}

/** Parameter types of each import (32-bit memory: I = i32) and whether it returns a value. */
const SIGNATURES: Record<string, [string[], string | null]> = {
  msg_arg_data_size: [[], "i32"],
  msg_arg_data_copy: [["i32", "i32", "i32"], null],
  msg_caller_size: [[], "i32"],
  msg_caller_copy: [["i32", "i32", "i32"], null],
  msg_reject_code: [[], "i32"],
  msg_reject_msg_size: [[], "i32"],
  msg_reject_msg_copy: [["i32", "i32", "i32"], null],
  msg_reply_data_append: [["i32", "i32"], null],
  msg_reply: [[], null],
  msg_reject: [["i32", "i32"], null],
  msg_cycles_available128: [["i32"], null],
  msg_cycles_refunded128: [["i32"], null],
  msg_cycles_accept128: [["i64", "i64", "i32"], null],
  cycles_burn128: [["i64", "i64", "i32"], null],
  canister_self_size: [[], "i32"],
  canister_self_copy: [["i32", "i32", "i32"], null],
  canister_cycle_balance128: [["i32"], null],
  canister_liquid_cycle_balance128: [["i32"], null],
  canister_version: [[], "i64"],
  msg_method_name_size: [[], "i32"],
  msg_method_name_copy: [["i32", "i32", "i32"], null],
  accept_message: [[], null],
  call_new: [["i32", "i32", "i32", "i32", "i32", "i32", "i32", "i32"], null],
  call_on_cleanup: [["i32", "i32"], null],
  call_data_append: [["i32", "i32"], null],
  call_with_best_effort_response: [["i32"], null],
  call_cycles_add128: [["i64", "i64"], null],
  call_perform: [[], "i32"],
  stable64_size: [[], "i64"],
  stable64_grow: [["i64"], "i64"],
  stable64_write: [["i64", "i64", "i64"], null],
  stable64_read: [["i64", "i64", "i64"], null],
  certified_data_set: [["i32", "i32"], null],
  data_certificate_present: [[], "i32"],
  data_certificate_size: [[], "i32"],
  data_certificate_copy: [["i32", "i32", "i32"], null],
  time: [[], "i64"],
  global_timer_set: [["i64"], "i64"],
  performance_counter: [["i32"], "i64"],
  is_controller: [["i32", "i32"], "i32"],
  in_replicated_execution: [[], "i32"],
  cost_call: [["i64", "i64", "i32"], null],
  debug_print: [["i32", "i32"], null],
};

const PEER = Principal.fromText("ryjl3-tyaaa-aaaaa-aaaba-cai");
const PEER_BYTES = PEER.toUint8Array();

/** The call builders that need a call under construction: the probe starts one first. */
const NEEDS_CALL = new Set([
  "call_on_cleanup",
  "call_data_append",
  "call_with_best_effort_response",
  "call_cycles_add128",
  "call_perform",
]);

/**
 * A canister that calls `fn` (all arguments zero) from context `at` and does nothing else that
 * could trap: the update makes one call to PEER (for the callback contexts; its reply callback
 * traps on purpose when the cleanup callback is the context under test), init arms the timer.
 */
function probeWat(fn: string, at: ContextKind): string {
  const [params, result] = SIGNATURES[fn];
  const args = params.map((t) => `(${t}.const 0)`).join(" ");
  const invoke = result ? `(drop (call $probe ${args}))` : `(call $probe ${args})`;
  const startCall = NEEDS_CALL.has(fn)
    ? "(call $call_new (i32.const 16) (i32.const 10) (i32.const 8) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 0))"
    : "";
  // Once only: a probe that performs a call would otherwise run again in that call's callback.
  const body = `(if (i32.eqz (global.get $done)) (then (global.set $done (i32.const 1)) ${startCall} ${invoke}))`;
  const when = (k: ContextKind, code: string) => (at === k ? code : "");
  const peerBytes = Array.from(PEER_BYTES, (b) => `\\${b.toString(16).padStart(2, "0")}`).join("");
  return `(module
  (import "ic0" "${fn}" (func $probe ${params.length ? `(param ${params.join(" ")})` : ""} ${result ? `(result ${result})` : ""}))
  (import "ic0" "call_new" (func $call_new (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "ic0" "call_on_cleanup" (func $call_on_cleanup (param i32 i32)))
  (import "ic0" "call_perform" (func $call_perform (result i32)))
  (import "ic0" "global_timer_set" (func $timer (param i64) (result i64)))
  (memory (export "memory") 1)
  (data (i32.const 8) "m")
  (data (i32.const 16) "${peerBytes}")
  (table (export "${TABLE_EXPORT}") 3 funcref)
  (elem (i32.const 0) $reply $reject $cleanup)
  (global $done (mut i32) (i32.const 0))
  (func $start ${when("s", body)})
  (start $start)
  (func (export "canister_init") ${when("I", body)} ${when("T", "(drop (call $timer (i64.const 1)))")})
  (func (export "canister_pre_upgrade") ${when("G", body)})
  (func (export "canister_post_upgrade"))
  (func (export "canister_global_timer") ${when("T", body)})
  (func (export "canister_query probe") ${when("Q", body)})
  (func (export "canister_update probe") ${when("U", body)}
    ${
      ["Ry", "Rt", "C"].includes(at)
        ? `(call $call_new (i32.const 16) (i32.const 10) (i32.const 8) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 0))
           (call $call_on_cleanup (i32.const 2) (i32.const 0))
           (drop (call $call_perform))`
        : ""
    })
  (func $reply (param i32) ${when("Ry", body)} ${when("C", "(unreachable)")})
  (func $reject (param i32) ${when("Rt", body)})
  (func $cleanup (param i32) ${when("C", body)})
)`;
}

describe("ICP test host: system calls trap outside the contexts the IC interface spec allows", function () {
  this.timeout(120_000);
  let binaryen: Awaited<ReturnType<typeof loadBinaryen>>;
  before(async () => {
    binaryen = await loadBinaryen();
  });

  /** Runs the probe canister; returns the host's trap messages. */
  async function trapsOf(fn: string, at: ContextKind): Promise<string[]> {
    const m = binaryen.parseText(probeWat(fn, at));
    m.setFeatures(binaryen.Features.All);
    if (!m.validate()) throw new Error(`probe for ${fn} in ${at} does not validate`);
    const module = await WebAssembly.compile(m.emitBinary());
    m.dispose();
    const answer: Answer = at === "Rt" ? { reject: { code: 4, message: "no" } } : { reply: new Uint8Array() };
    let host: Ic0Host;
    try {
      host = new Ic0Host(module, { peers: { [PEER.toText()]: { m: () => answer } } });
    } catch (e) {
      return [`(start) trapped: ${(e as Error).message}`];
    }
    const traps = () => host.log.filter((l) => l.startsWith("trap:"));
    try {
      await host.install();
    } catch {
      return traps();
    }
    if (at === "G") {
      await host.upgrade().catch(() => undefined);
      return traps();
    }
    if (at === "Q") await host.query("probe", new Uint8Array());
    else await host.call("probe", new Uint8Array());
    return traps();
  }

  for (const fn of Object.keys(SPEC)) {
    for (const [kind, letter] of HOST_CONTEXTS) {
      // A (start) function runs before the instance exists, so the host cannot reach its memory
      // there: only the imports that take no pointer are probed in that column.
      if (kind === "s" && SIGNATURES[fn][0].length > 0 && !fn.startsWith("stable64_")) continue;
      if (kind === "s" && (fn === "stable64_write" || fn === "stable64_read")) continue;
      const allowed = specAllows(fn, letter);
      it(`ic0.${fn} from ${letter}: ${allowed ? "allowed" : "traps"}`, async () => {
        const traps = await trapsOf(fn, kind);
        // A call builder needs call_new first, which the spec allows in the same contexts.
        const names = NEEDS_CALL.has(fn) ? [fn, "call_new"] : [fn];
        const own = traps.filter((t) => names.some((n) => t.includes(`ic0.${n} cannot be called`)));
        if (allowed) {
          // The cleanup case traps in its reply callback on purpose; nothing else may trap.
          const expected = kind === "C" ? 1 : 0;
          expect(traps, traps.join("\n")).to.have.length(expected);
        } else {
          expect(own, `expected ic0.${fn} to trap in ${letter}; traps: ${traps.join(" | ")}`).to.have.length(1);
        }
      });
    }
  }

  it("msg_reply twice in one update traps (a call is answered at most once)", async () => {
    const m = binaryen.parseText(`(module
      (import "ic0" "msg_reply" (func $reply))
      (memory (export "memory") 1)
      (table (export "${TABLE_EXPORT}") 0 funcref)
      (func (export "canister_init"))
      (func (export "canister_update twice") (call $reply) (call $reply)))`);
    m.setFeatures(binaryen.Features.All);
    const host = new Ic0Host(await WebAssembly.compile(m.emitBinary()));
    m.dispose();
    await host.install();
    const r = await host.call("twice", new Uint8Array());
    expect(r).to.have.property("reject");
    expect(host.log.join("\n")).to.match(/already answered/);
  });

  it("a trap in pre_upgrade refuses the upgrade and keeps the old instance; stop() waits for outstanding calls", async () => {
    const m = binaryen.parseText(`(module
      (import "ic0" "call_new" (func $call_new (param i32 i32 i32 i32 i32 i32 i32 i32)))
      (import "ic0" "call_perform" (func $call_perform (result i32)))
      (import "ic0" "msg_reply" (func $msg_reply))
      (memory (export "memory") 1)
      (data (i32.const 8) "m")
      (data (i32.const 16) "${Array.from(PEER_BYTES, (b) => `\\${b.toString(16).padStart(2, "0")}`).join("")}")
      (table (export "${TABLE_EXPORT}") 2 funcref)
      (elem (i32.const 0) $reply $reply)
      (global $pending (mut i32) (i32.const 0))
      (func $reply (param i32) (global.set $pending (i32.const 0)) (call $msg_reply))
      (func (export "canister_init"))
      (func (export "canister_post_upgrade"))
      (func (export "canister_pre_upgrade") (if (global.get $pending) (then (unreachable))))
      (func (export "canister_update go")
        (global.set $pending (i32.const 1))
        (call $call_new (i32.const 16) (i32.const 10) (i32.const 8) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 0))
        (drop (call $call_perform))))`);
    let release: (a: Answer) => void = () => undefined;
    const host = new Ic0Host(await WebAssembly.compile(m.emitBinary()), {
      peers: { [PEER.toText()]: { m: () => new Promise<Answer>((r) => (release = r)) } },
    });
    m.dispose();
    await host.install();
    const go = host.call("go", new Uint8Array());
    await new Promise((r) => setImmediate(r));
    expect(host.openCallContexts).to.equal(1);
    let refused = false;
    await host.upgrade().catch(() => (refused = true));
    expect(refused, "pre_upgrade trapped: the upgrade must fail").to.equal(true);
    let stopped = false;
    const stopping = host.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(host.status).to.equal("stopping");
    expect(await host.call("go", new Uint8Array())).to.deep.include({
      reject: { code: 5, message: "canister is stopping" },
    });
    expect(stopped).to.equal(false);
    release({ reply: new Uint8Array() });
    expect(await go).to.have.property("reply");
    await stopping;
    expect(host.status).to.equal("stopped");
    await host.upgrade();
    host.start();
    expect(host.status).to.equal("running");
  });
});
