// docs/images/web-page.png: the page (dist/web/wenfeng.html) in headless chromium with a few drafts
// dropped on it, the seed 002 report open. Run after npm run build.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(pathToFileURL(join(root, 'dist', 'web', 'wenfeng.html')).href);
const drafts = ['fixtures/seeds/002-city-report.docx', 'fixtures/seeds/002-city-report.pdf', 'fixtures/good/good-notice.txt', 'fixtures/bad/encrypted.pdf'];
await page.setInputFiles('#pick', drafts.map((d) => join(root, d)));
await page.waitForFunction(() => document.body.dataset.idle === 'true' && document.querySelectorAll('#files li[data-state="done"],#files li[data-state="fatal"]').length === 4);
await page.locator('#files li button.name').first().click();
await page.frameLocator('#report').locator('mark').first().waitFor();
await page.screenshot({ path: join(root, 'docs', 'images', 'web-page.png') });
await browser.close();
