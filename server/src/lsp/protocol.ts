/** Requests of our own between the VS Code client and the server. Keep in step with client/src/extension.ts. */

/** Repair the indentation of the pasted manifest at a position: `{ uri, position }` -> `{ edit?, message? }`. */
export const REPAIR_REQUEST = 'kubeVolumes/repairIndentation';
