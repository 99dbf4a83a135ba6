// Where ckb-testtool keeps its WASM build of ckb-debugger. Resolved from the package's entry
// point instead of require("ckb-testtool"): loading the package (ckb-ccc and friends) costs
// ~0.4 s of CPU, paid once per verified script group by the child process.
"use strict";
const { dirname, join } = require("node:path");

exports.DEBUGGER_WASM = join(dirname(require.resolve("ckb-testtool")), "..", "src", "wasm", "ckb-debugger.wasm");
