// Drives the VS Code workbench in Chromium the way a user would: keyboard shortcuts, quick open,
// the command palette and the Problems panel. Selectors are VS Code's own DOM classes.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitFor, withTimeout } from './util.mjs';

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
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, env, timeout: 30_000 });
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

/** Quick open (Ctrl+P): type the file name, pick it, wait for its editor tab. */
export async function openFile(page, fileName) {
  await openQuickInput(page, 'Control+P');
  await page.keyboard.type(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
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

/** Number of error squiggles currently drawn in the visible editor. */
export function errorSquiggles(page) {
  return page.locator('.editor-instance .monaco-editor .squiggly-error').count();
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
