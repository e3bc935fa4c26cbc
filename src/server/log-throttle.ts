// What an anonymous client can make the server write is bounded: the same kind of line (a bad reconnection token,
// a dropped Redis connection) is written at most once a minute, and the next one says how many were held back.
// The clock is the server's own; the engine never reads one.

/** One line per kind per minute; `kindOf` says which lines are of a kind (their words without the variable parts). */
export function throttled(
  write: (line: string) => void,
  now: () => number = Date.now,
  everyMs = 60_000,
): (line: string) => void {
  const last = new Map<string, { at: number; held: number }>();
  return (line) => {
    const kind = kindOf(line);
    const seen = last.get(kind);
    const t = now();
    if (seen && t - seen.at < everyMs) {
      seen.held++;
      return;
    }
    const held = seen?.held ?? 0;
    last.set(kind, { at: t, held: 0 });
    // A server running for weeks meets few kinds; the map is cleared rather than let grow without end.
    if (last.size > 1000) last.clear();
    write(held > 0 ? `${line} (and ${held} more like it in the last minute or more)` : line);
  };
}

/** A line's kind: its words with numbers, codes, tokens and addresses taken out. */
export function kindOf(line: string): string {
  return line
    .replace(/\b[0-9a-f]{8,}\b/gi, '#')
    .replace(/\b[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*\b/g, '#')
    .replace(/"[^"]*"|'[^']*'/g, '#')
    .slice(0, 120);
}
