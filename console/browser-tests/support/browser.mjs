// Debian's Chromium, driven by playwright-core (which never downloads a browser of its own).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CONSOLE_URL, EMULATOR_TOTP_SECRET, totp } from './system.mjs';

const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ?? new URL('../../../.local/console-screenshots', import.meta.url).pathname;

/**
 * A console tab at the given width (1280 by default, 390 for a phone), with the browser's errors
 * collected; with `clock`, the page's timers and Date are Playwright's, to move time forward.
 */
export async function openConsole(t, { width = 1280, height = 900, clock = false } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // The test command runs as root in CI, where Chromium's sandbox cannot start.
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width, height } });
  // Every test leaves a screenshot of where it ended, passed or failed.
  t.after(async () => {
    try {
      await screenshot(page, t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80));
    } catch (error) {
      console.error(`no screenshot of '${t.name}': ${error.message}`);
    }
    await browser.close();
  });
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  if (clock) {
    await page.clock.install();
  }
  await page.goto(CONSOLE_URL);
  return { page, errors };
}

/** Signs in through the form, answering a TOTP challenge with the emulator's fixed secret. */
export async function signInAs(page, { username, password }) {
  await page.getByLabel('Email', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Code', { exact: true });
  const signedIn = page.getByRole('button', { name: 'Sign out' });
  await code.or(signedIn).first().waitFor();
  if (await code.isVisible()) {
    await code.fill(totp(EMULATOR_TOTP_SECRET));
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn.waitFor();
  }
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
