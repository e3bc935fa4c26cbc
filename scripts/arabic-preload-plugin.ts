// The Arabic start's files, asked for by index.html itself on a device that reads Arabic (issues 18 and 20): the
// Arabic fonts (woff2) and their module, i18next and the interface's Arabic strings, the scenario in English and its
// Arabic texts, New game's chunk with what it imports, and the modules that put the texts in place. Without this, the
// page learnt that it needed them only once its modules had run (New game's, i18next) or even once the stored settings
// had been read and the language chosen (the Arabic ones), and the title then waited for the fonts' module and the fonts,
// one after the other: 1.5× the empty game's first input, against a target of 1.0×. An Arabic start fetches eight files
// more than an English one, through the six connections a browser opens to an HTTP/1.1 server: asked for at once, they
// come while the page's modules are still coming and running.
//
// index.html's first script already decides, before anything loads, whether the page reads Arabic (the address's
// ?lang=, else the browser's languages) and sets <html lang="ar-IQ">. This plugin adds a script after the page's own
// module and its preloads (so that those are asked for first) that reads that decision and, for Arabic only, adds a
// <link rel=preload> of each font and a <link rel=modulepreload> of each module. An English page asks for none of
// them (each language's files load only when that language is chosen, issue 20; its own start is unchanged); a device
// whose stored choice differs from its browser's language corrects the guess later, as src/early-start.ts does for the
// strings.
//
// The files are found in the bundle by the modules they were built from, so that a renamed or moved file fails the
// build here rather than silently preloading nothing.
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

interface StartModule {
  what: string;
  module: RegExp;
  /** the woff2 fonts the module imports are preloaded too (and it must import some) */
  fonts?: true;
  /** the chunk of the same module without `.ar-IQ` (the scenario in English) is preloaded too, before it */
  english?: true;
  /** the chunks it imports that index.html does not load already are preloaded too */
  imports?: true;
}

/** The modules whose chunks the Arabic start needs, in the order they are asked for (the title's first). */
export const ARABIC_START_MODULES: readonly StartModule[] = [
  { what: 'the Arabic fonts’ module', module: /[\\/]src[\\/]ui[\\/]i18n[\\/]arabic-fonts\.ts$/, fonts: true },
  // Not Arabic's own, but the strings need it, and the page's modules ask for it only once they have run: an Arabic page
  // asks for it here with its strings (an English one as before, src/early-start.ts).
  { what: 'i18next', module: /[\\/]node_modules[\\/]i18next[\\/]/ },
  { what: 'the interface’s Arabic strings', module: /[\\/]src[\\/]present[\\/]i18n[\\/]ar-IQ\.json$/ },
  {
    what: 'the scenario’s Arabic texts',
    module: /[\\/]src[\\/]game[\\/]session[\\/]bundled[\\/][\w-]+\.ar-IQ\.ts$/,
    english: true,
  },
  // New game's chunk and the engine and presenters it imports, as src/early-start.ts asks for them on every page.
  { what: 'New game’s chunk', module: /[\\/]src[\\/]solo-play\.ts$/, imports: true },
  { what: 'the scenario’s localizer', module: /[\\/]src[\\/]scenario[\\/]localize\.ts$/ },
  { what: 'the map’s localizer', module: /[\\/]src[\\/]scenario[\\/]localize-art\.ts$/ },
];

export interface PreloadedFile {
  href: string;
  font: boolean;
}

type ChunkWithAssets = OutputChunk & { viteMetadata?: { importedAssets: Set<string> } };

/** The chunks index.html loads itself: its entry's and every chunk they import, statically. */
function pageChunks(chunks: readonly OutputChunk[]): Set<string> {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
  };
  for (const c of chunks) if (c.isEntry && c.facadeModuleId?.endsWith('index.html')) visit(c.fileName);
  return loaded;
}

/**
 * The Arabic start's files in a bundle: the fonts first, then each module's chunk (and those it brings), once each,
 * leaving out what the page loads already (its entry's chunks, and any file the page, `html`, names).
 */
export function arabicStartFiles(bundle: OutputBundle, base = '/', html = ''): PreloadedFile[] {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const byModule = new Map(chunks.flatMap((c) => (c.facadeModuleId ? [[c.facadeModuleId, c] as const] : [])));
  const onPage = pageChunks(chunks);
  const fonts: string[] = [];
  const files: string[] = [];
  const add = (file: string) => {
    if (!files.includes(file) && !onPage.has(file) && !html.includes(base + file)) files.push(file);
  };
  for (const { what, module, ...also } of ARABIC_START_MODULES) {
    const found = chunks.filter((c) => c.facadeModuleId && module.test(c.facadeModuleId));
    if (found.length === 0) throw new Error(`arabic preload: no chunk of ${what} in the build`);
    for (const chunk of found as ChunkWithAssets[]) {
      if (also.fonts) {
        const woff2 = [...(chunk.viteMetadata?.importedAssets ?? [])].filter((a) => a.endsWith('.woff2'));
        if (woff2.length === 0) throw new Error(`arabic preload: ${what} imports no woff2 font`);
        fonts.push(...woff2);
      }
      if (also.english) {
        const english = byModule.get(chunk.facadeModuleId!.replace(/\.ar-IQ\.ts$/, '.ts'));
        if (!english) throw new Error(`arabic preload: no English chunk beside ${chunk.fileName}`);
        add(english.fileName);
      }
      add(chunk.fileName);
      if (also.imports) for (const imported of chunk.imports) add(imported);
    }
  }
  // The fonts first: the title waits for them, and they are the largest of the title's files.
  return [
    ...fonts.map((f) => ({ href: base + f, font: true })),
    ...files.map((f) => ({ href: base + f, font: false })),
  ];
}

/** The page's script that asks for `files` when the page reads Arabic (index.html's first script decided it). */
export function preloadScript(files: readonly PreloadedFile[]): string {
  const list = JSON.stringify(files.map((f) => [f.href, f.font ? 1 : 0]));
  return `if (document.documentElement.lang === 'ar-IQ')
  for (const [href, font] of ${list}) {
    const link = document.createElement('link');
    link.rel = font ? 'preload' : 'modulepreload';
    if (font) { link.as = 'font'; link.type = 'font/woff2'; }
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }`;
}

/**
 * The page with `script` in its head, after the page's module and its preloads but before its first stylesheet: an
 * inline script after a stylesheet that has not come yet waits for it, and the parser with it, so that the splash
 * (index.html's first paint, in the body) would wait for the stylesheet too, and the fonts would be asked for only once
 * it had come.
 */
export function withScript(html: string, script: string): string {
  const tag = `<script>${script}</script>\n    `;
  const at = html.search(/<link\b[^>]*\brel=["']?stylesheet\b/i);
  const end = html.indexOf('</head>');
  const where = at >= 0 && (end < 0 || at < end) ? at : end;
  if (where < 0) throw new Error('arabic preload: index.html has no head');
  return html.slice(0, where) + tag + html.slice(where);
}

export function arabicPreloadPlugin(): Plugin {
  let base = '/';
  return {
    name: 'crisis-table:arabic-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle || !/[\\/]index\.html$/.test(context.filename)) return;
        const files = arabicStartFiles(context.bundle as unknown as OutputBundle, base, html);
        return withScript(html, preloadScript(files));
      },
    },
  };
}
