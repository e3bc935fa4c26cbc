// The audio manager held while its chunk is still on its way (src/audio/deferred-audio.ts): the mood and the music
// asked for before it came are handed over when it comes; an effect asked for before is not played late.
import { describe, expect, it } from 'vitest';
import type { AudioManager } from '../../src/audio/audio-manager.ts';
import type { Mood } from '../../src/audio/cues.ts';
import { DeferredAudio } from '../../src/audio/deferred-audio.ts';

/** A stand-in for the manager that writes down what it was asked. */
function recorder() {
  const calls: string[] = [];
  let mood: Mood = 'calm';
  const manager = {
    ensureLoaded: async () => void calls.push('ensureLoaded'),
    whenMusicLoaded: async () => {},
    play: (id: string) => void calls.push(`play ${id}`),
    startMusic: () => void calls.push('startMusic'),
    stopMusic: () => void calls.push('stopMusic'),
    setMood: (m: Mood) => {
      mood = m;
      calls.push(`setMood ${m}`);
    },
    get currentMood() {
      return mood;
    },
    dispose: () => void calls.push('dispose'),
  };
  return { calls, manager: manager as unknown as AudioManager };
}

describe('the audio before its chunk has come', () => {
  it('hands over the mood and the music asked for, and does not play an effect late', async () => {
    const { calls, manager } = recorder();
    let arrive: (m: AudioManager) => void = () => {};
    let asked = 0;
    const audio = new DeferredAudio(() => {
      asked += 1;
      return new Promise((resolve) => (arrive = resolve));
    });
    audio.play('select');
    audio.setMood('tense');
    audio.startMusic();
    // The chunk is asked for when the sounds are, not before (the title does not wait for it), and once.
    expect(asked).toBe(0);
    const loaded = audio.ensureLoaded();
    void audio.whenMusicLoaded();
    expect(asked).toBe(1);
    expect(audio.currentMood).toBe('tense');
    expect(calls).toEqual([]);
    arrive(manager);
    await loaded;
    expect(calls).toEqual(['setMood tense', 'startMusic', 'ensureLoaded']);
    audio.play('confirm');
    expect(calls.at(-1)).toBe('play confirm');
  });

  it('keeps the game going, silent, when the chunk cannot come', async () => {
    const audio = new DeferredAudio(() => Promise.reject(new Error('offline')));
    audio.play('select');
    audio.setMood('critical');
    expect(audio.currentMood).toBe('critical');
    await expect(audio.ensureLoaded()).resolves.toBeUndefined();
    await expect(audio.whenMusicLoaded()).resolves.toBeUndefined();
  });
});
