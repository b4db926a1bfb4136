/**
 * Runs the `yaml` library without a `process.env` read per token.
 *
 * yaml's Parser reads `process.env.LOG_TOKENS` for every lexical token and its Composer
 * `process.env.LOG_STREAM` for every top-level CST token (debug switches that print what they
 * read). In Node each read of `process.env` calls into C++ (getenv, about 0.5 µs), and the
 * corpus's YAML files have about 150,000 tokens: the reads were 15–20 % of the library's
 * parse-and-compose CPU time (issue 15, an in-process benchmark over the corpus's YAML files).
 *
 * While `run` executes, `process.env` is a plain object holding just those two switches as
 * they are set, so the library behaves exactly as before (it prints tokens when LOG_TOKENS is
 * set); the real environment is put back afterwards, also when `run` throws. `run` must be
 * synchronous and only parse or compose YAML: nothing else may read the environment meanwhile.
 */
export function withYamlEnv<T>(run: () => T): T {
  const env = process.env;
  const switches: NodeJS.ProcessEnv = {};
  const tokens = env.LOG_TOKENS;
  const stream = env.LOG_STREAM;
  if (tokens !== undefined) switches.LOG_TOKENS = tokens;
  if (stream !== undefined) switches.LOG_STREAM = stream;
  process.env = switches;
  try {
    return run();
  } finally {
    process.env = env;
  }
}
