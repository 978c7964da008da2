/** Imported first by the server's entry point: the flags then hold before any other module's code runs. */
import { applyServerV8Flags } from './v8-flags';

applyServerV8Flags();
