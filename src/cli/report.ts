// npm run report -- FILE --format csv|json|html: a game's exports for facilitators who script their sessions. csv:
// the decision log, one row per decision (turn, date, actor, option, as in history, by whom); json: the record
// itself, which `npm run replay` and the game read back; html: the printable after-action report. The file is read as `npm run replay` reads it: rebuilt command by
// command, or refused in one sentence. No export holds a name: records hold seats and commands only.

import { reportHtml } from '../present/report-html.ts';
import { decisionCsv, decisionRows } from '../sim/decision-log.ts';
import { reportData } from '../sim/report.ts';
import { MAX_SAVE_CHARS } from '../sim/save.ts';
import { restoreText } from './replay.ts';
import { CliError, parseArgs, readBoundedText, runCli } from './scenario-arg.ts';

const USAGE =
  'usage: npm run report -- FILE --format csv|json|html   (a record written by simulate --record, a room or a save)';

export async function reportText(text: string, file: string, format: string): Promise<string> {
  if (format !== 'csv' && format !== 'json' && format !== 'html') {
    throw new CliError(`--format ${format}: csv, json or html. ${USAGE}`);
  }
  const { c, state, record } = await restoreText(text, file);
  if (format === 'json') return `${JSON.stringify(record, null, 2)}\n`;
  if (format === 'html') return reportHtml(c.scenario, reportData(c, state, record));
  return decisionCsv(decisionRows(c, state));
}

async function main(): Promise<number> {
  const { flags, values, rest } = parseArgs(process.argv.slice(2), ['format'], ['help']);
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (rest.length !== 1) throw new CliError(USAGE);
  const file = rest[0]!;
  const text = readBoundedText(file, MAX_SAVE_CHARS, 'a game record', 1);
  process.stdout.write(await reportText(text, file, values.format ?? 'csv'));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
