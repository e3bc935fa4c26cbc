// npm run report -- FILE --format csv|json|html: a game's exports for facilitators who script their sessions. csv:
// the decision log, one row per decision (turn, date, actor, option, as in history, by whom); json: the record
// itself, which `npm run replay` and the game read back; html: the printable after-action report. The file is read as `npm run replay` reads it: rebuilt command by
// command, or refused in one sentence. No export holds a name: records hold seats and commands only.

import { basename } from 'node:path';
import { compareHtml } from '../present/compare-html.ts';
import { reportHtml } from '../present/report-html.ts';
import { compareGames } from '../sim/compare.ts';
import { decisionCsv, decisionRows } from '../sim/decision-log.ts';
import { reportData } from '../sim/report.ts';
import { MAX_SAVE_CHARS, saveJson } from '../sim/save.ts';
import { saidFor } from '../sim/talk.ts';
import { restoreText } from './replay.ts';
import { CliError, parseArgs, readBoundedText, runCli } from './scenario-arg.ts';

const USAGE =
  'usage: npm run report -- FILE --format csv|json|html   (a record written by simulate --record, a room or a save)\n' +
  '       npm run report -- FILE FILE... [--format html]  (several groups of one scenario, side by side)';

export async function reportText(text: string, file: string, format: string): Promise<string> {
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
  if (format === 'html')
    return reportHtml(c.scenario, reportData(c, state, record), saidFor(state, { facilitator: true }));
  return decisionCsv(decisionRows(c, state));
}

/**
 * Several records of one scenario (a class's groups), side by side as one HTML page: each group's ending, each
 * indicator group by group, the first turn their decisions differed, the decisions that weighed most. Each group is
 * named by its file's name.
 */
export async function compareTexts(files: readonly { text: string; file: string }[]): Promise<string> {
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
  return compareHtml(
    first.c.scenario,
    compareGames(
      first.c,
      games.map((g) => ({ label: label(g.file), state: g.state })),
    ),
  );
}

async function main(): Promise<number> {
  const { flags, values, rest } = parseArgs(process.argv.slice(2), ['format'], ['help']);
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (rest.length === 0) throw new CliError(USAGE);
  const read = (file: string) => ({ file, text: readBoundedText(file, MAX_SAVE_CHARS, 'a game record', 1) });
  if (rest.length > 1) {
    if ((values.format ?? 'html') !== 'html')
      throw new CliError(`several records compare as html only. ${USAGE}`);
    if (rest.length > 8) throw new CliError('at most 8 groups compare on one page');
    process.stdout.write(await compareTexts(rest.map(read)));
    return 0;
  }
  const { file, text } = read(rest[0]!);
  process.stdout.write(await reportText(text, file, values.format ?? 'csv'));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
