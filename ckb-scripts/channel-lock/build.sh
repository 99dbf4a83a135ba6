#!/bin/sh
# Builds channel-lock (RISC-V, no libc) with Debian's gcc-riscv64-unknown-elf.
# The binary is committed (ckb-scripts/channel-lock/channel-lock); test/ckb/channelLockBinary.test.ts
# checks it against this source whenever the compiler is installed.
set -e
cd "$(dirname "$0")"
OUT=${1:-channel-lock}
riscv64-unknown-elf-gcc -Os -nostdlib -nostartfiles -static -fno-builtin -ffreestanding \
  -march=rv64imc -mabi=lp64 -Wall -Werror -Wl,--build-id=none -s -o "$OUT" channel_lock.c
