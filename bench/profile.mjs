/**
 * Profiles our server on one file: `node bench/profile.mjs FILE [KEYSTROKES] [LINE]` writes a
 * V8 CPU profile of the server (open + keystrokes) into bench/.cache/profiles/ for Chrome DevTools or speedscope.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { editPoint } from './edit-point.mjs';
import { LspClient } from './lsp-client.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const [file, count = '40', lineArg] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
const start = editPoint(lines, lineArg ? Number(lineArg) : Math.floor(lines.length / 2));
const { line } = start;
const profiles = path.join(BENCH, '.cache', 'profiles');
mkdirSync(profiles, { recursive: true });
const client = new LspClient(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, path.join(BENCH, '..', 'dist', 'server.js'), '--stdio']);
await client.start();
const uri = pathToFileURL(path.join('/bench', path.basename(file))).toString();
const opened = await client.open(uri, text);
const times = [];
for (let i = 0; i < Number(count); i++) {
  const at = { line, character: start.character + i };
  times.push((await client.change(uri, i + 2, { start: at, end: at }, 'x')).ms);
}
times.sort((a, b) => a - b);
console.log(`first ${opened.ms.toFixed(0)} ms; keystroke p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms; peak RSS ${client.peakRssMb().toFixed(0)} MB`);
await client.stop();

