/**
 * The `yaml` package's node type guards, each read once when this module loads. The bundle
 * (esbuild) turns the CommonJS `yaml` package into a namespace object whose every property
 * read calls a getter, and the YAML readers call these guards for every node: in the cold
 * single-thread CPU profile of the corpus, that getter alone was 37 ms of self time inside
 * the CI front end (issue 15). Constants bound here are plain function calls.
 */
import * as yaml from 'yaml';

export const { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq } = yaml;
