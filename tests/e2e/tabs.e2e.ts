import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { loadCore } from '../../src/core/bootstrap';
import { logger } from '../../src/shared/logger';
import { askOverHttp } from '../support/chat-over-http';
import { assertChromium, launchBrowser, type Browser } from './browser';

const ROOT = resolve(__dirname, '../..');
const OUT_DIR = join(ROOT, 'test-results', 'e2e');
const QUESTION_ID = '2b2b2b2b-1111-2222-3333-444444444444';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * axe-core in the page: the serious and critical violations (none allowed). Fluent UI's focus sentinels
 * (`data-tabster-dummy`, hidden and handing focus on at once) are left out: axe reads them as hidden focusables.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as {
        axe: { run: (context: unknown) => Promise<{ violations: Record<string, unknown>[] }> };
      }
    ).axe.run({ exclude: [['[data-tabster-dummy]']] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: (v.nodes as { html: string }[]).map((n) => n.html.slice(0, 120)).join(' | '),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes})`);
}

describe('The tabs in Chromium (local mode, the npm start composition)', () => {
  let bot: RunningBot;
  let browser: Browser;
  beforeAll(async () => {
    assertChromium();
    execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/build-tabs.ts'], { cwd: ROOT });
    mkdirSync(OUT_DIR, { recursive: true });
    const config = loadConfig({
      PORT: '0',
      COORDINATOR_IDS: 'coordinator-e2e',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tabs-e2e-')),
    });
    bot = await startBot(config, logger, loadCore(config));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it.each(WIDTHS)(
    'Leitfaden at $name width: diagram → step, network → agency, search, no serious a11y violation',
    async (size) => {
      const { page } = browser;
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${bot.server.url}/tabs/leitfaden`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Leitfaden/);
      await expect
        .poll(() => page.getByRole('region', { name: 'Kinderschutz' }).textContent())
        .toMatch(/Kinderschutz geht vor/);
      expect(await page.getByText('Lokaler Modus').count()).toBe(1);
      await page.getByRole('button', { name: 'Schritt 9: Anhörung' }).click();
      await expect.poll(() => page.locator('#h-detail').textContent()).toBe('Schritt 9: Anhörung');
      await expect.poll(() => page.locator('#detail').textContent()).toMatch(/Jetzt tun|Was jetzt/);
      await page.screenshot({ path: join(OUT_DIR, `tab-leitfaden-step-${size.name}.png`), fullPage: false });
      // The card's own buttons work here as in chat: "Nächster Schritt" opens step 10.
      await page.locator('#detail').getByRole('button', { name: 'Nächster Schritt' }).click();
      await expect.poll(() => page.locator('#h-detail').textContent()).toBe('Schritt 10: Versäumnisanzeige');
      await page.getByRole('button', { name: 'Jugendamt Dortmund' }).click();
      await expect.poll(() => page.locator('#h-detail').textContent()).toBe('Jugendamt Dortmund');
      await page
        .getByRole('textbox', { name: 'Frage oder Suchbegriff' })
        .fill('Wohin schicke ich die Versäumnisanzeige?');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toMatch(/Versäumnisanzeige/);
      await page.screenshot({ path: join(OUT_DIR, `tab-leitfaden-${size.name}.png`), fullPage: true });
      // The print view (A4) leaves out the search and the buttons, keeps the procedure and the Kinderschutz line.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('search').isVisible()).toBe(false);
      expect(await page.getByRole('region', { name: 'Kinderschutz' }).isVisible()).toBe(true);
      expect(await page.getByRole('list', { name: 'Schritte 0 bis 12' }).isVisible()).toBe(true);
      if (size.name === 'desktop') await page.pdf({ path: join(OUT_DIR, 'tab-leitfaden-print-a4.pdf'), format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it.each(WIDTHS)('Koordination at $name width: a coordinator answers a question from the inbox', async (size) => {
    await bot.stores.questions.put({
      id: QUESTION_ID,
      text: 'Gibt es den Fachtag auch für Grundschulen?',
      topic: 'angebote',
      state: 'open',
      createdAt: Date.now(),
    });
    const { page } = browser;
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(`${bot.server.url}/tabs/koordination`);
    await expect.poll(() => page.getByRole('heading', { name: 'Statistik' }).count()).toBe(1);
    await page.screenshot({ path: join(OUT_DIR, `tab-koordination-statistik-${size.name}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: /Fragen an die Fachstelle/ }).click();
    await page.getByLabel('Antwort').fill(`Ja (${size.name}).`);
    await page.getByRole('button', { name: 'Antworten' }).click();
    await expect.poll(async () => (await bot.stores.questions.get(QUESTION_ID))?.state).toBe('answered');
    await expect.poll(() => page.getByText(`Antwort: Ja (${size.name}).`).count()).toBe(1);
    await page.screenshot({ path: join(OUT_DIR, `tab-koordination-fragen-${size.name}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Wissen: a coordinator changes a phone number and a step action, publishes, and the chat answers with them', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${bot.server.url}/tabs/koordination`);
    await page.getByRole('tab', { name: 'Wissen' }).click();
    await page.getByRole('textbox', { name: 'Einträge filtern' }).fill('Psychiatrie');
    await page
      .getByRole('button', { name: /^Akteur: .*psychiatrie/i })
      .first()
      .click();
    const number = page.getByRole('textbox', { name: 'number' }).first();
    await expect.poll(() => number.inputValue()).toBe('0231 9 13 01 90');
    await number.fill('0231 9 13 01 99');
    await page.getByRole('button', { name: 'Im Entwurf speichern' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/im Entwurf gespeichert/);

    await page.getByRole('textbox', { name: 'Einträge filtern' }).fill('Anhörung');
    await page.getByRole('button', { name: /^Schritt: Anhörung/ }).click();
    const action = page.getByRole('textbox', { name: 'actions 1' });
    await expect.poll(() => action.inputValue()).not.toBe('');
    await action.fill('Anhörungsschreiben mit Frist verschicken (im Browser geändert).');
    await page.getByRole('button', { name: 'Im Entwurf speichern' }).click();
    await expect.poll(() => page.getByText('Auf Basis von Version 1: 2 Änderung(en)').count()).toBe(1);
    await page.getByRole('button', { name: 'Vorschau' }).click();
    await expect
      .poll(() => page.getByText(/Andere Antworten: \d+ von \d+ Prüffragen/).count(), { timeout: 20_000 })
      .toBe(1);
    await page.screenshot({ path: join(OUT_DIR, 'tab-koordination-wissen-desktop.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Veröffentlicht: Version 2.');

    const answer = await askOverHttp(bot.server.url, 'Telefonnummer der Kinder- und Jugendpsychiatrie?');
    expect(answer).toContain('0231 9 13 01 99');
    const step = await (await fetch(`${bot.server.url}/api/tab/entry?ref=step:anhoerung`)).text();
    expect(step).toContain('im Browser geändert');
  });
});
