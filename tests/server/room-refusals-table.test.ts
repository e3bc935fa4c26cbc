// The room's refusal table (issue 20): every key is said in English and in Arabic, each placeholder filled, and the
// English of each sentence the room writes names what it was given, as the log's sentence does.
import { beforeAll, describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/present/i18n/i18n.ts';
import {
  isRoomSaid,
  type RoomRefusalKey,
  roomRefusals,
  roomSaidText,
} from '../../src/server/room-refusals.ts';
import { joinLanguage, parseJoin, refuse, seatRefusal } from '../../src/server/room-rules.ts';
import { IDS_AS_NAMES, loadBothLanguages } from '../helpers/refusal-said.ts';

const ARABIC = /[\u0621-\u064a]/;
/** One value of every parameter the room's refusals name. */
const PARAMS = { room: 'KQXZTB', seat: 'pm', device: 'd-1a2b', type: 'view.zz' };

beforeAll(loadBothLanguages);

describe("the room's refusal table", () => {
  it('says every key in English and in Arabic, each with what it names', () => {
    for (const key of Object.keys(roomRefusals) as RoomRefusalKey[]) {
      const said = { key, params: PARAMS };
      const english = withLanguage('en', () => roomSaidText(said, IDS_AS_NAMES));
      const arabic = withLanguage('ar-IQ', () => roomSaidText(said, IDS_AS_NAMES));
      for (const text of [english, arabic]) {
        expect(text, key).not.toContain('{{');
        expect(text, key).not.toContain('refusal.');
      }
      expect(english, key).not.toMatch(ARABIC);
      expect(arabic, key).toMatch(ARABIC);
      // A sentence that names a parameter names it in both languages.
      for (const value of Object.values(PARAMS))
        expect(arabic.includes(value), `${key}: ${value}`).toBe(english.includes(value));
    }
  });

  it("keeps the log's English sentence word for word, and cleans what a client sent", () => {
    const room = {
      code: 'KQXZTB',
      seats: { pm: 'person' as const },
      seatKeys: null,
      locked: new Set(['pm']),
    };
    const refusals = [
      seatRefusal(room, 'framework', undefined),
      seatRefusal(room, 'pm', undefined),
      parseJoin({ role: 'nobody' }, { ...room, keyHash: '', devices: new Map() }),
    ];
    for (const r of refusals) {
      if (!r || !('refused' in r) || !r.said || !isRoomSaid(r.said)) throw new Error('not a room refusal');
      const said = r.said;
      expect(withLanguage('en', () => roomSaidText(said, IDS_AS_NAMES))).toBe(r.message);
    }
    const sent = refuse('no-device', 'There is no device x\u202ey here.', 'room.no-device', {
      device: 'x\u202ey',
    });
    expect(sent.said?.params).toEqual({ device: 'x y' });
  });

  it('hears the language a joining device asked for, English for any other', () => {
    expect(joinLanguage({ role: 'student', language: 'ar-IQ' })).toBe('ar-IQ');
    expect(joinLanguage({ role: 'facilitator', language: 'en', deviceLanguage: 'ar-IQ' })).toBe('ar-IQ');
    expect(joinLanguage({ role: 'student', language: 'fr' })).toBe('en');
    expect(joinLanguage(null)).toBe('en');
  });
});
