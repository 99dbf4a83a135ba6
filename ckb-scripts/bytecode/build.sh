#!/bin/sh
# Builds the host bytecode compiler ckbqjsc from ckb-js-vm's vendored QuickJS.
# QUICKJS_DIR: deps/quickjs of nervosnetwork/ckb-js-vm at 3d966c3 (the ckb-js-vm build shipped
# in ckb-testtool 1.0.5), e.g. `git -C ckb-js-vm archive 3d966c3 deps/quickjs | tar -x`.
# Same CONFIG flags as ckb-js-vm's Makefile. Output: $OUT (default ./ckbqjsc, git-ignored).
set -e
cd "$(dirname "$0")"
: "${QUICKJS_DIR:?set QUICKJS_DIR to ckb-js-vm's deps/quickjs}"
OUT=${OUT:-ckbqjsc}
gcc -O2 -w -D_GNU_SOURCE -DEMSCRIPTEN -DCONFIG_STACK_CHECK '-DCONFIG_VERSION="2024-01-13-CKB"' -I"$QUICKJS_DIR" \
  ckbqjsc.c "$QUICKJS_DIR/quickjs.c" "$QUICKJS_DIR/libregexp.c" "$QUICKJS_DIR/libunicode.c" \
  "$QUICKJS_DIR/cutils.c" "$QUICKJS_DIR/libbf.c" -lm -lpthread -o "$OUT"
