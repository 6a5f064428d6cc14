import { launchChromium } from '/work/wt/client/tests/browser/helpers/browser.ts';
import { serveDir } from '/work/wt/client/tests/browser/helpers/server.ts';
const dir = process.env.DIST ?? '/work/wt/client/dist';
const server = await serveDir(dir);
const browser = await launchChromium();
const shots = (process.argv[2] ?? '').split(' ').filter(Boolean);
for (const spec of shots.length ? shots : ['main|']) {
  const [name, query, width] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: Number(width || 1280), height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.text()); });
  const reqs: string[] = [];
  page.on('request', (r) => reqs.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/${query ?? ''}`);
  await page.waitForSelector('#mp-app[data-timeline="ready"]', { timeout: 20000 }).catch(() => console.log('no timeline ready'));
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  console.log(name, await page.textContent('#mp-status'), '|notice:', await page.textContent('#mp-notice'), '|', reqs.filter((r) => r.includes('data') || r.includes('_astro')).join(' '));
  await page.close();
}
await browser.close();
await server.close();
