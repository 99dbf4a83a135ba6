/** molecule `vector Bytes <byte>`: u32 LE length ‖ bytes. */
export declare const Bytes: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
/** molecule `array Uint64 [byte; 8]` as a little-endian unsigned integer. */
export declare const Uint64: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<import("@ckb-lumos/bi").BI, import("@ckb-lumos/bi").BIish>;
