/**
 * The slice of the WebAssembly JS API the ICP test host (test/icp/host) uses. It lives outside
 * test/ because mocha loads every .ts file there. The project compiles without the
 * DOM lib (which is where TypeScript keeps these types), and Node provides the runtime.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
    static exports(module: Module): Array<{ name: string; kind: string }>;
    static imports(module: Module): Array<{ module: string; name: string; kind: string }>;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
  class Table {
    get(index: number): unknown;
  }
  class Global {
    value: unknown;
  }
  function compile(bytes: Uint8Array): Promise<Module>;
}
