/**
 * Where a line and column of a built chunk came from (its source file), read from the build's source maps
 * (`vite build --sourcemap`): for the start-up diagnostics (profile-start.ts, trace-start.ts). A chunk without a map
 * is named by itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sourceReader(dist: string): (file: string, line: number, column: number) => string {
  const maps = new Map<string, { sources: string[]; lines: [number, number][][] } | null>();
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const mapOf = (file: string) => {
    if (maps.has(file)) return maps.get(file)!;
    let parsed: { sources: string[]; lines: [number, number][][] } | null = null;
    try {
      const raw = JSON.parse(readFileSync(join(dist, 'assets', `${file}.map`), 'utf8')) as {
        sources: string[];
        mappings: string;
      };
      let src = 0;
      const lines = raw.mappings.split(';').map((line) => {
        let col = 0;
        return (line ? line.split(',') : []).map((seg) => {
          const vals: number[] = [];
          let v = 0;
          let shift = 0;
          for (const ch of seg) {
            let d = B64.indexOf(ch);
            const more = d & 32;
            d &= 31;
            v += d << shift;
            if (more) shift += 5;
            else {
              vals.push(v & 1 ? -(v >> 1) : v >> 1);
              v = 0;
              shift = 0;
            }
          }
          col += vals[0] ?? 0;
          if (vals.length > 1) src += vals[1] ?? 0;
          return [col, src] as [number, number];
        });
      });
      parsed = { sources: raw.sources, lines };
    } catch {
      parsed = null;
    }
    maps.set(file, parsed);
    return parsed;
  };
  return (file, line, column) => {
    const map = mapOf(file);
    if (!map) return file;
    let hit: [number, number] | undefined;
    for (const s of map.lines[line] ?? []) if (s[0] <= column) hit = s;
    return hit
      ? (map.sources[hit[1]] ?? file).replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/')
      : file;
  };
}
