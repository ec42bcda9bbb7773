import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`), never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const ARTIFACTS = join(__dirname, '../../test-artifacts');

/** What a Dutch screen never shows: a step, state, level, trail or field code, or an ISO date. */
export const MACHINE_CODES = [
  /\b[A-Z]{3,}(?:_[A-Z]+)+\b/, // START_INTERACTIVE
  /\b\d{4}-\d{2}-\d{2}\b/, // 2026-12-29
  /\b(?:policyCycle|quickScan|formalCommitment|planOfApproach|decisionMaking)\b/,
  /\b(?:co-decide|advise-early|advise-late|closed-authoritarian)\b/,
  /\b[a-z]+-(?:recorded|added|opened|received|answered|saved|created|sent|skipped|failed|changed|assessed|informed)\b/,
  /\b(?:approved|rejected|deferred|interactive|not-interactive)\b/,
  /\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/, // roomForInfluence
];

/** axe-core on the page as it stands: no WCAG 2.1 A/AA violation of any impact. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

/**
 * The links of a page that promise a place that is not there (issue 19: no dead ends): a link to
 * a part of a page (#…) whose page has no element with that id, on this page or fetched in the
 * same session.
 */
export async function deadEnds(page: Page): Promise<string[]> {
  const links = await page.evaluate(() => [...new Set([...document.querySelectorAll('a[href*="#"]')].map((a) => (a as HTMLAnchorElement).href).filter((href) => href.startsWith(location.origin)))]);
  const pages = new Map<string, Promise<string>>();
  const missing: string[] = [];
  for (const link of links) {
    const url = new URL(link);
    const id = decodeURIComponent(url.hash.slice(1));
    const here = url.pathname + url.search === new URL(page.url()).pathname + new URL(page.url()).search;
    const found = here
      ? await page.evaluate((target) => document.getElementById(target) !== null, id)
      : (await (pages.get(url.pathname + url.search) ?? pages.set(url.pathname + url.search, page.request.get(link).then((r) => r.text())).get(url.pathname + url.search)!)).includes(`id="${id}"`);
    if (!found) missing.push(url.pathname + url.search + url.hash);
  }
  return missing;
}

/**
 * A page as its users meet it: accessible, in words only (no code, no ISO date), no sideways
 * scrolling at 320 px (WCAG 1.4.10), and a screenshot at 1440 and 375 px for a person to look at.
 */
export async function inspect(page: Page, name: string, options: { words?: boolean } = {}): Promise<void> {
  await expectAccessible(page);
  if (options.words !== false) {
    const text = await page.locator('body').innerText();
    const found = MACHINE_CODES.map((pattern) => pattern.exec(text)?.[0]).filter(Boolean);
    expect({ page: name, found }).toEqual({ page: name, found: [] });
  }
  await expect(deadEnds(page)).resolves.toEqual([]);
  const viewport = page.viewportSize()!;
  for (const width of [1440, 375, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      // The elements that stick out, to name them when the page scrolls sideways.
      const sticksOut = (e: Element) => e.getBoundingClientRect().right > limit + 0.5;
      // The innermost ones: those whose children all fit.
      return document.documentElement.scrollWidth > limit ? [...document.querySelectorAll('body *')].filter((e) => sticksOut(e) && ![...e.children].some(sticksOut)).slice(0, 5).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`) : [];
    });
    expect({ page: name, width, overflow }).toEqual({ page: name, width, overflow: [] });
    if (width !== 320) await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(viewport);
}
