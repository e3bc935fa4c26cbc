import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/sim/compile.ts';
import { applyCommand } from '../../src/sim/engine.ts';
import { readRecord, replay } from '../../src/sim/record.ts';
import { MAX_SAVE_CHARS, restoreSave, SaveError, saveJson } from '../../src/sim/save.ts';
import { holderOf } from '../../src/sim/state.ts';
import { viewFor } from '../../src/sim/view.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { LiveGame, playTurns, resolveEntry } from '../helpers/play.ts';

const c = compileScenario(miniScenario);
const known = (id: string) => (id === 'mini' ? c : undefined);
const midGame = () => playTurns(new LiveGame(c, 4).start(['gov']), [1, 2], 1);
const fixture = (name: string) => readFileSync(`tests/fixtures/saves/${name}.json`, 'utf8');

function refused(json: string): string {
  try {
    restoreSave(json, known);
  } catch (e) {
    expect(e).toBeInstanceOf(SaveError);
    return (e as Error).message;
  }
  throw new Error('the save was accepted');
}

describe('a save is the record', () => {
  it('holds the scenario, the seed and the commands, and restores the same state', () => {
    const game = midGame();
    const json = saveJson(game.record);
    const doc = JSON.parse(json);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'scenario', 'seed', 'checksum', 'entries']);
    expect(doc.entries).toEqual(game.record.entries);
    const back = restoreSave(json, known);
    expect(back.state).toEqual(game.state);
    expect(back.migrated).toBe(false);
    expect(viewFor(c, back.state, 'gov')).toEqual(viewFor(c, game.state, 'gov'));
  });

  it('restores a reformatted file, and refuses an edited one', () => {
    const pretty = JSON.stringify(JSON.parse(saveJson(midGame().record)), null, 2);
    expect(restoreSave(pretty, known).state.world.turn).toBe(1);
    const edited = pretty.replace('"option": "', '"option": "x');
    expect(edited).not.toBe(pretty);
    expect(refused(edited)).toBe('This save is damaged: its checksum does not match.');
    // The seed is sealed too: another seed would replay as another game.
    const reseeded = pretty.replace(/"seed": (\d+)/, (_, n) => `"seed": ${Number(n) + 1}`);
    expect(reseeded).not.toBe(pretty);
    expect(refused(reseeded)).toBe('This save is damaged: its checksum does not match.');
  });

  it('checks what is inside even when the checksum was made to match', () => {
    const game = midGame();
    const record = structuredClone(game.record);
    const submit = record.entries.findIndex((e) => e.command.type === 'decision.submit');
    record.entries[submit] = {
      by: { seat: 'gov', as: 'person' },
      command: { type: 'decision.submit', actor: 'gov', option: 'no-such-option' },
    };
    expect(refused(saveJson(record))).toMatch(
      /^This save is damaged: command \d+ \(turn 1\) is refused: no-such-option is not open to gov now/,
    );
    const taken = structuredClone(game.record);
    taken.entries.push({ by: { seat: 'militia', as: 'person' }, command: resolveEntry.command });
    expect(refused(saveJson(taken))).toMatch(
      /command \d+ \(turn 2\) is refused: Only the facilitator may do this/,
    );
  });

  it('refuses, each in one sentence: not a save, another scenario, another edition, bad fields, too big, too deep', () => {
    const doc = JSON.parse(saveJson(midGame().record));
    expect(refused('{')).toBe('This save is damaged: it is not valid JSON.');
    expect(refused('[]')).toBe('This is not a Crisis Table saved game.');
    expect(refused(JSON.stringify({ ...doc, scenario: { ...doc.scenario, id: '../../etc' } }))).toBe(
      'This save is of a scenario this game does not have (../../etc).',
    );
    expect(refused(JSON.stringify({ ...doc, scenario: { ...doc.scenario, digest: '00000000' } }))).toBe(
      "The scenario's content has changed since this save was made (mini 1.0.0).",
    );
    expect(refused(JSON.stringify({ ...doc, version: '1' }))).toBe(
      'This save is format version "1"; this game reads version 1.',
    );
    expect(refused(JSON.stringify({ ...doc, seed: -1 }))).toMatch(/^This save is damaged: seed: /);
    expect(refused(JSON.stringify({ ...doc, entries: [{ by: { seat: 'gov' }, command: {} }] }))).toMatch(
      /^This save is damaged: entries\.0\./,
    );
    expect(refused('x'.repeat(MAX_SAVE_CHARS + 1))).toMatch(/far too large/);
    expect(refused(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/^This (save is damaged|is not)/);
  });

  it('a record read from outside has its scenario resolved only among the known ones', () => {
    const doc = JSON.parse(saveJson(midGame().record));
    const asked: string[] = [];
    expect(() =>
      readRecord({ ...doc, scenario: { ...doc.scenario, id: '/etc' } }, (id) => {
        asked.push(id);
        return undefined;
      }),
    ).toThrow('This record is of a scenario this game does not have (/etc).');
    expect(asked).toEqual(['/etc']);
  });
});

describe('saves of format version 2 are carried over', () => {
  it('a game in progress goes on from where it was', () => {
    const back = restoreSave(fixture('mini-mid-game'), known);
    expect(back.migrated).toBe(true);
    const old = JSON.parse(fixture('mini-mid-game'));
    expect(back.state.world.turn).toBe(old.savedTurn);
    expect(back.state.world.indicators).toEqual(old.snapshot.context.world.indicators);
    expect(holderOf(back.state, 'gov')).toBe('person');
    expect(back.state.offers.gov?.options.length).toBeGreaterThan(0);
    expect(restoreSave(saveJson(back.record), known).state).toEqual(back.state);
  });

  it('an ended game keeps its outcome', () => {
    const back = restoreSave(fixture('mini-ended'), known);
    const old = JSON.parse(fixture('mini-ended'));
    expect(back.state.phase).toBe('ended');
    expect(back.state.world.outcome?.id).toBe(old.outcome);
    expect(back.state.world.log.map((d) => [d.turn, d.actor, d.option])).toEqual(
      old.log.map((d: { turn: number; actor: string; option: string }) => [d.turn, d.actor, d.option]),
    );
  });

  it('a game whose seat changed hands replays (it once threw "militia is not played by a person")', () => {
    const back = restoreSave(fixture('mini-seat-handed'), known);
    expect(holderOf(back.state, 'militia')).toBe('computer');
    const seatChanges = back.record.entries.filter((e) => e.command.type === 'seat.set');
    expect(seatChanges.map((e) => e.command)).toEqual([
      { type: 'seat.set', actor: 'gov', holder: 'person' },
      { type: 'seat.set', actor: 'militia', holder: 'person' },
      { type: 'seat.set', actor: 'militia', holder: 'computer' },
    ]);
    expect(back.state.world.log.find((d) => d.turn === 1 && d.actor === 'militia')?.by).toBe('computer');
    expect(replay(c, back.record)).toEqual(back.state);
  });

  it('a Baghdad game saved by the previous version goes on, across this edition’s added data', async () => {
    const { loadScenarioDir } = await import('../../src/scenario/load-dir.ts');
    const loaded = await loadScenarioDir('scenarios/baghdad-2021');
    if (!loaded.ok) throw new Error('scenarios/baghdad-2021 does not load');
    const baghdad = compileScenario(loaded.scenario);
    const old = JSON.parse(fixture('baghdad-2021-turn-4'));
    expect(old.scenario.digest).not.toBe(baghdad.digest);
    const back = restoreSave(fixture('baghdad-2021-turn-4'), () => baghdad);
    expect(back.migrated).toBe(true);
    expect(back.state.world.turn).toBe(3);
    expect(back.state.world.indicators).toEqual(old.snapshot.context.world.indicators);
    expect(holderOf(back.state, 'pm')).toBe('person');
  });

  it('refuses a damaged version-2 save in one sentence', () => {
    const text = fixture('mini-mid-game').replace('"by":"human"', '"by":"computer"');
    expect(refused(text)).toBe('This save is damaged: its checksum does not match.');
    // An earlier edition whose rules differ: the save's decisions no longer lead to the world it holds.
    const edited = structuredClone(miniScenario);
    for (const option of edited.decisions[0]!.options) option.effects = [{ add: { order: 7 } }];
    const otherRules = compileScenario(edited);
    expect(() => restoreSave(fixture('mini-mid-game'), () => otherRules)).toThrow(
      'This save was made with another edition of mini (1.0.0).',
    );
  });

  it('carries over a save of an earlier edition whose rules did not change (texts corrected, data added)', () => {
    const retold = structuredClone(miniScenario);
    retold.turns[0]!.summary = { text: 'First, told better', invention: true };
    const later = compileScenario(retold);
    expect(later.digest).not.toBe(c.digest);
    const back = restoreSave(fixture('mini-mid-game'), () => later);
    expect(back.record.scenario.digest).toBe(later.digest);
    expect(back.state.world.turn).toBe(1);
  });
});

describe('the game goes on after a restore', () => {
  it('accepts the next command as the uninterrupted game does', () => {
    const game = midGame();
    const back = restoreSave(saveJson(game.record), known);
    const entry = {
      by: { seat: 'gov', as: 'person' as const },
      command: { type: 'decision.submit' as const, actor: 'gov', option: game.state.offers.gov!.options[0]! },
    };
    expect(applyCommand(c, back.state, entry)).toEqual(applyCommand(c, game.state, entry));
  });
});
