/**
 * The parse floor, in a fresh process as a server meets a file: the `yaml` package (the parser
 * kube-volumes uses, with the same options) parsing the whole file, and the one document that
 * contains `line`. Prints JSON: the first (cold) run and the median of warm runs, in ms.
 * Usage: node --import tsx bench/parse-floor.mjs FILE LINE (tsx loads the options from the server's source,
 * so the floor parses exactly as the server does: YAML 1.1, with Go's integer forms and no timestamps).
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments, parseDocument } from 'yaml';
import { YAML_OPTIONS as OPTIONS } from '../server/src/core/model/yaml-options.ts';

function time(run) {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The text of the document around `line`: between the `---` lines before and after it. */
function documentAt(text, line) {
  const lines = text.split('\n');
  let start = line;
  while (start > 0 && !lines[start].startsWith('---')) start--;
  let end = line + 1;
  while (end < lines.length && !lines[end].startsWith('---')) end++;
  return lines.slice(start, end).join('\n') + '\n';
}

const [file, line] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const one = documentAt(text, Number(line));
const wholeCold = time(() => parseAllDocuments(text, OPTIONS));
const oneCold = time(() => parseDocument(one, OPTIONS));
const warmRuns = Math.max(1, Math.min(10, Math.round(5e6 / text.length)));
const wholeWarm = median(Array.from({ length: warmRuns }, () => time(() => parseAllDocuments(text, OPTIONS))));
const oneWarm = median(Array.from({ length: 200 }, () => time(() => parseDocument(one, OPTIONS))));
process.stdout.write(JSON.stringify({ wholeCold, wholeWarm, oneCold, oneWarm, oneLines: one.split('\n').length - 1 }));
