import { describe, expect, it } from 'vitest';
import { Scenario as ScenarioSchema } from '../../src/scenario/schema.ts';
import { createGame } from '../../src/sim/game.ts';
import { restoreGame, restoreGameFromJson, SaveError, saveGame, saveGameJson } from '../../src/sim/save.ts';
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
    expect(viewFor(a.snapshot, 'gov')).toEqual(viewFor(game.snapshot, 'gov'));
    expect(JSON.parse(saveGameJson(game))).toEqual(JSON.parse(JSON.stringify(saveGame(game))));
  });

  it('restores a file that was reformatted, and refuses one that was edited', () => {
    const pretty = JSON.stringify(JSON.parse(saveGameJson(midGame())), null, 2);
    expect(restoreGameFromJson(miniScenario, pretty).turn).toBe(1);
    const edited = pretty.replace(/"order": (\d+)/, (_, n) => `"order": ${Number(n) + 1}`);
    expect(edited).not.toBe(pretty);
    expect(refused(edited)).toBe('This save is damaged: its checksum does not match.');
  });

  it('refuses damaged, foreign and outdated documents with one sentence each', () => {
    const json = saveGameJson(midGame());
    expect(refused(json.slice(0, json.length / 2))).toBe('This save is damaged: it is not valid JSON.');
    expect(refused('{"hello": 1}')).toBe('This is not a Crisis Table saved game.');
    expect(refused(json.replace('"version":1', '"version":0'))).toBe(
      'This save is format version 0; this game reads version 1.',
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
