export { loadConfig, parseConfig, resolveConfig, findConfigFile, mistakenConfigFile } from './loader.js';
export { ConfigError, CONFIG_FILE_NAMES } from './types.js';
export type { ConfigSuppression, ResolvedConfig } from './types.js';
export { globToRegExp, matchGlob } from './glob.js';
