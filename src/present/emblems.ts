/**
 * Actor emblems, drawn in code as SVG. Actors are shown by abstract emblems, never by photographs or
 * by real party logos. The same SVG feeds the canvas (as a texture, via a data: URI, so no request)
 * and the DOM (as an <img> with the actor's name as alt text).
 *
 * No scenario text ever enters the markup: the scenario names a design by its id (an actor's
 * `emblem`), and any other key gets a geometric glyph derived from the key's hash. The designs know
 * no scenario: which actor wears which is the scenario's choice.
 */
import { cssColor } from './palette.ts';

// The presenters compile without the DOM or Node's typings (tsconfig.sim.json); btoa is in every
// browser and in Node, so it is named here rather than through either library.
declare const btoa: (ascii: string) => string;

type Glyph = (ink: string) => string;

export interface EmblemDesign {
  id: string;
  colour: string;
  glyph: Glyph;
}

const column: Glyph = (ink) =>
  `<path d="M40 44h48l-6-8H46zM42 92h44v6H42zM36 100h56v6H36z" fill="${ink}"/>` +
  `<path d="M48 48v40M58 48v40M70 48v40M80 48v40" stroke="${ink}" stroke-width="6"/>`;

const crowd: Glyph = (ink) =>
  `<circle cx="44" cy="56" r="9" fill="${ink}"/><circle cx="84" cy="56" r="9" fill="${ink}"/>` +
  `<circle cx="64" cy="48" r="11" fill="${ink}"/>` +
  `<path d="M28 92c0-14 8-22 16-22s12 4 14 8M100 92c0-14-8-22-16-22s-12 4-14 8" fill="none" stroke="${ink}" stroke-width="6"/>` +
  `<path d="M44 96c0-18 9-28 20-28s20 10 20 28z" fill="${ink}"/>`;

const rings: Glyph = (ink) =>
  `<g fill="none" stroke="${ink}" stroke-width="6"><circle cx="52" cy="56" r="18"/>` +
  `<circle cx="76" cy="56" r="18"/><circle cx="64" cy="78" r="18"/></g>`;

const rosette: Glyph = (ink) => {
  const points: string[] = [];
  for (let i = 0; i < 16; i++) {
    const r = i % 2 === 0 ? 34 : 16;
    const a = (Math.PI * i) / 8;
    points.push(`${(64 + r * Math.sin(a)).toFixed(1)},${(64 - r * Math.cos(a)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${ink}"/><circle cx="64" cy="64" r="8" fill="#0a1220"/>`;
};

const star: Glyph = (ink) => {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 34 : 14;
    const a = (Math.PI * i) / 5;
    points.push(`${(64 + r * Math.sin(a)).toFixed(1)},${(66 - r * Math.cos(a)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${ink}"/>`;
};

const seal: Glyph = (ink) =>
  `<circle cx="64" cy="64" r="20" fill="none" stroke="${ink}" stroke-width="6"/>` +
  `<path d="M34 88c-10-14-10-34 2-48M94 88c10-14 10-34-2-48" fill="none" stroke="${ink}" stroke-width="5" stroke-dasharray="7 4"/>` +
  `<circle cx="64" cy="64" r="7" fill="${ink}"/>`;

const mountains: Glyph = (ink) =>
  `<path d="M26 94l24-38 14 20 12-16 26 34z" fill="${ink}"/><circle cx="84" cy="40" r="8" fill="${ink}"/>`;

const globe: Glyph = (ink) =>
  `<g fill="none" stroke="${ink}" stroke-width="5"><circle cx="64" cy="64" r="30"/>` +
  `<ellipse cx="64" cy="64" rx="13" ry="30"/><path d="M34 64h60M39 49h50M39 79h50"/></g>`;

const sail: Glyph = (ink) =>
  `<path d="M64 30v52M64 34l28 44H64z" fill="${ink}" stroke="${ink}" stroke-width="4"/>` +
  `<path d="M58 40L38 76h20z" fill="${ink}"/><path d="M32 86h64l-8 12H40z" fill="${ink}"/>`;

const megaphone: Glyph = (ink) =>
  `<path d="M36 58h14l34-18v48L50 70H36z" fill="${ink}"/><path d="M44 72l6 20h10l-6-20z" fill="${ink}"/>` +
  `<path d="M94 52c6 6 6 18 0 24" fill="none" stroke="${ink}" stroke-width="5"/>`;

const DESIGNS: readonly EmblemDesign[] = [
  {
    id: 'column',
    colour: cssColor('teal'),
    glyph: column,
  },
  {
    id: 'crowd',
    colour: cssColor('amber'),
    glyph: crowd,
  },
  {
    id: 'rings',
    colour: cssColor('red'),
    glyph: rings,
  },
  { id: 'rosette', colour: '#8f6fd1', glyph: rosette },
  {
    id: 'star',
    colour: '#5b8fd9',
    glyph: star,
  },
  { id: 'seal', colour: cssColor('sand'), glyph: seal },
  {
    id: 'mountains',
    colour: '#6fae5a',
    glyph: mountains,
  },
  { id: 'globe', colour: '#4fa3c7', glyph: globe },
  { id: 'sail', colour: '#c98a4f', glyph: sail },
  {
    id: 'megaphone',
    colour: '#c7c7c7',
    glyph: megaphone,
  },
];

/** The emblems known in advance; the preload scene turns each into a texture. */
export const EMBLEM_DESIGN_IDS: readonly string[] = DESIGNS.map((d) => d.id);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A regular polygon whose side count and hue come from the key: stable and distinct enough. */
function fallbackDesign(key: string): EmblemDesign {
  const h = hash(key);
  const sides = 3 + (h % 5);
  const glyph: Glyph = (ink) => {
    const pts: string[] = [];
    for (let i = 0; i < sides; i++) {
      const a = (2 * Math.PI * i) / sides;
      pts.push(`${(64 + 30 * Math.sin(a)).toFixed(1)},${(66 - 30 * Math.cos(a)).toFixed(1)}`);
    }
    return `<polygon points="${pts.join(' ')}" fill="none" stroke="${ink}" stroke-width="7"/>`;
  };
  return { id: `shape-${h.toString(36)}`, colour: `hsl(${h % 360} 45% 58%)`, glyph };
}

/** The design for an emblem key: the design of that id, or a geometric shape of its own. */
export function emblemDesign(key: string): EmblemDesign {
  return DESIGNS.find((d) => d.id === key) ?? fallbackDesign(key);
}

/** The accent colour of an actor, for map markers and chart lines (always paired with a label). */
export function emblemColour(key: string): string {
  return emblemDesign(key).colour;
}

export function emblemSvg(key: string, size = 128): string {
  const design = emblemDesign(key);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">` +
    `<circle cx="64" cy="64" r="60" fill="#101b2e" stroke="${design.colour}" stroke-width="6"/>` +
    `<circle cx="64" cy="64" r="50" fill="none" stroke="${design.colour}" stroke-opacity="0.35" stroke-width="2"/>` +
    design.glyph(design.colour) +
    '</svg>'
  );
}

/** Base64, because Phaser's loader decodes data: URIs with atob (the SVG is ASCII: no scenario text). */
export function emblemDataUri(key: string, size = 128): string {
  return `data:image/svg+xml;base64,${btoa(emblemSvg(key, size))}`;
}
