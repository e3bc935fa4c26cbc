// The solo half of the game flow renders each state of the session once: a second New game (a double click, or clicks
// queued while the scenario loaded) shows the choice of perspective once, not again for nothing (issue 18).
import { describe, expect, it } from 'vitest';
import type { GameAudio } from '../../src/audio/deferred-audio.ts';
import * as presenters from '../../src/game/play-presenters.ts';
import * as session from '../../src/game/session/session-module.ts';
import { type ScreenKind, SoloFlow, type SoloHost } from '../../src/game/solo-flow.ts';
import type { ScreenModel } from '../../src/present/screens.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

function host() {
  const shown: ScreenModel[] = [];
  const updated: ScreenModel[] = [];
  let current: ScreenKind = 'title';
  const silent = new Proxy({}, { get: () => () => undefined }) as GameAudio;
  const h: SoloHost = {
    audio: silent,
    announce: () => {},
    storage: () => undefined,
    get shown() {
      return current;
    },
    showTitle: () => {
      current = 'title';
    },
    show: (model) => {
      current = model.kind;
      shown.push(model);
    },
    update: (model) => updated.push(model),
    retitle: () => {},
    refusedElsewhere: () => false,
    fail: (error) => {
      throw error;
    },
  };
  return { h, shown, updated };
}

describe('the solo flow', () => {
  it('shows the choice of perspective once for two New game clicks, before and after the scenario has loaded', async () => {
    const page = host();
    const flow = new SoloFlow(page.h, session, presenters, miniScenario);
    // Both clicks queue in the session while its scenario loads (a promise, a microtask away).
    flow.send({ type: 'new-game' });
    flow.send({ type: 'new-game' });
    await new Promise((r) => setTimeout(r, 0));
    flow.send({ type: 'new-game' });
    expect(page.shown.map((m) => m.kind)).toEqual(['perspective']);
    expect(page.updated).toEqual([]);
    // A change the screen does show is still an update.
    flow.send({ type: 'pick-perspective', actorId: miniScenario.actors.find((a) => a.playable)!.id });
    expect(page.updated.map((m) => m.kind)).toEqual(['perspective']);
    flow.stop();
  });
});
