// The Arabic start's preloads (scripts/arabic-preload-plugin.ts, issue 20 item 6): found in the bundle by the modules
// they were built from, the fonts first; a build without one of them fails rather than preloading nothing; and the
// page's script asks for them only when index.html's first script has decided that the page reads Arabic.
import type { OutputBundle } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { arabicStartFiles, preloadScript, withScript } from '../../scripts/arabic-preload-plugin.ts';

const chunk = (
  fileName: string,
  facadeModuleId: string | null,
  assets: string[] = [],
  imports: string[] = [],
) => ({
  type: 'chunk',
  fileName,
  facadeModuleId,
  isEntry: facadeModuleId?.endsWith('.html') ?? false,
  imports,
  viteMetadata: { importedAssets: new Set(assets), importedCss: new Set() },
});

/** A bundle as the game's build gives it, with `leave` left out. */
function bundle(leave = ''): OutputBundle {
  const chunks = [
    chunk('assets/main-a.js', '/repo/index.html', [], ['assets/start-m.js']),
    chunk('assets/start-m.js', null),
    chunk(
      'assets/solo-play-n.js',
      '/repo/src/solo-play.ts',
      [],
      ['assets/start-m.js', 'assets/shared-play-l.js', 'assets/engine-o.js', 'assets/rolldown-runtime-p.js'],
    ),
    chunk('assets/engine-o.js', null),
    chunk('assets/rolldown-runtime-p.js', null),
    chunk('assets/arabic-fonts-b.js', '/repo/src/ui/i18n/arabic-fonts.ts', [
      'assets/noto-400-c.woff2',
      'assets/noto-700-d.woff2',
    ]),
    chunk('assets/i18next-e.js', '/repo/node_modules/i18next/dist/esm/i18next.js'),
    chunk('assets/ar-IQ-f.js', '/repo/src/present/i18n/ar-IQ.json'),
    chunk('assets/en-g.js', '/repo/src/present/i18n/en.json'),
    chunk('assets/baghdad-2021.ar-IQ-h.js', '/repo/src/game/session/bundled/baghdad-2021.ar-IQ.ts'),
    chunk('assets/baghdad-2021-i.js', '/repo/src/game/session/bundled/baghdad-2021.ts'),
    chunk('assets/localize-j.js', '/repo/src/scenario/localize.ts'),
    chunk('assets/localize-art-k.js', '/repo/src/scenario/localize-art.ts'),
    chunk('assets/shared-play-l.js', null),
  ].filter((c) => !c.fileName.includes(leave || '\0'));
  return Object.fromEntries(chunks.map((c) => [c.fileName, c])) as unknown as OutputBundle;
}

describe('the Arabic start’s preloads', () => {
  it('are the fonts first, then the chunks of the Arabic start, and none the page loads already', () => {
    const html = '<link rel="modulepreload" crossorigin href="/assets/rolldown-runtime-p.js">';
    expect(arabicStartFiles(bundle(), '/', html)).toEqual([
      { href: '/assets/noto-400-c.woff2', font: true },
      { href: '/assets/noto-700-d.woff2', font: true },
      { href: '/assets/arabic-fonts-b.js', font: false },
      { href: '/assets/i18next-e.js', font: false },
      { href: '/assets/ar-IQ-f.js', font: false },
      { href: '/assets/baghdad-2021-i.js', font: false },
      { href: '/assets/baghdad-2021.ar-IQ-h.js', font: false },
      { href: '/assets/solo-play-n.js', font: false },
      { href: '/assets/shared-play-l.js', font: false },
      { href: '/assets/engine-o.js', font: false },
      { href: '/assets/localize-j.js', font: false },
      { href: '/assets/localize-art-k.js', font: false },
    ]);
  });

  it('fail the build when one of the modules is no chunk of it', () => {
    expect(() => arabicStartFiles(bundle('ar-IQ-f'))).toThrow(/the interface’s Arabic strings/);
    expect(() => arabicStartFiles(bundle('localize-art'))).toThrow(/the map’s localizer/);
    expect(() => arabicStartFiles(bundle('baghdad-2021-i'))).toThrow(/no English chunk/);
    expect(() => arabicStartFiles(bundle('solo-play'))).toThrow(/New game’s chunk/);
  });

  it('are asked for on a page that reads Arabic only', () => {
    const script = preloadScript(arabicStartFiles(bundle(), '/', ''));
    for (const [lang, expected] of [
      ['ar-IQ', 13],
      ['en', 0],
    ] as const) {
      const added: Record<string, string>[] = [];
      const document = {
        documentElement: { lang },
        createElement: () => ({}) as Record<string, string>,
        head: { appendChild: (link: Record<string, string>) => added.push(link) },
      };
      new Function('document', script)(document);
      expect(added, lang).toHaveLength(expected);
      if (expected) {
        expect(added[0]).toEqual({
          rel: 'preload',
          as: 'font',
          type: 'font/woff2',
          crossOrigin: '',
          href: '/assets/noto-400-c.woff2',
        });
        expect(added[2]).toEqual({
          rel: 'modulepreload',
          crossOrigin: '',
          href: '/assets/arabic-fonts-b.js',
        });
      }
    }
  });

  it('stands before the first stylesheet, so that neither the parser nor the fonts wait for it', () => {
    const head = (links: string) =>
      `<html><head><script>decide()</script><script type="module" src="/m.js"></script>${links}</head><body><h1>x</h1></body></html>`;
    const page = withScript(
      head('<link rel="modulepreload" href="/a.js"><link rel="stylesheet" href="/s.css">'),
      'ask()',
    );
    expect(page.indexOf('<script>ask()</script>')).toBeGreaterThan(page.indexOf('/a.js'));
    expect(page.indexOf('<script>ask()</script>')).toBeLessThan(page.indexOf('/s.css'));
    // No stylesheet in the head (one in the body does not count): at the head's end.
    const plain = withScript(
      `${head('')}`.replace('<h1>', '<link rel="stylesheet" href="/late.css"><h1>'),
      'ask()',
    );
    expect(plain.indexOf('<script>ask()</script>')).toBe(
      plain.indexOf('</head>') - '<script>ask()</script>\n    '.length,
    );
    expect(() => withScript('<p>no head</p>', 'ask()')).toThrow(/no head/);
  });
});
