/**
 * Whether to colour terminal output. The order is Node's and chalk's, with the explicit
 * flag on top (no-color.org: "command-line arguments should override NO_COLOR"):
 *
 * 1. `--color` / `--no-color`;
 * 2. `FORCE_COLOR`: `0` or `false` turns colour off, any other value (even empty) on;
 * 3. `NO_COLOR` set to a non-empty value: off;
 * 4. otherwise: on when the stream is a terminal and `TERM` is not `dumb`.
 */
export function shouldColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, stream: { isTTY?: boolean }): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
