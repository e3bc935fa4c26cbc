// npm run report -- FILE --format csv|json|html: a game's exports for facilitators who script their sessions. csv:
// the decision log, one row per decision (turn, date, actor, option, as in history, by whom); json: the record
// itself, which `npm run replay` and the game read back; html: the printable after-action report. The file is read as `npm run replay` reads it: rebuilt command by
// command, or refused in one sentence. No export holds a name: records hold seats and commands only.
// --language ar-IQ: the report (and the groups side by side) in Arabic; the CSV and the JSON are data, the same in
// every language (the CSV's headers stay English).

import { basename } from 'node:path';
import { compareHtml } from '../present/compare-html.ts';
import { isLanguage, LANGUAGES, type Language, loadLanguage } from '../present/i18n/i18n.ts';
import { reportHtml } from '../present/report-html.ts';
import { compareGames } from '../sim/compare.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { decisionCsv, decisionRows } from '../sim/decision-log.ts';
import { reportData } from '../sim/report.ts';
import { MAX_SAVE_CHARS, saveJson } from '../sim/save.ts';
import { saidFor } from '../sim/talk.ts';
import { restoreText } from './replay.ts';
import { CliError, compiledIn, parseArgs, readBoundedText, runCli } from './scenario-arg.ts';

const USAGE =
  'usage: npm run report -- FILE --format csv|json|html [--language en|ar-IQ]   (a record written by simulate --record, a room or a save)\n' +
  '       npm run report -- FILE FILE... [--format html] [--language en|ar-IQ]  (several groups of one scenario, side by side)';

/** The words of a report in `language`: the interface's strings loaded, the scenario's texts in it. */
async function inLanguage(c: CompiledScenario, language: Language): Promise<CompiledScenario> {
  await loadLanguage(language);
  return language === 'en' ? c : compiledIn(c, language);
}

export async function reportText(
  text: string,
  file: string,
  format: string,
  language: Language = 'en',
): Promise<string> {
  if (format !== 'csv' && format !== 'json' && format !== 'html') {
    throw new CliError(`--format ${format}: csv, json or html. ${USAGE}`);
  }
  const { c, state, record } = await restoreText(text, file);
  if (format === 'json') {
    // Compact, as a save is written, so that every export is read back by replay (limits.ts).
    const json = saveJson(record);
    if (Buffer.byteLength(json) + 1 > MAX_SAVE_CHARS)
      throw new CliError(`${file}: this record is too large to export.`);
    return `${json}\n`;
  }
  if (format === 'html') {
    const words = await inLanguage(c, language);
    return reportHtml(
      words.scenario,
      reportData(words, state, record),
      saidFor(state, { facilitator: true }),
    );
  }
  return decisionCsv(decisionRows(c, state));
}

/**
 * Several records of one scenario (a class's groups), side by side as one HTML page: each group's ending, each
 * indicator group by group, the first turn their decisions differed, the decisions that weighed most. Each group is
 * named by its file's name.
 */
export async function compareTexts(
  files: readonly { text: string; file: string }[],
  language: Language = 'en',
): Promise<string> {
  const games = await Promise.all(
    files.map(async (f) => ({ ...(await restoreText(f.text, f.file)), file: f.file })),
  );
  const first = games[0]!;
  const other = games.find((g) => g.record.scenario.digest !== first.record.scenario.digest);
  if (other) {
    throw new CliError(
      `${other.file}: another scenario (or another edition) than ${first.file}: groups compare one scenario.`,
      1,
    );
  }
  const label = (file: string) => basename(file).replace(/\.json$/i, '');
  const words = await inLanguage(first.c, language);
  return compareHtml(
    words.scenario,
    compareGames(
      first.c,
      games.map((g) => ({ label: label(g.file), state: g.state })),
    ),
  );
}

async function main(): Promise<number> {
  const { flags, values, rest } = parseArgs(process.argv.slice(2), ['format', 'language'], ['help']);
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const language = values.language ?? 'en';
  if (!isLanguage(language))
    throw new CliError(`--language ${language}: the report speaks ${LANGUAGES.join(' or ')}.`);
  if (rest.length === 0) throw new CliError(USAGE);
  const read = (file: string) => ({ file, text: readBoundedText(file, MAX_SAVE_CHARS, 'a game record', 1) });
  if (rest.length > 1) {
    if ((values.format ?? 'html') !== 'html')
      throw new CliError(`several records compare as html only. ${USAGE}`);
    if (rest.length > 8) throw new CliError('at most 8 groups compare on one page');
    process.stdout.write(await compareTexts(rest.map(read), language));
    return 0;
  }
  const { file, text } = read(rest[0]!);
  process.stdout.write(await reportText(text, file, values.format ?? 'csv', language));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
