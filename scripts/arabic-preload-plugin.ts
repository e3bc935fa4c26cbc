// The Arabic start's files, asked for by index.html itself on a device that reads Arabic (issues 18 and 20): the
// Arabic fonts (woff2) and their module, i18next and the interface's Arabic strings, the scenario's Arabic texts and the modules
// that put them in place. Without this, the page learnt that it needed them only once its modules had run, the stored
// settings had been read and the language chosen, and the title then waited for the fonts' module and the fonts, one
// after the other (1.5× the empty game's first input on a loaded machine, against a target of 1.0×).
//
// index.html's first script already decides, before anything loads, whether the page reads Arabic (the address's
// ?lang=, else the browser's languages) and sets <html lang="ar-IQ">. This plugin adds a script after the page's own
// module and its preloads (so that those are asked for first) that reads that decision and, for Arabic only, adds a
// <link rel=preload> of each font and a <link rel=modulepreload> of each module. An English page asks for none of
// them (each language's files load only when that language is chosen, issue 20); a device whose stored choice differs
// from its browser's language corrects the guess later, as src/early-start.ts does for the strings.
//
// The files are found in the bundle by the modules they were built from, so that a renamed or moved file fails the
// build here rather than silently preloading nothing.
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/** The modules whose chunks the Arabic start needs, in the order they are asked for (the title's first). */
export const ARABIC_START_MODULES: readonly { what: string; module: RegExp }[] = [
  { what: 'the Arabic fonts’ module', module: /[\\/]src[\\/]ui[\\/]i18n[\\/]arabic-fonts\.ts$/ },
  // Not Arabic's own, but the strings need it, and the page's modules ask for it only once they have run: an Arabic page
  // asks for it here with its strings (an English one as before, src/early-start.ts).
  { what: 'i18next', module: /[\\/]node_modules[\\/]i18next[\\/]/ },
  { what: 'the interface’s Arabic strings', module: /[\\/]src[\\/]present[\\/]i18n[\\/]ar-IQ\.json$/ },
  {
    what: 'the scenario’s Arabic texts',
    module: /[\\/]src[\\/]game[\\/]session[\\/]bundled[\\/][\w-]+\.ar-IQ\.ts$/,
  },
  { what: 'the scenario’s localizer', module: /[\\/]src[\\/]scenario[\\/]localize\.ts$/ },
  { what: 'the map’s localizer', module: /[\\/]src[\\/]scenario[\\/]localize-art\.ts$/ },
];

export interface PreloadedFile {
  href: string;
  font: boolean;
}

/** The Arabic start's files in a bundle: the fonts the fonts' module imports first, then each module's chunk. */
export function arabicStartFiles(bundle: OutputBundle, base = '/'): PreloadedFile[] {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const files: PreloadedFile[] = [];
  for (const { what, module } of ARABIC_START_MODULES) {
    const found = chunks.filter((c) => c.facadeModuleId && module.test(c.facadeModuleId));
    if (found.length === 0) throw new Error(`arabic preload: no chunk of ${what} in the build`);
    for (const chunk of found) {
      const assets = [
        ...((chunk as { viteMetadata?: { importedAssets: Set<string> } }).viteMetadata?.importedAssets ?? []),
      ];
      const fonts = assets.filter((a) => a.endsWith('.woff2'));
      if (what === ARABIC_START_MODULES[0]!.what && fonts.length === 0)
        throw new Error('arabic preload: the Arabic fonts’ module imports no woff2 font');
      for (const font of fonts) files.push({ href: base + font, font: true });
      files.push({ href: base + chunk.fileName, font: false });
    }
  }
  // The fonts first: the title waits for them, and they are the largest of the title's files.
  return [...files.filter((f) => f.font), ...files.filter((f) => !f.font)];
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
      handler(_html, context) {
        if (!context.bundle || !/[\\/]index\.html$/.test(context.filename)) return;
        return [
          {
            tag: 'script',
            children: preloadScript(arabicStartFiles(context.bundle as unknown as OutputBundle, base)),
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
