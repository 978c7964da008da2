// Drives the VS Code workbench in Chromium the way a user would: the explorer, keyboard shortcuts,
// the command palette and the Problems panel. Selectors are VS Code's own DOM classes.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sleep, waitFor, withTimeout } from './util.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox', // running as root in a container
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const UI_TIMEOUT_MS = 20_000;

/** Launches Debian's Chromium headless with playwright-core (no browser download). */
export async function launchBrowser(playwrightDir, executablePath, env) {
  const { chromium } = await import(pathToFileURL(join(playwrightDir, 'index.mjs')).href);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env,
    timeout: 30_000,
    // Playwright's own signal handlers exit the process at once, before run.mjs has stopped
    // code-server; run.mjs handles signals and closes the browser itself.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  return { browser, page, close: () => withTimeout(browser.close(), 10_000, 'closing Chromium') };
}

/** Opens the workbench on a folder and waits until the explorer lists its files. */
export async function openFolder(page, baseUrl, folder) {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`, { timeout: 30_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/**
 * Opens a file by double-clicking it in the explorer, as a user would. Quick open (Ctrl+P) also
 * works but waits ~4 s for the file search to index on a small machine.
 */
export async function openFile(page, fileName) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page, title) {
  await openQuickInput(page, 'F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function openQuickInput(page, shortcut) {
  // The widget only opens when the workbench has keyboard focus, so retry the shortcut.
  await waitFor(`the quick input after ${shortcut}`, async () => {
    await page.keyboard.press(shortcut);
    return page.locator('.quick-input-widget').isVisible();
  }, { timeoutMs: UI_TIMEOUT_MS, intervalMs: 500 });
}

/**
 * Line numbers (1-based, as displayed) that carry an error squiggle in the visible editor. A
 * squiggle is matched to the line number in the gutter at the same height on screen.
 */
export function errorSquiggleLines(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return [];
    const middle = (el) => { const r = el.getBoundingClientRect(); return r.top + r.height / 2; };
    const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .map((el) => ({ line: Number(el.textContent.trim()), rect: el.getBoundingClientRect() }));
    const lines = [...editor.querySelectorAll('.squiggly-error')].map((el) => {
      const y = middle(el);
      return gutter.find(({ rect }) => y >= rect.top && y <= rect.bottom)?.line;
    });
    return [...new Set(lines.filter(Boolean))];
  });
}

/** Hovers the first error squiggle and waits for the hover card, for a screenshot. */
export async function hoverErrorSquiggle(page) {
  // The squiggle layer sits under the text layer, so move the mouse to it instead of hover().
  const box = await page.locator('.editor-instance .monaco-editor .squiggly-error').first().boundingBox({ timeout: 5_000 });
  // Several small moves: the editor shows its hover only after the mouse rests over a range.
  await page.mouse.move(box.x + box.width / 2 - 5, box.y - 4);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4, { steps: 5 });
  await page.locator('.monaco-editor .monaco-hover:visible', { hasText: /\S/ }).first().waitFor({ timeout: 10_000 });
  await sleep(800); // the hover fades in; a screenshot taken at once shows it half transparent
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns each row's text. */
export async function openProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor();
  return problemRows(page);
}

/** Problems rows as the user reads them; the editor uses U+00A0 for spaces, so normalise. */
export async function problemRows(page) {
  const texts = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  return texts.map((text) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim());
}

/** Normalises text read from the workbench: U+00A0 for spaces, runs of white space. */
export function normalise(text) {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Moves the cursor with Go to Line (Ctrl+G, `line:column`, both 1-based), as a user would. The
 * quick input opens from any part of the workbench and gives the editor focus on Enter.
 */
export async function goToPosition(page, line, column) {
  await openQuickInput(page, 'Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 5_000 });
}

/**
 * Screen box of the first occurrence of `text` on a displayed (1-based) line of the visible
 * editor, or null. The line is found by the gutter number at the same height, the text by a DOM
 * range over the line's text nodes (the editor renders spaces as U+00A0).
 */
export function textBox(page, line, text) {
  return page.evaluate(({ line, text }) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const number = editor && [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .find((el) => Number(el.textContent.trim()) === line);
    if (!number) return null;
    const g = number.getBoundingClientRect();
    const y = g.top + g.height / 2;
    const viewLine = [...editor.querySelectorAll('.view-lines .view-line')].find((el) => {
      const r = el.getBoundingClientRect();
      return y >= r.top && y <= r.bottom;
    });
    if (!viewLine) return null;
    const nodes = [];
    let all = '';
    const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, start: all.length });
      all += walker.currentNode.data;
    }
    const index = all.replace(/\u00a0/g, ' ').indexOf(text);
    if (index < 0) return null;
    const at = (offset) => {
      const hit = nodes.findLast((n) => n.start <= offset);
      return [hit.node, Math.min(offset - hit.start, hit.node.data.length)];
    };
    const range = document.createRange();
    range.setStart(...at(index));
    range.setEnd(...at(index + text.length));
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, { line, text });
}

/**
 * Rests the mouse on `text` in a displayed line and returns the text of the hover card once it
 * contains `expect` (a RegExp); throws with what the card showed otherwise.
 */
export async function hoverText(page, line, text, expect, timeoutMs = 10_000) {
  await page.keyboard.press('Escape'); // close an earlier hover or widget
  const box = await waitFor(`'${text}' on line ${line} in the editor`, () => textBox(page, line, text), { timeoutMs: 5_000 });
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y + 2 * box.height); // away, so that the next moves are a fresh rest
  await page.mouse.move(x - 4, y, { steps: 3 });
  await page.mouse.move(x, y, { steps: 3 });
  const cards = page.locator('.monaco-editor .monaco-hover:visible');
  let seen = [];
  try {
    await waitFor(`a hover card matching ${expect}`, async () => {
      seen = (await cards.allInnerTexts()).map(normalise).filter(Boolean);
      return seen.some((t) => expect.test(t));
    }, { timeoutMs });
  } catch (err) {
    throw new Error(`${err.message}; hover cards showed ${JSON.stringify(seen)}`);
  }
  await sleep(800); // the hover fades in; a screenshot taken at once shows it half transparent
  return seen.find((t) => expect.test(t));
}

/** Rows of the suggest widget and the focused one; the widget is open when rows is non-empty. */
export async function suggestRows(page) {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  if (!(await widget.isVisible())) return { rows: [], focused: null };
  const rows = (await widget.locator('.monaco-list-row').allInnerTexts()).map(normalise);
  const focused = await widget.locator('.monaco-list-row.focused').allInnerTexts();
  return { rows, focused: focused.length > 0 ? normalise(focused[0]) : null };
}

/**
 * Waits for the suggest widget to list a row containing `label`, pressing Ctrl+Space first when
 * `trigger` is set (or when typing did not open it within `settleMs`). The list refilters and
 * re-requests after each keystroke, so it counts only once it has settled: a row is focused and
 * two polls in a row read the same rows.
 */
export async function waitForSuggestion(page, label, { trigger = true, settleMs = 3_000, timeoutMs = 10_000 } = {}) {
  let last = { rows: [], focused: null };
  const settled = async () => {
    const previous = last;
    last = await suggestRows(page);
    const same = JSON.stringify(last) === JSON.stringify(previous);
    return same && last.focused !== null && last.rows.some((row) => row.includes(label)) ? last : null;
  };
  if (!trigger) {
    const typed = await waitFor(`'${label}' suggested while typing`, settled, { timeoutMs: settleMs }).catch(() => null);
    if (typed) return { ...typed, triggered: false };
  }
  await page.keyboard.press('Control+Space');
  try {
    const state = await waitFor(`the suggest widget to list '${label}'`, settled, { timeoutMs });
    return { ...state, triggered: true };
  } catch (err) {
    throw new Error(`${err.message}; it listed ${JSON.stringify(last.rows)} (focused: ${JSON.stringify(last.focused)})`);
  }
}

/** Opens Quick Fix (Ctrl+.) at the cursor and returns the action widget's rows and focused row. */
export async function openQuickFixes(page, timeoutMs = 10_000) {
  await page.keyboard.press('Control+.');
  const widget = page.locator('.action-widget');
  const rows = widget.locator('.monaco-list-row.action');
  try {
    await rows.first().waitFor({ timeout: timeoutMs });
  } catch {
    const shown = await widget.allInnerTexts().catch(() => []);
    throw new Error(`no quick fix menu after Ctrl+. within ${timeoutMs / 1000}s (action widget: ${JSON.stringify(shown.map(normalise))})`);
  }
  const focused = await widget.locator('.monaco-list-row.action.focused').allInnerTexts();
  return { rows: (await rows.allInnerTexts()).map(normalise), focused: focused.length > 0 ? normalise(focused[0]) : null };
}

/** The text of the rendered lines of the visible editor (only what is on screen). */
export async function visibleEditorText(page) {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').allInnerTexts();
  return lines.map((line) => line.replace(/\u00a0/g, ' ')).join('\n');
}
