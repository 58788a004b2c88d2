import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
const [u, out, y = 0, h = 1400] = process.argv.slice(2);
await p.goto('http://127.0.0.1:8104' + u); await p.waitForTimeout(800);
await p.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: 1280, height: Number(h) } });
await b.close();
