/**
 * perun-adjudicators/ckb: build and read Perun channel transactions for Nervos CKB (lumos
 * TransactionSkeletons for the scripts in ckb-scripts/), on top of the shared encoding.
 */
export type { ChannelCell, ChannelStatusView, CkbDeployment, DeployedScript, FeePayer } from "./types";
export { channelLockScript, channelNonce, channelTypeScript } from "./scripts";
export { encodeChannelStatus, readChannelStatus } from "./status";
export { buildOpen } from "./buildOpen";
export { buildCheckedOpen } from "./buildCheckedOpen";
export { buildFund } from "./buildFund";
export { buildDispute } from "./buildDispute";
export { buildAbort, buildClose, buildForceClose, forceCloseSince } from "./buildPayout";
export { ckbAssets } from "./ckbAssets";
export type { CkbAssets } from "./ckbAssets";
export { CkbBuildError, CkbChannelCellError, CkbDeploymentRecordError } from "./errors";
export { ckbDeploymentFromRecord } from "./ckbDeploymentFromRecord";
export type { CkbDeploymentRecord, CkbRecordScriptName } from "./ckbDeploymentFromRecord";
export { checkDeployment } from "./checkDeployment";
export { checkCkbParticipants } from "./checkCkbParticipants";
export { EXIT as CKB_EXIT, LOCK_EXIT as CKB_LOCK_EXIT } from "./exitCodes";
