// Runs a project script the way the README does (tsx), but as `node …/tsx/dist/cli.mjs` rather than
// through npx: npx's own start-up costs about a second a run, which the CLI tests pay dozens of times.
import { fileURLToPath } from 'node:url';

const TSX_CLI = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** [command, args] for spawn/execFile: `tsx ...args`. */
export const tsxCommand = (...args: string[]): [string, string[]] => [process.execPath, [TSX_CLI, ...args]];
