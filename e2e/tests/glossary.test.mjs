// The plain-words glossary (docs/glossary.md) against the Indonesian
// strings: no word of its "avoid" column appears in pwa/src/i18n/id.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

// avoided reads the first column of the glossary's table.
export function avoided(md) {
  const rows = md.split('\n').filter((l) => /^\|/.test(l)).slice(2); // after the header and its rule
  return rows.map((l) => l.split('|')[1].trim()).filter(Boolean);
}

// findAvoided lists [key, word] for every string holding an avoided word
// (whole words, any case; {placeholders} count as words).
export function findAvoided(strings, words) {
  const hits = [];
  for (const [key, text] of Object.entries(strings)) {
    for (const w of words) {
      const re = new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu');
      if (re.test(text)) hits.push([key, w]);
    }
  }
  return hits;
}

test('the glossary lists the words to avoid', () => {
  const words = avoided(readFileSync(new URL('docs/glossary.md', root), 'utf8'));
  for (const w of ['Webinar', 'LMS', 'peramban', 'Kotak keluar', 'berhak', 'Perbarui pendaftaran perangkat']) {
    assert.ok(words.includes(w), `${w} missing from the glossary's avoid column`);
  }
});

test('no avoided word in the Indonesian strings', () => {
  const words = avoided(readFileSync(new URL('docs/glossary.md', root), 'utf8'));
  const id = JSON.parse(readFileSync(new URL('pwa/src/i18n/id.json', root), 'utf8'));
  assert.deepEqual(findAvoided(id, words), []);
});

test('the check finds whole words in any case, not parts of words', () => {
  const words = ['berhak', 'item', 'Kotak keluar'];
  assert.deepEqual(findAvoided({ a: 'Anda Berhak atas insentif', b: 'kotak keluar kosong', c: 'itemnya, sistem', d: 'Satu item.' }, words),
    [['a', 'berhak'], ['b', 'Kotak keluar'], ['d', 'item']]);
});
