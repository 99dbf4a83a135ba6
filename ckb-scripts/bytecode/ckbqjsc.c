/*
 * ckbqjsc: compiles one ES module to QuickJS bytecode for ckb-js-vm, on the host.
 *
 * ckb-js-vm can compile (`-c`) itself, but not inside the WASM ckb-debugger (no file writes),
 * so this does the same with the very QuickJS sources and CONFIG flags ckb-js-vm is built
 * from (deps/quickjs of nervosnetwork/ckb-js-vm at 3d966c3, the build in ckb-testtool 1.0.5).
 * Bytecode is only valid for that exact QuickJS build.
 *
 * The built-in module "@ckb-js-std/bindings" is declared with its export names only, so
 * `import * as b from "@ckb-js-std/bindings"` resolves; it is not serialised.
 */
#include <stdio.h>
#include <stdlib.h>
#include "quickjs.h"

static const char *const BINDING_EXPORTS[] = {
    "Blake2b", "CELL_FIELD_CAPACITY", "CELL_FIELD_DATA_HASH", "CELL_FIELD_LOCK", "CELL_FIELD_LOCK_HASH",
    "CELL_FIELD_OCCUPIED_CAPACITY", "CELL_FIELD_TYPE", "CELL_FIELD_TYPE_HASH", "HEADER_FIELD_EPOCH_LENGTH",
    "HEADER_FIELD_EPOCH_NUMBER", "HEADER_FIELD_EPOCH_START_BLOCK_NUMBER", "INDEX_OUT_OF_BOUND",
    "INPUT_FIELD_OUT_POINT", "INPUT_FIELD_SINCE", "INVALID_DATA", "INVALID_FD", "ITEM_MISSING", "Keccak256",
    "LENGTH_NOT_ENOUGH", "MAX_FDS_CREATED", "MAX_VMS_SPAWNED", "OTHER_END_CLOSED", "Ripemd160",
    "SCRIPT_HASH_TYPE_DATA", "SCRIPT_HASH_TYPE_DATA1", "SCRIPT_HASH_TYPE_DATA2", "SCRIPT_HASH_TYPE_TYPE",
    "SOURCE_CELL_DEP", "SOURCE_GROUP_INPUT", "SOURCE_GROUP_OUTPUT", "SOURCE_HEADER_DEP", "SOURCE_INPUT",
    "SOURCE_OUTPUT", "Sha256", "Smt", "TextDecoder", "TextEncoder", "WAIT_FAILURE", "base64", "close",
    "currentCycles", "debug", "evalJsScript", "execCell", "exit", "hex", "inheritedFds", "loadBlockExtension",
    "loadCell", "loadCellByField", "loadCellData", "loadFile", "loadHeader", "loadHeaderByField", "loadInput",
    "loadInputByField", "loadJsScript", "loadScript", "loadScriptHash", "loadTransaction", "loadTxHash",
    "loadWitness", "mount", "parseExtJSON", "pipe", "processId", "read", "spawn", "spawnCell", "vmVersion",
    "wait", "write", "secp256k1", "schnorr", "printf", "sprintf", "console", "scriptArgs", NULL};

static int no_init(JSContext *ctx, JSModuleDef *m) {
  (void)ctx;
  (void)m;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: ckbqjsc <in.js> <out.bc>\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  static char src[4 << 20];
  size_t len = fread(src, 1, sizeof(src) - 1, in);
  fclose(in);
  src[len] = 0;

  JSRuntime *rt = JS_NewRuntime();
  JSContext *ctx = JS_NewContext(rt);
  JSModuleDef *bindings = JS_NewCModule(ctx, "@ckb-js-std/bindings", no_init);
  for (int i = 0; BINDING_EXPORTS[i]; i++) JS_AddModuleExport(ctx, bindings, BINDING_EXPORTS[i]);

  JSValue module = JS_Eval(ctx, src, len, "", JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
  if (JS_IsException(module)) {
    JSValue e = JS_GetException(ctx);
    const char *msg = JS_ToCString(ctx, e);
    fprintf(stderr, "compile error: %s\n", msg ? msg : "?");
    return 1;
  }
  size_t out_len;
  uint8_t *out = JS_WriteObject(ctx, &out_len, module, JS_WRITE_OBJ_BYTECODE);
  if (!out) {
    fprintf(stderr, "JS_WriteObject failed\n");
    return 1;
  }
  FILE *o = fopen(argv[2], "wb");
  if (!o || fwrite(out, 1, out_len, o) != out_len) {
    perror(argv[2]);
    return 1;
  }
  fclose(o);
  return 0;
}
