/**
 * The audio manager: the only module that touches Howler. It plays effects by cue id, mixes three
 * music layers by mood, applies the volume settings, and reports a caption for every meaningful
 * sound it plays. Scenes ask for cues and moods; they never hold a Howl.
 *
 * Howler itself is imported when the sounds start loading (after the title is drawn): nothing before
 * that needs it, and the title appears sooner without it.
 */
import type { Howl, HowlerGlobal } from 'howler';
import {
  EFFECT_CUES,
  type EffectId,
  MOOD_CAPTIONS,
  MOOD_MIX,
  type Mood,
  MUSIC_LAYERS,
  type MusicLayerId,
  type SoundId,
} from './cues.ts';

export type CaptionSink = (caption: { id: string; text: string }) => void;

/** The player's settings that sound follows (levels 0..1). */
export interface AudioSettings {
  volume: number;
  music: number;
  effects: number;
  muted: boolean;
}

/** Where the settings live (src/ui's SettingsStore, handed over by main.ts): audio imports no other layer. */
export interface AudioSettingsSource {
  readonly value: Readonly<AudioSettings>;
  /** calls the listener now and on every change; returns the unsubscribe function */
  subscribe(listener: (settings: Readonly<AudioSettings>) => void): () => void;
}

export interface AudioManagerOptions {
  settings: AudioSettingsSource;
  caption: CaptionSink;
  urls: (id: SoundId) => string[];
}

type HowlerModule = { Howl: typeof Howl; Howler: HowlerGlobal };

const MOOD_FADE_MS = 2500;

export class AudioManager {
  private readonly effects = new Map<EffectId, Howl>();
  private readonly layers = new Map<MusicLayerId, Howl>();
  private howler: HowlerModule | null = null;
  private mood: Mood = 'calm';
  private musicWanted = false;
  private musicPlaying = false;
  private musicReady = false;
  private musicLoaded: Promise<void> = Promise.resolve();
  private loading: Promise<void> | null = null;
  private settings: Readonly<AudioSettings>;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: AudioManagerOptions) {
    this.settings = options.settings.value;
    this.unsubscribe = options.settings.subscribe((s) => this.applySettings(s));
  }

  /**
   * Starts loading once (later calls return the same promise): the effects first, then the music
   * layers in the background, since decoding 36 s of music takes longer than anything needs to wait.
   * A file that fails to load is a warning, not an error: the game plays on, captions included.
   */
  ensureLoaded(): Promise<void> {
    this.loading ??= import('howler').then((module) => {
      this.howler = { Howl: module.Howl, Howler: module.Howler };
      this.applySettings(this.settings);
      return this.loadAll();
    });
    return this.loading;
  }

  /** Resolves once the music layers have loaded (or failed to). */
  whenMusicLoaded(): Promise<void> {
    return this.musicLoaded;
  }

  play(id: EffectId): void {
    const howl = this.effects.get(id);
    if (howl?.state() !== 'loaded' || !this.audible(this.settings.effects)) return;
    howl.volume(this.settings.effects);
    howl.play();
    const caption = EFFECT_CUES[id].caption;
    if (caption) this.options.caption({ id, text: caption });
  }

  /** Starts the music layers in step (same length, started in the same tick), at the current mood. */
  startMusic(): void {
    this.musicWanted = true;
    if (!this.musicReady || this.musicPlaying) return;
    this.musicPlaying = true;
    for (const [id, howl] of this.layers) {
      if (howl.state() !== 'loaded') continue;
      howl.volume(this.layerVolume(id, this.mood));
      howl.play();
    }
    this.captionMood();
  }

  stopMusic(): void {
    this.musicWanted = false;
    this.musicPlaying = false;
    for (const howl of this.layers.values()) howl.stop();
  }

  setMood(mood: Mood): void {
    if (mood === this.mood) return;
    this.mood = mood;
    if (!this.musicPlaying) return;
    // Fade from wherever each layer is now: a mood may change again while a fade runs.
    for (const [id, howl] of this.layers) howl.fade(howl.volume(), this.layerVolume(id, mood), MOOD_FADE_MS);
    this.captionMood();
  }

  get currentMood(): Mood {
    return this.mood;
  }

  dispose(): void {
    this.unsubscribe();
    for (const howl of [...this.effects.values(), ...this.layers.values()]) howl.unload();
    this.effects.clear();
    this.layers.clear();
  }

  private loadAll(): Promise<void> {
    const ids = Object.keys(EFFECT_CUES) as EffectId[];
    const effects = Promise.all(
      ids.map((id) => this.loadHowl(id, false).then((howl) => this.effects.set(id, howl))),
    );
    return effects.then(() => {
      this.musicLoaded = Promise.all(
        MUSIC_LAYERS.map((id) => this.loadHowl(id, true).then((howl) => this.layers.set(id, howl))),
      ).then(() => {
        this.musicReady = true;
        if (this.musicWanted) this.startMusic();
      });
    });
  }

  private loadHowl(id: SoundId, loop: boolean): Promise<Howl> {
    const { Howl } = this.howler as HowlerModule;
    return new Promise((resolve) => {
      const howl: Howl = new Howl({
        src: this.options.urls(id),
        loop,
        volume: 0,
        preload: true,
        onload: () => resolve(howl),
        onloaderror: (_soundId, error) => {
          console.warn(`audio: ${id} did not load (${String(error)}); playing on without it`);
          resolve(howl);
        },
      });
    });
  }

  private applySettings(settings: Readonly<AudioSettings>): void {
    this.settings = settings;
    if (!this.howler) return;
    this.howler.Howler.volume(settings.volume);
    this.howler.Howler.mute(settings.muted);
    if (this.musicPlaying) {
      for (const [id, howl] of this.layers) howl.volume(this.layerVolume(id, this.mood));
    }
  }

  private layerVolume(id: MusicLayerId, mood: Mood): number {
    return MOOD_MIX[mood][id] * this.settings.music;
  }

  private audible(level: number): boolean {
    return !this.settings.muted && this.settings.volume > 0 && level > 0;
  }

  private captionMood(): void {
    if (this.audible(this.settings.music)) {
      this.options.caption({ id: `music-${this.mood}`, text: MOOD_CAPTIONS[this.mood] });
    }
  }
}
