// Debian's Chromium, headless, driven by playwright-core (never a browser download of its own).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './app.mjs';

export const screenshotDir = path.join(repoRoot, 'target', 'e2e-screenshots');

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Saves numbered screenshots (01-login.png, ...) of each screen under target/e2e-screenshots. */
export function screenshots() {
  fs.rmSync(screenshotDir, { recursive: true, force: true });
  fs.mkdirSync(screenshotDir, { recursive: true });
  let count = 0;
  return async (page, name) => {
    count += 1;
    const file = path.join(screenshotDir, `${String(count).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
}
