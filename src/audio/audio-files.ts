/// <reference types="vite/client" />
/**
 * The URLs of the generated audio files, found by Vite at build time (so a renamed or missing file
 * fails the build rather than a request). Opus first, MP3 as the fallback: Howler takes the first
 * format the browser can play, judged by the extension.
 */
import type { SoundId } from './cues.ts';

const FILES = import.meta.glob<string>('/assets/audio/*.{opus,mp3}', {
  query: '?url',
  import: 'default',
  eager: true,
});

export function soundUrls(id: SoundId): string[] {
  return ['opus', 'mp3'].map((ext) => FILES[`/assets/audio/${id}.${ext}`]).filter((u): u is string => !!u);
}
