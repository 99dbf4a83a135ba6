import { expect } from "chai";
import { IC_COUNTER, instrumentForMetering, loadBinaryen, RAW_COUNTER } from "./meter";

/**
 * The metering instrumentation on hand-built modules whose counts can be worked out by hand:
 * straight-line code, a call (IC weight 5), a division (10), a loop charged per iteration.
 */
describe("ICP test host: instruction metering (meter.ts)", () => {
  async function run(
    build: (m: any, b: any) => void,
    entry: string,
    ...args: number[]
  ): Promise<{ raw: bigint; ic: bigint }> {
    const b = await loadBinaryen();
    const m = new b.Module();
    build(m, b);
    m.addTable("t", 0, 0);
    const wasm = m.emitBinary();
    m.dispose();
    const { bytes } = instrumentForMetering(b, wasm);
    const inst = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)), {});
    (inst.exports[entry] as (...a: number[]) => unknown)(...args);
    return {
      raw: (inst.exports[RAW_COUNTER] as WebAssembly.Global).value as bigint,
      ic: (inst.exports[IC_COUNTER] as WebAssembly.Global).value as bigint,
    };
  }

  it("counts straight-line code, a call and a division with the IC's weights", async () => {
    const c = await run((m, b) => {
      // leaf: (drop (i32.div_u (i32.const 7) (i32.const 2)))  -> const, const, div, drop
      m.addFunction("leaf", b.none, b.none, [], m.drop(m.i32.div_u(m.i32.const(7), m.i32.const(2))));
      // main: (call leaf) (call leaf)
      m.addFunction(
        "main",
        b.none,
        b.none,
        [],
        m.block(null, [m.call("leaf", [], b.none), m.call("leaf", [], b.none)]),
      );
      m.addFunctionExport("main", "main");
    }, "main");
    // raw: main 2 calls + 2 × leaf 4 = 10; IC: 2 × call 5 + 2 × (1 + 1 + 10 + 1) = 36.
    expect(c.raw).to.equal(10n);
    expect(c.ic).to.equal(36n);
  });

  it("charges a loop body once per iteration (linear in the iteration count)", async () => {
    const build = (m: any, b: any) => {
      // loop: local0 -= 1; br_if loop (local0 != 0)
      const body = m.block(null, [
        m.local.set(0, m.i32.sub(m.local.get(0, b.i32), m.i32.const(1))),
        m.br("l", m.i32.ne(m.local.get(0, b.i32), m.i32.const(0))),
      ]);
      m.addFunction("spin", b.createType([b.i32]), b.none, [], m.loop("l", body));
      m.addFunctionExport("spin", "spin");
    };
    const one = await run(build, "spin", 1);
    const ten = await run(build, "spin", 10);
    const hundred = await run(build, "spin", 100);
    const perIteration = (ten.raw - one.raw) / 9n;
    expect(perIteration).to.be.above(0n);
    expect(hundred.raw - ten.raw).to.equal(perIteration * 90n);
    // Each iteration: get, const, sub, set, get, const, ne, br_if = 8 instructions; br_if weighs 2.
    expect(perIteration).to.equal(8n);
    expect((ten.ic - one.ic) / 9n).to.equal(9n);
  });
});
