#!/usr/bin/env node
/**
 * Synthesises every sound of the game, then encodes each as Opus (.opus, Ogg) and MP3 (the fallback
 * for browsers without Opus) into assets/audio/. The generated files are committed, so the game and
 * CI never need this script; run it after changing a sound:
 *
 *   npx tsx scripts/make-audio.mjs            # needs ffmpeg (Debian package: ffmpeg)
 *   npx tsx scripts/make-audio.mjs --wav DIR  # only the WAV masters, no other dependency
 *
 * Dependency-free synthesis: additive oscillators, envelopes and seeded noise written as 16-bit PCM.
 * The music is three layers of the same length (bed, pulse, drums) that the audio manager mixes by
 * the tension of the crisis; notes are written with wrap-around so every layer loops without a seam.
 * The sound ids must match src/audio/cues.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The game's own seeded generator, so that regenerating gives identical files.
import { createRng as rng } from '../src/sim/rng.ts';

const RATE = 48_000; // Opus works at 48 kHz internally
const BPM = 80;
const BEAT = 60 / BPM;
const BAR = 4 * BEAT;
const LOOP = 4 * BAR; // 12 s: four chords of one bar each

// ---- primitives -----------------------------------------------------------------------------

function buffer(seconds) {
  return new Float32Array(Math.round(seconds * RATE));
}

const midi = (n) => 440 * 2 ** ((n - 69) / 12);

/** Attack-decay-sustain-release envelope, times in seconds. */
function adsr(t, dur, a, d, s, r) {
  if (t < 0 || t > dur + r) return 0;
  if (t < a) return t / a;
  if (t < a + d) return 1 - ((1 - s) * (t - a)) / d;
  if (t <= dur) return s;
  return s * (1 - (t - dur) / r);
}

/**
 * Adds a note to `out` at `start`. `wrap` folds samples past the end back to the start, which makes
 * loops seamless: a chord that rings over the loop point continues at the beginning.
 */
function note(out, { start, dur, freq, amp, partials = [1], env, wrap = false, detune = 0, vibrato = 0 }) {
  const [a, d, s, r] = env;
  const n = Math.round((dur + r) * RATE);
  const s0 = Math.round(start * RATE);
  const phases = partials.map(() => 0);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const e = adsr(t, dur, a, d, s, r);
    if (e === 0 && t > a) continue;
    const vib = vibrato ? 1 + vibrato * Math.sin(2 * Math.PI * 5 * t) : 1;
    let v = 0;
    for (let k = 0; k < partials.length; k++) {
      const ratio = k + 1;
      const f = freq * ratio * (1 + detune * (k % 2 === 0 ? 1 : -1)) * vib;
      phases[k] += (2 * Math.PI * f) / RATE;
      v += partials[k] * Math.sin(phases[k]);
    }
    let j = s0 + i;
    if (wrap) j %= out.length;
    else if (j >= out.length) break;
    out[j] += amp * e * v;
  }
}

/** A partial set with arbitrary (inharmonic) ratios: bells and gongs. */
function bell(out, { start, freq, amp, ratios, decay, wrap = false }) {
  const n = Math.round(decay * 4 * RATE);
  const s0 = Math.round(start * RATE);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    let v = 0;
    for (let k = 0; k < ratios.length; k++) {
      const [ratio, gain] = ratios[k];
      v += gain * Math.exp((-t * (1 + k)) / decay) * Math.sin(2 * Math.PI * freq * ratio * t);
    }
    const attack = Math.min(1, t / 0.004);
    let j = s0 + i;
    if (wrap) j %= out.length;
    else if (j >= out.length) break;
    out[j] += amp * attack * v;
  }
}

/** Filtered noise burst (one-pole low-pass, then optional high-pass by difference). */
function noise(
  out,
  { start, dur, amp, seed, lowpass = 0.5, highpass = false, wrap = false, decay = dur / 3 },
) {
  const random = rng(seed);
  const n = Math.round(dur * RATE);
  const s0 = Math.round(start * RATE);
  let lp = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const white = random() * 2 - 1;
    lp += lowpass * (white - lp);
    const v = highpass ? lp - prev : lp;
    prev = lp;
    const e = Math.min(1, t / 0.002) * Math.exp(-t / decay);
    let j = s0 + i;
    if (wrap) j %= out.length;
    else if (j >= out.length) break;
    out[j] += amp * e * v;
  }
}

/** A pitched drum: a sine whose pitch falls, as a low tom or a taiko. */
function drum(out, { start, from, to, amp, decay, wrap = false }) {
  const n = Math.round(decay * 5 * RATE);
  const s0 = Math.round(start * RATE);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const f = to + (from - to) * Math.exp(-t / 0.05);
    phase += (2 * Math.PI * f) / RATE;
    const e = Math.min(1, t / 0.002) * Math.exp(-t / decay);
    let j = s0 + i;
    if (wrap) j %= out.length;
    else if (j >= out.length) break;
    out[j] += amp * e * Math.sin(phase);
  }
}

/** Peak-normalises to `peak` and applies a gentle tanh so nothing clips. */
function master(out, peak = 0.85) {
  let max = 0;
  for (const v of out) max = Math.max(max, Math.abs(v));
  const g = max > 0 ? peak / max : 1;
  for (let i = 0; i < out.length; i++) out[i] = Math.tanh(out[i] * g * 1.1) / Math.tanh(1.1);
  return out;
}

/** Short fades at both ends of a one-shot effect so it starts and stops without a click. */
function fadeEdges(out, seconds = 0.005) {
  const n = Math.round(seconds * RATE);
  for (let i = 0; i < n && i < out.length; i++) {
    out[i] *= i / n;
    out[out.length - 1 - i] *= i / n;
  }
  return out;
}

function wav(samples) {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

// ---- the music: D minor, i - VI - III - VII (Dm, Bb, F, C), one bar each -------------------------

const CHORDS = [
  { root: 38, tones: [50, 53, 57] }, // D2; D3 F3 A3
  { root: 34, tones: [50, 53, 58] }, // Bb1; D3 F3 Bb3
  { root: 41, tones: [48, 53, 57] }, // F2; C3 F3 A3
  { root: 36, tones: [48, 52, 55] }, // C2; C3 E3 G3
];
const PAD = [1, 0.45, 0.3, 0.12, 0.08, 0.04];

function musicBed() {
  const out = buffer(LOOP);
  CHORDS.forEach((chord, bar) => {
    const start = bar * BAR;
    // A slow, soft pad: long attack and release overlapping the next chord (wrap keeps the seam).
    for (const tone of chord.tones) {
      note(out, {
        start,
        dur: BAR,
        freq: midi(tone),
        amp: 0.12,
        partials: PAD,
        detune: 0.002,
        env: [1.2, 0.5, 0.8, 1.6],
        wrap: true,
      });
    }
    note(out, {
      start,
      dur: BAR,
      freq: midi(chord.root),
      amp: 0.22,
      partials: [1, 0.3],
      env: [0.8, 0.3, 0.9, 1.2],
      wrap: true,
    });
    // A distant bell on the fifth of each chord: calm, watchful.
    bell(out, {
      start: start + 2 * BEAT,
      freq: midi(chord.tones[2] + 12),
      amp: 0.05,
      ratios: [
        [1, 1],
        [2.76, 0.3],
        [5.4, 0.1],
      ],
      decay: 0.9,
      wrap: true,
    });
  });
  return master(out, 0.7);
}

function musicPulse() {
  const out = buffer(LOOP);
  CHORDS.forEach((chord, bar) => {
    for (let eighth = 0; eighth < 8; eighth++) {
      const start = bar * BAR + (eighth * BEAT) / 2;
      const accent = eighth % 2 === 0 ? 1 : 0.65;
      note(out, {
        start,
        dur: 0.09,
        freq: midi(chord.root + 12),
        amp: 0.3 * accent,
        partials: [1, 0.6, 0.35, 0.2],
        env: [0.004, 0.08, 0.35, 0.12],
        wrap: true,
      });
    }
    // An off-beat tick, like a clock in the situation room.
    for (let beat = 0; beat < 4; beat++) {
      noise(out, {
        start: bar * BAR + beat * BEAT + BEAT / 2,
        dur: 0.05,
        amp: 0.25,
        seed: 7 + bar * 4 + beat,
        lowpass: 0.9,
        highpass: true,
        decay: 0.012,
        wrap: true,
      });
    }
  });
  return master(out, 0.7);
}

function musicDrums() {
  const out = buffer(LOOP);
  for (let bar = 0; bar < 4; bar++) {
    const t = bar * BAR;
    drum(out, { start: t, from: 140, to: 48, amp: 0.9, decay: 0.35, wrap: true });
    drum(out, { start: t + 1.5 * BEAT, from: 120, to: 55, amp: 0.5, decay: 0.25, wrap: true });
    drum(out, { start: t + 2 * BEAT, from: 140, to: 48, amp: 0.8, decay: 0.35, wrap: true });
    if (bar % 2 === 1)
      drum(out, { start: t + 3.5 * BEAT, from: 180, to: 70, amp: 0.5, decay: 0.18, wrap: true });
    for (const beat of [1, 3]) {
      noise(out, {
        start: t + beat * BEAT,
        dur: 0.25,
        amp: 0.45,
        seed: 100 + bar * 8 + beat,
        lowpass: 0.35,
        decay: 0.07,
        wrap: true,
      });
    }
  }
  // A low, uneasy drone a semitone above the root of the last chord: the tension does not resolve.
  note(out, {
    start: 0,
    dur: LOOP - 2,
    freq: midi(39),
    amp: 0.08,
    partials: [1, 0.5, 0.25],
    env: [2, 0.5, 1, 2],
    wrap: true,
  });
  return master(out, 0.75);
}

// ---- effects ----------------------------------------------------------------------------------

function select() {
  const out = buffer(0.09);
  note(out, { start: 0, dur: 0.02, freq: 1320, amp: 0.5, partials: [1, 0.2], env: [0.002, 0.02, 0.3, 0.05] });
  return fadeEdges(master(out, 0.5));
}

function confirm() {
  const out = buffer(0.9);
  const ratios = [
    [1, 1],
    [2.76, 0.35],
    [5.4, 0.12],
  ];
  bell(out, { start: 0, freq: midi(81), amp: 0.5, ratios, decay: 0.18 });
  bell(out, { start: 0.12, freq: midi(88), amp: 0.5, ratios, decay: 0.25 });
  return fadeEdges(master(out, 0.75));
}

function news() {
  const out = buffer(1.1);
  for (let i = 0; i < 7; i++) {
    noise(out, {
      start: i * 0.055 + (i % 3) * 0.008,
      dur: 0.03,
      amp: 0.6,
      seed: 300 + i,
      lowpass: 0.7,
      highpass: true,
      decay: 0.008,
    });
  }
  const ratios = [
    [1, 1],
    [2.0, 0.2],
    [3.0, 0.1],
  ];
  bell(out, { start: 0.45, freq: midi(79), amp: 0.45, ratios, decay: 0.12 });
  bell(out, { start: 0.62, freq: midi(84), amp: 0.45, ratios, decay: 0.16 });
  return fadeEdges(master(out, 0.75));
}

function alarm() {
  const out = buffer(1.8);
  for (let i = 0; i < 4; i++) {
    const f = i % 2 === 0 ? 660 : 880;
    note(out, {
      start: i * 0.38,
      dur: 0.3,
      freq: f,
      amp: 0.35,
      partials: [1, 0, 0.33, 0, 0.2, 0, 0.14],
      env: [0.01, 0.05, 0.8, 0.06],
    });
  }
  return fadeEdges(master(out, 0.8));
}

function turn() {
  const out = buffer(2.6);
  bell(out, {
    start: 0,
    freq: 98,
    amp: 0.7,
    ratios: [
      [1, 1],
      [2.4, 0.5],
      [3.9, 0.3],
      [5.3, 0.15],
      [6.8, 0.08],
    ],
    decay: 0.9,
  });
  noise(out, { start: 0, dur: 0.6, amp: 0.2, seed: 41, lowpass: 0.05, decay: 0.3 });
  return fadeEdges(master(out, 0.8));
}

function outcome() {
  const out = buffer(3.2);
  [50, 57, 62, 65, 69, 76].forEach((n, i) => {
    note(out, {
      start: i * 0.14,
      dur: 1.6 - i * 0.1,
      freq: midi(n),
      amp: 0.2,
      partials: PAD,
      env: [0.02, 0.3, 0.6, 1.0],
    });
  });
  return fadeEdges(master(out, 0.75));
}

const SOUNDS = [
  { id: 'music-bed', make: musicBed, opus: '24k', mp3: '40k' },
  { id: 'music-pulse', make: musicPulse, opus: '24k', mp3: '40k' },
  { id: 'music-drums', make: musicDrums, opus: '24k', mp3: '40k' },
  { id: 'select', make: select, opus: '32k', mp3: '48k' },
  { id: 'confirm', make: confirm, opus: '32k', mp3: '48k' },
  { id: 'news', make: news, opus: '32k', mp3: '48k' },
  { id: 'alarm', make: alarm, opus: '32k', mp3: '48k' },
  { id: 'turn', make: turn, opus: '32k', mp3: '48k' },
  { id: 'outcome', make: outcome, opus: '32k', mp3: '48k' },
];

// ---- main ---------------------------------------------------------------------------------------

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const wavOnly = args[0] === '--wav';
const wavDir = wavOnly ? resolve(args[1] ?? 'audio-wav') : mkdtempSync(join(tmpdir(), 'crisis-audio-'));
const outDir = join(root, 'assets', 'audio');
mkdirSync(wavDir, { recursive: true });

if (!wavOnly) {
  try {
    execFileSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
  } catch {
    console.error(
      'make-audio: ffmpeg is missing (Debian: apt-get install ffmpeg). Use --wav DIR for WAV only.',
    );
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
}

let total = 0;
for (const sound of SOUNDS) {
  const file = join(wavDir, `${sound.id}.wav`);
  writeFileSync(file, wav(sound.make()));
  if (wavOnly) continue;
  const common = ['-hide_banner', '-loglevel', 'error', '-y', '-i', file, '-ac', '1', '-map_metadata', '-1'];
  const opus = join(outDir, `${sound.id}.opus`);
  const mp3 = join(outDir, `${sound.id}.mp3`);
  execFileSync('ffmpeg', [...common, '-c:a', 'libopus', '-b:a', sound.opus, '-vbr', 'on', opus]);
  execFileSync('ffmpeg', [
    ...common,
    '-c:a',
    'libmp3lame',
    '-b:a',
    sound.mp3,
    '-id3v2_version',
    '0',
    '-write_xing',
    '0',
    mp3,
  ]);
  const sizes = [statSync(opus).size, statSync(mp3).size];
  total += sizes[0] + sizes[1];
  console.log(
    `${sound.id.padEnd(12)} opus ${String(sizes[0]).padStart(6)} B   mp3 ${String(sizes[1]).padStart(6)} B`,
  );
}

if (wavOnly) {
  console.log(`make-audio: ${SOUNDS.length} WAV masters in ${wavDir}`);
} else {
  rmSync(wavDir, { recursive: true, force: true });
  console.log(`make-audio: ${SOUNDS.length} sounds, ${(total / 1024).toFixed(1)} KiB in assets/audio/`);
}
