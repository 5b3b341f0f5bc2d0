import { createInterface } from 'node:readline/promises';
import { parseArgs, ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's arguments, parsed strictly (`node:util` parseArgs, strict): an unknown option, a
 * missing value or a stray argument stops the command with its usage (exit 2) before anything
 * has been changed. `--help` prints the usage. `check` may reject values (return a message).
 */
export function commandLine<O extends Options>(
  usage: string,
  options: O,
  { positionals = 0, check }: { positionals?: number; check?: (parsed: { values: any; positionals: string[] }) => string | undefined } = {},
) {
  const fail = (message: string): never => {
    console.error(`${message}\nusage: ${usage}`);
    process.exit(2);
  };
  try {
    const parsed = parseArgs({ options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: positionals > 0 });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(`usage: ${usage}`);
      process.exit(0);
    }
    if (parsed.positionals.length > positionals) fail(`unexpected argument: ${parsed.positionals.slice(positionals).join(' ')}`);
    const problem = check?.(parsed);
    if (problem) fail(problem);
    return { values: parsed.values, positionals: parsed.positionals as string[] };
  } catch (error) {
    return fail((error as Error).message);
  }
}

/**
 * Before a command that empties tables: says what it will empty; true only after `--yes`, or on
 * a terminal after the person types "yes". Not on a terminal and without --yes it is false, so a
 * script or a CI step never empties anything by accident. On false the caller changes nothing
 * and exits 2.
 */
export async function confirmEmptying(what: string[], yes: boolean): Promise<boolean> {
  console.error(`This empties:\n${what.map((w) => `  - ${w}`).join('\n')}`);
  if (yes) return true;
  if (!process.stdin.isTTY) {
    console.error('Not on a terminal: pass --yes to go on. Nothing was changed.');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Type "yes" to go on: ');
  rl.close();
  if (answer.trim() === 'yes') return true;
  console.error('Nothing was changed.');
  return false;
}
