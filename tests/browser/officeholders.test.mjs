// officeholders (browser) — the seats fixed by law on the Veiligheidsregio
// Utrecht page and an office holder's page with a low-confidence source,
// after importing fictional office holders (atlas import wijzigingen): at
// 1280 and 390 px wide, without axe-core violations (WCAG 2.1 AA), without
// page errors, the "Mogelijk verouderd" badge and the source link visible;
// the 390 px page does not scroll sideways beyond its tables.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { atlas } from '../http/harness.mjs';
import { startEnv, visit, assertNoAxeViolations, assertNoPageErrors, screenshot } from './harness.mjs';

let env;
before(async () => {
  env = await startEnv();
  const csv = [
    'organisation_code,person_name,office,portfolio,collaboration_key,body,start_date,source_url,source_title,source_date,retrieved,confidence,note',
    'gm0344,Testa Eerstburger,burgemeester,,,,2020-12,https://example.org/test/utrecht,Testbericht burgemeester Utrecht,2026-01-29,2026-12-06,medium,',
    'gm0307,Testo Waarnemer,waarnemend burgemeester,,,,2025-10-02,https://example.org/test/amersfoort,Testbericht waarnemer Amersfoort,,2026-12-06,high,',
    'gm0308,Testine Oudbron,burgemeester,,,,2023-03-30,https://example.org/test/baarn,Oud testbericht Baarn,2023,2026-12-06,low,',
    '',
  ].join('\n');
  const set = path.join(env.srv.dir, 'ambtsdragers');
  mkdirSync(set);
  writeFileSync(path.join(set, 'office_holders.csv'), csv);
  const r = atlas(['import', 'wijzigingen', set, '--toepassen', '--db', env.srv.db]);
  assert.equal(r.status, 0, r.stderr);
});
after(() => env && env.stop());

for (const width of [1280, 390]) {
  test(`VRU: algemeen bestuur volgens de wet at ${width} px`, async () => {
    const page = await env.newPage({ viewport: { width, height: 900 } });
    await visit(env, page, '/samenwerkingsverbanden/veiligheidsregio-utrecht');
    const h = page.locator('#wettelijk-algemeen-bestuur');
    await h.scrollIntoViewIfNeeded();
    assert.match(await h.innerText(), /volgens de wet \(Wet veiligheidsregio's, art\. 11\)/);
    const row = page.locator('tr', { hasText: 'Testine Oudbron' });
    assert.match(await row.innerText(), /Mogelijk verouderd/);
    assert.equal(await row.locator('a[href="https://example.org/test/baarn"]').count(), 1);
    await assertNoAxeViolations(page, `VRU ${width}`);
    assertNoPageErrors(page, `VRU ${width}`);
    await screenshot(page, `officeholders-vru-${width}`);
    env.assertNoExternalRequests();
  });

  test(`a person with a low-confidence source at ${width} px`, async () => {
    const page = await env.newPage({ viewport: { width, height: 900 } });
    await visit(env, page, '/personen/testine-oudbron');
    assert.match(await page.locator('main').innerText(), /Mogelijk verouderd/);
    await assertNoAxeViolations(page, `person ${width}`);
    assertNoPageErrors(page, `person ${width}`);
    await screenshot(page, `officeholders-person-${width}`);
  });
}
