// withLanguage: the classroom server builds a view in a device's language by switching the current language for that
// build only; the words, the digits and the isolation follow it, and the language before comes back, even after a
// build that throws.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, language, loadLanguage, t, withLanguage } from '../../src/present/i18n/i18n.ts';

beforeAll(async () => {
  await loadLanguage('ar-IQ');
  await loadLanguage('en');
});

describe('withLanguage', () => {
  it('builds in the language asked for, then puts the language back', () => {
    const built = withLanguage('ar-IQ', () => ({
      line: t('seatStatus.deciding'),
      number: formatNumber(12),
      language: language(),
    }));
    expect(built).toEqual({ line: 'فريقك يتداول القرار.', number: '١٢', language: 'ar-IQ' });
    expect([t('seatStatus.deciding'), formatNumber(12), language()]).toEqual([
      'Your team is deciding.',
      '12',
      'en',
    ]);
    // An English word inside an Arabic sentence is isolated there, and only there.
    expect(withLanguage('ar-IQ', () => t('seatStatus.decided', { option: 'Call for calm' }))).toContain(
      '\u2068Call for calm\u2069',
    );
    expect(t('seatStatus.decided', { option: 'Call for calm' })).not.toContain('\u2068');
  });

  it('puts the language back after a build that throws', () => {
    expect(() =>
      withLanguage('ar-IQ', () => {
        throw new Error('a build failed');
      }),
    ).toThrow('a build failed');
    expect(language()).toBe('en');
    expect(t('seatStatus.waiting')).toBe('Waiting for the turn to resolve.');
  });
});

// `t` keeps what it gave (issue 18: the server asks for the same words in every seat's view): what it keeps must be
// told apart by language, key, variable names, values and their types, and never outlive a language's strings.
describe('what t keeps', () => {
  it('gives each language, variable and value its own string, the same way every time', () => {
    const ask = () => [
      t('turn.counselOthers', { count: 1 }),
      t('turn.counselOthers', { count: 2 }),
      t('turn.since', { date: '7 November' }),
      t('turn.since', { date: '8 November' }),
      t('turn.since', { date: 7 }),
      t('turn.since', { date: '7' }),
      withLanguage('ar-IQ', () => t('turn.counselOthers', { count: 3 })),
      withLanguage('ar-IQ', () => t('turn.since', { date: 7 })),
    ];
    const first = ask();
    expect(first.slice(0, 4)).toEqual([
      ' and 1 other',
      ' and 2 others',
      ', since 7 November',
      ', since 8 November',
    ]);
    // A number is written in the language's digits; a string goes as it is.
    expect(first[4]).toBe(', since 7');
    expect(first[5]).toBe(', since 7');
    expect(first[6]).toContain('٣');
    expect(first[7]).toContain('٧');
    expect(first[7]).not.toBe(first[4]);
    expect(ask()).toEqual(first);
  });
});
