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
