// The user stories the e2e test drives in the real editor, one step (one test) each. A step
// returns named checks; each check compares what the user sees (DOM) or what VS Code holds (the
// probe extension's JSON) with what the story expects. Steps share one workbench and run in
// order: the quick fix edits B01, so hover and completion come before it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { log, since, sleep, waitFor } from './util.mjs';
import {
  errorSquiggleLines, goToPosition, hoverErrorSquiggle, hoverText, openFile, openProblems, openQuickFixes,
  problemRows, runCommand, suggestRows, visibleEditorText, waitForSuggestion,
} from './workbench.mjs';

const DIAGNOSTICS_TIMEOUT_MS = 30_000; // server start plus first analysis; usually ~1-3 s
const UI_STEP_TIMEOUT_MS = 10_000; // a hover, a suggest list or a quick fix menu to appear
const PROBE_TIMEOUT_MS = 10_000;

/** A mount whose name has no matching volume (lines 1-based, as the editor shows them). */
export const SCENARIO = {
  id: 'b01',
  file: 'B01-mount-name-typo-scratch.yaml',
  word: 'scratch',
  source: 'kube-volumes',
  code: 'mount-without-volume',
  line: 14, // `        - name: scratch            # <-- typo ...`
  column: 17, // where `scratch` starts on line 14
  volume: 'scratch-volume',
  volumeLine: 17, // `    - name: scratch-volume`
  volumeColumn: 13,
  fix: "Change to 'scratch-volume'",
};

/** A new, empty YAML file in which the user types a snippet prefix. */
export const SNIPPET = {
  id: 'snippet',
  file: 'new.yaml',
  prefix: 'kv-deployment-dshm',
  expect: ['medium: Memory', 'sizeLimit: 1Gi', 'mountPath: /dev/shm'],
};

/** A mount backed by a StatefulSet claim template: Go to Definition on it jumps to the template's name. */
export const NAVIGATION = {
  id: 'b08',
  file: 'B08-vct-mount-must-not-be-flagged.yaml',
  line: 33, // `            - name: www`
  column: 21,
  targetLine: 39, // `        name: www` under volumeClaimTemplates
  targetColumn: 15,
};

/** A pod pasted from a web page without its indentation, and the manifest it must become. */
export const PASTE = {
  id: 'paste',
  file: '07-flattened-pod-as-pasted.yaml',
  intended: '02-emptydir-log-storage.yaml',
  command: 'Repair the indentation of a pasted manifest',
};

export const STEPS = [
  { name: `diagnostics: the '${SCENARIO.word}' ${SCENARIO.code} error is shown on line ${SCENARIO.line}`, run: diagnosticsStep },
  { name: `hover: '${SCENARIO.volume}' on line ${SCENARIO.volumeLine} is described`, run: hoverStep },
  { name: `completion: '${SCENARIO.volume}' is offered after 'name: ' on line ${SCENARIO.line}`, run: completionStep },
  { name: `quick fix: "${SCENARIO.fix}" repairs line ${SCENARIO.line}`, run: quickFixStep },
  { name: `snippet: '${SNIPPET.prefix}' expands into a Deployment without errors`, run: snippetStep },
  { name: `navigation: Go to Definition on mount 'www' (line ${NAVIGATION.line}) goes to its claim template (line ${NAVIGATION.targetLine})`, run: navigationStep },
  { name: `paste repair: '${PASTE.command}' rebuilds ${PASTE.file}`, run: pasteRepairStep },
];

/** Puts the step's files into the workspace before code-server starts. */
export function seedWorkspace(workspace, casesDir) {
  writeFileSync(join(workspace, SCENARIO.file), readFileSync(join(casesDir, SCENARIO.file)));
  writeFileSync(join(workspace, NAVIGATION.file), readFileSync(join(casesDir, NAVIGATION.file)));
  writeFileSync(join(workspace, PASTE.file), readFileSync(join(seedDir(casesDir), PASTE.file)));
  writeFileSync(join(workspace, SNIPPET.file), '');
}

const seedDir = (casesDir) => join(casesDir, '..', 'seed');

// ---------------------------------------------------------------------------------------------
// Step 1: the diagnostic is shown (Problems panel, squiggle, probe)

async function diagnosticsStep(ctx) {
  const { page } = ctx;
  const start = Date.now();
  await openFile(page, SCENARIO.file);
  log(`opened ${SCENARIO.file} in ${since(start)}`);

  const appeared = await waitForSquiggle(page, SCENARIO.line);
  await openProblems(page);
  const rows = await waitForProblemRow(page, appeared ? 10_000 : 2_000);
  await ctx.screenshot(`${SCENARIO.id}-problems`);
  const squiggleLines = await errorSquiggleLines(page);
  const probe = await readProbe(ctx, 'KV E2E: Write Diagnostics');
  if (appeared) await hoverScreenshot(ctx);
  return [
    check(`Problems panel shows the '${SCENARIO.word}' ${SCENARIO.code} error on line ${SCENARIO.line}`,
      Boolean(findProblemRow(rows)), `rows were ${JSON.stringify(rows)}`),
    check(`an error squiggle is drawn on line ${SCENARIO.line} in the editor`,
      squiggleLines.includes(SCENARIO.line), `error squiggles on lines ${JSON.stringify(squiggleLines)}`),
    check(`VS Code holds an Error ${SCENARIO.code} diagnostic at line ${SCENARIO.line} (probe)`,
      Boolean(findMountDiagnostic(probe)), `probe saw ${JSON.stringify(probeSummary(probe, SCENARIO.file))}`),
  ];
}

/** Waits for the error squiggle on a line; false (not a throw) on timeout. */
async function waitForSquiggle(page, line) {
  const start = Date.now();
  const onLine = async () => (await errorSquiggleLines(page)).includes(line);
  try {
    await waitFor(`an error squiggle on line ${line}`, onLine, { timeoutMs: DIAGNOSTICS_TIMEOUT_MS });
    log(`diagnostics shown ${since(start)} after the file opened`);
    return true;
  } catch (err) {
    log(err.message);
    return false;
  }
}

/** The Problems rows once the expected one is listed, or whatever is listed at the timeout. */
async function waitForProblemRow(page, timeoutMs) {
  const listed = async () => {
    const rows = await problemRows(page);
    return findProblemRow(rows) ? rows : null;
  };
  return waitFor('the Problems row', listed, { timeoutMs }).catch(() => problemRows(page));
}

// Best effort: the hover shows the full message, which the Problems panel truncates.
async function hoverScreenshot(ctx) {
  try {
    await hoverErrorSquiggle(ctx.page);
    await ctx.screenshot(`${SCENARIO.id}-hover`);
  } catch (err) {
    log(`no hover screenshot: ${err.message.split('\n')[0]}`);
  }
  await ctx.page.keyboard.press('Escape');
}

function findProblemRow(rows) {
  // A file row also mentions 'scratch' (it is in the file name), so require marker-only text.
  return rows.find((text) => !text.includes(SCENARIO.file)
    && text.includes(SCENARIO.word)
    && (text.includes(SCENARIO.source) || text.includes(SCENARIO.code))
    && text.includes(`Ln ${SCENARIO.line},`));
}

function findMountDiagnostic(probe) {
  return diagnosticsOf(probe, SCENARIO.file)
    .find((d) => d.code === SCENARIO.code && d.severity === 'Error' && d.range.start.line === SCENARIO.line - 1);
}

// ---------------------------------------------------------------------------------------------
// Step 2: hover over a volume name

async function hoverStep(ctx) {
  const at = { line: SCENARIO.volumeLine - 1, character: SCENARIO.volumeColumn - 1 };
  const probe = await readProbe(ctx, 'KV E2E: Write Editor Features', { file: SCENARIO.file, hover: [at] });
  const texts = (probe.features.hover[0]?.hovers ?? []).flatMap((h) => h.contents);
  const ours = texts.find((t) => t.includes(`Volume **${SCENARIO.volume}**`));

  let card = null;
  let domError = null;
  try {
    card = await hoverText(ctx.page, SCENARIO.volumeLine, SCENARIO.volume, /Volume scratch-volume/, UI_STEP_TIMEOUT_MS);
  } catch (err) {
    domError = err.message;
  }
  await ctx.screenshot(`${SCENARIO.id}-hover-volume`);
  await ctx.page.mouse.move(5, 5);
  await ctx.page.keyboard.press('Escape');
  const expected = ['Volume', SCENARIO.volume, 'emptyDir'];
  return [
    check(`executeHoverProvider at ${fmt(at)} says "Volume **${SCENARIO.volume}** — emptyDir" and that nothing mounts it (probe)`,
      Boolean(ours) && ours.includes('— emptyDir') && ours.includes('Not mounted by any container of this pod'),
      `hover contents were ${JSON.stringify(texts)}`),
    check(`the hover card over '${SCENARIO.volume}' shows ${expected.join(', ')}`,
      Boolean(card) && expected.every((word) => card.includes(word)),
      domError ?? `the card showed ${JSON.stringify(card)}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Step 3: completion of a volume name in a mount

async function completionStep(ctx) {
  const { page } = ctx;
  const at = { line: SCENARIO.line - 1, character: SCENARIO.column - 1 };
  const probe = await readProbe(ctx, 'KV E2E: Write Editor Features', { file: SCENARIO.file, completion: [at] });
  const items = probe.features.completion[0]?.items ?? [];
  // VS Code adds word-based items (split at '-'); ours is the one with the volume's type as detail.
  const item = items.find((i) => i.label === SCENARIO.volume && i.detail === 'emptyDir volume');

  // The cursor right after `name: `, where the user would ask for the names of the pod's volumes.
  let shown = null;
  let domError = null;
  try {
    await goToPosition(page, SCENARIO.line, SCENARIO.column);
    shown = await waitForSuggestion(page, SCENARIO.volume, { trigger: true, timeoutMs: UI_STEP_TIMEOUT_MS });
    await sleep(300); // details and icons render just after the rows
    log(`suggest widget rows: ${JSON.stringify(shown.rows)} (focused: ${JSON.stringify(shown.focused)})`);
  } catch (err) {
    domError = err.message;
  }
  await ctx.screenshot(`${SCENARIO.id}-completion`);
  await page.keyboard.press('Escape');
  await waitFor('the suggest widget to close', async () => (await suggestRows(page)).rows.length === 0, { timeoutMs: 5_000 }).catch(() => {});
  return [
    check(`executeCompletionItemProvider at ${fmt(at)} offers '${SCENARIO.volume}' (detail 'emptyDir volume', probe)`,
      Boolean(item),
      `items were ${JSON.stringify(items.map((i) => `${i.label} (${i.detail})`))}`),
    check(`Ctrl+Space after 'name: ' lists '${SCENARIO.volume}  emptyDir volume' in the suggest widget`,
      Boolean(shown?.rows.some((row) => row.includes(SCENARIO.volume) && row.includes('emptyDir volume'))),
      domError ?? `rows were ${JSON.stringify(shown?.rows)}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Step 4: the preferred quick fix, applied from Ctrl+.

async function quickFixStep(ctx) {
  const { page, sandbox } = ctx;
  const range = { start: { line: SCENARIO.line - 1, character: SCENARIO.column - 1 }, end: { line: SCENARIO.line - 1, character: SCENARIO.column - 1 + SCENARIO.word.length } };
  const probe = await readProbe(ctx, 'KV E2E: Write Editor Features', { file: SCENARIO.file, codeActions: [range] });
  const actions = probe.features.codeActions[0]?.actions ?? [];
  const fix = actions.find((a) => a.title === SCENARIO.fix);
  const fixEditOk = fix?.isPreferred && fix.edits.length === 1
    && fix.edits[0].newText === SCENARIO.volume && sameRange(fix.edits[0].range, range);

  const original = readFileSync(join(sandbox.workspace, SCENARIO.file), 'utf8');
  const lines = original.split('\n');
  const i = SCENARIO.line - 1;
  const c = SCENARIO.column - 1;
  lines[i] = lines[i].slice(0, c) + SCENARIO.volume + lines[i].slice(c + SCENARIO.word.length);
  const expectedText = lines.join('\n');

  const checks = [
    check(`executeCodeActionProvider on '${SCENARIO.word}' returns "${SCENARIO.fix}" as the preferred fix replacing it (probe)`,
      Boolean(fixEditOk),
      `actions were ${JSON.stringify(actions)}`),
  ];

  // The user: cursor into the error, Ctrl+., check the first (focused) entry, Enter.
  let menu = null;
  try {
    await goToPosition(page, SCENARIO.line, SCENARIO.column + 2);
    menu = await openQuickFixes(page, UI_STEP_TIMEOUT_MS);
    await sleep(300);
    log(`quick fix menu: ${JSON.stringify(menu.rows)} (focused: ${JSON.stringify(menu.focused)})`);
  } catch (err) {
    checks.push(check(`Ctrl+. on line ${SCENARIO.line} opens the quick fix menu`, false, err.message));
  }
  await ctx.screenshot(`${SCENARIO.id}-quickfix-menu`);
  if (!menu) return checks;
  const focusedIsFix = Boolean(menu.focused?.includes(SCENARIO.fix));
  checks.push(check(`Ctrl+. lists "${SCENARIO.fix}" first (focused, so Enter applies it)`,
    focusedIsFix, `menu rows ${JSON.stringify(menu.rows)}, focused ${JSON.stringify(menu.focused)}`));
  if (!focusedIsFix) {
    await page.keyboard.press('Escape');
    return checks;
  }
  await page.keyboard.press('Enter');

  const start = Date.now();
  const gone = await waitFor(`the error squiggle on line ${SCENARIO.line} to disappear`,
    async () => !(await errorSquiggleLines(page)).includes(SCENARIO.line), { timeoutMs: UI_STEP_TIMEOUT_MS })
    .then(() => true, () => false);
  if (gone) log(`squiggle gone ${since(start)} after the fix was applied`);
  await sleep(300);
  await ctx.screenshot(`${SCENARIO.id}-quickfix`);
  const squiggles = await errorSquiggleLines(page);

  // VS Code's diagnostics follow the squiggle; poll the probe a few times in case they lag.
  let after = null;
  await waitFor(`the ${SCENARIO.code} diagnostic to be gone (probe)`, async () => {
    after = await readProbe(ctx, 'KV E2E: Write Diagnostics');
    return !diagnosticsOf(after, SCENARIO.file).some((d) => d.code === SCENARIO.code);
  }, { timeoutMs: PROBE_TIMEOUT_MS, intervalMs: 500 }).catch(() => {});
  const editor = after?.activeEditor;
  const onDisk = readFileSync(join(sandbox.workspace, SCENARIO.file), 'utf8');
  checks.push(
    check(`the error squiggle on line ${SCENARIO.line} disappears`, gone, `error squiggles on lines ${JSON.stringify(squiggles)}`),
    check(`VS Code holds no ${SCENARIO.code} diagnostic for ${SCENARIO.file} any more (probe)`,
      Boolean(after) && !diagnosticsOf(after, SCENARIO.file).some((d) => d.code === SCENARIO.code),
      `probe saw ${JSON.stringify(after && probeSummary(after, SCENARIO.file))}`),
    check(`the editor text has '- name: ${SCENARIO.volume}' on line ${SCENARIO.line} and is otherwise unchanged (probe)`,
      editor?.uri.endsWith(`/${SCENARIO.file}`) && editor.text === expectedText,
      editor ? `active editor ${editor.uri}, first differing line: ${firstDifference(editor.text, expectedText)}` : 'no active editor'),
    check('the fix is not saved: the file is dirty and unchanged on disk (files.autoSave off)',
      Boolean(editor?.isDirty) && onDisk === original,
      `isDirty=${editor?.isDirty}, disk ${onDisk === original ? 'unchanged' : 'CHANGED'}`),
  );
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Step 5: a snippet typed into a new file

async function snippetStep(ctx) {
  const { page } = ctx;
  await openFile(page, SNIPPET.file);
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 5_000 }).catch(() => page.locator('.editor-instance .view-lines').click());
  await page.keyboard.type(SNIPPET.prefix, { delay: 20 });

  const checks = [];
  let suggestion = null;
  try {
    // Typing normally opens the list; Ctrl+Space is what a user does when it does not.
    suggestion = await waitForSuggestion(page, SNIPPET.prefix, { trigger: false, timeoutMs: UI_STEP_TIMEOUT_MS });
    await sleep(300);
    log(`snippet suggestion ${suggestion.triggered ? 'after Ctrl+Space' : 'while typing'}: rows ${JSON.stringify(suggestion.rows)} (focused: ${JSON.stringify(suggestion.focused)})`);
  } catch (err) {
    checks.push(check(`typing '${SNIPPET.prefix}' in ${SNIPPET.file} suggests the snippet`, false, err.message));
  }
  await ctx.screenshot(`${SNIPPET.id}-suggestion`);
  if (!suggestion) return checks;
  const focusedIsSnippet = Boolean(suggestion.focused?.includes(SNIPPET.prefix));
  checks.push(check(`the suggest widget focuses the '${SNIPPET.prefix}' snippet`, focusedIsSnippet,
    `rows ${JSON.stringify(suggestion.rows)}, focused ${JSON.stringify(suggestion.focused)}`));
  if (!focusedIsSnippet) return checks;
  await page.keyboard.press('Enter');
  const inserted = await waitFor('the snippet text in the editor', async () => (await visibleEditorText(page)).includes('kind: Deployment'),
    { timeoutMs: 5_000 }).then(() => true, () => false);
  await page.keyboard.press('Escape'); // leave snippet mode (placeholders), keep the defaults
  await page.keyboard.press('Escape');

  // The server analyses the new text; a hover on the `dshm` volume that names its mount proves
  // the analysis of the whole expanded text is done before the diagnostics are read.
  let probe = await readProbe(ctx, 'KV E2E: Write Diagnostics');
  const text = probe.activeEditor?.uri.endsWith(`/${SNIPPET.file}`) ? probe.activeEditor.text : '';
  const volumeLine = text.split('\n').findLastIndex((line) => /^\s*- name: dshm\s*$/.test(line));
  let analysed = false;
  let hoverTexts = [];
  if (volumeLine >= 0) {
    const at = { line: volumeLine, character: text.split('\n')[volumeLine].indexOf('dshm') };
    await waitFor('the server to analyse the expanded snippet', async () => {
      probe = await readProbe(ctx, 'KV E2E: Write Editor Features', { file: SNIPPET.file, hover: [at] });
      hoverTexts = (probe.features.hover[0]?.hovers ?? []).flatMap((h) => h.contents);
      analysed = hoverTexts.some((t) => t.includes('Volume **dshm**') && t.includes('/dev/shm'));
      return analysed;
    }, { timeoutMs: PROBE_TIMEOUT_MS, intervalMs: 500 }).catch(() => {});
  }
  await page.keyboard.press('Control+End'); // scroll to the volumes part for the screenshot
  await sleep(300);
  await ctx.screenshot(SNIPPET.id);
  const squiggles = await errorSquiggleLines(page);
  const diagnostics = diagnosticsOf(probe, SNIPPET.file);
  const errors = diagnostics.filter((d) => d.severity === 'Error');
  if (diagnostics.length > 0) log(`note: ${SNIPPET.file} has diagnostics ${JSON.stringify(diagnostics)}`);
  checks.push(
    check(`Enter inserts the snippet (the editor shows 'kind: Deployment')`, inserted, `editor showed ${JSON.stringify(await visibleEditorText(page))}`),
    check(`the document text has ${SNIPPET.expect.map((s) => `'${s}'`).join(', ')} and no leftover prefix (probe)`,
      SNIPPET.expect.every((s) => text.includes(s)) && !text.includes(SNIPPET.prefix),
      `active editor ${probe.activeEditor?.uri}, text ${JSON.stringify(text)}`),
    check('the server analysed the expanded text (hover on the dshm volume names its /dev/shm mount, probe)',
      analysed, `hover contents were ${JSON.stringify(hoverTexts)}`),
    check(`VS Code holds no Error diagnostic for ${SNIPPET.file} and the editor draws no error squiggle`,
      analysed && errors.length === 0 && squiggles.length === 0,
      `errors ${JSON.stringify(errors)}, error squiggles on lines ${JSON.stringify(squiggles)}`),
  );
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Step 6: go to definition from a mount to the claim template it names

async function navigationStep(ctx) {
  const { page } = ctx;
  await openFile(page, NAVIGATION.file);
  await goToPosition(page, NAVIGATION.line, NAVIGATION.column + 1);
  // F12 does not reach the workbench in every browser setup; the palette entry is the same command.
  await runCommand(page, 'Go to Definition');
  const target = `Ln ${NAVIGATION.targetLine}, Col ${NAVIGATION.targetColumn}`;
  const status = () => page.locator('.statusbar-item').allInnerTexts().then((texts) => texts.find((t) => t.startsWith('Ln ')) ?? '');
  const moved = await waitFor(`the cursor at ${target}`, async () => (await status()).startsWith(target), { timeoutMs: UI_STEP_TIMEOUT_MS })
    .then(() => true, () => false);
  await ctx.screenshot(`${NAVIGATION.id}-definition`);
  const probe = await readProbe(ctx, 'KV E2E: Write Diagnostics');
  const cursor = probe.activeEditor?.selection.start;
  return [
    check(`the status bar shows ${target} after Go to Definition (the cursor is on the claim template's name)`, moved, `status bar showed ${JSON.stringify(await status())}`),
    check(`the active editor's cursor is at line ${NAVIGATION.targetLine - 1}, character ${NAVIGATION.targetColumn - 1} of ${NAVIGATION.file} (probe)`,
      probe.activeEditor?.uri.endsWith(`/${NAVIGATION.file}`) && cursor?.line === NAVIGATION.targetLine - 1 && cursor?.character === NAVIGATION.targetColumn - 1,
      `active editor ${probe.activeEditor?.uri}, selection ${JSON.stringify(probe.activeEditor?.selection)}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Step 7: the paste repair command on a manifest that lost its indentation

async function pasteRepairStep(ctx) {
  const { page, sandbox } = ctx;
  await openFile(page, PASTE.file);
  const before = readFileSync(join(sandbox.workspace, PASTE.file), 'utf8');
  await runCommand(page, PASTE.command);
  let probe = null;
  const changed = await waitFor('the repaired text in the editor', async () => {
    probe = await readProbe(ctx, 'KV E2E: Write Diagnostics');
    return probe.activeEditor?.uri.endsWith(`/${PASTE.file}`) && probe.activeEditor.text !== before;
  }, { timeoutMs: PROBE_TIMEOUT_MS, intervalMs: 500 }).then(() => true, () => false);
  // The diagnostics of the repaired text: no syntax error is left once the server has caught up.
  await waitFor('the syntax errors to clear', async () => {
    probe = await readProbe(ctx, 'KV E2E: Write Diagnostics');
    return !diagnosticsOf(probe, PASTE.file).some((d) => d.code === 'yaml-syntax');
  }, { timeoutMs: PROBE_TIMEOUT_MS, intervalMs: 500 }).catch(() => {});
  await ctx.screenshot(`${PASTE.id}-repaired`);
  const text = probe?.activeEditor?.text ?? '';
  const intended = readFileSync(join(seedDir(ctx.casesDir), PASTE.intended), 'utf8');
  const asData = (yaml) => JSON.stringify(parse(yaml, { version: '1.1' }));
  let same = false;
  try {
    same = asData(text) === asData(intended);
  } catch (err) {
    log(`the repaired text does not parse: ${err.message}`);
  }
  return [
    check(`running "${PASTE.command}" changes the editor text`, changed, 'the text stayed as pasted'),
    check(`the repaired text is, as data, ${PASTE.intended} (the manifest that was pasted)`, same, `repaired text ${JSON.stringify(text)}`),
    check(`VS Code holds no yaml-syntax diagnostic for ${PASTE.file} any more (probe)`,
      changed && !diagnosticsOf(probe, PASTE.file).some((d) => d.code === 'yaml-syntax'),
      `diagnostics ${JSON.stringify(diagnosticsOf(probe, PASTE.file))}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// The probe extension

/**
 * Runs a probe command from the command palette and returns its JSON. `request` (positions for
 * the hover, completion and code action providers) is written where the probe reads it.
 */
export async function readProbe(ctx, command, request) {
  const { page, sandbox } = ctx;
  if (request) writeFileSync(sandbox.probeRequest, JSON.stringify(request));
  rmSync(sandbox.probeOut, { force: true });
  await runCommand(page, command);
  await waitFor(`the probe extension to write its JSON (${command})`, () => existsSync(sandbox.probeOut), { timeoutMs: PROBE_TIMEOUT_MS });
  return JSON.parse(readFileSync(sandbox.probeOut, 'utf8'));
}

function diagnosticsOf(probe, file) {
  return probe.diagnostics.find((d) => d.uri.endsWith(`/${file}`))?.items ?? [];
}

// Enough of the probe output to see why a check failed: language, extensions, diagnostics.
function probeSummary(probe, file) {
  return {
    documents: probe.documents.filter((d) => d.uri.endsWith(file)),
    extensions: probe.extensions,
    diagnostics: probe.diagnostics.filter((d) => d.items.length > 0),
  };
}

// ---------------------------------------------------------------------------------------------

function check(name, pass, detail) {
  return { name, pass: Boolean(pass), detail };
}

function fmt(p) {
  return `line ${p.line}, character ${p.character} (0-based)`;
}

function sameRange(a, b) {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

function firstDifference(actual, expected) {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}: got ${JSON.stringify(a[i])}, expected ${JSON.stringify(e[i])}`;
  }
  return 'none';
}
