// Types of the validators that scripts/compile-schemas.mjs generates (npm run build).
import type { ValidateFunction } from 'ajv';

export declare const volumeSources: ValidateFunction;
export declare const volumeMount: ValidateFunction;
export declare const volumeDevice: ValidateFunction;
export declare const imagePullSecret: ValidateFunction;
