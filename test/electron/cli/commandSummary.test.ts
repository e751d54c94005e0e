import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packHelp } from '../../../electron/cli/commands/pack';
import { progressHelp } from '../../../electron/cli/commands/progress';
import { searchHelp } from '../../../electron/cli/commands/search';
import { serveHelp } from '../../../electron/cli/commands/serve';
import { teamHelp } from '../../../electron/cli/commands/team';
import { validateHelp } from '../../../electron/cli/commands/validate';

/** The usage lines of a command's help: from `Usage:` to the first blank line. */
const usageOf = (help: string) => help.slice(help.indexOf('Usage:')).split('\n\n')[0];
const optionsOf = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])];

/** The README's section on the command: the summary block and the paragraph after it. */
function readmeSection(): string {
  const readme = fs.readFileSync('README.md', 'utf8');
  const start = readme.indexOf('## The `handbook` command');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

describe("the README's command summary", () => {
  const helps = { validate: validateHelp, search: searchHelp, serve: serveHelp, pack: packHelp, progress: progressHelp, team: teamHelp };

  it('names every command and every option its --help shows (e.g. search --queries)', () => {
    const section = readmeSection();
    const missing = Object.entries(helps).flatMap(([name, help]) => [
      ...(section.includes(`handbook ${name}`) ? [] : [`handbook ${name}`]),
      ...optionsOf(usageOf(help)).filter((o) => !section.includes(o)).map((o) => `handbook ${name} ${o}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('reads the options from the help (the check would see one go missing)', () => {
    expect(optionsOf(usageOf(searchHelp))).toContain('--queries');
    expect(optionsOf(usageOf(packHelp))).toEqual(expect.arrayContaining(['--data', '--dry-run', '--out']));
    expect(readmeSection()).toMatch(/^## The `handbook` command/);
  });
});
