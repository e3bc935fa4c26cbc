// The computer's reason for an answer on the screens (issue 20): said from the engine's data in the viewer's language,
// the same words as the record's sentence in English; a sentence the engine gives no data for is shown as the
// record's own words, in both languages; a person's words stay as typed.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerReason, answerWhyText } from '../../src/present/answer-why.ts';
import { dealReasonBy, lookupDealTexts } from '../../src/present/deals.presenter.ts';
import { loadLanguage, withLanguage } from '../../src/present/i18n/i18n.ts';
import { Lookup } from '../../src/present/lookup.ts';
import { dealsSection } from '../../src/present/report-deals.ts';
import {
  dealReasonShown,
  dealTexts,
  dealLine as roomDealLine,
} from '../../src/present/room-deals.presenter.ts';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { loadScenarioLocale } from '../../src/scenario/locale-dir.ts';
import { localizeScenario } from '../../src/scenario/localize.ts';
import { nextCommand } from '../../src/session/session-rules.ts';
import type { AgreementView } from '../../src/sim/agreements.ts';
import { type AnswerWhy, answerSentence } from '../../src/sim/answer-why.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';
import { reportData } from '../../src/sim/report.ts';
import { viewFor } from '../../src/sim/view.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';

let c: CompiledScenario;
let ar: CompiledScenario;
let items: AgreementView[];
let game: LiveGame;
beforeAll(async () => {
  await loadLanguage('ar-IQ');
  await loadLanguage('en');
  const loaded = await loadScenarioDir('scenarios/baghdad-2021');
  if (!loaded.ok) throw new Error('the bundled scenario does not load');
  c = compileScenario(loaded.scenario);
  const locale = await loadScenarioLocale('scenarios/baghdad-2021', 'ar-IQ', loaded.scenario);
  ar = compileScenario(localizeScenario(loaded.scenario, locale.texts));
  // The Prime Minister proposes two agreements; the computer accepts one and declines the other.
  game = new LiveGame(c, 11).start(['pm']);
  playTurns(game, [0], c.turnIndexById.get('statements')!);
  for (const [to, agreement] of [
    ['us', 'joint-investigation'],
    ['framework', 'recount-for-sit-ins'],
  ] as const) {
    expect(
      game.run({
        by: { seat: 'pm', as: 'person' },
        command: { type: 'agreement.propose', actor: 'pm', to, agreement },
      }),
    ).toBe(true);
    expect(game.run(nextCommand(c, game.state, false)!)).toBe(true);
  }
  items = viewFor(c, game.state, 'pm').agreements!;
});

const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[A-Za-z]/;
const label = (on: CompiledScenario) => (id: string) => on.indicatorById.get(id)?.label.text ?? id;

/** A proposal as the solo game's panel words it: the one deal line, with whose its reason is in words. */
function soloLine(item: AgreementView, lookup: Lookup) {
  const line = roomDealLine(item, lookupDealTexts(lookup), 'pm');
  return { ...line, reasonBy: dealReasonBy(line) };
}

describe('the computer’s reason, said in the viewer’s language', () => {
  it('in English is word for word the record’s sentence, for every kind of reason', () => {
    const moves = [
      { indicator: 'streetAnger', up: false },
      { indicator: 'internationalBacking', up: true },
    ];
    const keys: AnswerWhy['key'][] = [
      'accept-stance',
      'accept-goals',
      'accept-goals-reserve',
      'decline-goals',
      'decline-stance',
      'decline-nothing',
    ];
    for (const key of keys) {
      for (const m of [moves.slice(0, 1), moves]) {
        const why = { key, moves: key.includes('goals') ? m : [] };
        expect(answerWhyText(why, label(c))).toBe(answerSentence(c, why));
      }
    }
  });

  it('in Arabic is Arabic, names the indicators by their Arabic labels, and holds no English word', () => {
    for (const item of items) {
      const text = withLanguage('ar-IQ', () => answerWhyText(item.why!, label(ar)));
      expect(text).toMatch(ARABIC);
      expect(text).not.toMatch(LATIN);
      for (const m of item.why!.moves) expect(text).toContain(label(ar)(m.indicator));
    }
    const declined = withLanguage('ar-IQ', () => answerWhyText(items[1]!.why!, label(ar)));
    expect(declined).toMatch(/^رفض: /);
    expect(declined).toContain('انخفاض');
  });

  it('on the solo deals panel and the room’s panel: the reason in the language, who gave it', () => {
    const lookupAr = new Lookup(ar.scenario);
    const solo = withLanguage('ar-IQ', () => soloLine(items[0]!, lookupAr));
    expect(solo.reason).toMatch(/^قَبِل: /);
    expect(solo.reasonBy).toBe('سببه، بحسب أهدافه هو:');
    const soloEn = soloLine(items[0]!, new Lookup(c.scenario));
    expect(soloEn.reason).toBe(items[0]!.answer!.reason);
    expect(soloEn.reasonBy).toBe('Its reason, weighed by its own goals:');
    const room = withLanguage('ar-IQ', () => roomDealLine(items[1]!, dealTexts(ar), 'pm'));
    expect(room.reason).toMatch(/^رفض: /);
    expect(roomDealLine(items[1]!, dealTexts(c), 'pm').reason).toBe(items[1]!.answer!.reason);
  });

  it('gives a sentence the engine gives no data for as the record’s words, in both languages', () => {
    const old: AgreementView = {
      ...items[1]!,
      answer: { ...items[1]!.answer!, reason: 'Declined: an older wording.' },
    };
    delete old.why;
    expect(answerReason(old, label(c))).toEqual({ text: 'Declined: an older wording.', by: 'record' });
    const solo = withLanguage('ar-IQ', () => soloLine(old, new Lookup(ar.scenario)));
    expect(solo).toMatchObject({
      reason: 'Declined: an older wording.',
      reasonBy: 'سببه، بنصّ السجلّ بالإنجليزية كما دُوِّن:',
    });
    expect(soloLine(old, new Lookup(c.scenario)).reasonBy).toBe("Its reason, in the record's words:");
    const room = withLanguage('ar-IQ', () => roomDealLine(old, dealTexts(ar), 'pm'));
    const shown = withLanguage('ar-IQ', () => dealReasonShown(room));
    expect(shown).toContain('بنصّ السجلّ');
    expect(shown).toContain('Declined: an older wording.');
    // A person's words are theirs, as typed, in any language.
    const typed: AgreementView = {
      ...old,
      answer: { ...old.answer!, by: 'person', reason: 'We keep the channel open.' },
    };
    expect(withLanguage('ar-IQ', () => answerReason(typed, label(ar)))).toEqual({
      text: 'We keep the channel open.',
      by: 'person',
    });
  });

  it('in the printed report: in English as before, in Arabic from the data', () => {
    const data = reportData(c, game.state, game.record);
    const esc = (s: string | number) => String(s);
    const en = dealsSection(c.scenario, data, esc);
    expect(en).toContain(items[0]!.answer!.reason!);
    expect(en).toContain(items[1]!.answer!.reason!);
    const inArabic = withLanguage('ar-IQ', () => dealsSection(ar.scenario, data, esc));
    expect(inArabic).not.toContain(items[0]!.answer!.reason!);
    expect(inArabic).toContain('قَبِل: ');
    expect(inArabic).toContain('رفض: ');
  });
});
