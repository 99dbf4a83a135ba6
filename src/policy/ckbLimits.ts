/**
 * The CKB channel type script's participant bound, measured (issue 16 finding 4). Pure
 * constants, no imports: the on-chain script (ckb-scripts/channel-type/open.ts) bundles this file,
 * and the signing policy's CKB row can take its number from here, so both say the same.
 *
 * At 6 participants every transaction kind of a channel with CKBytes, one UDT and an ignored EVM
 * asset costs at most 34.2 M cycles (close; ckb-scripts/cycles.json, parties "6"), under the
 * 35 M margin (half of a default node's 70 M `max_tx_verify_cycles`); at 7 the close costs
 * 38.7 M. CKBytes only, 8 participants would still fit (close 34.8 M): the bound is set for the
 * UDT case. More than one UDT was not measured at this bound.
 */
export const CKB_MAX_PARTICIPANTS = 6;

/** The cycle margin the bound keeps: half of a default CKB node's 70,000,000 per transaction. */
export const CKB_CYCLE_MARGIN = 35_000_000;
