import fs from 'fs';
import { createRequire } from 'module';
import type { Page } from 'playwright-core';

export { launchChromium } from '@erfarenhetsbanken/scripts/chromium';

const require = createRequire(import.meta.url);

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core in the page against WCAG 2.0/2.1 A and AA. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the site's Content-Security-Policy (rightly) blocks inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    }));
  });
}
