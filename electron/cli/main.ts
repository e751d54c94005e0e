import { HandbookError } from '../core/api/errors.js';
import { UsageError } from './args.js';
import { ack, ackHelp } from './commands/ack.js';
import { pack, packHelp } from './commands/pack.js';
import { progress, progressHelp } from './commands/progress.js';
import { search, searchHelp } from './commands/search.js';
import { serve, serveHelp } from './commands/serve.js';
import { team, teamHelp } from './commands/team.js';
import { validate, validateHelp } from './commands/validate.js';

const commands: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  search: { run: search, help: searchHelp },
  serve: { run: serve, help: serveHelp },
  validate: { run: validate, help: validateHelp },
  progress: { run: progress, help: progressHelp },
  pack: { run: pack, help: packHelp },
  team: { run: team, help: teamHelp },
  ack: { run: ack, help: ackHelp },
};

const usage = `Usage: handbook <command> [options]

Commands:
${Object.values(commands).map((c) => '  ' + c.help.split('\n')[0].replace('Usage: handbook ', '')).join('\n')}

Every command takes --content DIR (default: the bundled sample pack) and --data DIR
(default: ~/.handbook). Run \`handbook <command> --help\` for details.`;

/** Runs the CLI and returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`handbook: unknown command "${name}". Run \`handbook --help\`.`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`handbook ${name}: ${err.message}. Run \`handbook ${name} --help\`.`);
      return 2;
    }
    const message = err instanceof HandbookError || err instanceof Error ? err.message : String(err);
    console.error(`handbook ${name}: ${message}`);
    return 1;
  }
}
