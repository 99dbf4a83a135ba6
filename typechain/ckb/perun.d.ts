import { molecule } from "@ckb-lumos/codec";
export declare const Byte32: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
export declare const Signature: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
export declare const Uint64Vec: molecule.ArrayLayoutCodec<import("@ckb-lumos/codec/lib/base").FixedBytesCodec<import("@ckb-lumos/bi").BI, import("@ckb-lumos/bi").BIish>>;
export declare const Signatures: molecule.ArrayLayoutCodec<import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>>;
export declare const ChannelTypeArgs: molecule.ObjectLayoutCodec<{
    channel_id: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    lock_code_hash: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    lock_hash_type: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
}> & import("@ckb-lumos/codec/lib/base").Fixed;
export declare const ChannelStatus: molecule.ObjectLayoutCodec<{
    params: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    state: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    funded: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    extras: molecule.ArrayLayoutCodec<import("@ckb-lumos/codec/lib/base").FixedBytesCodec<import("@ckb-lumos/bi").BI, import("@ckb-lumos/bi").BIish>>;
    disputed: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
}>;
export declare const Fund: molecule.ObjectLayoutCodec<{
    index: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
}>;
export declare const Abort: molecule.ObjectLayoutCodec<{
    reserved: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
}>;
export declare const Dispute: molecule.ObjectLayoutCodec<{
    state: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    sigs: molecule.ArrayLayoutCodec<import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>>;
}>;
export declare const Close: molecule.ObjectLayoutCodec<{
    state: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    sigs: molecule.ArrayLayoutCodec<import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>>;
}>;
export declare const ForceClose: molecule.ObjectLayoutCodec<{
    reserved: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
}>;
export declare const ChannelAction: molecule.UnionLayoutCodec<{
    Fund: molecule.ObjectLayoutCodec<{
        index: import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    }>;
    Abort: molecule.ObjectLayoutCodec<{
        reserved: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    }>;
    Dispute: molecule.ObjectLayoutCodec<{
        state: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
        sigs: molecule.ArrayLayoutCodec<import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>>;
    }>;
    Close: molecule.ObjectLayoutCodec<{
        state: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
        sigs: molecule.ArrayLayoutCodec<import("@ckb-lumos/codec/lib/base").FixedBytesCodec<string, import("@ckb-lumos/codec").BytesLike>>;
    }>;
    ForceClose: molecule.ObjectLayoutCodec<{
        reserved: import("@ckb-lumos/codec/lib/base").BytesCodec<string, import("@ckb-lumos/codec").BytesLike>;
    }>;
}>;
