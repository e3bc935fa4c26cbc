/**
 * The audio manager as the game holds it from the first moment, while its code (the manager, the cues and the sound
 * files' addresses) is a lazy chunk, fetched when the sounds are first asked to load (the title scene does, once it is
 * drawn): the title does not wait for sound (issue 18). Until the manager has come, an effect is not played (as the
 * manager itself skips a sound not yet loaded), and the mood and the music asked for are kept and handed over.
 */
import type { AudioManager } from './audio-manager.ts';
import type { EffectId, Mood } from './cues.ts';

/** What the scenes and the game flow use of the audio manager. */
export type GameAudio = Pick<
  AudioManager,
  | 'ensureLoaded'
  | 'whenMusicLoaded'
  | 'play'
  | 'startMusic'
  | 'stopMusic'
  | 'setMood'
  | 'currentMood'
  | 'dispose'
>;

export class DeferredAudio implements GameAudio {
  private manager: AudioManager | null = null;
  private mood: Mood = 'calm';
  private musicWanted = false;
  private arriving: Promise<AudioManager> | null = null;

  /** `load` gives the manager once its chunk has come; a chunk that cannot come leaves the game silent. */
  constructor(private readonly load: () => Promise<AudioManager>) {}

  /** The manager, asked for once. */
  private get arrived(): Promise<AudioManager> {
    if (!this.arriving) {
      this.arriving = this.load().then((manager) => {
        this.manager = manager;
        manager.setMood(this.mood);
        if (this.musicWanted) manager.startMusic();
        return manager;
      });
      this.arriving.catch((error: unknown) => console.warn('the sound could not be loaded:', error));
    }
    return this.arriving;
  }

  /** Resolves when the sounds have loaded, or at once when the chunk could not come (the game goes on silent). */
  ensureLoaded(): Promise<void> {
    return this.arrived.then(
      (manager) => manager.ensureLoaded(),
      () => {},
    );
  }

  whenMusicLoaded(): Promise<void> {
    return this.arrived.then(
      (manager) => manager.whenMusicLoaded(),
      () => {},
    );
  }

  play(id: EffectId): void {
    this.manager?.play(id);
  }

  startMusic(): void {
    this.musicWanted = true;
    this.manager?.startMusic();
  }

  stopMusic(): void {
    this.musicWanted = false;
    this.manager?.stopMusic();
  }

  setMood(mood: Mood): void {
    this.mood = mood;
    this.manager?.setMood(mood);
  }

  get currentMood(): Mood {
    return this.manager?.currentMood ?? this.mood;
  }

  dispose(): void {
    void this.arrived.then(
      (manager) => manager.dispose(),
      () => {},
    );
  }
}
