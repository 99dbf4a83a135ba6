import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Principal } from "@icp-sdk/core/principal";
import { exportTableOnly, IC_COUNTER, instrumentForMetering, loadBinaryen, RAW_COUNTER, TABLE_EXPORT } from "./meter";

/**
 * A TEST HOST for one canister's wasm — NOT a replica: no consensus, no certification, no
 * cycles accounting, one canister plus JavaScript peers. It implements the `ic0` system API
 * that Azle canisters import, under plain Node:
 * - messages run one at a time from a queue; an update's await on another canister is a real
 *   inter-canister call: the peer answers (possibly later, when a test lets it), then the reply
 *   or reject callback runs as its own message, so other messages interleave in between;
 * - a trap rolls back the heap and stable memory of that one message (and drops the calls it
 *   made), as on the IC; a trap in a callback runs the cleanup callback;
 * - stable memory survives `upgrade()`, which starts a fresh instance and runs
 *   `canister_post_upgrade`;
 * - `ic0.time` is a settable clock in nanoseconds;
 * - with `metered`, executed instructions are counted with the IC's weights (./meter.ts) per
 *   message, plus the system-API charges, and a message over the IC's instruction limit traps;
 * - every `ic0` function traps outside the contexts the IC interface spec allows it in
 *   ({@link SYSTEM_API_CONTEXTS}: no `msg_reply` in a cleanup callback, no `call_new` in a query,
 *   …), as on the IC, so a canister that would trap there traps here too;
 * - `stop()` refuses new calls and resolves once every outstanding call context has closed;
 *   `upgrade()` runs `canister_pre_upgrade` on the old instance (a trap there refuses the upgrade)
 *   and, like the IC, does NOT wait for outstanding calls: their callbacks then run against the
 *   new instance, which is why a canister is stopped before it is upgraded.
 * With `rollback` off a trap cannot be undone, so the host refuses every later message (the
 * state would no longer be one the IC can reach) instead of silently continuing.
 */

/**
 * Where a system call may run (the IC interface spec, "Overview of imports"):
 * I = canister_init / canister_post_upgrade, G = canister_pre_upgrade, U = update,
 * Q = query (non-replicated), Ry / Rt = reply / reject callback, C = cleanup callback,
 * T = system task (global timer, heartbeat), s = the module's (start) function.
 */
export type ContextKind = "I" | "G" | "U" | "Q" | "Ry" | "Rt" | "C" | "T" | "s";

const ALL: ContextKind[] = ["I", "G", "U", "Q", "Ry", "Rt", "C", "T"];
const ALL_S: ContextKind[] = [...ALL, "s"];
const CALLS: ContextKind[] = ["U", "Ry", "Rt", "T"];
const RESPOND: ContextKind[] = ["U", "Q", "Ry", "Rt"];

/** The contexts each `ic0` import may be called from (composite-query and inspect-message columns omitted: the host runs neither). */
export const SYSTEM_API_CONTEXTS: Readonly<Record<string, readonly ContextKind[]>> = {
  msg_arg_data_size: ["I", "U", "Q", "Ry"],
  msg_arg_data_copy: ["I", "U", "Q", "Ry"],
  msg_caller_size: ALL,
  msg_caller_copy: ALL,
  msg_reject_code: ["Ry", "Rt", "C"],
  msg_reject_msg_size: ["Rt"],
  msg_reject_msg_copy: ["Rt"],
  msg_reply_data_append: RESPOND,
  msg_reply: RESPOND,
  msg_reject: RESPOND,
  msg_cycles_available128: ["U", "Rt", "Ry"],
  msg_cycles_refunded128: ["Rt", "Ry"],
  msg_cycles_accept128: ["U", "Rt", "Ry"],
  cycles_burn128: ["I", "G", "U", "Ry", "Rt", "C", "T"],
  canister_self_size: ALL,
  canister_self_copy: ALL,
  canister_cycle_balance128: ALL,
  canister_liquid_cycle_balance128: ALL,
  canister_version: ALL,
  msg_method_name_size: [],
  msg_method_name_copy: [],
  accept_message: [],
  call_new: CALLS,
  call_on_cleanup: CALLS,
  call_data_append: CALLS,
  call_with_best_effort_response: CALLS,
  call_cycles_add128: CALLS,
  call_perform: CALLS,
  stable64_size: ALL_S,
  stable64_grow: ALL_S,
  stable64_write: ALL_S,
  stable64_read: ALL_S,
  certified_data_set: ["I", "G", "U", "Ry", "Rt", "T"],
  data_certificate_present: ALL,
  data_certificate_size: ["Q"],
  data_certificate_copy: ["Q"],
  time: ALL,
  global_timer_set: ["I", "G", "U", "Ry", "Rt", "C", "T"],
  performance_counter: ALL_S,
  is_controller: ALL_S,
  in_replicated_execution: ALL_S,
  cost_call: ALL_S,
  debug_print: ALL_S,
  trap: ALL_S,
};

/** The IC's instruction limits per message (enforced when metered): update and callbacks 40 B, query 5 B, install and upgrade 300 B. */
export const INSTRUCTION_LIMITS: Readonly<Record<ContextKind, bigint>> = {
  I: 300_000_000_000n,
  G: 300_000_000_000n,
  U: 40_000_000_000n,
  Ry: 40_000_000_000n,
  Rt: 40_000_000_000n,
  C: 40_000_000_000n,
  T: 40_000_000_000n,
  Q: 5_000_000_000n,
  s: 300_000_000_000n,
};

const KIND_NAMES: Record<ContextKind, string> = {
  I: "canister_init/canister_post_upgrade",
  G: "canister_pre_upgrade",
  U: "an update",
  Q: "a query",
  Ry: "a reply callback",
  Rt: "a reject callback",
  C: "a cleanup callback",
  T: "a system task",
  s: "the (start) function",
};

/** The canister's running status (ic0.canister_status numbering). */
export type CanisterStatus = "running" | "stopping" | "stopped";

export type Answer = { reply: Uint8Array } | { reject: { code: number; message: string } };
export type PeerMethod = (arg: Uint8Array, caller: Principal) => Answer | Promise<Answer>;
/** Other canisters, by principal text, as JavaScript functions. */
export type Peers = Record<string, Record<string, PeerMethod>>;

export interface Cost {
  /** IC-weighted wasm instructions of all messages of this call (entry + callbacks), plus system-API charges. */
  instructions: bigint;
  /** The same, for the most expensive single message (the IC limits each message). */
  maxMessage: bigint;
  /** Every executed wasm instruction counted 1. */
  raw: bigint;
  /** System-API charges (ic0 calls, bytes copied) included in `instructions`. */
  system: bigint;
  messages: number;
}

export type CallResult = Answer & { cost: Cost };

export interface HostOptions {
  canisterId?: string;
  peers?: Peers;
  /** Nanoseconds since the epoch. */
  now?: bigint;
  /** Restore heap and stable memory when a message traps (and after every query). Default true. */
  rollback?: boolean;
  controllers?: string[];
}

const PAGE = 65536;
const EMPTY_ARGS = Uint8Array.from([0x44, 0x49, 0x44, 0x4c, 0, 0]);
const te = new TextEncoder();
const td = new TextDecoder();

interface CallContext {
  done: boolean;
  outstanding: number;
  answer?: Answer;
  onAnswer?: (a: Answer) => void;
  cost: Cost;
}

interface OutgoingCall {
  callee: Principal;
  method: string;
  data: Uint8Array[];
  reply: [number, number];
  reject: [number, number];
  cleanup?: [number, number];
  context: CallContext;
}

interface Execution {
  kind: ContextKind;
  context: CallContext;
  arg: Uint8Array;
  caller: Uint8Array;
  method: string;
  rejectCode: number;
  rejectMessage: string;
  replyParts: Uint8Array[];
  /** This message's answer; it reaches the caller only if the message completes without trapping. */
  answer?: Answer;
  pending?: OutgoingCall;
  performed: OutgoingCall[];
  startIc: bigint;
}

class Trap extends Error {}

const prepared = new Map<string, WebAssembly.Module>();

/** Compiles (and caches on disk next to the wasm) the table-exported or metered module. */
export async function prepareWasm(wasmPath: string, metered: boolean): Promise<WebAssembly.Module> {
  const original = readFileSync(wasmPath);
  const digest = createHash("sha256").update(original).digest("hex").slice(0, 16);
  const key = `${wasmPath}:${metered}:${digest}`;
  const hit = prepared.get(key);
  if (hit) return hit;
  const cache = `${wasmPath}.${metered ? "metered" : "host"}.${digest}.wasm`;
  let bytes: Uint8Array;
  if (existsSync(cache) && statSync(cache).size > 0) {
    bytes = readFileSync(cache);
  } else {
    const b = await loadBinaryen();
    bytes = metered ? instrumentForMetering(b, original).bytes : exportTableOnly(b, original);
    // Older builds' prepared copies are of no further use.
    const stem = `${basename(wasmPath)}.${metered ? "metered" : "host"}.`;
    for (const name of readdirSync(dirname(wasmPath)))
      if (name.startsWith(stem)) rmSync(join(dirname(wasmPath), name), { force: true });
    writeFileSync(cache, bytes);
  }
  const module = await WebAssembly.compile(bytes);
  prepared.set(key, module);
  return module;
}

export class Ic0Host {
  readonly selfId: Principal;
  readonly peers: Peers;
  readonly log: string[] = [];
  now: bigint;
  rollback: boolean;
  private readonly controllers: Set<string>;
  private instance!: WebAssembly.Instance;
  private table!: WebAssembly.Table;
  private stable = new Uint8Array(0);
  private stablePages = 0;
  private timer = 0n;
  private queue: Array<() => void> = [];
  private pumping = false;
  private exec: Execution | null = null;
  private readonly metered: boolean;
  private systemCharge = 0n;
  private poisoned: string | null = null;
  private openContexts = new Set<CallContext>();
  private stopWaiters: Array<() => void> = [];
  private statusValue: CanisterStatus = "running";

  constructor(
    private readonly module: WebAssembly.Module,
    options: HostOptions = {},
  ) {
    this.selfId = Principal.fromText(options.canisterId ?? "bkyz2-fmaaa-aaaaa-qaaaq-cai");
    this.peers = options.peers ?? {};
    this.now = options.now ?? 1_700_000_000_000_000_000n;
    this.rollback = options.rollback ?? true;
    this.controllers = new Set(options.controllers ?? []);
    this.metered = WebAssembly.Module.exports(module).some((e) => e.name === IC_COUNTER);
    this.instantiate();
  }

  /** Runs `canister_init` with Candid `arg`. */
  install(arg: Uint8Array = EMPTY_ARGS): Promise<CallResult> {
    return this.system("canister_init", arg, "I");
  }

  /**
   * `install_code` in upgrade mode: runs `canister_pre_upgrade` on the old instance (a trap
   * there refuses the upgrade and leaves the canister as it was), keeps stable memory, replaces
   * the heap with a fresh instance and runs `canister_post_upgrade` (a trap there undoes the
   * whole upgrade). Like the IC it does not wait for outstanding calls: their callbacks run
   * against the new instance afterwards. Stop the canister first ({@link stop}).
   */
  async upgrade(arg: Uint8Array = EMPTY_ARGS): Promise<CallResult> {
    const before = { instance: this.instance, table: this.table, stable: this.stable.slice(), pages: this.stablePages };
    if (this.instance.exports.canister_pre_upgrade) await this.system("canister_pre_upgrade", new Uint8Array(), "G");
    try {
      this.instantiate();
      return await this.system("canister_post_upgrade", arg, "I");
    } catch (e) {
      this.instance = before.instance;
      this.table = before.table;
      this.stable = before.stable;
      this.stablePages = before.pages;
      throw e;
    }
  }

  /** `stop_canister`: new calls are refused at once; resolves when every outstanding call context has closed. */
  stop(): Promise<void> {
    if (this.statusValue === "running") this.statusValue = "stopping";
    return new Promise((resolve) => {
      this.stopWaiters.push(resolve);
      this.checkStopped();
    });
  }

  /** `start_canister`. */
  start(): void {
    this.statusValue = "running";
  }

  get status(): CanisterStatus {
    return this.statusValue;
  }

  /** Call contexts not yet closed (answered and without outstanding calls). */
  get openCallContexts(): number {
    return this.openContexts.size;
  }

  private checkStopped(): void {
    if (this.statusValue !== "stopping" || this.openContexts.size !== 0) return;
    this.statusValue = "stopped";
    for (const w of this.stopWaiters.splice(0)) w();
  }

  /** An ingress update call; resolves with the answer once all its messages ran. */
  call(method: string, arg: Uint8Array, caller: Principal = Principal.anonymous()): Promise<CallResult> {
    return this.ingress(`canister_update ${method}`, method, arg, caller, false);
  }

  /** A query: runs, answers, and leaves no trace in the canister's state. */
  query(method: string, arg: Uint8Array, caller: Principal = Principal.anonymous()): Promise<CallResult> {
    return this.ingress(`canister_query ${method}`, method, arg, caller, true);
  }

  advanceTime(seconds: bigint | number): void {
    this.now += BigInt(seconds) * 1_000_000_000n;
  }

  /** Bytes of stable memory in use (pages × 64 KiB). */
  get stableSize(): number {
    return this.stablePages * PAGE;
  }

  private instantiate(): void {
    // The (start) function runs inside instantiation, in its own restricted context.
    this.exec = {
      kind: "s",
      context: this.newContext(undefined, false),
      arg: new Uint8Array(),
      caller: new Uint8Array(),
      method: "",
      rejectCode: 0,
      rejectMessage: "",
      replyParts: [],
      performed: [],
      startIc: 0n,
    };
    try {
      this.instance = new WebAssembly.Instance(this.module, { ic0: this.systemApi() });
    } finally {
      this.exec = null;
    }
    this.table = this.instance.exports[TABLE_EXPORT] as WebAssembly.Table;
  }

  private memory(): Uint8Array {
    return new Uint8Array((this.instance.exports.memory as WebAssembly.Memory).buffer);
  }

  private counters(): { raw: bigint; ic: bigint } {
    if (!this.metered) return { raw: 0n, ic: 0n };
    const x = this.instance.exports;
    return {
      raw: (x[RAW_COUNTER] as WebAssembly.Global).value as bigint,
      ic: (x[IC_COUNTER] as WebAssembly.Global).value as bigint,
    };
  }

  /** A call context; `track`ed ones keep a stopping canister from being stopped until they close. */
  private newContext(onAnswer?: (a: Answer) => void, track = true): CallContext {
    const ctx: CallContext = {
      done: false,
      outstanding: 0,
      onAnswer,
      cost: { instructions: 0n, maxMessage: 0n, raw: 0n, system: 0n, messages: 0 },
    };
    if (track) this.openContexts.add(ctx);
    return ctx;
  }

  private respond(ctx: CallContext, answer: Answer): void {
    if (ctx.done) return;
    ctx.done = true;
    ctx.answer = answer;
    ctx.onAnswer?.(answer);
    this.closeIfDone(ctx);
  }

  private closeIfDone(ctx: CallContext): void {
    if (ctx.done && ctx.outstanding === 0 && this.openContexts.delete(ctx)) this.checkStopped();
  }

  private ingress(
    exportName: string,
    method: string,
    arg: Uint8Array,
    caller: Principal,
    isQuery: boolean,
  ): Promise<CallResult> {
    return new Promise((resolve) => {
      const ctx = this.newContext((a) => resolve({ ...a, cost: ctx.cost }), !isQuery);
      if (this.poisoned !== null) {
        this.respond(ctx, { reject: { code: 5, message: `test host: ${this.poisoned}` } });
        return;
      }
      if (this.statusValue !== "running") {
        this.respond(ctx, { reject: { code: 5, message: `canister is ${this.statusValue}` } });
        return;
      }
      const entry = this.instance.exports[exportName] as (() => void) | undefined;
      if (!entry) {
        this.respond(ctx, {
          reject: { code: 3, message: `canister has no ${isQuery ? "query" : "update"} method '${method}'` },
        });
        return;
      }
      this.queue.push(() =>
        this.run(
          ctx,
          () => (this.instance.exports[exportName] as () => void)(),
          { arg, caller: caller.toUint8Array(), method },
          isQuery ? "Q" : "U",
        ),
      );
      this.pump();
    });
  }

  private system(exportName: string, arg: Uint8Array, kind: ContextKind): Promise<CallResult> {
    return new Promise((resolve, reject) => {
      const ctx = this.newContext();
      this.queue.push(() => {
        this.run(
          ctx,
          () => (this.instance.exports[exportName] as () => void)(),
          { arg, caller: Principal.anonymous().toUint8Array(), method: "" },
          kind,
          true,
        );
        const a = ctx.answer;
        if (a && "reject" in a) reject(new Error(`${exportName} trapped: ${a.reject.message}`));
        else resolve({ reply: new Uint8Array(), cost: ctx.cost });
      });
      this.pump();
    });
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const task = this.queue.shift();
        if (task) {
          task();
          continue;
        }
        if (this.timer !== 0n && this.timer <= this.now && this.instance.exports.canister_global_timer) {
          this.timer = 0n;
          const ctx = this.newContext();
          this.run(
            ctx,
            () => (this.instance.exports.canister_global_timer as () => void)(),
            { arg: new Uint8Array(), caller: this.selfId.toUint8Array(), method: "" },
            "T",
            true,
          );
          continue;
        }
        return;
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Executes one message; on a trap restores memory, drops its outgoing calls, answers with a reject. */
  private run(
    ctx: CallContext,
    body: () => void,
    m: { arg: Uint8Array; caller: Uint8Array; method: string; rejectCode?: number; rejectMessage?: string },
    kind: ContextKind,
    systemTask = false,
    onTrap?: (message: string) => void,
  ): void {
    const isQuery = kind === "Q";
    if (this.poisoned !== null) {
      const message = `test host: ${this.poisoned}`;
      if (onTrap) onTrap(message);
      else this.respond(ctx, { reject: { code: 5, message } });
      return;
    }
    const snapshot = this.rollback
      ? { heap: this.memory().slice(), stable: this.stable.slice(0, this.stablePages * PAGE), pages: this.stablePages }
      : null;
    const start = this.counters();
    this.systemCharge = 0n;
    this.exec = {
      kind,
      context: ctx,
      arg: m.arg,
      caller: m.caller,
      method: m.method,
      rejectCode: m.rejectCode ?? 0,
      rejectMessage: m.rejectMessage ?? "",
      replyParts: [],
      performed: [],
      startIc: start.ic,
    };
    const exec = this.exec;
    let trapped: string | null = null;
    try {
      body();
    } catch (e) {
      trapped = e instanceof Trap ? e.message : `wasm trap: ${(e as Error).message}`;
    } finally {
      this.exec = null;
    }
    const end = this.counters();
    const spent = end.ic - start.ic + this.systemCharge;
    if (trapped === null && this.metered && spent > INSTRUCTION_LIMITS[kind])
      trapped = `instruction limit exceeded: ${spent} > ${INSTRUCTION_LIMITS[kind]} in ${KIND_NAMES[kind]}`;
    ctx.cost.instructions += spent;
    ctx.cost.raw += end.raw - start.raw;
    ctx.cost.system += this.systemCharge;
    ctx.cost.messages += 1;
    if (spent > ctx.cost.maxMessage) ctx.cost.maxMessage = spent;

    if (trapped !== null) {
      this.log.push(`trap: ${trapped}`);
      if (snapshot) this.restore(snapshot);
      else
        this.poisoned = `a message trapped (${trapped}) with rollback off: its changes cannot be undone, so no later message runs`;
      if (onTrap) onTrap(trapped);
      else this.respond(ctx, { reject: { code: 5, message: trapped } });
      return;
    }
    if (exec.answer) this.respond(ctx, exec.answer);
    if (isQuery && snapshot) this.restore(snapshot);
    for (const call of exec.performed) {
      ctx.outstanding += 1;
      this.queue.push(() => this.deliver(call));
    }
    if (!systemTask && ctx.outstanding === 0 && !ctx.done) {
      this.respond(ctx, { reject: { code: 5, message: "canister did not reply to the call" } });
    }
    if (systemTask && !ctx.done) this.respond(ctx, { reply: new Uint8Array() });
    this.closeIfDone(ctx);
  }

  private restore(s: { heap: Uint8Array; stable: Uint8Array; pages: number }): void {
    const mem = this.memory();
    // A trapped message may have grown the heap: the grown part is zero again, as on the IC.
    mem.fill(0, s.heap.length);
    mem.set(s.heap);
    this.stable = new Uint8Array(Math.max(this.stable.length, s.stable.length));
    this.stable.set(s.stable);
    this.stablePages = s.pages;
  }

  private deliver(call: OutgoingCall): void {
    const arg = concat(call.data);
    const callee = call.callee.toText();
    const answer = (a: Answer) => {
      this.queue.push(() => this.callback(call, a));
      this.pump();
    };
    if (callee === this.selfId.toText()) {
      const ctx = this.newContext(answer);
      const name = `canister_update ${call.method}`;
      if (!this.instance.exports[name]) return answer({ reject: { code: 3, message: `no method ${call.method}` } });
      this.queue.push(() =>
        this.run(
          ctx,
          () => (this.instance.exports[name] as () => void)(),
          { arg, caller: this.selfId.toUint8Array(), method: call.method },
          "U",
        ),
      );
      return;
    }
    const handler =
      this.peers[callee]?.[call.method] ?? (callee === "aaaaa-aa" && call.method === "raw_rand" ? rawRand : undefined);
    if (!handler)
      return answer({ reject: { code: 3, message: `canister ${callee} not found or has no method ${call.method}` } });
    Promise.resolve()
      .then(() => handler(arg, this.selfId))
      .then(answer, (e: unknown) =>
        answer({ reject: { code: 5, message: `peer ${callee}.${call.method} trapped: ${(e as Error).message}` } }),
      );
  }

  private callback(call: OutgoingCall, a: Answer): void {
    const ctx = call.context;
    ctx.outstanding -= 1;
    const [fun, env] = "reply" in a ? call.reply : call.reject;
    const m =
      "reply" in a
        ? { arg: a.reply, caller: call.callee.toUint8Array(), method: "" }
        : {
            arg: new Uint8Array(),
            caller: call.callee.toUint8Array(),
            method: "",
            rejectCode: a.reject.code,
            rejectMessage: a.reject.message,
          };
    let trapMessage: string | null = null;
    this.run(
      ctx,
      () => (this.table.get(fun) as (e: number) => void)(env),
      m,
      "reply" in a ? "Ry" : "Rt",
      false,
      (msg) => {
        trapMessage = msg;
      },
    );
    if (trapMessage !== null) {
      if (call.cleanup) {
        const [cf, ce] = call.cleanup;
        // The cleanup callback sees the reject code of the callback it cleans up after.
        this.run(
          ctx,
          () => (this.table.get(cf) as (e: number) => void)(ce),
          { arg: new Uint8Array(), caller: call.callee.toUint8Array(), method: "", rejectCode: m.rejectCode },
          "C",
          false,
          () => undefined,
        );
      }
      if (ctx.outstanding === 0) this.respond(ctx, { reject: { code: 5, message: trapMessage } });
    }
    this.closeIfDone(ctx);
  }

  private systemApi(): Record<string, (...args: any[]) => unknown> {
    // The system API table is handed to WebAssembly as plain functions; they read the host
    // through this alias (binding every one of ~60 functions would add nothing).
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const x = (): Execution => {
      if (!self.exec) throw new Trap("system API called outside a message");
      return self.exec;
    };
    const read = (ptr: number, len: number) => self.memory().slice(ptr, ptr + len);
    const write = (ptr: number, bytes: Uint8Array) => self.memory().set(bytes, ptr);
    const copyOut = (src: () => Uint8Array) => (dst: number, off: number, size: number) => {
      const s = src();
      if (off + size > s.length) throw new Trap(`copy out of bounds (${off}+${size} > ${s.length})`);
      write(dst, s.subarray(off, off + size));
    };
    const u128 = (ptr: number, v: bigint) => {
      const b = new Uint8Array(16);
      for (let i = 0; i < 16; i++) b[i] = Number((v >> BigInt(8 * i)) & 0xffn);
      write(ptr, b);
    };
    const api: Record<string, (...args: any[]) => unknown> = {
      msg_arg_data_size: () => x().arg.length,
      msg_arg_data_copy: copyOut(() => x().arg),
      msg_caller_size: () => x().caller.length,
      msg_caller_copy: copyOut(() => x().caller),
      msg_method_name_size: () => te.encode(x().method).length,
      msg_method_name_copy: copyOut(() => te.encode(x().method)),
      msg_reject_code: () => x().rejectCode,
      msg_reject_msg_size: () => {
        if (x().rejectCode === 0) throw new Trap("msg_reject_msg_size: no reject message");
        return te.encode(x().rejectMessage).length;
      },
      msg_reject_msg_copy: copyOut(() => te.encode(x().rejectMessage)),
      msg_reply_data_append: (src: number, size: number) => {
        x().replyParts.push(read(src, size));
      },
      msg_reply: () => {
        const e = x();
        if (e.context.done || e.answer) throw new Trap("msg_reply: the call was already answered");
        e.answer = { reply: concat(e.replyParts) };
        e.replyParts = [];
      },
      msg_reject: (src: number, size: number) => {
        const e = x();
        if (e.context.done || e.answer) throw new Trap("msg_reject: the call was already answered");
        e.answer = { reject: { code: 4, message: td.decode(read(src, size)) } };
      },
      msg_cycles_available128: (dst: number) => u128(dst, 0n),
      msg_cycles_refunded128: (dst: number) => u128(dst, 0n),
      msg_cycles_accept128: (_h: bigint, _l: bigint, dst: number) => u128(dst, 0n),
      cycles_burn128: (_h: bigint, _l: bigint, dst: number) => u128(dst, 0n),
      canister_cycle_balance128: (dst: number) => u128(dst, 10n ** 15n),
      canister_liquid_cycle_balance128: (dst: number) => u128(dst, 10n ** 15n),
      canister_self_size: () => self.selfId.toUint8Array().length,
      canister_self_copy: copyOut(() => self.selfId.toUint8Array()),
      canister_version: () => 1n,
      accept_message: () => undefined,
      cost_call: (_a: bigint, _b: bigint, dst: number) => u128(dst, 0n),
      call_new: (cs: number, cl: number, ns: number, nl: number, rf: number, re: number, jf: number, je: number) => {
        const e = x();
        e.pending = {
          callee: Principal.fromUint8Array(read(cs, cl)),
          method: td.decode(read(ns, nl)),
          data: [],
          reply: [rf, re],
          reject: [jf, je],
          context: e.context,
        };
      },
      call_on_cleanup: (fun: number, env: number) => {
        const p = x().pending;
        if (!p) throw new Trap("call_on_cleanup without call_new");
        p.cleanup = [fun, env];
      },
      call_data_append: (src: number, size: number) => {
        const p = x().pending;
        if (!p) throw new Trap("call_data_append without call_new");
        p.data.push(read(src, size));
      },
      call_cycles_add128: () => undefined,
      call_with_best_effort_response: () => undefined,
      call_perform: () => {
        const e = x();
        if (!e.pending) throw new Trap("call_perform without call_new");
        e.performed.push(e.pending);
        e.pending = undefined;
        return 0;
      },
      stable64_size: () => BigInt(self.stablePages),
      stable64_grow: (n: bigint) => {
        const old = self.stablePages;
        const pages = old + Number(n);
        if (pages > 65536) return -1n; // 4 GiB cap for the host
        if (pages * PAGE > self.stable.length) {
          const grown = new Uint8Array(Math.max(pages * PAGE, self.stable.length * 2));
          grown.set(self.stable);
          self.stable = grown;
        }
        self.stablePages = pages;
        return BigInt(old);
      },
      stable64_write: (off: bigint, src: bigint, size: bigint) => {
        if (off + size > BigInt(self.stablePages * PAGE)) throw new Trap("stable memory write out of bounds");
        self.stable.set(read(Number(src), Number(size)), Number(off));
      },
      stable64_read: (dst: bigint, off: bigint, size: bigint) => {
        if (off + size > BigInt(self.stablePages * PAGE)) throw new Trap("stable memory read out of bounds");
        write(Number(dst), self.stable.subarray(Number(off), Number(off + size)));
      },
      time: () => self.now,
      global_timer_set: (t: bigint) => {
        const old = self.timer;
        self.timer = t;
        return old;
      },
      performance_counter: (kind: number) => {
        const c = self.counters().ic;
        return kind === 0 ? c - x().startIc : c - x().startIc + x().context.cost.instructions;
      },
      in_replicated_execution: () => 1,
      is_controller: (src: number, size: number) =>
        self.controllers.has(Principal.fromUint8Array(read(src, size)).toText()) ? 1 : 0,
      certified_data_set: () => undefined,
      data_certificate_present: () => 0,
      data_certificate_size: () => 0,
      data_certificate_copy: () => undefined,
      debug_print: (src: number, size: number) => {
        const s = td.decode(read(src, size));
        self.log.push(s);
        if (process.env.IC0_HOST_DEBUG) console.log("[canister]", s);
      },
      trap: (src: number, size: number) => {
        throw new Trap(td.decode(read(src, size)));
      },
    };
    // System-API charges as the IC counts them: a fixed cost per call plus copied bytes.
    const fixed: Record<string, [number, boolean]> = {
      call_perform: [5000, false],
      call_new: [1500, false],
      is_controller: [1000, true],
      call_data_append: [500, true],
      msg_arg_data_copy: [500, true],
      msg_caller_copy: [500, true],
      msg_reply_data_append: [500, true],
      msg_reply: [500, false],
      msg_reject: [500, true],
      canister_self_copy: [500, true],
      debug_print: [100, true],
      trap: [500, true],
      time: [500, false],
      performance_counter: [200, false],
      stable64_read: [20, true],
      stable64_write: [20, true],
      stable64_grow: [100, false],
    };
    const charged: Record<string, (...args: any[]) => unknown> = {};
    for (const [name, f] of Object.entries(api)) {
      const [base, perByte] = fixed[name] ?? [500, false];
      const allowed = SYSTEM_API_CONTEXTS[name];
      if (!allowed) throw new Error(`test host: no context rule for ic0.${name}`);
      charged[name] = (...args: any[]) => {
        const kind = x().kind;
        if (!allowed.includes(kind)) throw new Trap(`ic0.${name} cannot be called from ${KIND_NAMES[kind]}`);
        self.systemCharge += BigInt(base) + (perByte ? BigInt(args[args.length - 1]) : 0n);
        return f(...args);
      };
    }
    return charged;
  }
}

/** The management canister's `raw_rand` (Azle seeds its RNG with it at init): 32 fixed bytes in Candid `(blob)`. */
function rawRand(): Answer {
  return {
    reply: Uint8Array.from([0x44, 0x49, 0x44, 0x4c, 1, 0x6d, 0x7b, 1, 0, 32, ...new Array<number>(32).fill(7)]),
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
