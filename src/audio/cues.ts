/**
 * The cue list: every sound the game plays, its file (from scripts/make-audio.mjs) and its caption.
 * A sound that carries meaning has a caption, shown in the DOM when it plays, so a player who cannot
 * hear it loses nothing. A sound with `caption: null` only echoes something already on screen.
 */
export type EffectId = 'select' | 'confirm' | 'news' | 'alarm' | 'turn' | 'outcome';
export type MusicLayerId = 'music-bed' | 'music-pulse' | 'music-drums';
export type SoundId = EffectId | MusicLayerId;

/** How tense the music is. The game decides the mood from the simulation's view; audio only plays it. */
export type Mood = 'calm' | 'tense' | 'critical';

export interface Cue {
  /** base name in assets/audio (.opus and .mp3) */
  file: SoundId;
  caption: string | null;
}

export const EFFECT_CUES: Readonly<Record<EffectId, Cue>> = {
  select: { file: 'select', caption: null },
  confirm: { file: 'confirm', caption: 'Decision confirmed (two-note chime)' },
  news: { file: 'news', caption: 'News arrives (teleprinter clatter and a chime)' },
  alarm: { file: 'alarm', caption: 'Alarm (a two-tone siren)' },
  turn: { file: 'turn', caption: 'A new turn begins (a low gong)' },
  outcome: { file: 'outcome', caption: 'The crisis reaches its outcome (a slow, falling chord)' },
};

export const MUSIC_LAYERS: readonly MusicLayerId[] = ['music-bed', 'music-pulse', 'music-drums'];

/** Which layers sound in each mood, as gains: the layers run in step and only their levels change. */
export const MOOD_MIX: Readonly<Record<Mood, Readonly<Record<MusicLayerId, number>>>> = {
  calm: { 'music-bed': 0.7, 'music-pulse': 0, 'music-drums': 0 },
  tense: { 'music-bed': 0.6, 'music-pulse': 0.55, 'music-drums': 0 },
  critical: { 'music-bed': 0.5, 'music-pulse': 0.6, 'music-drums': 0.6 },
};

export const MOOD_CAPTIONS: Readonly<Record<Mood, string>> = {
  calm: 'Music: a quiet, watchful drone',
  tense: 'Music: a pulse and a ticking clock join; tension rises',
  critical: 'Music: heavy drums; the crisis is critical',
};
