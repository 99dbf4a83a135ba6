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
 *   message, plus the system-API charges.
 */

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
  context: CallContext;
  arg: Uint8Array;
  caller: Uint8Array;
  method: string;
  rejectCode: number;
  rejectMessage: string;
  replyParts: Uint8Array[];
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
    return this.system("canister_init", arg);
  }

  /** Keeps stable memory, replaces the heap with a fresh instance, runs `canister_post_upgrade`. */
  upgrade(arg: Uint8Array = EMPTY_ARGS): Promise<CallResult> {
    this.instantiate();
    return this.system("canister_post_upgrade", arg);
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
    this.instance = new WebAssembly.Instance(this.module, { ic0: this.systemApi() });
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

  private newContext(onAnswer?: (a: Answer) => void): CallContext {
    return {
      done: false,
      outstanding: 0,
      onAnswer,
      cost: { instructions: 0n, maxMessage: 0n, raw: 0n, system: 0n, messages: 0 },
    };
  }

  private respond(ctx: CallContext, answer: Answer): void {
    if (ctx.done) return;
    ctx.done = true;
    ctx.answer = answer;
    ctx.onAnswer?.(answer);
  }

  private ingress(
    exportName: string,
    method: string,
    arg: Uint8Array,
    caller: Principal,
    isQuery: boolean,
  ): Promise<CallResult> {
    return new Promise((resolve) => {
      const ctx = this.newContext((a) => resolve({ ...a, cost: ctx.cost }));
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
          isQuery,
        ),
      );
      this.pump();
    });
  }

  private system(exportName: string, arg: Uint8Array): Promise<CallResult> {
    return new Promise((resolve, reject) => {
      const ctx = this.newContext();
      this.queue.push(() => {
        this.run(
          ctx,
          () => (this.instance.exports[exportName] as () => void)(),
          { arg, caller: Principal.anonymous().toUint8Array(), method: "" },
          false,
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
            false,
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
    isQuery: boolean,
    systemTask = false,
    onTrap?: (message: string) => void,
  ): void {
    const snapshot = this.rollback
      ? { heap: this.memory().slice(), stable: this.stable.slice(0, this.stablePages * PAGE), pages: this.stablePages }
      : null;
    const start = this.counters();
    this.systemCharge = 0n;
    this.exec = {
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
    ctx.cost.instructions += spent;
    ctx.cost.raw += end.raw - start.raw;
    ctx.cost.system += this.systemCharge;
    ctx.cost.messages += 1;
    if (spent > ctx.cost.maxMessage) ctx.cost.maxMessage = spent;

    if (trapped !== null) {
      this.log.push(`trap: ${trapped}`);
      if (snapshot) this.restore(snapshot);
      if (onTrap) onTrap(trapped);
      else this.respond(ctx, { reject: { code: 5, message: trapped } });
      return;
    }
    if (isQuery && snapshot) this.restore(snapshot);
    for (const call of exec.performed) {
      ctx.outstanding += 1;
      this.queue.push(() => this.deliver(call));
    }
    if (!systemTask && ctx.outstanding === 0 && !ctx.done) {
      this.respond(ctx, { reject: { code: 5, message: "canister did not reply to the call" } });
    }
    if (systemTask && !ctx.done) this.respond(ctx, { reply: new Uint8Array() });
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
          false,
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
      false,
      false,
      (msg) => {
        trapMessage = msg;
      },
    );
    if (trapMessage !== null) {
      if (call.cleanup) {
        const [cf, ce] = call.cleanup;
        this.run(
          ctx,
          () => (this.table.get(cf) as (e: number) => void)(ce),
          { arg: new Uint8Array(), caller: call.callee.toUint8Array(), method: "" },
          false,
          false,
          () => undefined,
        );
      }
      if (ctx.outstanding === 0) this.respond(ctx, { reject: { code: 5, message: trapMessage } });
    }
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
      msg_reject_msg_size: () => te.encode(x().rejectMessage).length,
      msg_reject_msg_copy: copyOut(() => te.encode(x().rejectMessage)),
      msg_reply_data_append: (src: number, size: number) => {
        x().replyParts.push(read(src, size));
      },
      msg_reply: () => {
        const e = x();
        if (e.context.done) throw new Trap("msg_reply: the call was already answered");
        self.respond(e.context, { reply: concat(e.replyParts) });
        e.replyParts = [];
      },
      msg_reject: (src: number, size: number) => {
        const e = x();
        if (e.context.done) throw new Trap("msg_reject: the call was already answered");
        self.respond(e.context, { reject: { code: 4, message: td.decode(read(src, size)) } });
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
      charged[name] = (...args: any[]) => {
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
