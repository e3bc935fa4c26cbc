// The i18n module (src/present/i18n/i18n.ts): which language a device starts in, strings with placeholders and
// plurals in English and Iraqi Arabic, and numbers, signs and dates in the language's own forms.
import { afterAll, describe, expect, it } from 'vitest';
import {
  direction,
  formatDate,
  formatNumber,
  isolate,
  language,
  loadLanguage,
  pickLanguage,
  t,
} from '../../src/present/i18n/i18n.ts';

afterAll(() => loadLanguage('en'));

describe('the language a device starts in', () => {
  it('is the stored choice first', () => {
    expect(pickLanguage('ar-IQ', ['en-GB'])).toBe('ar-IQ');
    expect(pickLanguage('en', ['ar-IQ'])).toBe('en');
  });

  it('else the first browser language the game speaks: any Arabic is Iraqi Arabic', () => {
    expect(pickLanguage(null, ['ar-EG', 'en'])).toBe('ar-IQ');
    expect(pickLanguage(undefined, ['fr-FR', 'AR', 'en'])).toBe('ar-IQ');
    expect(pickLanguage('klingon', ['de', 'en-US', 'ar'])).toBe('en');
  });

  it('else English', () => {
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage(null, ['fr', 'de'])).toBe('en');
  });
});

describe('strings by key', () => {
  it('in English, with the saved role and turn filled in', async () => {
    await loadLanguage('en');
    expect(language()).toBe('en');
    expect(direction()).toBe('ltr');
    expect(t('title.newGame')).toBe('New game');
    expect(t('title.continueAs', { role: 'the Sadrists', turn: 3 })).toBe('Continue as the Sadrists, turn 3');
    expect(t('seat.devicesHere', { count: 2 })).toBe(' (2 here)');
    expect(isolate('KQTWMB')).toBe('KQTWMB');
  });

  it('in Iraqi Arabic, right to left, with Arabic-Indic digits and the six plural forms', async () => {
    await loadLanguage('ar-IQ');
    expect(direction()).toBe('rtl');
    expect(t('title.newGame')).toBe('لعبة جديدة');
    // A text put into the sentence is isolated, so that a name in English (or a date, a code) keeps its order.
    expect(t('title.continueAs', { role: 'رئيس الوزراء', turn: 3 })).toBe(
      'المتابعة بدور \u2068رئيس الوزراء\u2069، الجولة ٣',
    );
    expect(t('title.continueAs', { role: 'Prime Minister', turn: 3 })).toBe(
      'المتابعة بدور \u2068Prime Minister\u2069، الجولة ٣',
    );
    // Once only: a value the caller isolated already is not wrapped again.
    expect(t('title.continueAs', { role: isolate('PM'), turn: 3 })).toBe(
      'المتابعة بدور \u2068PM\u2069، الجولة ٣',
    );
    expect(t('seat.devicesHere', { count: 1 })).toBe(' (جهاز واحد هنا)');
    expect(t('seat.devicesHere', { count: 2 })).toBe(' (جهازان هنا)');
    expect(t('seat.devicesHere', { count: 3 })).toBe(' (٣ أجهزة هنا)');
    expect(t('seat.devicesHere', { count: 11 })).toBe(' (١١ جهازًا هنا)');
    expect(t('seat.devicesHere', { count: 100 })).toBe(' (١٠٠ جهاز هنا)');
    // A join code keeps its own order inside the Arabic sentence.
    expect(isolate('KQTWMB')).toBe('\u2068KQTWMB\u2069');
  });
});

describe('numbers and dates', () => {
  it('in English as before', async () => {
    await loadLanguage('en');
    expect(formatNumber(1250.5)).toBe('1,250.5');
    expect(formatNumber(-5, { signed: true })).toBe('-5');
    expect(formatNumber(5, { signed: true })).toBe('+5');
    expect(formatNumber(1.25, { percent: true })).toBe('125%');
    expect(formatDate(new Date('2021-11-07T12:00:00Z'))).toBe('November 7, 2021');
  });

  it('in Iraqi Arabic: Arabic-Indic digits, the sign marked so that "-5" does not read "5-", Iraqi months', async () => {
    await loadLanguage('ar-IQ');
    expect(formatNumber(1250.5)).toBe('١٬٢٥٠٫٥');
    const minus = formatNumber(-5, { signed: true });
    // The Arabic letter mark (U+061C) before the sign keeps it on the number's right-to-left start.
    expect(minus).toMatch(/^\u061c-٥$/);
    expect(formatDate(new Date('2021-11-07T12:00:00Z'))).toContain('تشرين الثاني');
    expect(formatDate(new Date('2021-11-07T12:00:00Z'))).toContain('٢٠٢١');
  });
});
