// A save or record refused in the device's language (issue 20): the engine gives each refusal as a key and the place
// it names, beside its English sentence (unchanged: the command line and the server read it); the screens say it by
// key, in English word for word the engine's sentence, in Arabic an Arabic line that still names the place.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, withLanguage } from '../../src/present/i18n/i18n.ts';
import { readProblemText, soloRefusalText } from '../../src/present/read-problem.ts';
import { importRecord } from '../../src/session/replay-rules.ts';
import { restoreSolo } from '../../src/session/solo-rules.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import type { ReadProblem } from '../../src/sim/read-problem.ts';
import { RecordError, readRecord } from '../../src/sim/record.ts';
import { MAX_SAVE_CHARS, restoreSave, SaveError, saveJson } from '../../src/sim/save.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';

const c = compileScenario(miniScenario);
const known = (id: string) => (id === 'mini' ? c : undefined);
const fixture = (name: string) => readFileSync(`tests/fixtures/saves/${name}.json`, 'utf8');

beforeAll(async () => {
  await loadLanguage('ar-IQ');
  await loadLanguage('en');
});

function refusal(json: string): SaveError {
  try {
    restoreSave(json, known);
  } catch (e) {
    expect(e).toBeInstanceOf(SaveError);
    return e as SaveError;
  }
  throw new Error('the save was accepted');
}

/** Saves refused for every reason the engine has, each with the place it names (when it names one). */
function damagedSaves(): { json: string; key: ReadProblem['key']; place?: string }[] {
  const game = playTurns(new LiveGame(c, 4).start(['gov']), [1, 2], 1);
  const doc = JSON.parse(saveJson(game.record));
  const wrong = structuredClone(game.record);
  const at = wrong.entries.findIndex((e) => e.command.type === 'decision.submit');
  wrong.entries[at] = {
    by: { seat: 'gov', as: 'person' },
    command: { type: 'decision.submit', actor: 'gov', option: 'no-such-option' },
  };
  const v2 = JSON.parse(fixture('mini-mid-game'));
  return [
    { json: 'x'.repeat(MAX_SAVE_CHARS + 1), key: 'save.too-large' },
    { json: '{', key: 'save.not-json' },
    { json: '[]', key: 'save.not-save' },
    { json: JSON.stringify(doc).replace('"seed":', '"seed":1'), key: 'save.checksum' },
    { json: JSON.stringify({ ...doc, version: '1' }), key: 'save.version', place: '"1"' },
    { json: JSON.stringify({ ...doc, seed: -1 }), key: 'save.damaged', place: 'seed' },
    {
      json: JSON.stringify({ ...doc, scenario: { ...doc.scenario, id: 'elsewhere' } }),
      key: 'save.unknown-scenario',
      place: 'elsewhere',
    },
    {
      json: JSON.stringify({ ...doc, scenario: { ...doc.scenario, digest: '00000000' } }),
      key: 'save.scenario-changed',
      place: 'mini',
    },
    { json: saveJson(wrong), key: 'save.command', place: 'no-such-option' },
    { json: JSON.stringify({ ...v2, version: 7 }), key: 'save.old-version', place: '7' },
    { json: fixture('mini-mid-game').replace('"by":"human"', '"by":"computer"'), key: 'save.checksum' },
  ];
}

const ARABIC = /[\u0600-\u06ff]/;

describe('a refused save, said by key', () => {
  it('gives the refusal as data beside its English sentence, which the English screen says word for word', () => {
    for (const { json, key } of damagedSaves()) {
      const e = refusal(json);
      expect(e.problem.key).toBe(key);
      expect(readProblemText(e.problem)).toBe(e.message);
    }
  });

  it('says each in Arabic in one line, naming the place', () => {
    for (const { json, place } of damagedSaves()) {
      const e = refusal(json);
      const text = withLanguage('ar-IQ', () => readProblemText(e.problem));
      expect(text).toMatch(ARABIC);
      expect(text).not.toContain('\n');
      expect(text).not.toBe(e.message);
      if (place) expect(text).toContain(place);
    }
  });

  it('names a refused command by its number and turn in Arabic digits', () => {
    const e = refusal(damagedSaves().find((s) => s.key === 'save.command')!.json);
    const { command, turn } = e.problem.params;
    expect(typeof command).toBe('number');
    const text = withLanguage('ar-IQ', () => readProblemText(e.problem));
    const arabicDigits = (n: number) => n.toLocaleString('ar-IQ');
    expect(text).toContain(arabicDigits(command as number));
    expect(text).not.toMatch(new RegExp(`\\b${command}\\b`));
    expect(text).toContain(arabicDigits(turn as number));
  });

  it('a record read alone is refused as a record, and the same problem in a save as the save', () => {
    const game = playTurns(new LiveGame(c, 4).start(['gov']), [1, 2], 1);
    const doc = JSON.parse(saveJson(game.record));
    let thrown: unknown;
    try {
      readRecord({ ...doc, scenario: { ...doc.scenario, id: 'elsewhere' } }, known);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RecordError);
    const problem = (thrown as RecordError).problem;
    expect(problem).toEqual({ key: 'record.unknown-scenario', params: { scenario: 'elsewhere' } });
    expect(readProblemText(problem)).toBe((thrown as Error).message);
    expect(withLanguage('ar-IQ', () => readProblemText(problem))).toMatch(/^هذا السجلّ لسيناريو/);
  });

  it('reaches the solo title and the replay page as data, in the device’s language', () => {
    const bad = refusal('{');
    const solo = restoreSolo('{', c);
    expect(solo).toMatchObject({ ok: false, refusal: { kind: 'save', problem: bad.problem } });
    if (solo.ok) throw new Error('restored');
    expect(soloRefusalText(solo.refusal)).toBe(solo.notice);
    expect(withLanguage('ar-IQ', () => soloRefusalText(solo.refusal))).toMatch(/ابدأ لعبة جديدة\.$/);
    const none = restoreSolo(null, c);
    if (none.ok) throw new Error('restored');
    expect(soloRefusalText(none.refusal)).toBe(none.notice);
    expect(withLanguage('ar-IQ', () => soloRefusalText(none.refusal))).toMatch(ARABIC);
    const imported = importRecord('[]', c);
    if (imported.ok) throw new Error('imported');
    expect(imported.problem).toEqual({ key: 'save.not-save', params: {} });
    expect(readProblemText(imported.problem!)).toBe(imported.notice);
  });
});
