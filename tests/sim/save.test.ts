import { describe, expect, it } from 'vitest';
import { Scenario as ScenarioSchema } from '../../src/scenario/schema.ts';
import { factionContext } from '../../src/sim/crisis.machine.ts';
import { createGame } from '../../src/sim/game.ts';
import {
  checksumOf,
  restoreGame,
  restoreGameFromJson,
  SaveError,
  saveGame,
  saveGameJson,
} from '../../src/sim/save.ts';
import { viewFor } from '../../src/sim/view.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { playTurns } from '../helpers/play.ts';

const midGame = () => playTurns(createGame(miniScenario, { seed: 4, humans: ['gov'] }), [1, 2], 1);

function refused(json: string): string {
  try {
    restoreGameFromJson(miniScenario, json);
  } catch (e) {
    expect(e).toBeInstanceOf(SaveError);
    return (e as Error).message;
  }
  throw new Error('the save was accepted');
}

describe('save documents', () => {
  it('the JSON text and the object form restore the same game', () => {
    const game = midGame();
    const a = restoreGameFromJson(miniScenario, saveGameJson(game));
    const b = restoreGame(miniScenario, saveGame(game));
    expect(a.snapshot.context).toEqual(game.snapshot.context);
    expect(b.snapshot.context).toEqual(game.snapshot.context);
    for (const actor of game.compiled.actorIds) {
      expect(factionContext(a.snapshot, actor)).toEqual(factionContext(game.snapshot, actor));
    }
    expect(viewFor(a.snapshot, 'gov')).toEqual(viewFor(game.snapshot, 'gov'));
    expect(JSON.parse(saveGameJson(game))).toEqual(JSON.parse(JSON.stringify(saveGame(game))));
  });

  it('restores a file that was reformatted, and refuses one that was edited', () => {
    const pretty = JSON.stringify(JSON.parse(saveGameJson(midGame())), null, 2);
    expect(restoreGameFromJson(miniScenario, pretty).turn).toBe(1);
    const edited = pretty.replace(/"order": (\d+)/, (_, n) => `"order": ${Number(n) + 1}`);
    expect(edited).not.toBe(pretty);
    expect(refused(edited)).toBe('This save is damaged: its checksum does not match.');
    // The log stands beside the snapshot, and the checksum covers it too.
    const json = saveGameJson(midGame());
    const choice = JSON.parse(json).log[0].option;
    const other = json.replace(`"option":"${choice}"`, `"option":"${choice}x"`);
    expect(other).not.toBe(json);
    expect(refused(other)).toBe('This save is damaged: its checksum does not match.');
  });

  it('leaves out what it can rebuild: the journal and the sight of each pending offer', () => {
    const game = midGame();
    const doc = JSON.parse(saveGameJson(game));
    expect(doc.snapshot.context.world.journal).toBeUndefined();
    expect(doc.snapshot.context.world.log).toBeUndefined();
    expect(doc.log).toEqual(game.snapshot.context.world.log);
    const children = doc.snapshot.children as Record<
      string,
      { snapshot: { context: { offer: object | null } } }
    >;
    const offers = Object.values(children).map((c) => c.snapshot.context.offer);
    expect(offers.some((o) => o !== null)).toBe(true);
    for (const offer of offers) expect(offer ?? {}).not.toHaveProperty('sight');
  });

  it('refuses damaged, foreign and outdated documents with one sentence each', () => {
    const json = saveGameJson(midGame());
    expect(refused(json.slice(0, json.length / 2))).toBe('This save is damaged: it is not valid JSON.');
    expect(refused('{"hello": 1}')).toBe('This is not a Crisis Table saved game.');
    expect(refused(json.replace('"version":2', '"version":0'))).toBe(
      'This save is format version 0; this game reads version 2.',
    );
    expect(refused(json.replace('"id":"mini"', '"id":"other"'))).toBe(
      'This save is of another scenario (other).',
    );
    const doc = JSON.parse(json);
    delete doc.log;
    expect(refused(JSON.stringify(doc))).toBe('This save is damaged: a part of it is missing.');
    for (const message of [refused(json.slice(0, 10)), refused('')])
      expect(message.split('\n')).toHaveLength(1);
  });

  it('refuses a sealed document whose snapshot is not a game, in one sentence', () => {
    const doc = { ...saveGame(midGame()), snapshot: { context: {} } };
    const resealed = { ...doc, checksum: checksumOf(doc) };
    expect(() => restoreGame(miniScenario, resealed)).toThrow(SaveError);
    expect(() => restoreGame(miniScenario, resealed)).toThrow(/^This save is damaged: [^\n]+$/);
  });

  it('refuses a save of another edition of the scenario', () => {
    const edited = ScenarioSchema.parse({
      ...miniScenario,
      meta: { ...miniScenario.meta, version: '1.0.1' },
    });
    expect(() => restoreGameFromJson(edited, saveGameJson(midGame()))).toThrow(
      /another edition of mini \(1\.0\.0\)/,
    );
  });
});
