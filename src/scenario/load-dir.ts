// The Node side of the loader: reads a scenario folder (or one file) and hands the texts to the pure loader.
// File names in problems are the folder as the user typed it joined with the file name, so an editor or
// terminal can jump to them from the working directory.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type LoadResult,
  MAX_FILE_BYTES,
  type Problem,
  parseScenarioFiles,
  type ScenarioText,
  tooLargeMessage,
} from './load.ts';
import { MAP_ART_FILE, type MapArt, readMapArt } from './map-art.ts';

/** A path that cannot be a scenario: the caller's mistake, not the scenario's. */
export class ScenarioPathError extends Error {}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

export async function loadScenarioDir(dirOrFile: string): Promise<LoadResult> {
  const files = await scenarioFiles(dirOrFile);
  const tooBig: Problem[] = [];
  const texts: ScenarioText[] = [];
  for (const { name, size } of files) {
    // Refused on its size alone, before its content is read.
    if (size > MAX_FILE_BYTES) {
      tooBig.push({ file: name, line: 1, column: 1, path: '', message: tooLargeMessage(size) });
    } else {
      texts.push({ name, text: await readFile(name, 'utf8') });
    }
  }
  if (tooBig.length > 0) return { ok: false, problems: tooBig };
  const loaded = parseWithPlainEnv(texts);
  if (!loaded.ok) return loaded;
  // The folder's map (art/map.yaml), when it has one: checked here so that `npm run validate` and the server
  // refuse a scenario whose map the game could not draw. It is not part of the scenario (see map-art.ts).
  const art = await loadMapArt(dirOrFile, loaded.scenario);
  return 'problem' in art ? { ok: false, problems: [art.problem] } : loaded;
}

/**
 * parseScenarioFiles, with process.env a plain copy of itself for the call. yaml's parser reads
 * process.env.LOG_TOKENS at every token, and Node's process.env asks the environment of the process each time:
 * that was a sixth of the parse of a large scenario (issue 18). The call is synchronous, so nothing else runs while
 * the copy stands (same names, same values), and the real one is back before it returns.
 */
function parseWithPlainEnv(texts: readonly ScenarioText[]): LoadResult {
  const env = process.env;
  process.env = { ...env };
  try {
    return parseScenarioFiles(texts);
  } finally {
    process.env = env;
  }
}

/** The map of a scenario folder (null when it has none, or when given a single file), or why it is refused. */
export async function loadMapArt(
  dirOrFile: string,
  scenario: Parameters<typeof readMapArt>[2],
): Promise<{ art: MapArt | null } | { problem: Problem }> {
  const path = join(dirOrFile, MAP_ART_FILE);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { art: null };
  if (info.size > MAX_FILE_BYTES) {
    return { problem: { file: path, line: 1, column: 1, path: '', message: tooLargeMessage(info.size) } };
  }
  const read = readMapArt(path, await readFile(path, 'utf8'), scenario);
  return read.ok ? { art: read.art } : { problem: read.problem };
}

/** The YAML files of a scenario folder in name order, or the one file given, with their sizes. */
async function scenarioFiles(dirOrFile: string): Promise<{ name: string; size: number }[]> {
  const info = await stat(dirOrFile).catch((e: NodeJS.ErrnoException) => {
    throw new ScenarioPathError(e.code === 'ENOENT' ? `no such file or folder: ${dirOrFile}` : e.message);
  });
  if (info.isFile()) return [{ name: dirOrFile, size: info.size }];
  if (!info.isDirectory()) throw new ScenarioPathError(`not a file or folder: ${dirOrFile}`);
  const names = (await readdir(dirOrFile)).filter(isYaml).sort();
  const files: { name: string; size: number }[] = [];
  for (const name of names) {
    const path = join(dirOrFile, name);
    const entry = await stat(path);
    if (entry.isFile()) files.push({ name: path, size: entry.size });
  }
  if (files.length === 0) throw new ScenarioPathError(`no .yaml or .yml files in ${dirOrFile}`);
  return files;
}

/** The folders directly under root that hold YAML: the scenarios to validate by default. */
export async function findScenarioDirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => {
    throw new ScenarioPathError(`no such folder: ${root}`);
  });
  const dirs: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = join(root, entry.name);
    if ((await readdir(dir)).some(isYaml)) dirs.push(dir);
  }
  return dirs;
}
