// evaluatie_vergelijk_ref — an independent reference for the unit test
// tests/unit/test_evaluatie_vergelijk.c: the Mann–Whitney U statistics of a
// few small samples computed by brute force, without ranks and without the
// ties formula. U counts pairs (1 when a > b, ½ when a = b); the mean and
// variance of U under H0 come from enumerating every split of the pooled
// values into groups of n1 and n2 (the permutation distribution, which
// the ties-corrected variance formula must reproduce exactly); the exact
// two-sided permutation p is the share of splits with |U − mean| at least
// the observed one. z uses the continuity correction of the C code and p its
// normal tail (erfc by a continued fraction to 1e-15). Run:
//   node tests/unit/evaluatie_vergelijk_ref.mjs
const uPairs = (a, b) => {
  let u = 0;
  for (const x of a) for (const y of b) u += x > y ? 1 : x === y ? 0.5 : 0;
  return u;
};
function* combos(n, k, start = 0, acc = []) {
  if (acc.length === k) { yield acc; return; }
  for (let i = start; i <= n - (k - acc.length); i++) { acc.push(i); yield* combos(n, k, i + 1, acc); acc.pop(); }
}
// erfc(x), x >= 0: series for small x, Lentz continued fraction otherwise
function erfc(x) {
  if (x < 2) {
    let sum = 0, term = x, k = 0; // erf = 2/sqrt(pi) * sum (-1)^k x^(2k+1) / (k! (2k+1))
    while (Math.abs(term) > 1e-18) { sum += term / (2 * k + 1); k++; term *= -x * x / k; }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
  let f = x, C = x, D = 0;
  for (let i = 1; i < 500; i++) {
    const an = i / 2;
    D = x + an * D; D = 1 / D;
    C = x + an / C;
    const delta = C * D; f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
function reference(name, a, b) {
  const pool = [...a, ...b], n = pool.length, n1 = a.length;
  const u1 = uPairs(a, b);
  let cnt = 0, s = 0, s2 = 0;
  const us = [];
  for (const idx of combos(n, n1)) {
    const set = new Set(idx);
    const ga = idx.map((i) => pool[i]), gb = pool.filter((_, i) => !set.has(i));
    const u = uPairs(ga, gb);
    us.push(u); cnt++; s += u; s2 += u * u;
  }
  const mean = s / cnt, variance = s2 / cnt - mean * mean;
  const d = u1 - mean;
  const ext = us.filter((u) => Math.abs(u - mean) >= Math.abs(d) - 1e-9).length / cnt;
  const zc = variance > 0 ? Math.sign(d) * Math.max(Math.abs(d) - 0.5, 0) / Math.sqrt(variance) : 0;
  const p = Math.min(1, erfc(Math.abs(zc) / Math.SQRT2));
  console.log(`${name}: n1=${n1} n2=${b.length} U1=${u1} U2=${n1 * b.length - u1} mean=${mean} var=${variance.toPrecision(12)} z=${zc.toPrecision(10)} p=${p.toPrecision(10)} r=${(Math.abs(zc) / Math.sqrt(n)).toPrecision(10)} exact_p=${ext.toPrecision(10)} (${cnt} splits)`);
}
reference('likert_ties', [1, 2, 2, 3, 3, 3, 4], [2, 3, 4, 4, 4, 5, 5, 5]);
reference('unequal', [3, 3, 4, 2, 5], [4, 5, 5, 4, 3, 5, 4, 5, 5, 2, 4]);
reference('identical', [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
reference('no_ties', [19, 22, 16, 29, 24], [20, 11, 17, 12]);
reference('separated', [1, 1, 2, 2, 2, 1], [4, 5, 5, 4, 5, 4]);
