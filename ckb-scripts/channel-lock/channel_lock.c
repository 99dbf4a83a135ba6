/*
 * channel-lock: the lock of a channel cell AND of every funds cell of that channel.
 *
 * Opens iff some input of the transaction carries the type script whose hash is this lock's
 * args (32 bytes: the channel type script hash). The channel type script then judges the
 * transaction; this lock only makes sure it runs. Written in C (no libc) because every
 * ckb-js-vm script group costs ~3.6 M cycles just to boot the VM; this costs a few thousand.
 *
 * Exit codes: 0 ok; 1 args are not exactly 32 bytes; 2 no input carries the channel type
 * script; 3 unexpected syscall error.
 */
typedef unsigned long u64;
typedef unsigned char u8;

#define SYS_EXIT 93
#define SYS_LOAD_SCRIPT 2052
#define SYS_LOAD_CELL_BY_FIELD 2081
#define SOURCE_INPUT 1
#define FIELD_TYPE_HASH 5
#define ERR_INDEX_OUT_OF_BOUND 1
#define ERR_ITEM_MISSING 2

static long sys6(long a0, long a1, long a2, long a3, long a4, long a5, long n) {
  register long r0 asm("a0") = a0;
  register long r1 asm("a1") = a1;
  register long r2 asm("a2") = a2;
  register long r3 asm("a3") = a3;
  register long r4 asm("a4") = a4;
  register long r5 asm("a5") = a5;
  register long r7 asm("a7") = n;
  asm volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7) : "memory");
  return r0;
}

static void finish(int code) {
  sys6(code, 0, 0, 0, 0, 0, SYS_EXIT);
  for (;;) {}
}

static u64 u32le(const u8 *p) { return (u64)p[0] | ((u64)p[1] << 8) | ((u64)p[2] << 16) | ((u64)p[3] << 24); }

static int run(void) {
  u8 script[256];
  u64 len = sizeof(script);
  if (sys6((long)script, (long)&len, 0, 0, 0, 0, SYS_LOAD_SCRIPT) != 0) return 3;
  if (len > sizeof(script) || len < 16) return 1;
  /* Script table: total | off(code_hash) | off(hash_type) | off(args); args = u32 length ‖ bytes */
  u64 argsOff = u32le(script + 12);
  if (argsOff + 4 > len) return 1;
  u64 argsLen = u32le(script + argsOff);
  if (argsLen != 32 || argsOff + 4 + 32 != len) return 1;
  const u8 *want = script + argsOff + 4;
  for (u64 i = 0;; i++) {
    u8 hash[32];
    u64 hl = 32;
    long err = sys6((long)hash, (long)&hl, 0, (long)i, SOURCE_INPUT, FIELD_TYPE_HASH, SYS_LOAD_CELL_BY_FIELD);
    if (err == ERR_INDEX_OUT_OF_BOUND) return 2;
    if (err == ERR_ITEM_MISSING) continue;
    if (err != 0 || hl != 32) return 3;
    u8 diff = 0;
    for (int k = 0; k < 32; k++) diff |= hash[k] ^ want[k];
    if (diff == 0) return 0;
  }
}

void _start(void) { finish(run()); }
