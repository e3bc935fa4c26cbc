// The title's half of the game flow on the way to New game (issue 18, "the first screen first"): New game acts
// without reading the saves (a synchronous storage read blocks the page), and a saved game the title could not offer
// yet is not replaced: the saves are read on the player's next action, before the game begins, and the game is kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameAudio } from '../../src/audio/deferred-audio.ts';
import { GameFlow } from '../../src/game/game-flow.ts';
import * as presenters from '../../src/game/play-presenters.ts';
import { bundledScenario } from '../../src/game/session/scenario-registry.ts';
import * as session from '../../src/game/session/session-module.ts';
import { SoloFlow } from '../../src/game/solo-flow.ts';
import { t } from '../../src/present/i18n/i18n.ts';
import type { ScreenMirror } from '../../src/present/screens.ts';
import { scenarioDigest } from '../../src/sim/compile.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

/** localStorage's part that the flow uses, counting every read. */
function watchedStorage(items: Record<string, string>) {
  const reads: string[] = [];
  const store = {
    get length() {
      reads.push('length');
      return Object.keys(items).length;
    },
    key: (i: number) => {
      reads.push(`key(${i})`);
      return Object.keys(items)[i] ?? null;
    },
    getItem: (key: string) => {
      reads.push(`getItem(${key})`);
      return items[key] ?? null;
    },
    setItem: (key: string, value: string) => {
      items[key] = value;
    },
    removeItem: (key: string) => {
      delete items[key];
    },
  } as unknown as Storage;
  return { store, reads, items };
}

const SLOT = `crisis-table.save.${miniScenario.meta.id}`;
const settle = () => new Promise((r) => setTimeout(r, 0));

/** The DOM mirror's part that the flow uses, recording each screen shown and each re-render. */
function recordingMirror() {
  const shown: string[] = [];
  const renders: string[] = [];
  const mirror: ScreenMirror = {
    loadScreens: async () => {},
    showScreen: (model) => {
      shown.push(model.kind);
      return (next) => renders.push(next.kind);
    },
    showTitle: () => {
      shown.push('title');
      return (next) => renders.push(`title:${next.scenario?.title ?? ''}`);
    },
    showLoading: () => () => {},
    markReady: () => {},
  };
  return { mirror, shown, renders };
}

function flowWith(items: Record<string, string>, loads = true) {
  const storage = watchedStorage(items);
  const html = recordingMirror();
  const silent = new Proxy({}, { get: () => () => undefined }) as GameAudio;
  const scenario = bundledScenario(miniScenario.meta.id, miniScenario.meta.title.text, async () => {
    if (!loads) throw new Error('offline');
    return { checked: { ok: true, scenario: miniScenario, art: null, digest: scenarioDigest(miniScenario) } };
  });
  const flow = new GameFlow({
    page: { announce: () => {}, openSettings: () => {}, openCredits: () => {}, openMenu: () => {} },
    audio: silent,
    mirror: html.mirror,
    storage: () => storage.store,
    titleDrawn: Promise.resolve(),
    // The idle moment after the title never comes in these tests: New game is chosen before it.
    storageOpens: new Promise(() => {}),
    scenarios: [scenario],
    loadScreens: async () => {},
    loadPlay: async () => ({ session, presenters, SoloFlow }),
  });
  return { flow, storage, html };
}

const playable = miniScenario.actors.find((a) => a.playable)!.id;

describe('the game flow before the saves are read', () => {
  beforeEach(() => {
    (globalThis as { window?: unknown }).window = { location: { search: '' } };
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('acts on New game without reading storage, and begins the game when there is no save', async () => {
    const { flow, storage } = flowWith({});
    flow.handle({ type: 'new-game' });
    await settle();
    expect(flow.shown).toBe('perspective');
    expect(storage.reads).toEqual([]);
    flow.handle({ type: 'pick-perspective', actorId: playable });
    flow.handle({ type: 'start-game' });
    await settle();
    expect(flow.shown).toBe('briefing');
    expect(storage.items[SLOT]).toBeDefined();
  });

  it('handles a New game that waited for the scenario before the title it leaves says the scenario', async () => {
    const { flow } = flowWith({});
    const said: (string | null)[] = [];
    flow.title.subscribe((model) => said.push(model.scenario?.title ?? null));
    flow.handle({ type: 'new-game' });
    await settle();
    await settle();
    expect(flow.shown).toBe('perspective');
    expect(said.filter((s) => s !== null)).toEqual([]);
    // Back on the title, it says the scenario.
    flow.handle({ type: 'quit-to-title' });
    await settle();
    expect(flow.shown).toBe('title');
    expect(flow.title.value.scenario?.title).toBe(miniScenario.meta.title.text);
  });

  it('keeps a saved game that the title had not offered yet, and offers it on the title', async () => {
    const saved = '{"format":"crisis-table/save","version":0}';
    const { flow, storage } = flowWith({ [SLOT]: saved });
    flow.handle({ type: 'new-game' });
    await settle();
    expect(flow.shown).toBe('perspective');
    expect(storage.reads).toEqual([]);
    flow.handle({ type: 'pick-perspective', actorId: playable });
    flow.handle({ type: 'start-game' });
    await settle();
    expect(flow.shown).toBe('title');
    expect(storage.items[SLOT]).toBe(saved);
    expect(flow.title.value).toMatchObject({ hasSave: true, notice: t('title.saveKept') });
  });
});

// Every control is HTML, so the flow shows each screen's HTML itself, with no Phaser game attached yet: the title's menu
// and New game's screen do not wait for Phaser's code (issue 18, "the first screen first").
describe('the game flow before the canvas has started', () => {
  beforeEach(() => {
    (globalThis as { window?: unknown }).window = { location: { search: '' } };
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it("shows the title, then New game's choice of perspective, as HTML, and keeps each up to date", async () => {
    const { flow, html } = flowWith({});
    flow.resume();
    expect(html.shown).toEqual(['title']);
    // A second call (the preload scene's, once Phaser has started) does not show it again.
    flow.resume();
    expect(html.shown).toEqual(['title']);
    await flow.prepare();
    await settle();
    // The scenario came: the title's HTML says it.
    expect(html.renders).toContain(`title:${miniScenario.meta.title.text}`);
    flow.handle({ type: 'new-game' });
    await settle();
    expect(flow.shown).toBe('perspective');
    expect(html.shown).toEqual(['title', 'perspective']);
    // A pick re-renders the same screen's HTML in place.
    flow.handle({ type: 'pick-perspective', actorId: playable });
    await settle();
    expect(html.shown).toEqual(['title', 'perspective']);
    expect(html.renders.at(-1)).toBe('perspective');
    flow.handle({ type: 'start-game' });
    await settle();
    expect(html.shown).toEqual(['title', 'perspective', 'briefing']);
  });

  it("says on the title, in the page's words, which scenario could not be loaded, and offers no New game", async () => {
    const { flow } = flowWith({}, false);
    void flow.prepare();
    await settle();
    await settle();
    expect(flow.title.value).toMatchObject({
      scenarioFailed: true,
      notice: t('title.scenarioNotLoaded', { title: miniScenario.meta.title.text }),
    });
    expect(flow.title.value.notice).toContain(miniScenario.meta.title.text);
  });
});
