import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
for (const u of process.argv.slice(2)) {
  await p.goto('http://127.0.0.1:8104' + u);
  const r = await p.evaluate(() => {
    const out = [];
    const W = document.documentElement.clientWidth;
    for (const e of document.querySelectorAll('body *')) {
      const rc = e.getBoundingClientRect();
      if (rc.right > W + 1) out.push(`${e.tagName.toLowerCase()}#${e.id}.${(typeof e.className === 'string' ? e.className : e.className.baseVal).replace(/ /g,'.')} right=${Math.round(rc.right)} w=${Math.round(rc.width)}`);
    }
    return { W, sw: document.documentElement.scrollWidth, out: out.slice(0, 15) };
  });
  console.log(u, JSON.stringify(r, null, 1));
}
await b.close();
