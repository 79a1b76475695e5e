/**
 * How the scripts run from the command line (`npm run template`, `npm run compare`): the command's
 * lines go to stdout and its messages to stderr, its number becomes the exit code, and anything
 * it did not expect is printed with `failure` and exits 1, never silently.
 */
export type Command = (
  args: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
) => Promise<number>;

export function runAsCommand(command: Command, failure: string): void {
  command(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${failure}: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
