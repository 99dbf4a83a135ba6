import { esmImport } from "./esmImport";

/**
 * Instruction metering for the test host, done the way the IC replica does it: every
 * straight-line run of instructions (a basic block) is charged once at its start, with the
 * replica's per-instruction weights (rs/embedders instrumentation `instruction_to_cost`):
 * const/local/load/store/arith 1, global.get/set 2, br/br_if/br_table/if 2, call 5,
 * call_indirect 10, integer div/rem 10, float ops 2–20, memory.size 20, memory.grow 300,
 * memory.copy/fill/init 100 + size in bytes. Loops are charged per iteration (the body's
 * counter runs each time). Two exported i64 globals count: `__meter_raw` (every instruction
 * 1) and `__meter_ic` (the IC weights). System-API (ic0) charges are added by the host.
 *
 * The probe (shared/probes/icp/meter) validated this method against DFINITY's own
 * `ic-wasm instrument` on Azle canisters: within 0.3–1.4 %.
 */
export interface Metered {
  bytes: Uint8Array;
  counterSites: number;
}

type Binaryen = any;

export async function loadBinaryen(): Promise<Binaryen> {
  return (await esmImport("binaryen")).default;
}

export function exportTableOnly(b: Binaryen, wasm: Uint8Array): Uint8Array {
  const m = b.readBinary(wasm);
  const t = b.getTableInfo(m.getTableByIndex(0));
  m.addTableExport(t.name, TABLE_EXPORT);
  const out = m.emitBinary();
  m.dispose();
  return out;
}

export const TABLE_EXPORT = "__host_table";
export const RAW_COUNTER = "__meter_raw";
export const IC_COUNTER = "__meter_ic";

export function instrumentForMetering(b: Binaryen, wasm: Uint8Array): Metered {
  const m = b.readBinary(wasm);
  const F = b.Features;
  m.setFeatures(
    m.getFeatures() |
      F.MutableGlobals |
      F.BulkMemory |
      F.SignExt |
      F.NontrappingFPToInt |
      F.ReferenceTypes |
      F.Multivalue,
  );
  m.addGlobal(RAW_COUNTER, b.i64, true, m.i64.const(0, 0));
  m.addGlobal(IC_COUNTER, b.i64, true, m.i64.const(0, 0));
  const DYN = "__meter_bytes";
  // Global names must outlive binaryen.js's small C stack on a module this size: malloc them once.
  const cstr = (s: string) => {
    const p = b._malloc(s.length + 1);
    b.stringToAscii(s, p);
    return p;
  };
  const rawName = cstr(RAW_COUNTER);
  const icName = cstr(IC_COUNTER);
  const get = (p: number) => b._BinaryenGlobalGet(m.ptr, p, b.i64);
  const set = (p: number, v: number) => b._BinaryenGlobalSet(m.ptr, p, v);
  let sites = 0;
  const charge = (raw: number, ic: number) => {
    sites++;
    return m.block(
      null,
      [
        set(rawName, m.i64.add(get(rawName), m.i64.const(raw, 0))),
        set(icName, m.i64.add(get(icName), m.i64.const(ic, 0))),
      ],
      b.none,
    );
  };
  const { unary, binary } = costTables(b);

  /** Cost of e's straight-line part as [raw, ic, endsBlock]; nested sequences get their own charges. */
  function cost(e: number): [number, number, boolean] {
    if (!e) return [0, 0, false];
    const id = b.getExpressionId(e);
    let raw = 1;
    let ic = 1;
    let ends = false;
    const kids: number[] = [];
    const bulk = (size: number, set: (x: number) => void) => {
      const [r, c] = cost(size);
      raw += r;
      ic += c;
      set(m.call(DYN, [size], b.i32));
    };
    switch (id) {
      case b.BlockId:
        chargeBlock(e);
        return [0, 0, true];
      case b.LoopId:
        b.Loop.setBody(e, chargeSequence(b.Loop.getBody(e)));
        return [0, 0, true];
      case b.IfId: {
        const [r, c] = cost(b.If.getCondition(e));
        b.If.setIfTrue(e, chargeSequence(b.If.getIfTrue(e)));
        const no = b.If.getIfFalse(e);
        if (no) b.If.setIfFalse(e, chargeSequence(no));
        return [r + 1, c + 2, true];
      }
      case b.BreakId:
        kids.push(b.Break.getValue(e), b.Break.getCondition(e));
        ic = 2;
        ends = true;
        break;
      case b.SwitchId:
        kids.push(b.Switch.getValue(e), b.Switch.getCondition(e));
        ic = 2;
        ends = true;
        break;
      case b.ReturnId:
        kids.push(b.Return.getValue(e));
        ends = true;
        break;
      case b.UnreachableId:
        ends = true;
        break;
      case b.CallId:
        kids.push(...b.Call.getOperands(e));
        ic = b.Call.isReturn(e) ? 3 : 5;
        ends = b.Call.isReturn(e);
        break;
      case b.CallIndirectId:
        kids.push(...b.CallIndirect.getOperands(e), b.CallIndirect.getTarget(e));
        ic = b.CallIndirect.isReturn(e) ? 60 : 10;
        ends = b.CallIndirect.isReturn(e);
        break;
      case b.LocalGetId:
      case b.ConstId:
      case b.NopId:
      case b.RefNullId:
        break;
      case b.LocalSetId:
        kids.push(b.LocalSet.getValue(e));
        break;
      case b.GlobalGetId:
        ic = 2;
        break;
      case b.GlobalSetId:
        kids.push(b.GlobalSet.getValue(e));
        ic = 2;
        break;
      case b.LoadId:
        kids.push(b.Load.getPtr(e));
        break;
      case b.StoreId:
        kids.push(b.Store.getPtr(e), b.Store.getValue(e));
        break;
      case b.UnaryId:
        kids.push(b.Unary.getValue(e));
        ic = unary.get(b.Unary.getOp(e)) ?? 1;
        break;
      case b.BinaryId:
        kids.push(b.Binary.getLeft(e), b.Binary.getRight(e));
        ic = binary.get(b.Binary.getOp(e)) ?? 1;
        break;
      case b.SelectId:
        kids.push(b.Select.getIfTrue(e), b.Select.getIfFalse(e), b.Select.getCondition(e));
        break;
      case b.DropId:
        kids.push(b.Drop.getValue(e));
        break;
      case b.MemorySizeId:
        ic = 20;
        break;
      case b.MemoryGrowId:
        kids.push(b.MemoryGrow.getDelta(e));
        ic = 300;
        break;
      case b.MemoryCopyId:
        kids.push(b.MemoryCopy.getDest(e), b.MemoryCopy.getSource(e));
        ic = 100;
        bulk(b.MemoryCopy.getSize(e), (x) => b.MemoryCopy.setSize(e, x));
        break;
      case b.MemoryFillId:
        kids.push(b.MemoryFill.getDest(e), b.MemoryFill.getValue(e));
        ic = 100;
        bulk(b.MemoryFill.getSize(e), (x) => b.MemoryFill.setSize(e, x));
        break;
      case b.MemoryInitId:
        kids.push(b.MemoryInit.getDest(e), b.MemoryInit.getOffset(e));
        ic = 100;
        bulk(b.MemoryInit.getSize(e), (x) => b.MemoryInit.setSize(e, x));
        break;
      case b.DataDropId:
        ic = 300;
        break;
      case b.RefIsNullId:
        kids.push(b.RefIsNull.getValue(e));
        ic = 5;
        break;
      case b.RefFuncId:
        ic = 130;
        break;
      case b.TableGetId:
        kids.push(b.TableGet.getIndex(e));
        ic = 5;
        break;
      case b.TableSetId:
        kids.push(b.TableSet.getIndex(e), b.TableSet.getValue(e));
        ic = 5;
        break;
      case b.TableSizeId:
        ic = 100;
        break;
      case b.TableGrowId:
        kids.push(b.TableGrow.getValue(e), b.TableGrow.getDelta(e));
        ic = 300;
        break;
      default:
        throw new Error(`meter: expression kind ${id} not supported`);
    }
    for (const k of kids) {
      const [r, c, x] = cost(k);
      raw += r;
      ic += c;
      ends ||= x;
    }
    return [raw, ic, ends];
  }

  /** Rewrites a block's children so that each basic block starts with its charge. */
  function chargeBlock(block: number): void {
    const n = b.Block.getNumChildren(block);
    const out: number[] = [];
    let run: number[] = [];
    let raw = 0;
    let ic = 0;
    const close = () => {
      if (run.length > 0) {
        if (raw || ic) out.push(charge(raw, ic));
        out.push(...run);
      }
      run = [];
      raw = 0;
      ic = 0;
    };
    for (let i = 0; i < n; i++) {
      const child = b.Block.getChildAt(block, i);
      const [r, c, ends] = cost(child);
      run.push(child);
      raw += r;
      ic += c;
      if (ends) close();
    }
    close();
    if (out.length !== n) b.Block.setChildren(block, out);
  }

  function chargeSequence(e: number): number {
    if (b.getExpressionId(e) === b.BlockId) {
      chargeBlock(e);
      return e;
    }
    const [r, c] = cost(e);
    if (!r && !c) return e;
    const type = b.getExpressionType(e);
    return m.block(null, [charge(r, c), e], type === b.unreachable ? b.auto : type);
  }

  const count = m.getNumFunctions();
  const functions: number[] = [];
  for (let i = 0; i < count; i++) functions.push(m.getFunctionByIndex(i));
  for (const f of functions) {
    if (b.getFunctionInfo(f).module) continue; // an import has no body
    b.Function.setBody(f, chargeSequence(b.Function.getBody(f)));
  }
  // Bulk-memory byte charge: counter += size; returns size (itself not metered).
  m.addFunction(
    DYN,
    b.createType([b.i32]),
    b.i32,
    [],
    m.block(
      null,
      [set(icName, m.i64.add(get(icName), m.i64.extend_u(m.local.get(0, b.i32)))), m.local.get(0, b.i32)],
      b.i32,
    ),
  );
  m.addGlobalExport(RAW_COUNTER, RAW_COUNTER);
  m.addGlobalExport(IC_COUNTER, IC_COUNTER);
  const t = b.getTableInfo(m.getTableByIndex(0));
  m.addTableExport(t.name, TABLE_EXPORT);
  if (!m.validate()) throw new Error("meter: the instrumented module does not validate");
  const bytes = m.emitBinary();
  m.dispose();
  return { bytes, counterSites: sites };
}

function costTables(b: Binaryen): { unary: Map<number, number>; binary: Map<number, number> } {
  const unary = new Map<number, number>();
  const binary = new Map<number, number>();
  const put = (map: Map<number, number>, names: string[], c: number) => {
    for (const n of names) {
      if (b[n] === undefined) throw new Error(`meter: binaryen has no op ${n}`);
      map.set(b[n], c);
    }
  };
  const both = (stem: string[]) => stem.flatMap((s) => [`${s}Float32`, `${s}Float64`]);
  put(unary, both(["Ceil", "Floor", "Trunc", "Nearest"]), 2);
  put(unary, ["SqrtFloat32"], 5);
  put(unary, ["SqrtFloat64"], 8);
  put(
    unary,
    ["ConvertSInt32ToFloat32", "ConvertSInt32ToFloat64", "ConvertSInt64ToFloat32", "ConvertSInt64ToFloat64"],
    3,
  );
  put(
    unary,
    ["ConvertUInt32ToFloat32", "ConvertUInt32ToFloat64", "ConvertUInt64ToFloat32", "ConvertUInt64ToFloat64"],
    16,
  );
  const truncs: string[] = [];
  for (const sat of ["", "Sat"])
    for (const sign of ["S", "U"])
      for (const f of ["32", "64"]) for (const i of ["32", "64"]) truncs.push(`Trunc${sat}${sign}Float${f}ToInt${i}`);
  put(unary, truncs, 20);
  put(
    binary,
    ["DivSInt32", "DivUInt32", "RemSInt32", "RemUInt32", "DivSInt64", "DivUInt64", "RemSInt64", "RemUInt64"],
    10,
  );
  put(binary, [...both(["Add", "Sub", "Mul"]), "CopySignFloat32"], 2);
  put(binary, ["DivFloat32", "CopySignFloat64"], 3);
  put(binary, ["DivFloat64"], 5);
  put(binary, both(["Min", "Max"]), 18);
  put(binary, both(["Eq", "Ne", "Lt", "Le", "Gt", "Ge"]), 3);
  return { unary, binary };
}
