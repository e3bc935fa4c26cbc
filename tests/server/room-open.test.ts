// Opening a room (issue 20): the open-room page shows the server's sentence as it comes, so each refusal of a new
// room's options is said in the facilitator's device's language, its English the sentence the log always had.
import { ServerError } from '@colyseus/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { withLanguage } from '../../src/present/i18n/i18n.ts';
import { type OpenRefusalKey, openingOf, openRefusals } from '../../src/server/room-open.ts';
import type { ScenarioInLanguage, ScenarioLanguages } from '../../src/server/scenarios.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { saveJson } from '../../src/sim/save.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';
import { arabicNames, loadBothLanguages } from '../helpers/refusal-said.ts';

// A record over 6,000 bytes is "too large" here (an ended game's is about 7,000), so that the test need not build a
// game of 4 MB.
vi.mock('../../src/sim/limits.ts', async (original) => ({
  ...(await original<typeof import('../../src/sim/limits.ts')>()),
  MAX_RECORD_BYTES: 206_000,
  SEAT_RESERVE_BYTES: 200_000,
}));

const ARABIC = /[\u0621-\u064a]/;
let c: CompiledScenario;
let scenarios: Map<string, CompiledScenario>;
let languages: ScenarioLanguages;
let presidentInArabic: string;

beforeAll(async () => {
  await loadBothLanguages();
  c = await bundledScenario();
  scenarios = new Map([[c.scenario.meta.id, c]]);
  const lookup = await arabicNames('scenarios/baghdad-2021', c);
  presidentInArabic = lookup.actorName('president');
  const arabic = { c, lookup } as unknown as ScenarioInLanguage;
  languages = new Map([[c.scenario.meta.id, new Map([['ar-IQ', arabic]])]]) as ScenarioLanguages;
});

const OPTIONS = {
  role: 'facilitator',
  scenario: 'baghdad-2021',
  seed: 3,
  seats: { pm: 'person', framework: 'computer' },
  autoResolve: true,
  key: 'facilitator-key-0123456789',
  language: 'en',
};

/** The refusal of opening with `options`, from a device that reads `deviceLanguage`. */
function refusedWith(options: Record<string, unknown>, deviceLanguage: 'en' | 'ar-IQ'): ServerError {
  try {
    openingOf({ ...options, deviceLanguage }, scenarios, languages);
  } catch (e) {
    expect(e).toBeInstanceOf(ServerError);
    return e as ServerError;
  }
  throw new Error(`opened with ${JSON.stringify(options)}`);
}

describe('opening a room', () => {
  it('takes good options, the seats entered as the facilitator’s commands after any fork', () => {
    const opened = openingOf(OPTIONS, scenarios, languages);
    expect(opened.options.seed).toBe(3);
    expect(opened.forkedAt).toBe(0);
    expect(opened.record.entries.map((e) => e.command)).toEqual([
      { type: 'seat.set', actor: 'pm', holder: 'person' },
      { type: 'seat.set', actor: 'framework', holder: 'computer' },
    ]);
  });

  it('refuses each kind of bad opening in the device’s language, the English as the log has it', async () => {
    const origin = playTurns(new LiveGame(c, 17).start(['pm']), [0, 1]);
    const cases: [Record<string, unknown>, number, RegExp, OpenRefusalKey][] = [
      [{ ...OPTIONS, seed: -1 }, 400, /^These are not the options of a new room\.$/, 'options-malformed'],
      [
        { ...OPTIONS, scenario: 'nowhere' },
        400,
        /^There is no scenario nowhere on this server\.$/,
        'no-scenario',
      ],
      [
        { ...OPTIONS, fork: { record: 'not json', turn: 2 } },
        400,
        /^The game to play on from cannot be read: .+/,
        'fork-unreadable',
      ],
      [
        { ...OPTIONS, fork: { record: saveJson(origin.record), turn: 2 } },
        400,
        /^The game to play on from is too large to open as a room\.$/,
        'fork-too-large',
      ],
    ];
    expect(saveJson(origin.record).length).toBeGreaterThan(6_000);
    for (const [options, status, english, key] of cases) {
      const inEnglish = refusedWith(options, 'en');
      expect(inEnglish.code, key).toBe(status);
      expect(inEnglish.message, key).toMatch(english);
      expect(inEnglish.message, key).not.toMatch(ARABIC);
      const inArabic = refusedWith(options, 'ar-IQ');
      expect(inArabic.code, key).toBe(status);
      expect(inArabic.message, key).toMatch(ARABIC);
      expect(inArabic.message, key).not.toContain('{{');
    }
  });

  it('says an engine refusal of a seat with the seat named as the device reads it', () => {
    const seats = { pm: 'person', president: 'person' };
    expect(refusedWith({ ...OPTIONS, seats }, 'en').message).toBe(
      "president is not a playable actor's seat.".replace(
        'president',
        c.actorById.get('president')!.name.text,
      ),
    );
    const inArabic = refusedWith({ ...OPTIONS, seats }, 'ar-IQ').message;
    expect(inArabic).toMatch(ARABIC);
    expect(inArabic).toContain(presidentInArabic);
  });

  it('has an English and an Arabic sentence for every key', () => {
    for (const key of Object.keys(openRefusals) as OpenRefusalKey[]) {
      const params = { scenario: 'nowhere', why: 'x' };
      const english = withLanguage('en', () => openRefusals[key](params));
      const arabic = withLanguage('ar-IQ', () => openRefusals[key](params));
      expect(english, key).not.toMatch(ARABIC);
      expect(arabic, key).toMatch(ARABIC);
      for (const text of [english, arabic]) expect(text, key).not.toContain('{{');
    }
  });
});
