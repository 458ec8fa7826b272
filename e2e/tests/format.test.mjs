// The PWA's money and date formats (pwa/src/lib/format.js) give the same
// text as the server's internal/msg (the cases of its TestMoney and
// TestDates), in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money, group, date, clock, dateTime, whole } from '../../pwa/src/lib/format.js';

test('money as the server writes it', () => {
  const cases = [
    ['id', 552000, 'Rp552.000'], ['en', 552000, 'Rp552,000'], ['id', 0, 'Rp0'], ['en', 999, 'Rp999'],
    ['id', 1000, 'Rp1.000'], ['en', 3500000, 'Rp3,500,000'], ['id', -42600, '-Rp42.600'], ['', 600000, 'Rp600.000'],
  ];
  for (const [l, n, want] of cases) assert.equal(money(n, l), want, `${l} ${n}`);
  assert.equal(group(1234567, 'en'), '1,234,567');
  assert.equal(group(1234567, 'id'), '1.234.567');
});

test('dates and times in WIB as the server writes them', () => {
  const morning = '2026-12-21T02:00:00Z'; // 09.00 WIB
  const lateUTC = '2026-12-20T18:30:00Z'; // 01.30 WIB the next day
  assert.equal(date(morning, 'id'), '21 Desember 2026');
  assert.equal(date(morning, 'en'), '21 December 2026');
  assert.equal(date(lateUTC, 'id'), '21 Desember 2026');
  assert.equal(clock(morning, 'id'), 'pukul 09.00 WIB');
  assert.equal(clock(morning, 'en'), '9:00 WIB');
  assert.equal(dateTime(lateUTC, 'id'), '21 Desember 2026 pukul 01.30 WIB');
  assert.equal(dateTime(lateUTC, 'en'), '21 December 2026, 1:30 WIB');
  assert.equal(date('2027-05-01', 'id'), '1 Mei 2027'); // a date-only value (midnight UTC) keeps its day
  assert.equal(date('', 'id'), '');
});

test('whole numbers typed as each language writes them', () => {
  const cases = [
    ['id', '1.500.000', 1500000], ['en', '1,500,000', 1500000], ['id', ' 250 000 ', 250000], ['en', '42', 42],
    ['id', '1,5', NaN], ['en', '1.5', NaN], ['id', '', NaN], ['en', 'abc', NaN], ['id', '-3', -3],
  ];
  for (const [l, s, want] of cases) assert.equal(whole(s, l), want, `${l} ${JSON.stringify(s)}`);
});
