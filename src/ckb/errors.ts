import { PerunError } from "../index";

/** A CKB transaction cannot be built from the given inputs (the message says which rule). */
export class CkbBuildError extends PerunError {}

/** A cell is not a well-formed channel cell (data is not a canonical ChannelStatus). */
export class CkbChannelCellError extends PerunError {}

/** A deployment record (what `npm run deploy:ckb` writes) cannot be used as a `CkbDeployment`. */
export class CkbDeploymentRecordError extends PerunError {}
