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
