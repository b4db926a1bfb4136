import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/fast-glob/out/utils/array.js
var require_array = __commonJS({
  "node_modules/fast-glob/out/utils/array.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.splitWhen = exports.flatten = void 0;
    function flatten(items2) {
      return items2.reduce((collection, item) => [].concat(collection, item), []);
    }
    exports.flatten = flatten;
    function splitWhen(items2, predicate) {
      const result = [[]];
      let groupIndex = 0;
      for (const item of items2) {
        if (predicate(item)) {
          groupIndex++;
          result[groupIndex] = [];
        } else {
          result[groupIndex].push(item);
        }
      }
      return result;
    }
    exports.splitWhen = splitWhen;
  }
});

// node_modules/fast-glob/out/utils/errno.js
var require_errno = __commonJS({
  "node_modules/fast-glob/out/utils/errno.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEnoentCodeError = void 0;
    function isEnoentCodeError(error) {
      return error.code === "ENOENT";
    }
    exports.isEnoentCodeError = isEnoentCodeError;
  }
});

// node_modules/fast-glob/out/utils/fs.js
var require_fs = __commonJS({
  "node_modules/fast-glob/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/fast-glob/out/utils/path.js
var require_path = __commonJS({
  "node_modules/fast-glob/out/utils/path.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPosixPathToPattern = exports.convertWindowsPathToPattern = exports.convertPathToPattern = exports.escapePosixPath = exports.escapeWindowsPath = exports.escape = exports.removeLeadingDotSegment = exports.makeAbsolute = exports.unixify = void 0;
    var os = __require("os");
    var path11 = __require("path");
    var IS_WINDOWS_PLATFORM = os.platform() === "win32";
    var LEADING_DOT_SEGMENT_CHARACTERS_COUNT = 2;
    var POSIX_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()*?[\]{|}]|^!|[!+@](?=\()|\\(?![!()*+?@[\]{|}]))/g;
    var WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()[\]{}]|^!|[!+@](?=\())/g;
    var DOS_DEVICE_PATH_RE = /^\\\\([.?])/;
    var WINDOWS_BACKSLASHES_RE = /\\(?![!()+@[\]{}])/g;
    function unixify(filepath) {
      return filepath.replace(/\\/g, "/");
    }
    exports.unixify = unixify;
    function makeAbsolute(cwd, filepath) {
      return path11.resolve(cwd, filepath);
    }
    exports.makeAbsolute = makeAbsolute;
    function removeLeadingDotSegment(entry2) {
      if (entry2.charAt(0) === ".") {
        const secondCharactery = entry2.charAt(1);
        if (secondCharactery === "/" || secondCharactery === "\\") {
          return entry2.slice(LEADING_DOT_SEGMENT_CHARACTERS_COUNT);
        }
      }
      return entry2;
    }
    exports.removeLeadingDotSegment = removeLeadingDotSegment;
    exports.escape = IS_WINDOWS_PLATFORM ? escapeWindowsPath : escapePosixPath;
    function escapeWindowsPath(pattern) {
      return pattern.replace(WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapeWindowsPath = escapeWindowsPath;
    function escapePosixPath(pattern) {
      return pattern.replace(POSIX_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapePosixPath = escapePosixPath;
    exports.convertPathToPattern = IS_WINDOWS_PLATFORM ? convertWindowsPathToPattern : convertPosixPathToPattern;
    function convertWindowsPathToPattern(filepath) {
      return escapeWindowsPath(filepath).replace(DOS_DEVICE_PATH_RE, "//$1").replace(WINDOWS_BACKSLASHES_RE, "/");
    }
    exports.convertWindowsPathToPattern = convertWindowsPathToPattern;
    function convertPosixPathToPattern(filepath) {
      return escapePosixPath(filepath);
    }
    exports.convertPosixPathToPattern = convertPosixPathToPattern;
  }
});

// node_modules/is-extglob/index.js
var require_is_extglob = __commonJS({
  "node_modules/is-extglob/index.js"(exports, module) {
    module.exports = function isExtglob(str2) {
      if (typeof str2 !== "string" || str2 === "") {
        return false;
      }
      var match;
      while (match = /(\\).|([@?!+*]\(.*\))/g.exec(str2)) {
        if (match[2]) return true;
        str2 = str2.slice(match.index + match[0].length);
      }
      return false;
    };
  }
});

// node_modules/is-glob/index.js
var require_is_glob = __commonJS({
  "node_modules/is-glob/index.js"(exports, module) {
    var isExtglob = require_is_extglob();
    var chars = { "{": "}", "(": ")", "[": "]" };
    var strictCheck = function(str2) {
      if (str2[0] === "!") {
        return true;
      }
      var index = 0;
      var pipeIndex = -2;
      var closeSquareIndex = -2;
      var closeCurlyIndex = -2;
      var closeParenIndex = -2;
      var backSlashIndex = -2;
      while (index < str2.length) {
        if (str2[index] === "*") {
          return true;
        }
        if (str2[index + 1] === "?" && /[\].+)]/.test(str2[index])) {
          return true;
        }
        if (closeSquareIndex !== -1 && str2[index] === "[" && str2[index + 1] !== "]") {
          if (closeSquareIndex < index) {
            closeSquareIndex = str2.indexOf("]", index);
          }
          if (closeSquareIndex > index) {
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
            backSlashIndex = str2.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
          }
        }
        if (closeCurlyIndex !== -1 && str2[index] === "{" && str2[index + 1] !== "}") {
          closeCurlyIndex = str2.indexOf("}", index);
          if (closeCurlyIndex > index) {
            backSlashIndex = str2.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeCurlyIndex) {
              return true;
            }
          }
        }
        if (closeParenIndex !== -1 && str2[index] === "(" && str2[index + 1] === "?" && /[:!=]/.test(str2[index + 2]) && str2[index + 3] !== ")") {
          closeParenIndex = str2.indexOf(")", index);
          if (closeParenIndex > index) {
            backSlashIndex = str2.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
              return true;
            }
          }
        }
        if (pipeIndex !== -1 && str2[index] === "(" && str2[index + 1] !== "|") {
          if (pipeIndex < index) {
            pipeIndex = str2.indexOf("|", index);
          }
          if (pipeIndex !== -1 && str2[pipeIndex + 1] !== ")") {
            closeParenIndex = str2.indexOf(")", pipeIndex);
            if (closeParenIndex > pipeIndex) {
              backSlashIndex = str2.indexOf("\\", pipeIndex);
              if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
                return true;
              }
            }
          }
        }
        if (str2[index] === "\\") {
          var open = str2[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str2.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str2[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    var relaxedCheck = function(str2) {
      if (str2[0] === "!") {
        return true;
      }
      var index = 0;
      while (index < str2.length) {
        if (/[*?{}()[\]]/.test(str2[index])) {
          return true;
        }
        if (str2[index] === "\\") {
          var open = str2[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str2.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str2[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    module.exports = function isGlob(str2, options) {
      if (typeof str2 !== "string" || str2 === "") {
        return false;
      }
      if (isExtglob(str2)) {
        return true;
      }
      var check = strictCheck;
      if (options && options.strict === false) {
        check = relaxedCheck;
      }
      return check(str2);
    };
  }
});

// node_modules/fast-glob/node_modules/glob-parent/index.js
var require_glob_parent = __commonJS({
  "node_modules/fast-glob/node_modules/glob-parent/index.js"(exports, module) {
    "use strict";
    var isGlob = require_is_glob();
    var pathPosixDirname = __require("path").posix.dirname;
    var isWin32 = __require("os").platform() === "win32";
    var slash = "/";
    var backslash = /\\/g;
    var enclosure = /[\{\[].*[\}\]]$/;
    var globby = /(^|[^\\])([\{\[]|\([^\)]+$)/;
    var escaped = /\\([\!\*\?\|\[\]\(\)\{\}])/g;
    module.exports = function globParent(str2, opts) {
      var options = Object.assign({ flipBackslashes: true }, opts);
      if (options.flipBackslashes && isWin32 && str2.indexOf(slash) < 0) {
        str2 = str2.replace(backslash, slash);
      }
      if (enclosure.test(str2)) {
        str2 += slash;
      }
      str2 += "a";
      do {
        str2 = pathPosixDirname(str2);
      } while (isGlob(str2) || globby.test(str2));
      return str2.replace(escaped, "$1");
    };
  }
});

// node_modules/braces/lib/utils.js
var require_utils = __commonJS({
  "node_modules/braces/lib/utils.js"(exports) {
    "use strict";
    exports.isInteger = (num2) => {
      if (typeof num2 === "number") {
        return Number.isInteger(num2);
      }
      if (typeof num2 === "string" && num2.trim() !== "") {
        return Number.isInteger(Number(num2));
      }
      return false;
    };
    exports.find = (node, type) => node.nodes.find((node2) => node2.type === type);
    exports.exceedsLimit = (min, max, step = 1, limit) => {
      if (limit === false) return false;
      if (!exports.isInteger(min) || !exports.isInteger(max)) return false;
      return (Number(max) - Number(min)) / Number(step) >= limit;
    };
    exports.escapeNode = (block, n = 0, type) => {
      const node = block.nodes[n];
      if (!node) return;
      if (type && node.type === type || node.type === "open" || node.type === "close") {
        if (node.escaped !== true) {
          node.value = "\\" + node.value;
          node.escaped = true;
        }
      }
    };
    exports.encloseBrace = (node) => {
      if (node.type !== "brace") return false;
      if (node.commas >> 0 + node.ranges >> 0 === 0) {
        node.invalid = true;
        return true;
      }
      return false;
    };
    exports.isInvalidBrace = (block) => {
      if (block.type !== "brace") return false;
      if (block.invalid === true || block.dollar) return true;
      if (block.commas >> 0 + block.ranges >> 0 === 0) {
        block.invalid = true;
        return true;
      }
      if (block.open !== true || block.close !== true) {
        block.invalid = true;
        return true;
      }
      return false;
    };
    exports.isOpenOrClose = (node) => {
      if (node.type === "open" || node.type === "close") {
        return true;
      }
      return node.open === true || node.close === true;
    };
    exports.reduce = (nodes) => nodes.reduce((acc, node) => {
      if (node.type === "text") acc.push(node.value);
      if (node.type === "range") node.type = "text";
      return acc;
    }, []);
    exports.flatten = (...args) => {
      const result = [];
      const flat = (arr) => {
        for (let i = 0; i < arr.length; i++) {
          const ele = arr[i];
          if (Array.isArray(ele)) {
            flat(ele);
            continue;
          }
          if (ele !== void 0) {
            result.push(ele);
          }
        }
        return result;
      };
      flat(args);
      return result;
    };
  }
});

// node_modules/braces/lib/stringify.js
var require_stringify = __commonJS({
  "node_modules/braces/lib/stringify.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    module.exports = (ast, options = {}) => {
      const stringify = (node, parent = {}) => {
        const invalidBlock = options.escapeInvalid && utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        let output = "";
        if (node.value) {
          if ((invalidBlock || invalidNode) && utils.isOpenOrClose(node)) {
            return "\\" + node.value;
          }
          return node.value;
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += stringify(child);
          }
        }
        return output;
      };
      return stringify(ast);
    };
  }
});

// node_modules/is-number/index.js
var require_is_number = __commonJS({
  "node_modules/is-number/index.js"(exports, module) {
    "use strict";
    module.exports = function(num2) {
      if (typeof num2 === "number") {
        return num2 - num2 === 0;
      }
      if (typeof num2 === "string" && num2.trim() !== "") {
        return Number.isFinite ? Number.isFinite(+num2) : isFinite(+num2);
      }
      return false;
    };
  }
});

// node_modules/to-regex-range/index.js
var require_to_regex_range = __commonJS({
  "node_modules/to-regex-range/index.js"(exports, module) {
    "use strict";
    var isNumber = require_is_number();
    var toRegexRange = (min, max, options) => {
      if (isNumber(min) === false) {
        throw new TypeError("toRegexRange: expected the first argument to be a number");
      }
      if (max === void 0 || min === max) {
        return String(min);
      }
      if (isNumber(max) === false) {
        throw new TypeError("toRegexRange: expected the second argument to be a number.");
      }
      let opts = { relaxZeros: true, ...options };
      if (typeof opts.strictZeros === "boolean") {
        opts.relaxZeros = opts.strictZeros === false;
      }
      let relax = String(opts.relaxZeros);
      let shorthand = String(opts.shorthand);
      let capture = String(opts.capture);
      let wrap = String(opts.wrap);
      let cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap;
      if (toRegexRange.cache.hasOwnProperty(cacheKey)) {
        return toRegexRange.cache[cacheKey].result;
      }
      let a = Math.min(min, max);
      let b = Math.max(min, max);
      if (Math.abs(a - b) === 1) {
        let result = min + "|" + max;
        if (opts.capture) {
          return `(${result})`;
        }
        if (opts.wrap === false) {
          return result;
        }
        return `(?:${result})`;
      }
      let isPadded = hasPadding(min) || hasPadding(max);
      let state = { min, max, a, b };
      let positives = [];
      let negatives = [];
      if (isPadded) {
        state.isPadded = isPadded;
        state.maxLen = String(state.max).length;
      }
      if (a < 0) {
        let newMin = b < 0 ? Math.abs(b) : 1;
        negatives = splitToPatterns(newMin, Math.abs(a), state, opts);
        a = state.a = 0;
      }
      if (b >= 0) {
        positives = splitToPatterns(a, b, state, opts);
      }
      state.negatives = negatives;
      state.positives = positives;
      state.result = collatePatterns(negatives, positives, opts);
      if (opts.capture === true) {
        state.result = `(${state.result})`;
      } else if (opts.wrap !== false && positives.length + negatives.length > 1) {
        state.result = `(?:${state.result})`;
      }
      toRegexRange.cache[cacheKey] = state;
      return state.result;
    };
    function collatePatterns(neg, pos, options) {
      let onlyNegative = filterPatterns(neg, pos, "-", false, options) || [];
      let onlyPositive = filterPatterns(pos, neg, "", false, options) || [];
      let intersected = filterPatterns(neg, pos, "-?", true, options) || [];
      let subpatterns = onlyNegative.concat(intersected).concat(onlyPositive);
      return subpatterns.join("|");
    }
    function splitToRanges(min, max) {
      let nines = 1;
      let zeros = 1;
      let stop = countNines(min, nines);
      let stops = /* @__PURE__ */ new Set([max]);
      while (min <= stop && stop <= max) {
        stops.add(stop);
        nines += 1;
        stop = countNines(min, nines);
      }
      stop = countZeros(max + 1, zeros) - 1;
      while (min < stop && stop <= max) {
        stops.add(stop);
        zeros += 1;
        stop = countZeros(max + 1, zeros) - 1;
      }
      stops = [...stops];
      stops.sort(compare2);
      return stops;
    }
    function rangeToPattern(start, stop, options) {
      if (start === stop) {
        return { pattern: start, count: [], digits: 0 };
      }
      let zipped = zip(start, stop);
      let digits = zipped.length;
      let pattern = "";
      let count = 0;
      for (let i = 0; i < digits; i++) {
        let [startDigit, stopDigit] = zipped[i];
        if (startDigit === stopDigit) {
          pattern += startDigit;
        } else if (startDigit !== "0" || stopDigit !== "9") {
          pattern += toCharacterClass(startDigit, stopDigit, options);
        } else {
          count++;
        }
      }
      if (count) {
        pattern += options.shorthand === true ? "\\d" : "[0-9]";
      }
      return { pattern, count: [count], digits };
    }
    function splitToPatterns(min, max, tok, options) {
      let ranges = splitToRanges(min, max);
      let tokens = [];
      let start = min;
      let prev;
      for (let i = 0; i < ranges.length; i++) {
        let max2 = ranges[i];
        let obj2 = rangeToPattern(String(start), String(max2), options);
        let zeros = "";
        if (!tok.isPadded && prev && prev.pattern === obj2.pattern) {
          if (prev.count.length > 1) {
            prev.count.pop();
          }
          prev.count.push(obj2.count[0]);
          prev.string = prev.pattern + toQuantifier(prev.count);
          start = max2 + 1;
          continue;
        }
        if (tok.isPadded) {
          zeros = padZeros(max2, tok, options);
        }
        obj2.string = zeros + obj2.pattern + toQuantifier(obj2.count);
        tokens.push(obj2);
        start = max2 + 1;
        prev = obj2;
      }
      return tokens;
    }
    function filterPatterns(arr, comparison, prefix, intersection, options) {
      let result = [];
      for (let ele of arr) {
        let { string } = ele;
        if (!intersection && !contains3(comparison, "string", string)) {
          result.push(prefix + string);
        }
        if (intersection && contains3(comparison, "string", string)) {
          result.push(prefix + string);
        }
      }
      return result;
    }
    function zip(a, b) {
      let arr = [];
      for (let i = 0; i < a.length; i++) arr.push([a[i], b[i]]);
      return arr;
    }
    function compare2(a, b) {
      return a > b ? 1 : b > a ? -1 : 0;
    }
    function contains3(arr, key, val) {
      return arr.some((ele) => ele[key] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer, zeros) {
      return integer - integer % Math.pow(10, zeros);
    }
    function toQuantifier(digits) {
      let [start = 0, stop = ""] = digits;
      if (stop || start > 1) {
        return `{${start + (stop ? "," + stop : "")}}`;
      }
      return "";
    }
    function toCharacterClass(a, b, options) {
      return `[${a}${b - a === 1 ? "" : "-"}${b}]`;
    }
    function hasPadding(str2) {
      return /^-?(0+)\d/.test(str2);
    }
    function padZeros(value, tok, options) {
      if (!tok.isPadded) {
        return value;
      }
      let diff = Math.abs(tok.maxLen - String(value).length);
      let relax = options.relaxZeros !== false;
      switch (diff) {
        case 0:
          return "";
        case 1:
          return relax ? "0?" : "0";
        case 2:
          return relax ? "0{0,2}" : "00";
        default: {
          return relax ? `0{0,${diff}}` : `0{${diff}}`;
        }
      }
    }
    toRegexRange.cache = {};
    toRegexRange.clearCache = () => toRegexRange.cache = {};
    module.exports = toRegexRange;
  }
});

// node_modules/fill-range/index.js
var require_fill_range = __commonJS({
  "node_modules/fill-range/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var toRegexRange = require_to_regex_range();
    var isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    var transform = (toNumber) => {
      return (value) => toNumber === true ? Number(value) : String(value);
    };
    var isValidValue = (value) => {
      return typeof value === "number" || typeof value === "string" && value !== "";
    };
    var isNumber = (num2) => Number.isInteger(+num2);
    var zeros = (input) => {
      let value = `${input}`;
      let index = -1;
      if (value[0] === "-") value = value.slice(1);
      if (value === "0") return false;
      while (value[++index] === "0") ;
      return index > 0;
    };
    var stringify = (start, end, options) => {
      if (typeof start === "string" || typeof end === "string") {
        return true;
      }
      return options.stringify === true;
    };
    var pad = (input, maxLength, toNumber) => {
      if (maxLength > 0) {
        let dash = input[0] === "-" ? "-" : "";
        if (dash) input = input.slice(1);
        input = dash + input.padStart(dash ? maxLength - 1 : maxLength, "0");
      }
      if (toNumber === false) {
        return String(input);
      }
      return input;
    };
    var toMaxLen = (input, maxLength) => {
      let negative = input[0] === "-" ? "-" : "";
      if (negative) {
        input = input.slice(1);
        maxLength--;
      }
      while (input.length < maxLength) input = "0" + input;
      return negative ? "-" + input : input;
    };
    var toSequence = (parts, options, maxLen) => {
      parts.negatives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      parts.positives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      let prefix = options.capture ? "" : "?:";
      let positives = "";
      let negatives = "";
      let result;
      if (parts.positives.length) {
        positives = parts.positives.map((v) => toMaxLen(String(v), maxLen)).join("|");
      }
      if (parts.negatives.length) {
        negatives = `-(${prefix}${parts.negatives.map((v) => toMaxLen(String(v), maxLen)).join("|")})`;
      }
      if (positives && negatives) {
        result = `${positives}|${negatives}`;
      } else {
        result = positives || negatives;
      }
      if (options.wrap) {
        return `(${prefix}${result})`;
      }
      return result;
    };
    var toRange = (a, b, isNumbers, options) => {
      if (isNumbers) {
        return toRegexRange(a, b, { wrap: false, ...options });
      }
      let start = String.fromCharCode(a);
      if (a === b) return start;
      let stop = String.fromCharCode(b);
      return `[${start}-${stop}]`;
    };
    var toRegex = (start, end, options) => {
      if (Array.isArray(start)) {
        let wrap = options.wrap === true;
        let prefix = options.capture ? "" : "?:";
        return wrap ? `(${prefix}${start.join("|")})` : start.join("|");
      }
      return toRegexRange(start, end, options);
    };
    var rangeError = (...args) => {
      return new RangeError("Invalid range arguments: " + util.inspect(...args));
    };
    var invalidRange = (start, end, options) => {
      if (options.strictRanges === true) throw rangeError([start, end]);
      return [];
    };
    var invalidStep = (step, options) => {
      if (options.strictRanges === true) {
        throw new TypeError(`Expected step "${step}" to be a number`);
      }
      return [];
    };
    var fillNumbers = (start, end, step = 1, options = {}) => {
      let a = Number(start);
      let b = Number(end);
      if (!Number.isInteger(a) || !Number.isInteger(b)) {
        if (options.strictRanges === true) throw rangeError([start, end]);
        return [];
      }
      if (a === 0) a = 0;
      if (b === 0) b = 0;
      let descending = a > b;
      let startString = String(start);
      let endString = String(end);
      let stepString = String(step);
      step = Math.max(Math.abs(step), 1);
      let padded = zeros(startString) || zeros(endString) || zeros(stepString);
      let maxLen = padded ? Math.max(startString.length, endString.length, stepString.length) : 0;
      let toNumber = padded === false && stringify(start, end, options) === false;
      let format2 = options.transform || transform(toNumber);
      if (options.toRegex && step === 1) {
        return toRange(toMaxLen(start, maxLen), toMaxLen(end, maxLen), true, options);
      }
      let parts = { negatives: [], positives: [] };
      let push = (num2) => parts[num2 < 0 ? "negatives" : "positives"].push(Math.abs(num2));
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        if (options.toRegex === true && step > 1) {
          push(a);
        } else {
          range.push(pad(format2(a, index), maxLen, toNumber));
        }
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return step > 1 ? toSequence(parts, options, maxLen) : toRegex(range, null, { wrap: false, ...options });
      }
      return range;
    };
    var fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1) {
        return invalidRange(start, end, options);
      }
      let format2 = options.transform || ((val) => String.fromCharCode(val));
      let a = `${start}`.charCodeAt(0);
      let b = `${end}`.charCodeAt(0);
      let descending = a > b;
      let min = Math.min(a, b);
      let max = Math.max(a, b);
      if (options.toRegex && step === 1) {
        return toRange(min, max, false, options);
      }
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        range.push(format2(a, index));
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return toRegex(range, null, { wrap: false, options });
      }
      return range;
    };
    var fill = (start, end, step, options = {}) => {
      if (end == null && isValidValue(start)) {
        return [start];
      }
      if (!isValidValue(start) || !isValidValue(end)) {
        return invalidRange(start, end, options);
      }
      if (typeof step === "function") {
        return fill(start, end, 1, { transform: step });
      }
      if (isObject(step)) {
        return fill(start, end, 0, step);
      }
      let opts = { ...options };
      if (opts.capture === true) opts.wrap = true;
      step = step || opts.step || 1;
      if (!isNumber(step)) {
        if (step != null && !isObject(step)) return invalidStep(step, opts);
        return fill(start, end, 1, step);
      }
      if (isNumber(start) && isNumber(end)) {
        return fillNumbers(start, end, step, opts);
      }
      return fillLetters(start, end, Math.max(Math.abs(step), 1), opts);
    };
    module.exports = fill;
  }
});

// node_modules/braces/lib/compile.js
var require_compile = __commonJS({
  "node_modules/braces/lib/compile.js"(exports, module) {
    "use strict";
    var fill = require_fill_range();
    var utils = require_utils();
    var compile = (ast, options = {}) => {
      const walk = (node, parent = {}) => {
        const invalidBlock = utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        const invalid = invalidBlock === true || invalidNode === true;
        const prefix = options.escapeInvalid === true ? "\\" : "";
        let output = "";
        if (node.isOpen === true) {
          return prefix + node.value;
        }
        if (node.isClose === true) {
          console.log("node.isClose", prefix, node.value);
          return prefix + node.value;
        }
        if (node.type === "open") {
          return invalid ? prefix + node.value : "(";
        }
        if (node.type === "close") {
          return invalid ? prefix + node.value : ")";
        }
        if (node.type === "comma") {
          return node.prev.type === "comma" ? "" : invalid ? node.value : "|";
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          const range = fill(...args, { ...options, wrap: false, toRegex: true, strictZeros: true });
          if (range.length !== 0) {
            return args.length > 1 && range.length > 1 ? `(${range})` : range;
          }
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += walk(child, node);
          }
        }
        return output;
      };
      return walk(ast);
    };
    module.exports = compile;
  }
});

// node_modules/braces/lib/expand.js
var require_expand = __commonJS({
  "node_modules/braces/lib/expand.js"(exports, module) {
    "use strict";
    var fill = require_fill_range();
    var stringify = require_stringify();
    var utils = require_utils();
    var append = (queue = "", stash = "", enclose = false) => {
      const result = [];
      queue = [].concat(queue);
      stash = [].concat(stash);
      if (!stash.length) return queue;
      if (!queue.length) {
        return enclose ? utils.flatten(stash).map((ele) => `{${ele}}`) : stash;
      }
      for (const item of queue) {
        if (Array.isArray(item)) {
          for (const value of item) {
            result.push(append(value, stash, enclose));
          }
        } else {
          for (let ele of stash) {
            if (enclose === true && typeof ele === "string") ele = `{${ele}}`;
            result.push(Array.isArray(ele) ? append(item, ele, enclose) : item + ele);
          }
        }
      }
      return utils.flatten(result);
    };
    var expand = (ast, options = {}) => {
      const rangeLimit = options.rangeLimit === void 0 ? 1e3 : options.rangeLimit;
      const walk = (node, parent = {}) => {
        node.queue = [];
        let p = parent;
        let q = parent.queue;
        while (p.type !== "brace" && p.type !== "root" && p.parent) {
          p = p.parent;
          q = p.queue;
        }
        if (node.invalid || node.dollar) {
          q.push(append(q.pop(), stringify(node, options)));
          return;
        }
        if (node.type === "brace" && node.invalid !== true && node.nodes.length === 2) {
          q.push(append(q.pop(), ["{}"]));
          return;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          if (utils.exceedsLimit(...args, options.step, rangeLimit)) {
            throw new RangeError("expanded array length exceeds range limit. Use options.rangeLimit to increase or disable the limit.");
          }
          let range = fill(...args, options);
          if (range.length === 0) {
            range = stringify(node, options);
          }
          q.push(append(q.pop(), range));
          node.nodes = [];
          return;
        }
        const enclose = utils.encloseBrace(node);
        let queue = node.queue;
        let block = node;
        while (block.type !== "brace" && block.type !== "root" && block.parent) {
          block = block.parent;
          queue = block.queue;
        }
        for (let i = 0; i < node.nodes.length; i++) {
          const child = node.nodes[i];
          if (child.type === "comma" && node.type === "brace") {
            if (i === 1) queue.push("");
            queue.push("");
            continue;
          }
          if (child.type === "close") {
            q.push(append(q.pop(), queue, enclose));
            continue;
          }
          if (child.value && child.type !== "open") {
            queue.push(append(queue.pop(), child.value));
            continue;
          }
          if (child.nodes) {
            walk(child, node);
          }
        }
        return queue;
      };
      return utils.flatten(walk(ast));
    };
    module.exports = expand;
  }
});

// node_modules/braces/lib/constants.js
var require_constants = __commonJS({
  "node_modules/braces/lib/constants.js"(exports, module) {
    "use strict";
    module.exports = {
      MAX_LENGTH: 1e4,
      // Digits
      CHAR_0: "0",
      /* 0 */
      CHAR_9: "9",
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: "A",
      /* A */
      CHAR_LOWERCASE_A: "a",
      /* a */
      CHAR_UPPERCASE_Z: "Z",
      /* Z */
      CHAR_LOWERCASE_Z: "z",
      /* z */
      CHAR_LEFT_PARENTHESES: "(",
      /* ( */
      CHAR_RIGHT_PARENTHESES: ")",
      /* ) */
      CHAR_ASTERISK: "*",
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: "&",
      /* & */
      CHAR_AT: "@",
      /* @ */
      CHAR_BACKSLASH: "\\",
      /* \ */
      CHAR_BACKTICK: "`",
      /* ` */
      CHAR_CARRIAGE_RETURN: "\r",
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: "^",
      /* ^ */
      CHAR_COLON: ":",
      /* : */
      CHAR_COMMA: ",",
      /* , */
      CHAR_DOLLAR: "$",
      /* . */
      CHAR_DOT: ".",
      /* . */
      CHAR_DOUBLE_QUOTE: '"',
      /* " */
      CHAR_EQUAL: "=",
      /* = */
      CHAR_EXCLAMATION_MARK: "!",
      /* ! */
      CHAR_FORM_FEED: "\f",
      /* \f */
      CHAR_FORWARD_SLASH: "/",
      /* / */
      CHAR_HASH: "#",
      /* # */
      CHAR_HYPHEN_MINUS: "-",
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: "<",
      /* < */
      CHAR_LEFT_CURLY_BRACE: "{",
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: "[",
      /* [ */
      CHAR_LINE_FEED: "\n",
      /* \n */
      CHAR_NO_BREAK_SPACE: "\xA0",
      /* \u00A0 */
      CHAR_PERCENT: "%",
      /* % */
      CHAR_PLUS: "+",
      /* + */
      CHAR_QUESTION_MARK: "?",
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: ">",
      /* > */
      CHAR_RIGHT_CURLY_BRACE: "}",
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: "]",
      /* ] */
      CHAR_SEMICOLON: ";",
      /* ; */
      CHAR_SINGLE_QUOTE: "'",
      /* ' */
      CHAR_SPACE: " ",
      /*   */
      CHAR_TAB: "	",
      /* \t */
      CHAR_UNDERSCORE: "_",
      /* _ */
      CHAR_VERTICAL_LINE: "|",
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: "\uFEFF"
      /* \uFEFF */
    };
  }
});

// node_modules/braces/lib/parse.js
var require_parse = __commonJS({
  "node_modules/braces/lib/parse.js"(exports, module) {
    "use strict";
    var stringify = require_stringify();
    var {
      MAX_LENGTH,
      CHAR_BACKSLASH,
      /* \ */
      CHAR_BACKTICK,
      /* ` */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_RIGHT_SQUARE_BRACKET,
      /* ] */
      CHAR_DOUBLE_QUOTE,
      /* " */
      CHAR_SINGLE_QUOTE,
      /* ' */
      CHAR_NO_BREAK_SPACE,
      CHAR_ZERO_WIDTH_NOBREAK_SPACE
    } = require_constants();
    var parse2 = (input, options = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      const opts = options || {};
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      if (input.length > max) {
        throw new SyntaxError(`Input length (${input.length}), exceeds max characters (${max})`);
      }
      const ast = { type: "root", input, nodes: [] };
      const stack = [ast];
      let block = ast;
      let prev = ast;
      let brackets = 0;
      const length = input.length;
      let index = 0;
      let depth = 0;
      let value;
      const advance = () => input[index++];
      const push = (node) => {
        if (node.type === "text" && prev.type === "dot") {
          prev.type = "text";
        }
        if (prev && prev.type === "text" && node.type === "text") {
          prev.value += node.value;
          return;
        }
        block.nodes.push(node);
        node.parent = block;
        node.prev = prev;
        prev = node;
        return node;
      };
      push({ type: "bos" });
      while (index < length) {
        block = stack[stack.length - 1];
        value = advance();
        if (value === CHAR_ZERO_WIDTH_NOBREAK_SPACE || value === CHAR_NO_BREAK_SPACE) {
          continue;
        }
        if (value === CHAR_BACKSLASH) {
          push({ type: "text", value: (options.keepEscaping ? value : "") + advance() });
          continue;
        }
        if (value === CHAR_RIGHT_SQUARE_BRACKET) {
          push({ type: "text", value: "\\" + value });
          continue;
        }
        if (value === CHAR_LEFT_SQUARE_BRACKET) {
          brackets++;
          let next;
          while (index < length && (next = advance())) {
            value += next;
            if (next === CHAR_LEFT_SQUARE_BRACKET) {
              brackets++;
              continue;
            }
            if (next === CHAR_BACKSLASH) {
              value += advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              brackets--;
              if (brackets === 0) {
                break;
              }
            }
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_PARENTHESES) {
          block = push({ type: "paren", nodes: [] });
          stack.push(block);
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_RIGHT_PARENTHESES) {
          if (block.type !== "paren") {
            push({ type: "text", value });
            continue;
          }
          block = stack.pop();
          push({ type: "text", value });
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_DOUBLE_QUOTE || value === CHAR_SINGLE_QUOTE || value === CHAR_BACKTICK) {
          const open = value;
          let next;
          if (options.keepQuotes !== true) {
            value = "";
          }
          while (index < length && (next = advance())) {
            if (next === CHAR_BACKSLASH) {
              value += next + advance();
              continue;
            }
            if (next === open) {
              if (options.keepQuotes === true) value += next;
              break;
            }
            value += next;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_CURLY_BRACE) {
          depth++;
          const dollar = prev.value && prev.value.slice(-1) === "$" || block.dollar === true;
          const brace = {
            type: "brace",
            open: true,
            close: false,
            dollar,
            depth,
            commas: 0,
            ranges: 0,
            nodes: []
          };
          block = push(brace);
          stack.push(block);
          push({ type: "open", value });
          continue;
        }
        if (value === CHAR_RIGHT_CURLY_BRACE) {
          if (block.type !== "brace") {
            push({ type: "text", value });
            continue;
          }
          const type = "close";
          block = stack.pop();
          block.close = true;
          push({ type, value });
          depth--;
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_COMMA && depth > 0) {
          if (block.ranges > 0) {
            block.ranges = 0;
            const open = block.nodes.shift();
            block.nodes = [open, { type: "text", value: stringify(block) }];
          }
          push({ type: "comma", value });
          block.commas++;
          continue;
        }
        if (value === CHAR_DOT && depth > 0 && block.commas === 0) {
          const siblings = block.nodes;
          if (depth === 0 || siblings.length === 0) {
            push({ type: "text", value });
            continue;
          }
          if (prev.type === "dot") {
            block.range = [];
            prev.value += value;
            prev.type = "range";
            if (block.nodes.length !== 3 && block.nodes.length !== 5) {
              block.invalid = true;
              block.ranges = 0;
              prev.type = "text";
              continue;
            }
            block.ranges++;
            block.args = [];
            continue;
          }
          if (prev.type === "range") {
            siblings.pop();
            const before = siblings[siblings.length - 1];
            before.value += prev.value + value;
            prev = before;
            block.ranges--;
            continue;
          }
          push({ type: "dot", value });
          continue;
        }
        push({ type: "text", value });
      }
      do {
        block = stack.pop();
        if (block.type !== "root") {
          block.nodes.forEach((node) => {
            if (!node.nodes) {
              if (node.type === "open") node.isOpen = true;
              if (node.type === "close") node.isClose = true;
              if (!node.nodes) node.type = "text";
              node.invalid = true;
            }
          });
          const parent = stack[stack.length - 1];
          const index2 = parent.nodes.indexOf(block);
          parent.nodes.splice(index2, 1, ...block.nodes);
        }
      } while (stack.length > 0);
      push({ type: "eos" });
      return ast;
    };
    module.exports = parse2;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports, module) {
    "use strict";
    var stringify = require_stringify();
    var compile = require_compile();
    var expand = require_expand();
    var parse2 = require_parse();
    var braces = (input, options = {}) => {
      let output = [];
      if (Array.isArray(input)) {
        for (const pattern of input) {
          const result = braces.create(pattern, options);
          if (Array.isArray(result)) {
            output.push(...result);
          } else {
            output.push(result);
          }
        }
      } else {
        output = [].concat(braces.create(input, options));
      }
      if (options && options.expand === true && options.nodupes === true) {
        output = [...new Set(output)];
      }
      return output;
    };
    braces.parse = (input, options = {}) => parse2(input, options);
    braces.stringify = (input, options = {}) => {
      if (typeof input === "string") {
        return stringify(braces.parse(input, options), options);
      }
      return stringify(input, options);
    };
    braces.compile = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      return compile(input, options);
    };
    braces.expand = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      let result = expand(input, options);
      if (options.noempty === true) {
        result = result.filter(Boolean);
      }
      if (options.nodupes === true) {
        result = [...new Set(result)];
      }
      return result;
    };
    braces.create = (input, options = {}) => {
      if (input === "" || input.length < 3) {
        return [input];
      }
      return options.expand !== true ? braces.compile(input, options) : braces.expand(input, options);
    };
    module.exports = braces;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/constants.js
var require_constants2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var path11 = __require("path");
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      SEP: path11.sep,
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var path11 = __require("path");
    var win32 = process.platform === "win32";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants2();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str2) => REGEX_SPECIAL_CHARS.test(str2);
    exports.isRegexChar = (str2) => str2.length === 1 && exports.hasRegexChars(str2);
    exports.escapeRegex = (str2) => str2.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str2) => str2.replace(REGEX_BACKSLASH, "/");
    exports.removeBackslashes = (str2) => {
      return str2.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.supportsLookbehinds = () => {
      const segs = process.version.slice(1).split(".").map(Number);
      if (segs.length === 3 && segs[0] >= 9 || segs[0] === 8 && segs[1] >= 10) {
        return true;
      }
      return false;
    };
    exports.isWindows = (options) => {
      if (options && typeof options.windows === "boolean") {
        return options.windows;
      }
      return win32 === true || path11.sep === "\\";
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils2();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants2();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan2 = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str2 = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str2.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str2.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  code = advance();
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES) {
                  isGlob = token.isGlob = true;
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_LEFT_PARENTHESES) {
                backslashes = token.backslashes = true;
                code = advance();
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str2;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str2.slice(0, start);
        str2 = str2.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str2.slice(0, lastIndex);
        glob = str2.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str2;
      } else {
        base = str2;
      }
      if (base && base !== "" && base !== "/" && base !== str2) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n = prevIndex ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value = input.slice(n, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (idx !== 0 || value !== "") {
            parts.push(value);
          }
          prevIndex = i;
        }
        if (prevIndex && prevIndex + 1 < input.length) {
          const value = input.slice(prevIndex + 1);
          parts.push(value);
          if (opts.tokens) {
            tokens[tokens.length - 1].value = value;
            depth(tokens[tokens.length - 1]);
            state.maxDepth += tokens[tokens.length - 1].depth;
          }
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan2;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/parse.js
var require_parse2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants2();
    var utils = require_utils2();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var getStarExtglobSequenceOutput = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      for (const branch of branches) {
        const safeOutput = getStarExtglobSequenceOutput(branch);
        if (safeOutput) {
          return { risky: true, safeOutput };
        }
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      return { risky: false };
    };
    var parse2 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const win32 = utils.isWindows(options);
      const PLATFORM_CHARS = constants.globChars(win32);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num2 = 0) => {
        state.consumed += value2;
        state.index += num2;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.value += tok.value;
          prev.output = (prev.output || "") + tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse2(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (next === "<" && !utils.supportsLookbehinds()) {
              throw new Error("Node.js v10 or higher is required for regex lookbehinds");
            }
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && eos()) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse2.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const win32 = utils.isWindows(options);
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(win32);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str2) => {
        switch (str2) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str2);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse2;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var path11 = __require("path");
    var scan2 = require_scan();
    var parse2 = require_parse2();
    var utils = require_utils2();
    var constants = require_constants2();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns3 = glob.map((input) => picomatch(input, options, returnState));
        const arrayMatcher = (str2) => {
          for (const isMatch of fns3) {
            const state2 = isMatch(str2);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = utils.isWindows(options);
      const regex = isState ? picomatch.compileRe(glob, options) : picomatch.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format2 = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format2 ? format2(input) : input;
      if (match === false) {
        output = format2 ? format2(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch.matchBase = (input, glob, options, posix = utils.isWindows(options)) => {
      const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
      return regex.test(path11.basename(input));
    };
    picomatch.isMatch = (str2, patterns, options) => picomatch(patterns, options)(str2);
    picomatch.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch.parse(p, options));
      return parse2(pattern, { ...options, fastpaths: false });
    };
    picomatch.scan = (input, options) => scan2(input, options);
    picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse2.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse2(input, options);
      }
      return picomatch.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err2) {
        if (options && options.debug === true) throw err2;
        return /$^/;
      }
    };
    picomatch.constants = constants;
    module.exports = picomatch;
  }
});

// node_modules/micromatch/node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    module.exports = require_picomatch();
  }
});

// node_modules/micromatch/index.js
var require_micromatch = __commonJS({
  "node_modules/micromatch/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var braces = require_braces();
    var picomatch = require_picomatch2();
    var utils = require_utils2();
    var isEmptyString = (v) => v === "" || v === "./";
    var hasBraces = (v) => {
      const index = v.indexOf("{");
      return index > -1 && v.indexOf("}", index) > -1;
    };
    var micromatch = (list2, patterns, options) => {
      patterns = [].concat(patterns);
      list2 = [].concat(list2);
      let omit = /* @__PURE__ */ new Set();
      let keep = /* @__PURE__ */ new Set();
      let items2 = /* @__PURE__ */ new Set();
      let negatives = 0;
      let onResult = (state) => {
        items2.add(state.output);
        if (options && options.onResult) {
          options.onResult(state);
        }
      };
      for (let i = 0; i < patterns.length; i++) {
        let isMatch = picomatch(String(patterns[i]), { ...options, onResult }, true);
        let negated = isMatch.state.negated || isMatch.state.negatedExtglob;
        if (negated) negatives++;
        for (let item of list2) {
          let matched = isMatch(item, true);
          let match = negated ? !matched.isMatch : matched.isMatch;
          if (!match) continue;
          if (negated) {
            omit.add(matched.output);
          } else {
            omit.delete(matched.output);
            keep.add(matched.output);
          }
        }
      }
      let result = negatives === patterns.length ? [...items2] : [...keep];
      let matches = result.filter((item) => !omit.has(item));
      if (options && matches.length === 0) {
        if (options.failglob === true) {
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        }
        if (options.nonull === true || options.nullglob === true) {
          return options.unescape ? patterns.map((p) => p.replace(/\\/g, "")) : patterns;
        }
      }
      return matches;
    };
    micromatch.match = micromatch;
    micromatch.matcher = (pattern, options) => picomatch(pattern, options);
    micromatch.isMatch = (str2, patterns, options) => picomatch(patterns, options)(str2);
    micromatch.any = micromatch.isMatch;
    micromatch.not = (list2, patterns, options = {}) => {
      patterns = [].concat(patterns).map(String);
      let result = /* @__PURE__ */ new Set();
      let items2 = [];
      let onResult = (state) => {
        if (options.onResult) options.onResult(state);
        items2.push(state.output);
      };
      let matches = new Set(micromatch(list2, patterns, { ...options, onResult }));
      for (let item of items2) {
        if (!matches.has(item)) {
          result.add(item);
        }
      }
      return [...result];
    };
    micromatch.contains = (str2, pattern, options) => {
      if (typeof str2 !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str2)}"`);
      }
      if (Array.isArray(pattern)) {
        return pattern.some((p) => micromatch.contains(str2, p, options));
      }
      if (typeof pattern === "string") {
        if (isEmptyString(str2) || isEmptyString(pattern)) {
          return false;
        }
        if (str2.includes(pattern) || str2.startsWith("./") && str2.slice(2).includes(pattern)) {
          return true;
        }
      }
      return micromatch.isMatch(str2, pattern, { ...options, contains: true });
    };
    micromatch.matchKeys = (obj2, patterns, options) => {
      if (!utils.isObject(obj2)) {
        throw new TypeError("Expected the first argument to be an object");
      }
      let keys = micromatch(Object.keys(obj2), patterns, options);
      let res = {};
      for (let key of keys) res[key] = obj2[key];
      return res;
    };
    micromatch.some = (list2, patterns, options) => {
      let items2 = [].concat(list2);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (items2.some((item) => isMatch(item))) {
          return true;
        }
      }
      return false;
    };
    micromatch.every = (list2, patterns, options) => {
      let items2 = [].concat(list2);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (!items2.every((item) => isMatch(item))) {
          return false;
        }
      }
      return true;
    };
    micromatch.all = (str2, patterns, options) => {
      if (typeof str2 !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str2)}"`);
      }
      return [].concat(patterns).every((p) => picomatch(p, options)(str2));
    };
    micromatch.capture = (glob, input, options) => {
      let posix = utils.isWindows(options);
      let regex = picomatch.makeRe(String(glob), { ...options, capture: true });
      let match = regex.exec(posix ? utils.toPosixSlashes(input) : input);
      if (match) {
        return match.slice(1).map((v) => v === void 0 ? "" : v);
      }
    };
    micromatch.makeRe = (...args) => picomatch.makeRe(...args);
    micromatch.scan = (...args) => picomatch.scan(...args);
    micromatch.parse = (patterns, options) => {
      let res = [];
      for (let pattern of [].concat(patterns || [])) {
        for (let str2 of braces(String(pattern), options)) {
          res.push(picomatch.parse(str2, options));
        }
      }
      return res;
    };
    micromatch.braces = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      if (options && options.nobrace === true || !hasBraces(pattern)) {
        return [pattern];
      }
      return braces(pattern, options);
    };
    micromatch.braceExpand = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      return micromatch.braces(pattern, { ...options, expand: true });
    };
    micromatch.hasBraces = hasBraces;
    module.exports = micromatch;
  }
});

// node_modules/fast-glob/out/utils/pattern.js
var require_pattern = __commonJS({
  "node_modules/fast-glob/out/utils/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isAbsolute = exports.partitionAbsoluteAndRelative = exports.removeDuplicateSlashes = exports.matchAny = exports.convertPatternsToRe = exports.makeRe = exports.getPatternParts = exports.expandBraceExpansion = exports.expandPatternsWithBraceExpansion = exports.isAffectDepthOfReadingPattern = exports.endsWithSlashGlobStar = exports.hasGlobStar = exports.getBaseDirectory = exports.isPatternRelatedToParentDirectory = exports.getPatternsOutsideCurrentDirectory = exports.getPatternsInsideCurrentDirectory = exports.getPositivePatterns = exports.getNegativePatterns = exports.isPositivePattern = exports.isNegativePattern = exports.convertToNegativePattern = exports.convertToPositivePattern = exports.isDynamicPattern = exports.isStaticPattern = void 0;
    var path11 = __require("path");
    var globParent = require_glob_parent();
    var micromatch = require_micromatch();
    var GLOBSTAR = "**";
    var ESCAPE_SYMBOL = "\\";
    var COMMON_GLOB_SYMBOLS_RE = /[*?]|^!/;
    var REGEX_CHARACTER_CLASS_SYMBOLS_RE = /\[[^[]*]/;
    var REGEX_GROUP_SYMBOLS_RE = /(?:^|[^!*+?@])\([^(]*\|[^|]*\)/;
    var GLOB_EXTENSION_SYMBOLS_RE = /[!*+?@]\([^(]*\)/;
    var BRACE_EXPANSION_SEPARATORS_RE = /,|\.\./;
    var DOUBLE_SLASH_RE = /(?!^)\/{2,}/g;
    function isStaticPattern(pattern, options = {}) {
      return !isDynamicPattern(pattern, options);
    }
    exports.isStaticPattern = isStaticPattern;
    function isDynamicPattern(pattern, options = {}) {
      if (pattern === "") {
        return false;
      }
      if (options.caseSensitiveMatch === false || pattern.includes(ESCAPE_SYMBOL)) {
        return true;
      }
      if (COMMON_GLOB_SYMBOLS_RE.test(pattern) || REGEX_CHARACTER_CLASS_SYMBOLS_RE.test(pattern) || REGEX_GROUP_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.extglob !== false && GLOB_EXTENSION_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.braceExpansion !== false && hasBraceExpansion(pattern)) {
        return true;
      }
      return false;
    }
    exports.isDynamicPattern = isDynamicPattern;
    function hasBraceExpansion(pattern) {
      const openingBraceIndex = pattern.indexOf("{");
      if (openingBraceIndex === -1) {
        return false;
      }
      const closingBraceIndex = pattern.indexOf("}", openingBraceIndex + 1);
      if (closingBraceIndex === -1) {
        return false;
      }
      const braceContent = pattern.slice(openingBraceIndex, closingBraceIndex);
      return BRACE_EXPANSION_SEPARATORS_RE.test(braceContent);
    }
    function convertToPositivePattern(pattern) {
      return isNegativePattern(pattern) ? pattern.slice(1) : pattern;
    }
    exports.convertToPositivePattern = convertToPositivePattern;
    function convertToNegativePattern(pattern) {
      return "!" + pattern;
    }
    exports.convertToNegativePattern = convertToNegativePattern;
    function isNegativePattern(pattern) {
      return pattern.startsWith("!") && pattern[1] !== "(";
    }
    exports.isNegativePattern = isNegativePattern;
    function isPositivePattern(pattern) {
      return !isNegativePattern(pattern);
    }
    exports.isPositivePattern = isPositivePattern;
    function getNegativePatterns(patterns) {
      return patterns.filter(isNegativePattern);
    }
    exports.getNegativePatterns = getNegativePatterns;
    function getPositivePatterns(patterns) {
      return patterns.filter(isPositivePattern);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getPatternsInsideCurrentDirectory(patterns) {
      return patterns.filter((pattern) => !isPatternRelatedToParentDirectory(pattern));
    }
    exports.getPatternsInsideCurrentDirectory = getPatternsInsideCurrentDirectory;
    function getPatternsOutsideCurrentDirectory(patterns) {
      return patterns.filter(isPatternRelatedToParentDirectory);
    }
    exports.getPatternsOutsideCurrentDirectory = getPatternsOutsideCurrentDirectory;
    function isPatternRelatedToParentDirectory(pattern) {
      return pattern.startsWith("..") || pattern.startsWith("./..");
    }
    exports.isPatternRelatedToParentDirectory = isPatternRelatedToParentDirectory;
    function getBaseDirectory(pattern) {
      return globParent(pattern, { flipBackslashes: false });
    }
    exports.getBaseDirectory = getBaseDirectory;
    function hasGlobStar(pattern) {
      return pattern.includes(GLOBSTAR);
    }
    exports.hasGlobStar = hasGlobStar;
    function endsWithSlashGlobStar(pattern) {
      return pattern.endsWith("/" + GLOBSTAR);
    }
    exports.endsWithSlashGlobStar = endsWithSlashGlobStar;
    function isAffectDepthOfReadingPattern(pattern) {
      const basename2 = path11.basename(pattern);
      return endsWithSlashGlobStar(pattern) || isStaticPattern(basename2);
    }
    exports.isAffectDepthOfReadingPattern = isAffectDepthOfReadingPattern;
    function expandPatternsWithBraceExpansion(patterns) {
      return patterns.reduce((collection, pattern) => {
        return collection.concat(expandBraceExpansion(pattern));
      }, []);
    }
    exports.expandPatternsWithBraceExpansion = expandPatternsWithBraceExpansion;
    function expandBraceExpansion(pattern) {
      const patterns = micromatch.braces(pattern, { expand: true, nodupes: true, keepEscaping: true });
      patterns.sort((a, b) => a.length - b.length);
      return patterns.filter((pattern2) => pattern2 !== "");
    }
    exports.expandBraceExpansion = expandBraceExpansion;
    function getPatternParts(pattern, options) {
      let { parts } = micromatch.scan(pattern, Object.assign(Object.assign({}, options), { parts: true }));
      if (parts.length === 0) {
        parts = [pattern];
      }
      if (parts[0].startsWith("/")) {
        parts[0] = parts[0].slice(1);
        parts.unshift("");
      }
      return parts;
    }
    exports.getPatternParts = getPatternParts;
    function makeRe(pattern, options) {
      return micromatch.makeRe(pattern, options);
    }
    exports.makeRe = makeRe;
    function convertPatternsToRe(patterns, options) {
      return patterns.map((pattern) => makeRe(pattern, options));
    }
    exports.convertPatternsToRe = convertPatternsToRe;
    function matchAny(entry2, patternsRe) {
      return patternsRe.some((patternRe) => patternRe.test(entry2));
    }
    exports.matchAny = matchAny;
    function removeDuplicateSlashes(pattern) {
      return pattern.replace(DOUBLE_SLASH_RE, "/");
    }
    exports.removeDuplicateSlashes = removeDuplicateSlashes;
    function partitionAbsoluteAndRelative(patterns) {
      const absolute = [];
      const relative = [];
      for (const pattern of patterns) {
        if (isAbsolute(pattern)) {
          absolute.push(pattern);
        } else {
          relative.push(pattern);
        }
      }
      return [absolute, relative];
    }
    exports.partitionAbsoluteAndRelative = partitionAbsoluteAndRelative;
    function isAbsolute(pattern) {
      return path11.isAbsolute(pattern);
    }
    exports.isAbsolute = isAbsolute;
  }
});

// node_modules/merge2/index.js
var require_merge2 = __commonJS({
  "node_modules/merge2/index.js"(exports, module) {
    "use strict";
    var Stream = __require("stream");
    var PassThrough = Stream.PassThrough;
    var slice = Array.prototype.slice;
    module.exports = merge2;
    function merge2() {
      const streamsQueue = [];
      const args = slice.call(arguments);
      let merging = false;
      let options = args[args.length - 1];
      if (options && !Array.isArray(options) && options.pipe == null) {
        args.pop();
      } else {
        options = {};
      }
      const doEnd = options.end !== false;
      const doPipeError = options.pipeError === true;
      if (options.objectMode == null) {
        options.objectMode = true;
      }
      if (options.highWaterMark == null) {
        options.highWaterMark = 64 * 1024;
      }
      const mergedStream = PassThrough(options);
      function addStream() {
        for (let i = 0, len = arguments.length; i < len; i++) {
          streamsQueue.push(pauseStreams(arguments[i], options));
        }
        mergeStream();
        return this;
      }
      function mergeStream() {
        if (merging) {
          return;
        }
        merging = true;
        let streams = streamsQueue.shift();
        if (!streams) {
          process.nextTick(endStream);
          return;
        }
        if (!Array.isArray(streams)) {
          streams = [streams];
        }
        let pipesCount = streams.length + 1;
        function next() {
          if (--pipesCount > 0) {
            return;
          }
          merging = false;
          mergeStream();
        }
        function pipe(stream) {
          function onend() {
            stream.removeListener("merge2UnpipeEnd", onend);
            stream.removeListener("end", onend);
            if (doPipeError) {
              stream.removeListener("error", onerror);
            }
            next();
          }
          function onerror(err2) {
            mergedStream.emit("error", err2);
          }
          if (stream._readableState.endEmitted) {
            return next();
          }
          stream.on("merge2UnpipeEnd", onend);
          stream.on("end", onend);
          if (doPipeError) {
            stream.on("error", onerror);
          }
          stream.pipe(mergedStream, { end: false });
          stream.resume();
        }
        for (let i = 0; i < streams.length; i++) {
          pipe(streams[i]);
        }
        next();
      }
      function endStream() {
        merging = false;
        mergedStream.emit("queueDrain");
        if (doEnd) {
          mergedStream.end();
        }
      }
      mergedStream.setMaxListeners(0);
      mergedStream.add = addStream;
      mergedStream.on("unpipe", function(stream) {
        stream.emit("merge2UnpipeEnd");
      });
      if (args.length) {
        addStream.apply(null, args);
      }
      return mergedStream;
    }
    function pauseStreams(streams, options) {
      if (!Array.isArray(streams)) {
        if (!streams._readableState && streams.pipe) {
          streams = streams.pipe(PassThrough(options));
        }
        if (!streams._readableState || !streams.pause || !streams.pipe) {
          throw new Error("Only readable stream can be merged.");
        }
        streams.pause();
      } else {
        for (let i = 0, len = streams.length; i < len; i++) {
          streams[i] = pauseStreams(streams[i], options);
        }
      }
      return streams;
    }
  }
});

// node_modules/fast-glob/out/utils/stream.js
var require_stream = __commonJS({
  "node_modules/fast-glob/out/utils/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.merge = void 0;
    var merge2 = require_merge2();
    function merge(streams) {
      const mergedStream = merge2(streams);
      streams.forEach((stream) => {
        stream.once("error", (error) => mergedStream.emit("error", error));
      });
      mergedStream.once("close", () => propagateCloseEventToSources(streams));
      mergedStream.once("end", () => propagateCloseEventToSources(streams));
      return mergedStream;
    }
    exports.merge = merge;
    function propagateCloseEventToSources(streams) {
      streams.forEach((stream) => stream.emit("close"));
    }
  }
});

// node_modules/fast-glob/out/utils/string.js
var require_string = __commonJS({
  "node_modules/fast-glob/out/utils/string.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEmpty = exports.isString = void 0;
    function isString(input) {
      return typeof input === "string";
    }
    exports.isString = isString;
    function isEmpty(input) {
      return input === "";
    }
    exports.isEmpty = isEmpty;
  }
});

// node_modules/fast-glob/out/utils/index.js
var require_utils3 = __commonJS({
  "node_modules/fast-glob/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.string = exports.stream = exports.pattern = exports.path = exports.fs = exports.errno = exports.array = void 0;
    var array = require_array();
    exports.array = array;
    var errno = require_errno();
    exports.errno = errno;
    var fs7 = require_fs();
    exports.fs = fs7;
    var path11 = require_path();
    exports.path = path11;
    var pattern = require_pattern();
    exports.pattern = pattern;
    var stream = require_stream();
    exports.stream = stream;
    var string = require_string();
    exports.string = string;
  }
});

// node_modules/fast-glob/out/managers/tasks.js
var require_tasks = __commonJS({
  "node_modules/fast-glob/out/managers/tasks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPatternGroupToTask = exports.convertPatternGroupsToTasks = exports.groupPatternsByBaseDirectory = exports.getNegativePatternsAsPositive = exports.getPositivePatterns = exports.convertPatternsToTasks = exports.generate = void 0;
    var utils = require_utils3();
    function generate(input, settings) {
      const patterns = processPatterns(input, settings);
      const ignore = processPatterns(settings.ignore, settings);
      const positivePatterns = getPositivePatterns(patterns);
      const negativePatterns = getNegativePatternsAsPositive(patterns, ignore);
      const staticPatterns = positivePatterns.filter((pattern) => utils.pattern.isStaticPattern(pattern, settings));
      const dynamicPatterns = positivePatterns.filter((pattern) => utils.pattern.isDynamicPattern(pattern, settings));
      const staticTasks = convertPatternsToTasks(
        staticPatterns,
        negativePatterns,
        /* dynamic */
        false
      );
      const dynamicTasks = convertPatternsToTasks(
        dynamicPatterns,
        negativePatterns,
        /* dynamic */
        true
      );
      return staticTasks.concat(dynamicTasks);
    }
    exports.generate = generate;
    function processPatterns(input, settings) {
      let patterns = input;
      if (settings.braceExpansion) {
        patterns = utils.pattern.expandPatternsWithBraceExpansion(patterns);
      }
      if (settings.baseNameMatch) {
        patterns = patterns.map((pattern) => pattern.includes("/") ? pattern : `**/${pattern}`);
      }
      return patterns.map((pattern) => utils.pattern.removeDuplicateSlashes(pattern));
    }
    function convertPatternsToTasks(positive, negative, dynamic) {
      const tasks = [];
      const patternsOutsideCurrentDirectory = utils.pattern.getPatternsOutsideCurrentDirectory(positive);
      const patternsInsideCurrentDirectory = utils.pattern.getPatternsInsideCurrentDirectory(positive);
      const outsideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsOutsideCurrentDirectory);
      const insideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsInsideCurrentDirectory);
      tasks.push(...convertPatternGroupsToTasks(outsideCurrentDirectoryGroup, negative, dynamic));
      if ("." in insideCurrentDirectoryGroup) {
        tasks.push(convertPatternGroupToTask(".", patternsInsideCurrentDirectory, negative, dynamic));
      } else {
        tasks.push(...convertPatternGroupsToTasks(insideCurrentDirectoryGroup, negative, dynamic));
      }
      return tasks;
    }
    exports.convertPatternsToTasks = convertPatternsToTasks;
    function getPositivePatterns(patterns) {
      return utils.pattern.getPositivePatterns(patterns);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getNegativePatternsAsPositive(patterns, ignore) {
      const negative = utils.pattern.getNegativePatterns(patterns).concat(ignore);
      const positive = negative.map(utils.pattern.convertToPositivePattern);
      return positive;
    }
    exports.getNegativePatternsAsPositive = getNegativePatternsAsPositive;
    function groupPatternsByBaseDirectory(patterns) {
      const group = {};
      return patterns.reduce((collection, pattern) => {
        const base = utils.pattern.getBaseDirectory(pattern);
        if (base in collection) {
          collection[base].push(pattern);
        } else {
          collection[base] = [pattern];
        }
        return collection;
      }, group);
    }
    exports.groupPatternsByBaseDirectory = groupPatternsByBaseDirectory;
    function convertPatternGroupsToTasks(positive, negative, dynamic) {
      return Object.keys(positive).map((base) => {
        return convertPatternGroupToTask(base, positive[base], negative, dynamic);
      });
    }
    exports.convertPatternGroupsToTasks = convertPatternGroupsToTasks;
    function convertPatternGroupToTask(base, positive, negative, dynamic) {
      return {
        dynamic,
        positive,
        negative,
        base,
        patterns: [].concat(positive, negative.map(utils.pattern.convertToNegativePattern))
      };
    }
    exports.convertPatternGroupToTask = convertPatternGroupToTask;
  }
});

// node_modules/@nodelib/fs.stat/out/providers/async.js
var require_async = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path11, settings, callback) {
      settings.fs.lstat(path11, (lstatError, lstat) => {
        if (lstatError !== null) {
          callFailureCallback(callback, lstatError);
          return;
        }
        if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
          callSuccessCallback(callback, lstat);
          return;
        }
        settings.fs.stat(path11, (statError, stat) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              callFailureCallback(callback, statError);
              return;
            }
            callSuccessCallback(callback, lstat);
            return;
          }
          if (settings.markSymbolicLink) {
            stat.isSymbolicLink = () => true;
          }
          callSuccessCallback(callback, stat);
        });
      });
    }
    exports.read = read;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.stat/out/providers/sync.js
var require_sync = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path11, settings) {
      const lstat = settings.fs.lstatSync(path11);
      if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
        return lstat;
      }
      try {
        const stat = settings.fs.statSync(path11);
        if (settings.markSymbolicLink) {
          stat.isSymbolicLink = () => true;
        }
        return stat;
      } catch (error) {
        if (!settings.throwErrorOnBrokenSymbolicLink) {
          return lstat;
        }
        throw error;
      }
    }
    exports.read = read;
  }
});

// node_modules/@nodelib/fs.stat/out/adapters/fs.js
var require_fs2 = __commonJS({
  "node_modules/@nodelib/fs.stat/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs7 = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs7.lstat,
      stat: fs7.stat,
      lstatSync: fs7.lstatSync,
      statSync: fs7.statSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.stat/out/settings.js
var require_settings = __commonJS({
  "node_modules/@nodelib/fs.stat/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs7 = require_fs2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLink = this._getValue(this._options.followSymbolicLink, true);
        this.fs = fs7.createFileSystemAdapter(this._options.fs);
        this.markSymbolicLink = this._getValue(this._options.markSymbolicLink, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.stat/out/index.js
var require_out = __commonJS({
  "node_modules/@nodelib/fs.stat/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.statSync = exports.stat = exports.Settings = void 0;
    var async = require_async();
    var sync = require_sync();
    var settings_1 = require_settings();
    exports.Settings = settings_1.default;
    function stat(path11, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path11, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path11, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.stat = stat;
    function statSync(path11, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path11, settings);
    }
    exports.statSync = statSync;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/queue-microtask/index.js
var require_queue_microtask = __commonJS({
  "node_modules/queue-microtask/index.js"(exports, module) {
    var promise;
    module.exports = typeof queueMicrotask === "function" ? queueMicrotask.bind(typeof window !== "undefined" ? window : global) : (cb) => (promise || (promise = Promise.resolve())).then(cb).catch((err2) => setTimeout(() => {
      throw err2;
    }, 0));
  }
});

// node_modules/run-parallel/index.js
var require_run_parallel = __commonJS({
  "node_modules/run-parallel/index.js"(exports, module) {
    module.exports = runParallel;
    var queueMicrotask2 = require_queue_microtask();
    function runParallel(tasks, cb) {
      let results, pending, keys;
      let isSync = true;
      if (Array.isArray(tasks)) {
        results = [];
        pending = tasks.length;
      } else {
        keys = Object.keys(tasks);
        results = {};
        pending = keys.length;
      }
      function done(err2) {
        function end() {
          if (cb) cb(err2, results);
          cb = null;
        }
        if (isSync) queueMicrotask2(end);
        else end();
      }
      function each(i, err2, result) {
        results[i] = result;
        if (--pending === 0 || err2) {
          done(err2);
        }
      }
      if (!pending) {
        done(null);
      } else if (keys) {
        keys.forEach(function(key) {
          tasks[key](function(err2, result) {
            each(key, err2, result);
          });
        });
      } else {
        tasks.forEach(function(task, i) {
          task(function(err2, result) {
            each(i, err2, result);
          });
        });
      }
      isSync = false;
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/constants.js
var require_constants3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = void 0;
    var NODE_PROCESS_VERSION_PARTS = process.versions.node.split(".");
    if (NODE_PROCESS_VERSION_PARTS[0] === void 0 || NODE_PROCESS_VERSION_PARTS[1] === void 0) {
      throw new Error(`Unexpected behavior. The 'process.versions.node' variable has invalid value: ${process.versions.node}`);
    }
    var MAJOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[0], 10);
    var MINOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[1], 10);
    var SUPPORTED_MAJOR_VERSION = 10;
    var SUPPORTED_MINOR_VERSION = 10;
    var IS_MATCHED_BY_MAJOR = MAJOR_VERSION > SUPPORTED_MAJOR_VERSION;
    var IS_MATCHED_BY_MAJOR_AND_MINOR = MAJOR_VERSION === SUPPORTED_MAJOR_VERSION && MINOR_VERSION >= SUPPORTED_MINOR_VERSION;
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = IS_MATCHED_BY_MAJOR || IS_MATCHED_BY_MAJOR_AND_MINOR;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/fs.js
var require_fs3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/index.js
var require_utils4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fs = void 0;
    var fs7 = require_fs3();
    exports.fs = fs7;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/common.js
var require_common = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = void 0;
    function joinPathSegments(a, b, separator) {
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/async.js
var require_async2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var rpl = require_run_parallel();
    var constants_1 = require_constants3();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings, callback) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        readdirWithFileTypes(directory, settings, callback);
        return;
      }
      readdir(directory, settings, callback);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings, callback) {
      settings.fs.readdir(directory, { withFileTypes: true }, (readdirError, dirents) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const entries2 = dirents.map((dirent) => ({
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        }));
        if (!settings.followSymbolicLinks) {
          callSuccessCallback(callback, entries2);
          return;
        }
        const tasks = entries2.map((entry2) => makeRplTaskEntry(entry2, settings));
        rpl(tasks, (rplError, rplEntries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, rplEntries);
        });
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function makeRplTaskEntry(entry2, settings) {
      return (done) => {
        if (!entry2.dirent.isSymbolicLink()) {
          done(null, entry2);
          return;
        }
        settings.fs.stat(entry2.path, (statError, stats) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              done(statError);
              return;
            }
            done(null, entry2);
            return;
          }
          entry2.dirent = utils.fs.createDirentFromStats(entry2.name, stats);
          done(null, entry2);
        });
      };
    }
    function readdir(directory, settings, callback) {
      settings.fs.readdir(directory, (readdirError, names) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const tasks = names.map((name) => {
          const path11 = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
          return (done) => {
            fsStat.stat(path11, settings.fsStatSettings, (error, stats) => {
              if (error !== null) {
                done(error);
                return;
              }
              const entry2 = {
                name,
                path: path11,
                dirent: utils.fs.createDirentFromStats(name, stats)
              };
              if (settings.stats) {
                entry2.stats = stats;
              }
              done(null, entry2);
            });
          };
        });
        rpl(tasks, (rplError, entries2) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, entries2);
        });
      });
    }
    exports.readdir = readdir;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/sync.js
var require_sync2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var constants_1 = require_constants3();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        return readdirWithFileTypes(directory, settings);
      }
      return readdir(directory, settings);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings) {
      const dirents = settings.fs.readdirSync(directory, { withFileTypes: true });
      return dirents.map((dirent) => {
        const entry2 = {
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        };
        if (entry2.dirent.isSymbolicLink() && settings.followSymbolicLinks) {
          try {
            const stats = settings.fs.statSync(entry2.path);
            entry2.dirent = utils.fs.createDirentFromStats(entry2.name, stats);
          } catch (error) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              throw error;
            }
          }
        }
        return entry2;
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function readdir(directory, settings) {
      const names = settings.fs.readdirSync(directory);
      return names.map((name) => {
        const entryPath = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
        const stats = fsStat.statSync(entryPath, settings.fsStatSettings);
        const entry2 = {
          name,
          path: entryPath,
          dirent: utils.fs.createDirentFromStats(name, stats)
        };
        if (settings.stats) {
          entry2.stats = stats;
        }
        return entry2;
      });
    }
    exports.readdir = readdir;
  }
});

// node_modules/@nodelib/fs.scandir/out/adapters/fs.js
var require_fs4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs7 = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs7.lstat,
      stat: fs7.stat,
      lstatSync: fs7.lstatSync,
      statSync: fs7.statSync,
      readdir: fs7.readdir,
      readdirSync: fs7.readdirSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.scandir/out/settings.js
var require_settings2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path11 = __require("path");
    var fsStat = require_out();
    var fs7 = require_fs4();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, false);
        this.fs = fs7.createFileSystemAdapter(this._options.fs);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path11.sep);
        this.stats = this._getValue(this._options.stats, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
        this.fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this.followSymbolicLinks,
          fs: this.fs,
          throwErrorOnBrokenSymbolicLink: this.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.scandir/out/index.js
var require_out2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.scandirSync = exports.scandir = void 0;
    var async = require_async2();
    var sync = require_sync2();
    var settings_1 = require_settings2();
    exports.Settings = settings_1.default;
    function scandir(path11, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path11, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path11, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.scandir = scandir;
    function scandirSync(path11, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path11, settings);
    }
    exports.scandirSync = scandirSync;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/reusify/reusify.js
var require_reusify = __commonJS({
  "node_modules/reusify/reusify.js"(exports, module) {
    "use strict";
    function reusify(Constructor) {
      var head = new Constructor();
      var tail = head;
      function get2() {
        var current = head;
        if (current.next) {
          head = current.next;
        } else {
          head = new Constructor();
          tail = head;
        }
        current.next = null;
        return current;
      }
      function release(obj2) {
        tail.next = obj2;
        tail = obj2;
      }
      return {
        get: get2,
        release
      };
    }
    module.exports = reusify;
  }
});

// node_modules/fastq/queue.js
var require_queue = __commonJS({
  "node_modules/fastq/queue.js"(exports, module) {
    "use strict";
    var reusify = require_reusify();
    function fastqueue(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      if (!(_concurrency >= 1)) {
        throw new Error("fastqueue concurrency must be equal to or greater than 1");
      }
      var cache2 = reusify(Task);
      var queueHead = null;
      var queueTail = null;
      var _running = 0;
      var errorHandler = null;
      var self = {
        push,
        drain: noop,
        saturated: noop,
        pause,
        paused: false,
        get concurrency() {
          return _concurrency;
        },
        set concurrency(value) {
          if (!(value >= 1)) {
            throw new Error("fastqueue concurrency must be equal to or greater than 1");
          }
          _concurrency = value;
          if (self.paused) return;
          for (; queueHead && _running < _concurrency; ) {
            _running++;
            release();
          }
        },
        running,
        resume,
        idle,
        length,
        getQueue,
        unshift,
        empty: noop,
        kill,
        killAndDrain,
        error,
        abort
      };
      return self;
      function running() {
        return _running;
      }
      function pause() {
        self.paused = true;
      }
      function length() {
        var current = queueHead;
        var counter = 0;
        while (current) {
          current = current.next;
          counter++;
        }
        return counter;
      }
      function getQueue() {
        var current = queueHead;
        var tasks = [];
        while (current) {
          tasks.push(current.value);
          current = current.next;
        }
        return tasks;
      }
      function resume() {
        if (!self.paused) return;
        self.paused = false;
        if (queueHead === null) {
          _running++;
          release();
          return;
        }
        for (; queueHead && _running < _concurrency; ) {
          _running++;
          release();
        }
      }
      function idle() {
        return _running === 0 && self.length() === 0;
      }
      function push(value, done) {
        var current = cache2.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueTail) {
            queueTail.next = current;
            queueTail = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function unshift(value, done) {
        var current = cache2.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueHead) {
            current.next = queueHead;
            queueHead = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function release(holder) {
        if (holder) {
          cache2.release(holder);
        }
        var next = queueHead;
        if (next && _running <= _concurrency) {
          if (!self.paused) {
            if (queueTail === queueHead) {
              queueTail = null;
            }
            queueHead = next.next;
            next.next = null;
            worker.call(context, next.value, next.worked);
            if (queueTail === null) {
              self.empty();
            }
          } else {
            _running--;
          }
        } else if (--_running === 0) {
          self.drain();
        }
      }
      function kill() {
        queueHead = null;
        queueTail = null;
        self.drain = noop;
      }
      function killAndDrain() {
        queueHead = null;
        queueTail = null;
        self.drain();
        self.drain = noop;
      }
      function abort() {
        var current = queueHead;
        queueHead = null;
        queueTail = null;
        while (current) {
          var next = current.next;
          var callback = current.callback;
          var errorHandler2 = current.errorHandler;
          var val = current.value;
          var context2 = current.context;
          current.value = null;
          current.callback = noop;
          current.errorHandler = null;
          current.next = null;
          if (errorHandler2) {
            errorHandler2(new Error("abort"), val);
          }
          callback.call(context2, new Error("abort"));
          cache2.release(current);
          current = next;
        }
        self.drain = noop;
      }
      function error(handler) {
        errorHandler = handler;
      }
    }
    function noop() {
    }
    function Task() {
      this.value = null;
      this.callback = noop;
      this.next = null;
      this.release = noop;
      this.context = null;
      this.errorHandler = null;
      var self = this;
      this.worked = function worked(err2, result) {
        var callback = self.callback;
        var errorHandler = self.errorHandler;
        var val = self.value;
        self.value = null;
        self.callback = noop;
        if (self.errorHandler) {
          errorHandler(err2, val);
        }
        callback.call(self.context, err2, result);
        self.release(self);
      };
    }
    function queueAsPromised(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      function asyncWrapper(arg, cb) {
        worker.call(this, arg).then(function(res) {
          cb(null, res);
        }, cb);
      }
      var queue = fastqueue(context, asyncWrapper, _concurrency);
      var pushCb = queue.push;
      var unshiftCb = queue.unshift;
      queue.push = push;
      queue.unshift = unshift;
      queue.drained = drained;
      return queue;
      function push(value) {
        var p = new Promise(function(resolve, reject) {
          pushCb(value, function(err2, result) {
            if (err2) {
              reject(err2);
              return;
            }
            resolve(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function unshift(value) {
        var p = new Promise(function(resolve, reject) {
          unshiftCb(value, function(err2, result) {
            if (err2) {
              reject(err2);
              return;
            }
            resolve(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function drained() {
        var p = new Promise(function(resolve) {
          process.nextTick(function() {
            if (queue.idle()) {
              resolve();
            } else {
              var previousDrain = queue.drain;
              queue.drain = function() {
                if (typeof previousDrain === "function") previousDrain();
                resolve();
                queue.drain = previousDrain;
              };
            }
          });
        });
        return p;
      }
    }
    module.exports = fastqueue;
    module.exports.promise = queueAsPromised;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/common.js
var require_common2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = exports.replacePathSegmentSeparator = exports.isAppliedFilter = exports.isFatalError = void 0;
    function isFatalError(settings, error) {
      if (settings.errorFilter === null) {
        return true;
      }
      return !settings.errorFilter(error);
    }
    exports.isFatalError = isFatalError;
    function isAppliedFilter(filter, value) {
      return filter === null || filter(value);
    }
    exports.isAppliedFilter = isAppliedFilter;
    function replacePathSegmentSeparator(filepath, separator) {
      return filepath.split(/[/\\]/).join(separator);
    }
    exports.replacePathSegmentSeparator = replacePathSegmentSeparator;
    function joinPathSegments(a, b, separator) {
      if (a === "") {
        return b;
      }
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/reader.js
var require_reader = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var common = require_common2();
    var Reader = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._root = common.replacePathSegmentSeparator(_root, _settings.pathSegmentSeparator);
      }
    };
    exports.default = Reader;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/async.js
var require_async3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var events_1 = __require("events");
    var fsScandir = require_out2();
    var fastq = require_queue();
    var common = require_common2();
    var reader_1 = require_reader();
    var AsyncReader = class extends reader_1.default {
      constructor(_root, _settings) {
        super(_root, _settings);
        this._settings = _settings;
        this._scandir = fsScandir.scandir;
        this._emitter = new events_1.EventEmitter();
        this._queue = fastq(this._worker.bind(this), this._settings.concurrency);
        this._isFatalError = false;
        this._isDestroyed = false;
        this._queue.drain = () => {
          if (!this._isFatalError) {
            this._emitter.emit("end");
          }
        };
      }
      read() {
        this._isFatalError = false;
        this._isDestroyed = false;
        setImmediate(() => {
          this._pushToQueue(this._root, this._settings.basePath);
        });
        return this._emitter;
      }
      get isDestroyed() {
        return this._isDestroyed;
      }
      destroy() {
        if (this._isDestroyed) {
          throw new Error("The reader is already destroyed");
        }
        this._isDestroyed = true;
        this._queue.killAndDrain();
      }
      onEntry(callback) {
        this._emitter.on("entry", callback);
      }
      onError(callback) {
        this._emitter.once("error", callback);
      }
      onEnd(callback) {
        this._emitter.once("end", callback);
      }
      _pushToQueue(directory, base) {
        const queueItem = { directory, base };
        this._queue.push(queueItem, (error) => {
          if (error !== null) {
            this._handleError(error);
          }
        });
      }
      _worker(item, done) {
        this._scandir(item.directory, this._settings.fsScandirSettings, (error, entries2) => {
          if (error !== null) {
            done(error, void 0);
            return;
          }
          for (const entry2 of entries2) {
            this._handleEntry(entry2, item.base);
          }
          done(null, void 0);
        });
      }
      _handleError(error) {
        if (this._isDestroyed || !common.isFatalError(this._settings, error)) {
          return;
        }
        this._isFatalError = true;
        this._isDestroyed = true;
        this._emitter.emit("error", error);
      }
      _handleEntry(entry2, base) {
        if (this._isDestroyed || this._isFatalError) {
          return;
        }
        const fullpath = entry2.path;
        if (base !== void 0) {
          entry2.path = common.joinPathSegments(base, entry2.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry2)) {
          this._emitEntry(entry2);
        }
        if (entry2.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry2)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry2.path);
        }
      }
      _emitEntry(entry2) {
        this._emitter.emit("entry", entry2);
      }
    };
    exports.default = AsyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/async.js
var require_async4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async3();
    var AsyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._storage = [];
      }
      read(callback) {
        this._reader.onError((error) => {
          callFailureCallback(callback, error);
        });
        this._reader.onEntry((entry2) => {
          this._storage.push(entry2);
        });
        this._reader.onEnd(() => {
          callSuccessCallback(callback, this._storage);
        });
        this._reader.read();
      }
    };
    exports.default = AsyncProvider;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, entries2) {
      callback(null, entries2);
    }
  }
});

// node_modules/@nodelib/fs.walk/out/providers/stream.js
var require_stream2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var async_1 = require_async3();
    var StreamProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._stream = new stream_1.Readable({
          objectMode: true,
          read: () => {
          },
          destroy: () => {
            if (!this._reader.isDestroyed) {
              this._reader.destroy();
            }
          }
        });
      }
      read() {
        this._reader.onError((error) => {
          this._stream.emit("error", error);
        });
        this._reader.onEntry((entry2) => {
          this._stream.push(entry2);
        });
        this._reader.onEnd(() => {
          this._stream.push(null);
        });
        this._reader.read();
        return this._stream;
      }
    };
    exports.default = StreamProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/sync.js
var require_sync3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsScandir = require_out2();
    var common = require_common2();
    var reader_1 = require_reader();
    var SyncReader = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._scandir = fsScandir.scandirSync;
        this._storage = [];
        this._queue = /* @__PURE__ */ new Set();
      }
      read() {
        this._pushToQueue(this._root, this._settings.basePath);
        this._handleQueue();
        return this._storage;
      }
      _pushToQueue(directory, base) {
        this._queue.add({ directory, base });
      }
      _handleQueue() {
        for (const item of this._queue.values()) {
          this._handleDirectory(item.directory, item.base);
        }
      }
      _handleDirectory(directory, base) {
        try {
          const entries2 = this._scandir(directory, this._settings.fsScandirSettings);
          for (const entry2 of entries2) {
            this._handleEntry(entry2, base);
          }
        } catch (error) {
          this._handleError(error);
        }
      }
      _handleError(error) {
        if (!common.isFatalError(this._settings, error)) {
          return;
        }
        throw error;
      }
      _handleEntry(entry2, base) {
        const fullpath = entry2.path;
        if (base !== void 0) {
          entry2.path = common.joinPathSegments(base, entry2.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry2)) {
          this._pushToStorage(entry2);
        }
        if (entry2.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry2)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry2.path);
        }
      }
      _pushToStorage(entry2) {
        this._storage.push(entry2);
      }
    };
    exports.default = SyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/sync.js
var require_sync4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync3();
    var SyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new sync_1.default(this._root, this._settings);
      }
      read() {
        return this._reader.read();
      }
    };
    exports.default = SyncProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/settings.js
var require_settings3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path11 = __require("path");
    var fsScandir = require_out2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.basePath = this._getValue(this._options.basePath, void 0);
        this.concurrency = this._getValue(this._options.concurrency, Number.POSITIVE_INFINITY);
        this.deepFilter = this._getValue(this._options.deepFilter, null);
        this.entryFilter = this._getValue(this._options.entryFilter, null);
        this.errorFilter = this._getValue(this._options.errorFilter, null);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path11.sep);
        this.fsScandirSettings = new fsScandir.Settings({
          followSymbolicLinks: this._options.followSymbolicLinks,
          fs: this._options.fs,
          pathSegmentSeparator: this._options.pathSegmentSeparator,
          stats: this._options.stats,
          throwErrorOnBrokenSymbolicLink: this._options.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.walk/out/index.js
var require_out3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.walkStream = exports.walkSync = exports.walk = void 0;
    var async_1 = require_async4();
    var stream_1 = require_stream2();
    var sync_1 = require_sync4();
    var settings_1 = require_settings3();
    exports.Settings = settings_1.default;
    function walk(directory, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        new async_1.default(directory, getSettings()).read(optionsOrSettingsOrCallback);
        return;
      }
      new async_1.default(directory, getSettings(optionsOrSettingsOrCallback)).read(callback);
    }
    exports.walk = walk;
    function walkSync(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new sync_1.default(directory, settings);
      return provider.read();
    }
    exports.walkSync = walkSync;
    function walkStream(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new stream_1.default(directory, settings);
      return provider.read();
    }
    exports.walkStream = walkStream;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/fast-glob/out/readers/reader.js
var require_reader2 = __commonJS({
  "node_modules/fast-glob/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path11 = __require("path");
    var fsStat = require_out();
    var utils = require_utils3();
    var Reader = class {
      constructor(_settings) {
        this._settings = _settings;
        this._fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          throwErrorOnBrokenSymbolicLink: this._settings.followSymbolicLinks
        });
      }
      _getFullEntryPath(filepath) {
        return path11.resolve(this._settings.cwd, filepath);
      }
      _makeEntry(stats, pattern) {
        const entry2 = {
          name: pattern,
          path: pattern,
          dirent: utils.fs.createDirentFromStats(pattern, stats)
        };
        if (this._settings.stats) {
          entry2.stats = stats;
        }
        return entry2;
      }
      _isFatalError(error) {
        return !utils.errno.isEnoentCodeError(error) && !this._settings.suppressErrors;
      }
    };
    exports.default = Reader;
  }
});

// node_modules/fast-glob/out/readers/stream.js
var require_stream3 = __commonJS({
  "node_modules/fast-glob/out/readers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderStream = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkStream = fsWalk.walkStream;
        this._stat = fsStat.stat;
      }
      dynamic(root, options) {
        return this._walkStream(root, options);
      }
      static(patterns, options) {
        const filepaths = patterns.map(this._getFullEntryPath, this);
        const stream = new stream_1.PassThrough({ objectMode: true });
        stream._write = (index, _enc, done) => {
          return this._getEntry(filepaths[index], patterns[index], options).then((entry2) => {
            if (entry2 !== null && options.entryFilter(entry2)) {
              stream.push(entry2);
            }
            if (index === filepaths.length - 1) {
              stream.end();
            }
            done();
          }).catch(done);
        };
        for (let i = 0; i < filepaths.length; i++) {
          stream.write(i);
        }
        return stream;
      }
      _getEntry(filepath, pattern, options) {
        return this._getStat(filepath).then((stats) => this._makeEntry(stats, pattern)).catch((error) => {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        });
      }
      _getStat(filepath) {
        return new Promise((resolve, reject) => {
          this._stat(filepath, this._fsStatSettings, (error, stats) => {
            return error === null ? resolve(stats) : reject(error);
          });
        });
      }
    };
    exports.default = ReaderStream;
  }
});

// node_modules/fast-glob/out/readers/async.js
var require_async5 = __commonJS({
  "node_modules/fast-glob/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var stream_1 = require_stream3();
    var ReaderAsync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkAsync = fsWalk.walk;
        this._readerStream = new stream_1.default(this._settings);
      }
      dynamic(root, options) {
        return new Promise((resolve, reject) => {
          this._walkAsync(root, options, (error, entries2) => {
            if (error === null) {
              resolve(entries2);
            } else {
              reject(error);
            }
          });
        });
      }
      async static(patterns, options) {
        const entries2 = [];
        const stream = this._readerStream.static(patterns, options);
        return new Promise((resolve, reject) => {
          stream.once("error", reject);
          stream.on("data", (entry2) => entries2.push(entry2));
          stream.once("end", () => resolve(entries2));
        });
      }
    };
    exports.default = ReaderAsync;
  }
});

// node_modules/fast-glob/out/providers/matchers/matcher.js
var require_matcher = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/matcher.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var Matcher = class {
      constructor(_patterns, _settings, _micromatchOptions) {
        this._patterns = _patterns;
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this._storage = [];
        this._fillStorage();
      }
      _fillStorage() {
        for (const pattern of this._patterns) {
          const segments = this._getPatternSegments(pattern);
          const sections = this._splitSegmentsIntoSections(segments);
          this._storage.push({
            complete: sections.length <= 1,
            pattern,
            segments,
            sections
          });
        }
      }
      _getPatternSegments(pattern) {
        const parts = utils.pattern.getPatternParts(pattern, this._micromatchOptions);
        return parts.map((part) => {
          const dynamic = utils.pattern.isDynamicPattern(part, this._settings);
          if (!dynamic) {
            return {
              dynamic: false,
              pattern: part
            };
          }
          return {
            dynamic: true,
            pattern: part,
            patternRe: utils.pattern.makeRe(part, this._micromatchOptions)
          };
        });
      }
      _splitSegmentsIntoSections(segments) {
        return utils.array.splitWhen(segments, (segment) => segment.dynamic && utils.pattern.hasGlobStar(segment.pattern));
      }
    };
    exports.default = Matcher;
  }
});

// node_modules/fast-glob/out/providers/matchers/partial.js
var require_partial = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/partial.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var matcher_1 = require_matcher();
    var PartialMatcher = class extends matcher_1.default {
      match(filepath) {
        const parts = filepath.split("/");
        const levels = parts.length;
        const patterns = this._storage.filter((info) => !info.complete || info.segments.length > levels);
        for (const pattern of patterns) {
          const section = pattern.sections[0];
          if (!pattern.complete && levels > section.length) {
            return true;
          }
          const match = parts.every((part, index) => {
            const segment = pattern.segments[index];
            if (segment.dynamic && segment.patternRe.test(part)) {
              return true;
            }
            if (!segment.dynamic && segment.pattern === part) {
              return true;
            }
            return false;
          });
          if (match) {
            return true;
          }
        }
        return false;
      }
    };
    exports.default = PartialMatcher;
  }
});

// node_modules/fast-glob/out/providers/filters/deep.js
var require_deep = __commonJS({
  "node_modules/fast-glob/out/providers/filters/deep.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var partial_1 = require_partial();
    var DeepFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
      }
      getFilter(basePath, positive, negative) {
        const matcher = this._getMatcher(positive);
        const negativeRe = this._getNegativePatternsRe(negative);
        return (entry2) => this._filter(basePath, entry2, matcher, negativeRe);
      }
      _getMatcher(patterns) {
        return new partial_1.default(patterns, this._settings, this._micromatchOptions);
      }
      _getNegativePatternsRe(patterns) {
        const affectDepthOfReadingPatterns = patterns.filter(utils.pattern.isAffectDepthOfReadingPattern);
        return utils.pattern.convertPatternsToRe(affectDepthOfReadingPatterns, this._micromatchOptions);
      }
      _filter(basePath, entry2, matcher, negativeRe) {
        if (this._isSkippedByDeep(basePath, entry2.path)) {
          return false;
        }
        if (this._isSkippedSymbolicLink(entry2)) {
          return false;
        }
        const filepath = utils.path.removeLeadingDotSegment(entry2.path);
        if (this._isSkippedByPositivePatterns(filepath, matcher)) {
          return false;
        }
        return this._isSkippedByNegativePatterns(filepath, negativeRe);
      }
      _isSkippedByDeep(basePath, entryPath) {
        if (this._settings.deep === Infinity) {
          return false;
        }
        return this._getEntryLevel(basePath, entryPath) >= this._settings.deep;
      }
      _getEntryLevel(basePath, entryPath) {
        const entryPathDepth = entryPath.split("/").length;
        if (basePath === "") {
          return entryPathDepth;
        }
        const basePathDepth = basePath.split("/").length;
        return entryPathDepth - basePathDepth;
      }
      _isSkippedSymbolicLink(entry2) {
        return !this._settings.followSymbolicLinks && entry2.dirent.isSymbolicLink();
      }
      _isSkippedByPositivePatterns(entryPath, matcher) {
        return !this._settings.baseNameMatch && !matcher.match(entryPath);
      }
      _isSkippedByNegativePatterns(entryPath, patternsRe) {
        return !utils.pattern.matchAny(entryPath, patternsRe);
      }
    };
    exports.default = DeepFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/entry.js
var require_entry = __commonJS({
  "node_modules/fast-glob/out/providers/filters/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this.index = /* @__PURE__ */ new Map();
      }
      getFilter(positive, negative) {
        const [absoluteNegative, relativeNegative] = utils.pattern.partitionAbsoluteAndRelative(negative);
        const patterns = {
          positive: {
            all: utils.pattern.convertPatternsToRe(positive, this._micromatchOptions)
          },
          negative: {
            absolute: utils.pattern.convertPatternsToRe(absoluteNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true })),
            relative: utils.pattern.convertPatternsToRe(relativeNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true }))
          }
        };
        return (entry2) => this._filter(entry2, patterns);
      }
      _filter(entry2, patterns) {
        const filepath = utils.path.removeLeadingDotSegment(entry2.path);
        if (this._settings.unique && this._isDuplicateEntry(filepath)) {
          return false;
        }
        if (this._onlyFileFilter(entry2) || this._onlyDirectoryFilter(entry2)) {
          return false;
        }
        const isMatched = this._isMatchToPatternsSet(filepath, patterns, entry2.dirent.isDirectory());
        if (this._settings.unique && isMatched) {
          this._createIndexRecord(filepath);
        }
        return isMatched;
      }
      _isDuplicateEntry(filepath) {
        return this.index.has(filepath);
      }
      _createIndexRecord(filepath) {
        this.index.set(filepath, void 0);
      }
      _onlyFileFilter(entry2) {
        return this._settings.onlyFiles && !entry2.dirent.isFile();
      }
      _onlyDirectoryFilter(entry2) {
        return this._settings.onlyDirectories && !entry2.dirent.isDirectory();
      }
      _isMatchToPatternsSet(filepath, patterns, isDirectory) {
        const isMatched = this._isMatchToPatterns(filepath, patterns.positive.all, isDirectory);
        if (!isMatched) {
          return false;
        }
        const isMatchedByRelativeNegative = this._isMatchToPatterns(filepath, patterns.negative.relative, isDirectory);
        if (isMatchedByRelativeNegative) {
          return false;
        }
        const isMatchedByAbsoluteNegative = this._isMatchToAbsoluteNegative(filepath, patterns.negative.absolute, isDirectory);
        if (isMatchedByAbsoluteNegative) {
          return false;
        }
        return true;
      }
      _isMatchToAbsoluteNegative(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const fullpath = utils.path.makeAbsolute(this._settings.cwd, filepath);
        return this._isMatchToPatterns(fullpath, patternsRe, isDirectory);
      }
      _isMatchToPatterns(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const isMatched = utils.pattern.matchAny(filepath, patternsRe);
        if (!isMatched && isDirectory) {
          return utils.pattern.matchAny(filepath + "/", patternsRe);
        }
        return isMatched;
      }
    };
    exports.default = EntryFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/error.js
var require_error = __commonJS({
  "node_modules/fast-glob/out/providers/filters/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var ErrorFilter = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getFilter() {
        return (error) => this._isNonFatalError(error);
      }
      _isNonFatalError(error) {
        return utils.errno.isEnoentCodeError(error) || this._settings.suppressErrors;
      }
    };
    exports.default = ErrorFilter;
  }
});

// node_modules/fast-glob/out/providers/transformers/entry.js
var require_entry2 = __commonJS({
  "node_modules/fast-glob/out/providers/transformers/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryTransformer = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getTransformer() {
        return (entry2) => this._transform(entry2);
      }
      _transform(entry2) {
        let filepath = entry2.path;
        if (this._settings.absolute) {
          filepath = utils.path.makeAbsolute(this._settings.cwd, filepath);
          filepath = utils.path.unixify(filepath);
        }
        if (this._settings.markDirectories && entry2.dirent.isDirectory()) {
          filepath += "/";
        }
        if (!this._settings.objectMode) {
          return filepath;
        }
        return Object.assign(Object.assign({}, entry2), { path: filepath });
      }
    };
    exports.default = EntryTransformer;
  }
});

// node_modules/fast-glob/out/providers/provider.js
var require_provider = __commonJS({
  "node_modules/fast-glob/out/providers/provider.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path11 = __require("path");
    var deep_1 = require_deep();
    var entry_1 = require_entry();
    var error_1 = require_error();
    var entry_2 = require_entry2();
    var Provider = class {
      constructor(_settings) {
        this._settings = _settings;
        this.errorFilter = new error_1.default(this._settings);
        this.entryFilter = new entry_1.default(this._settings, this._getMicromatchOptions());
        this.deepFilter = new deep_1.default(this._settings, this._getMicromatchOptions());
        this.entryTransformer = new entry_2.default(this._settings);
      }
      _getRootDirectory(task) {
        return path11.resolve(this._settings.cwd, task.base);
      }
      _getReaderOptions(task) {
        const basePath = task.base === "." ? "" : task.base;
        return {
          basePath,
          pathSegmentSeparator: "/",
          concurrency: this._settings.concurrency,
          deepFilter: this.deepFilter.getFilter(basePath, task.positive, task.negative),
          entryFilter: this.entryFilter.getFilter(task.positive, task.negative),
          errorFilter: this.errorFilter.getFilter(),
          followSymbolicLinks: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          stats: this._settings.stats,
          throwErrorOnBrokenSymbolicLink: this._settings.throwErrorOnBrokenSymbolicLink,
          transform: this.entryTransformer.getTransformer()
        };
      }
      _getMicromatchOptions() {
        return {
          dot: this._settings.dot,
          matchBase: this._settings.baseNameMatch,
          nobrace: !this._settings.braceExpansion,
          nocase: !this._settings.caseSensitiveMatch,
          noext: !this._settings.extglob,
          noglobstar: !this._settings.globstar,
          posix: true,
          strictSlashes: false
        };
      }
    };
    exports.default = Provider;
  }
});

// node_modules/fast-glob/out/providers/async.js
var require_async6 = __commonJS({
  "node_modules/fast-glob/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async5();
    var provider_1 = require_provider();
    var ProviderAsync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new async_1.default(this._settings);
      }
      async read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries2 = await this.api(root, task, options);
        return entries2.map((entry2) => options.transform(entry2));
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderAsync;
  }
});

// node_modules/fast-glob/out/providers/stream.js
var require_stream4 = __commonJS({
  "node_modules/fast-glob/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var stream_2 = require_stream3();
    var provider_1 = require_provider();
    var ProviderStream = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new stream_2.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const source = this.api(root, task, options);
        const destination = new stream_1.Readable({ objectMode: true, read: () => {
        } });
        source.once("error", (error) => destination.emit("error", error)).on("data", (entry2) => destination.emit("data", options.transform(entry2))).once("end", () => destination.emit("end"));
        destination.once("close", () => source.destroy());
        return destination;
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderStream;
  }
});

// node_modules/fast-glob/out/readers/sync.js
var require_sync5 = __commonJS({
  "node_modules/fast-glob/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderSync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkSync = fsWalk.walkSync;
        this._statSync = fsStat.statSync;
      }
      dynamic(root, options) {
        return this._walkSync(root, options);
      }
      static(patterns, options) {
        const entries2 = [];
        for (const pattern of patterns) {
          const filepath = this._getFullEntryPath(pattern);
          const entry2 = this._getEntry(filepath, pattern, options);
          if (entry2 === null || !options.entryFilter(entry2)) {
            continue;
          }
          entries2.push(entry2);
        }
        return entries2;
      }
      _getEntry(filepath, pattern, options) {
        try {
          const stats = this._getStat(filepath);
          return this._makeEntry(stats, pattern);
        } catch (error) {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        }
      }
      _getStat(filepath) {
        return this._statSync(filepath, this._fsStatSettings);
      }
    };
    exports.default = ReaderSync;
  }
});

// node_modules/fast-glob/out/providers/sync.js
var require_sync6 = __commonJS({
  "node_modules/fast-glob/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync5();
    var provider_1 = require_provider();
    var ProviderSync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new sync_1.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries2 = this.api(root, task, options);
        return entries2.map(options.transform);
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderSync;
  }
});

// node_modules/fast-glob/out/settings.js
var require_settings4 = __commonJS({
  "node_modules/fast-glob/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = void 0;
    var fs7 = __require("fs");
    var os = __require("os");
    var CPU_COUNT = Math.max(os.cpus().length, 1);
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = {
      lstat: fs7.lstat,
      lstatSync: fs7.lstatSync,
      stat: fs7.stat,
      statSync: fs7.statSync,
      readdir: fs7.readdir,
      readdirSync: fs7.readdirSync
    };
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.absolute = this._getValue(this._options.absolute, false);
        this.baseNameMatch = this._getValue(this._options.baseNameMatch, false);
        this.braceExpansion = this._getValue(this._options.braceExpansion, true);
        this.caseSensitiveMatch = this._getValue(this._options.caseSensitiveMatch, true);
        this.concurrency = this._getValue(this._options.concurrency, CPU_COUNT);
        this.cwd = this._getValue(this._options.cwd, process.cwd());
        this.deep = this._getValue(this._options.deep, Infinity);
        this.dot = this._getValue(this._options.dot, false);
        this.extglob = this._getValue(this._options.extglob, true);
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, true);
        this.fs = this._getFileSystemMethods(this._options.fs);
        this.globstar = this._getValue(this._options.globstar, true);
        this.ignore = this._getValue(this._options.ignore, []);
        this.markDirectories = this._getValue(this._options.markDirectories, false);
        this.objectMode = this._getValue(this._options.objectMode, false);
        this.onlyDirectories = this._getValue(this._options.onlyDirectories, false);
        this.onlyFiles = this._getValue(this._options.onlyFiles, true);
        this.stats = this._getValue(this._options.stats, false);
        this.suppressErrors = this._getValue(this._options.suppressErrors, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, false);
        this.unique = this._getValue(this._options.unique, true);
        if (this.onlyDirectories) {
          this.onlyFiles = false;
        }
        if (this.stats) {
          this.objectMode = true;
        }
        this.ignore = [].concat(this.ignore);
      }
      _getValue(option, value) {
        return option === void 0 ? value : option;
      }
      _getFileSystemMethods(methods = {}) {
        return Object.assign(Object.assign({}, exports.DEFAULT_FILE_SYSTEM_ADAPTER), methods);
      }
    };
    exports.default = Settings;
  }
});

// node_modules/fast-glob/out/index.js
var require_out4 = __commonJS({
  "node_modules/fast-glob/out/index.js"(exports, module) {
    "use strict";
    var taskManager = require_tasks();
    var async_1 = require_async6();
    var stream_1 = require_stream4();
    var sync_1 = require_sync6();
    var settings_1 = require_settings4();
    var utils = require_utils3();
    async function FastGlob(source, options) {
      assertPatternsInput(source);
      const works = getWorks(source, async_1.default, options);
      const result = await Promise.all(works);
      return utils.array.flatten(result);
    }
    (function(FastGlob2) {
      FastGlob2.glob = FastGlob2;
      FastGlob2.globSync = sync;
      FastGlob2.globStream = stream;
      FastGlob2.async = FastGlob2;
      function sync(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, sync_1.default, options);
        return utils.array.flatten(works);
      }
      FastGlob2.sync = sync;
      function stream(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, stream_1.default, options);
        return utils.stream.merge(works);
      }
      FastGlob2.stream = stream;
      function generateTasks(source, options) {
        assertPatternsInput(source);
        const patterns = [].concat(source);
        const settings = new settings_1.default(options);
        return taskManager.generate(patterns, settings);
      }
      FastGlob2.generateTasks = generateTasks;
      function isDynamicPattern(source, options) {
        assertPatternsInput(source);
        const settings = new settings_1.default(options);
        return utils.pattern.isDynamicPattern(source, settings);
      }
      FastGlob2.isDynamicPattern = isDynamicPattern;
      function escapePath(source) {
        assertPatternsInput(source);
        return utils.path.escape(source);
      }
      FastGlob2.escapePath = escapePath;
      function convertPathToPattern(source) {
        assertPatternsInput(source);
        return utils.path.convertPathToPattern(source);
      }
      FastGlob2.convertPathToPattern = convertPathToPattern;
      let posix;
      (function(posix2) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapePosixPath(source);
        }
        posix2.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertPosixPathToPattern(source);
        }
        posix2.convertPathToPattern = convertPathToPattern2;
      })(posix = FastGlob2.posix || (FastGlob2.posix = {}));
      let win32;
      (function(win322) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapeWindowsPath(source);
        }
        win322.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertWindowsPathToPattern(source);
        }
        win322.convertPathToPattern = convertPathToPattern2;
      })(win32 = FastGlob2.win32 || (FastGlob2.win32 = {}));
    })(FastGlob || (FastGlob = {}));
    function getWorks(source, _Provider, options) {
      const patterns = [].concat(source);
      const settings = new settings_1.default(options);
      const tasks = taskManager.generate(patterns, settings);
      const provider = new _Provider(settings);
      return tasks.map(provider.read, provider);
    }
    function assertPatternsInput(input) {
      const source = [].concat(input);
      const isValidSource = source.every((item) => utils.string.isString(item) && !utils.string.isEmpty(item));
      if (!isValidSource) {
        throw new TypeError("Patterns must be a string (non empty) or an array of strings");
      }
    }
    module.exports = FastGlob;
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path11) {
      const ctrl = callVisitor(key, node, visitor, path11);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path11, ctrl);
        return visit_(key, ctrl, visitor, path11);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path11 = Object.freeze(path11.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path11);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path11 = Object.freeze(path11.concat(node));
          const ck = visit_("key", node.key, visitor, path11);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path11);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path11) {
      const ctrl = await callVisitor(key, node, visitor, path11);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path11, ctrl);
        return visitAsync_(key, ctrl, visitor, path11);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path11 = Object.freeze(path11.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path11);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path11 = Object.freeze(path11.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path11);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path11);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path11) {
      if (typeof visitor === "function")
        return visitor(key, node, path11);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path11);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path11);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path11);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path11);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path11);
      return void 0;
    }
    function replaceNode(key, path11, node) {
      const parent = path11[path11.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj2, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj2, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS2(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS2(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS2;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS2 = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS2.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS2 = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS2.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS2 = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS2.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path11, value) {
      let v = value;
      for (let i = path11.length - 1; i >= 0; --i) {
        const k = path11[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path11) => path11 == null || typeof path11 === "object" && !!path11[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path11, value) {
        if (isEmptyPath(path11))
          this.add(value);
        else {
          const [key, ...rest] = path11;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path11) {
        const [key, ...rest] = path11;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path11, keepScalar) {
        const [key, ...rest] = path11;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path11) {
        const [key, ...rest] = path11;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path11, value) {
        const [key, ...rest] = path11;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify2 = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj2;
      if (identity.isScalar(item)) {
        obj2 = item.value;
        let match = tags.filter((t) => t.identify?.(obj2));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj2 = item;
        tagObj = tags.find((t) => t.nodeClass && obj2 instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj2?.constructor?.name ?? (obj2 === null ? "null" : typeof obj2);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify2();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify2();
    var identity = require_identity();
    var toJS2 = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS2.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS2.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS2.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify2();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items: items2 }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items2.length; ++i) {
        const item = items2[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items: items2 }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items2.length; ++i) {
        const item = items2[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items2.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items2, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items2) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj2, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj2, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj2 instanceof Map) {
          for (const [key, value] of obj2)
            add(key, value);
        } else if (obj2 && typeof obj2 === "object") {
          for (const key of Object.keys(obj2))
            add(key, obj2[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj2, ctx) => YAMLMap.YAMLMap.from(schema, obj2, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS2 = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS2.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj2, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj2 && Symbol.iterator in Object(obj2)) {
          let i = 0;
          for (let it of obj2) {
            if (typeof replacer === "function") {
              const key = obj2 instanceof Set ? it : String(i++);
              it = replacer.call(obj2, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj2, ctx) => YAMLSeq.YAMLSeq.from(schema, obj2, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string2 = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string2();
    var bool2 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS2 = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS2.toJS(pair.key, "", ctx);
            value = toJS2.toJS(pair.value, key, ctx);
          } else {
            key = toJS2.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string2();
    var binary = require_binary();
    var bool2 = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.trueTag,
      bool2.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string2();
    var bool2 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool2.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string2();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify2();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS2 = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path11, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path11, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path11) {
        if (Collection.isEmptyPath(path11)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path11) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path11, keepScalar) {
        if (Collection.isEmptyPath(path11))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path11, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path11) {
        if (Collection.isEmptyPath(path11))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path11) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path11, value) {
        if (Collection.isEmptyPath(path11)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path11), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path11, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS2.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items2, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items2.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path11) => {
      let item = cst;
      for (const [field, index] of path11) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path11) => {
      const parent = visit2.itemAtPath(cst, path11.slice(0, -1));
      const field = path11[path11.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path11, item, visitor) {
      let ctrl = visitor(item, path11);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path11.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path11);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path11) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser4 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs7 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs7, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs7);
              } else {
                Object.assign(it, { key: fs7, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs7 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs7, sep: [] });
              else if (it.sep)
                this.stack.push(fs7);
              else
                Object.assign(it, { key: fs7, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser4;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/action/run.ts
import fs6 from "node:fs";
import path10 from "node:path";

// src/api.ts
import fs4 from "node:fs";
import path8 from "node:path";

// src/discover/index.ts
var import_fast_glob = __toESM(require_out4(), 1);
import fs from "node:fs";
import path from "node:path";
var DEFAULT_IGNORES = ["**/node_modules/**", "**/.git/**", "**/.terraform/**", "**/.venv/**"];
var NAME_KINDS = [
  [/\.tf$/, "terraform"],
  [/\.tfvars$/, "tfvars"],
  [/\.tfvars\.json$/, "tfvars-json"],
  [/\.tfstate(\.backup)?$/, "tfstate"],
  [/\.bicep$/, "bicep"],
  [/\.bicepparam$/, "bicepparam"]
];
function kindByName(file) {
  const base = path.basename(file).toLowerCase();
  for (const [re, kind] of NAME_KINDS) if (re.test(base)) return kind;
  if (/\.jsonc?$/.test(base)) return "candidate-json";
  if (/\.ya?ml$/.test(base)) return "candidate-yaml";
  if (/\.(sh|bash|ps1)$/.test(base)) return "candidate-script";
  return void 0;
}
function jsonKind(text2) {
  const head = text2.slice(0, 4096);
  if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json#?"/i.test(head)) return "arm";
  if (/"\$schema"\s*:\s*"[^"]*deploymentParameters\.json#?"/i.test(head)) return "arm-params";
  if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json#?"/i.test(text2)) return "arm";
  return void 0;
}
async function listFiles(paths, opts = {}) {
  const out = /* @__PURE__ */ new Set();
  for (const p of paths) {
    const abs = path.resolve(p);
    const st = fs.lstatSync(abs);
    if (st.isFile()) {
      out.add(abs);
      continue;
    }
    if (!st.isDirectory()) continue;
    const found = await (0, import_fast_glob.default)(["**/*"], {
      cwd: abs,
      absolute: true,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: [...DEFAULT_IGNORES, ...opts.ignore ?? []],
      suppressErrors: true
    });
    for (const f of found) if (kindByName(f)) out.add(path.normalize(f));
  }
  return [...out].sort();
}

// src/discover/ci.ts
var import_yaml = __toESM(require_dist(), 1);
var SCRIPT_EXT = /\.(sh|bash|ps1)$/i;
var YAML_EXT = /\.ya?ml$/i;
var WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
var ACTION_NAME = /^action\.ya?ml$/i;
var PIPELINE_NAME = /^azure-pipelines[^/]*\.ya?ml$|\.azure-pipelines\.ya?ml$/i;
var TOP_ON = /^(?:on|"on"|'on')[ \t]*:/m;
var TOP_JOBS = /^jobs[ \t]*:/m;
var COMPOSITE = /^[ \t]+using[ \t]*:[ \t]*["']?composite\b/m;
var AZP_CONTAINER = /^[ \t]*(?:-[ \t]+)?(?:steps|jobs|stages)[ \t]*:/m;
var AZP_STEP = /^[ \t]*-[ \t]+(?:task|script|bash|pwsh|powershell|template)[ \t]*:/m;
var K8S = /^apiVersion[ \t]*:/m;
var STEP_KEYS = /* @__PURE__ */ new Set(["task", "script", "bash", "pwsh", "powershell", "template"]);
function keyOf(k) {
  return (0, import_yaml.isScalar)(k) ? String(k.value) : void 0;
}
function hasPipelineSteps(root) {
  let found = false;
  const visit2 = (node, underContainer, depth) => {
    if (found || depth > 40) return;
    if ((0, import_yaml.isSeq)(node)) {
      for (const it of node.items) visit2(it, underContainer, depth + 1);
      return;
    }
    if (!(0, import_yaml.isMap)(node)) return;
    for (const p of node.items) {
      const k = keyOf(p.key);
      if (underContainer && k !== void 0 && STEP_KEYS.has(k) && (0, import_yaml.isScalar)(p.value)) {
        found = true;
        return;
      }
    }
    for (const p of node.items) {
      const k = keyOf(p.key);
      visit2(p.value, underContainer || k === "steps" || k === "jobs" || k === "stages", depth + 1);
    }
  };
  visit2(root, false, 0);
  return found;
}
function classifyCiFile(relPath, text2) {
  const path11 = relPath.replace(/\\/g, "/");
  if (SCRIPT_EXT.test(path11)) return "script";
  if (!YAML_EXT.test(path11)) return void 0;
  if (WORKFLOW_PATH.test(path11)) return "github-workflow";
  const base = path11.slice(path11.lastIndexOf("/") + 1);
  if (ACTION_NAME.test(base)) return COMPOSITE.test(text2) ? "github-action" : void 0;
  if (PIPELINE_NAME.test(base)) return "azure-pipeline";
  const maybeWorkflow = TOP_ON.test(text2) && TOP_JOBS.test(text2);
  const maybePipeline = AZP_STEP.test(text2) && AZP_CONTAINER.test(text2) && !K8S.test(text2);
  if (!maybeWorkflow && !maybePipeline) return void 0;
  let root;
  try {
    const doc = (0, import_yaml.parseDocument)(text2, { version: "1.2" });
    if (doc.errors.length > 0) return maybeWorkflow ? "github-workflow" : "azure-pipeline";
    root = doc.contents;
  } catch {
    return maybeWorkflow ? "github-workflow" : "azure-pipeline";
  }
  if (maybeWorkflow && (0, import_yaml.isMap)(root) && root.has("on") && root.has("jobs")) return "github-workflow";
  if (maybePipeline && hasPipelineSteps(root)) return "azure-pipeline";
  return void 0;
}

// src/parse/hcl/positions.ts
var Positions = class {
  starts;
  last = 0;
  constructor(text2) {
    const starts = [0];
    if (text2.indexOf("\r") < 0) {
      let i = text2.indexOf("\n");
      while (i >= 0) {
        starts.push(i + 1);
        i = text2.indexOf("\n", i + 1);
      }
    } else {
      for (let i = 0; i < text2.length; i++) {
        const ch = text2.charCodeAt(i);
        if (ch === 10) starts.push(i + 1);
        else if (ch === 13) {
          if (text2.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }
  position(offset) {
    const starts = this.starts;
    let line = this.last;
    const next = starts[line + 1];
    if (!(starts[line] <= offset && (next === void 0 || offset < next))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
      this.last = lo;
    }
    return { line: line + 1, column: offset - starts[line] + 1, offset };
  }
  range(start, end) {
    return { start: this.position(start), end: this.position(end) };
  }
};

// src/parse/hcl/lexer.ts
var TOKEN_NAMES = {
  [0 /* EOF */]: "end of file",
  [1 /* Newline */]: "newline",
  [2 /* Ident */]: "identifier",
  [3 /* Number */]: "number",
  [4 /* OQuote */]: "string",
  [5 /* OHeredoc */]: "heredoc"
};
function describeToken(tok, text2) {
  const name = TOKEN_NAMES[tok.type];
  if (tok.type === 2 /* Ident */ || tok.type === 3 /* Number */) return `${name} '${text2.slice(tok.start, tok.end)}'`;
  if (name !== void 0) return name;
  return `'${text2.slice(tok.start, tok.end)}'`;
}
var ID_START = /[\p{ID_Start}]/u;
var ID_CONTINUE = /[\p{ID_Continue}]/u;
function isAsciiIdStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isIdStartAt(text2, i) {
  const c = text2.charCodeAt(i);
  if (isAsciiIdStart(c)) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  const cp = text2.codePointAt(i);
  return ID_START.test(String.fromCodePoint(cp));
}
function idContinueLen(text2, i) {
  const c = text2.charCodeAt(i);
  if (isAsciiIdStart(c) || isDigit(c) || c === 45) return 1;
  if (c < 128 || Number.isNaN(c)) return 0;
  const cp = text2.codePointAt(i);
  if (ID_CONTINUE.test(String.fromCodePoint(cp))) return cp > 65535 ? 2 : 1;
  return 0;
}
var Lexer = class {
  constructor(text2, lines, comments, errors) {
    this.text = text2;
    this.lines = lines;
    this.comments = comments;
    this.errors = errors;
  }
  text;
  lines;
  comments;
  errors;
  pos = 0;
  /** Set after a `.` so that `a.0.1` lexes integer indexes, not the number `0.1`. */
  afterDot = false;
  range(start, end) {
    return this.lines.range(start, end);
  }
  error(message, start, end) {
    this.errors.push({ message, range: this.range(start, end) });
  }
  /** Skips spaces, tabs, lone CRs and comments; stops at a newline. */
  skipTrivia() {
    const text2 = this.text;
    const n = text2.length;
    let i = this.pos;
    for (; ; ) {
      if (i >= n) break;
      const c = text2.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
      } else if (c === 13) {
        if (text2.charCodeAt(i + 1) === 10) break;
        i++;
      } else if (c === 35 || c === 47 && text2.charCodeAt(i + 1) === 47) {
        const markerLen = c === 35 ? 1 : 2;
        let j = text2.indexOf("\n", i + markerLen);
        if (j < 0) j = n;
        else if (text2.charCodeAt(j - 1) === 13 && j - 1 >= i + markerLen) j--;
        this.comments.push({ style: "line", text: text2.slice(i + markerLen, j), range: this.range(i, j) });
        i = j;
      } else if (c === 47 && text2.charCodeAt(i + 1) === 42) {
        const close = text2.indexOf("*/", i + 2);
        if (close < 0) {
          this.error("Unterminated comment: this /* comment has no closing */", i, i + 2);
          this.comments.push({ style: "block", text: text2.slice(i + 2), range: this.range(i, n) });
          i = n;
        } else {
          this.comments.push({ style: "block", text: text2.slice(i + 2, close), range: this.range(i, close + 2) });
          i = close + 2;
        }
      } else {
        break;
      }
    }
    this.pos = i;
  }
  next() {
    this.skipTrivia();
    const text2 = this.text;
    const start = this.pos;
    const afterDot = this.afterDot;
    this.afterDot = false;
    if (start >= text2.length) return { type: 0 /* EOF */, start, end: start };
    const c = text2.charCodeAt(start);
    const c1 = text2.charCodeAt(start + 1);
    switch (c) {
      case 10:
        return this.simple(1 /* Newline */, start, 1);
      case 13:
        return this.simple(1 /* Newline */, start, 2);
      case 34:
        return this.simple(4 /* OQuote */, start, 1);
      case 123:
        return this.simple(6 /* LBrace */, start, 1);
      case 125:
        return this.simple(7 /* RBrace */, start, 1);
      case 91:
        return this.simple(8 /* LBrack */, start, 1);
      case 93:
        return this.simple(9 /* RBrack */, start, 1);
      case 40:
        return this.simple(10 /* LParen */, start, 1);
      case 41:
        return this.simple(11 /* RParen */, start, 1);
      case 44:
        return this.simple(12 /* Comma */, start, 1);
      case 46:
        if (c1 === 46 && text2.charCodeAt(start + 2) === 46) return this.simple(14 /* Ellipsis */, start, 3);
        this.afterDot = true;
        return this.simple(13 /* Dot */, start, 1);
      case 61:
        if (c1 === 61) return this.simple(19 /* Eq */, start, 2);
        if (c1 === 62) return this.simple(18 /* FatArrow */, start, 2);
        return this.simple(15 /* Assign */, start, 1);
      case 58:
        return this.simple(16 /* Colon */, start, 1);
      case 63:
        return this.simple(17 /* Question */, start, 1);
      case 33:
        if (c1 === 61) return this.simple(20 /* NotEq */, start, 2);
        return this.simple(32 /* Bang */, start, 1);
      case 60:
        if (c1 === 61) return this.simple(22 /* Le */, start, 2);
        if (c1 === 60) return this.heredocOpener(start);
        return this.simple(21 /* Lt */, start, 1);
      case 62:
        if (c1 === 61) return this.simple(24 /* Ge */, start, 2);
        return this.simple(23 /* Gt */, start, 1);
      case 43:
        return this.simple(25 /* Plus */, start, 1);
      case 45:
        return this.simple(26 /* Minus */, start, 1);
      case 42:
        return this.simple(27 /* Star */, start, 1);
      case 47:
        return this.simple(28 /* Slash */, start, 1);
      case 37:
        return this.simple(29 /* Percent */, start, 1);
      case 38:
        if (c1 === 38) return this.simple(30 /* And */, start, 2);
        return this.simple(34 /* Invalid */, start, 1);
      case 124:
        if (c1 === 124) return this.simple(31 /* Or */, start, 2);
        return this.simple(34 /* Invalid */, start, 1);
      case 126:
        if (c1 === 125) return this.simple(33 /* StripClose */, start, 2);
        return this.simple(34 /* Invalid */, start, 1);
      default:
        break;
    }
    if (isDigit(c)) return this.number(start, afterDot);
    if (isIdStartAt(text2, start)) return this.ident(start);
    const cp = text2.codePointAt(start);
    return this.simple(34 /* Invalid */, start, cp > 65535 ? 2 : 1);
  }
  simple(type, start, len) {
    this.pos = start + len;
    return { type, start, end: start + len };
  }
  number(start, integerOnly) {
    const text2 = this.text;
    let i = start;
    while (isDigit(text2.charCodeAt(i))) i++;
    if (!integerOnly) {
      if (text2.charCodeAt(i) === 46 && isDigit(text2.charCodeAt(i + 1))) {
        i += 2;
        while (isDigit(text2.charCodeAt(i))) i++;
      }
      const e = text2.charCodeAt(i);
      if (e === 101 || e === 69) {
        let j = i + 1;
        const s = text2.charCodeAt(j);
        if (s === 43 || s === 45) j++;
        if (isDigit(text2.charCodeAt(j))) {
          i = j;
          while (isDigit(text2.charCodeAt(i))) i++;
        }
      }
    }
    this.pos = i;
    return { type: 3 /* Number */, start, end: i };
  }
  ident(start) {
    const text2 = this.text;
    let i = start + 1;
    if (text2.charCodeAt(start) >= 55296 && text2.charCodeAt(start) <= 56319) i++;
    for (; ; ) {
      const len = idContinueLen(text2, i);
      if (len > 0) {
        i += len;
        continue;
      }
      if (text2.charCodeAt(i) === 58 && text2.charCodeAt(i + 1) === 58 && isIdStartAt(text2, i + 2)) {
        i += 3;
        continue;
      }
      break;
    }
    this.pos = i;
    return { type: 2 /* Ident */, start, end: i };
  }
  /** `<<EOT` / `<<-EOT` followed by a newline. */
  heredocOpener(start) {
    const text2 = this.text;
    let i = start + 2;
    const indented = text2.charCodeAt(i) === 45;
    if (indented) i++;
    if (!isIdStartAt(text2, i)) {
      this.pos = start + 2;
      return { type: 34 /* Invalid */, start, end: start + 2 };
    }
    const tok = this.ident(i);
    const marker = text2.slice(tok.start, tok.end);
    let j = tok.end;
    if (text2.charCodeAt(j) === 13 && text2.charCodeAt(j + 1) === 10) j += 2;
    else if (text2.charCodeAt(j) === 10) j += 1;
    else {
      this.pos = tok.end;
      return { type: 34 /* Invalid */, start, end: tok.end };
    }
    this.pos = j;
    return { type: 5 /* OHeredoc */, start, end: tok.end, marker, indented };
  }
};

// src/parse/hcl/parser.ts
var Abort = class {
};
var BINARY_LEVELS = [
  /* @__PURE__ */ new Map([[31 /* Or */, "||"]]),
  /* @__PURE__ */ new Map([[30 /* And */, "&&"]]),
  /* @__PURE__ */ new Map([
    [19 /* Eq */, "=="],
    [20 /* NotEq */, "!="]
  ]),
  /* @__PURE__ */ new Map([
    [21 /* Lt */, "<"],
    [22 /* Le */, "<="],
    [23 /* Gt */, ">"],
    [24 /* Ge */, ">="]
  ]),
  /* @__PURE__ */ new Map([
    [25 /* Plus */, "+"],
    [26 /* Minus */, "-"]
  ]),
  /* @__PURE__ */ new Map([
    [27 /* Star */, "*"],
    [28 /* Slash */, "/"],
    [29 /* Percent */, "%"]
  ])
];
var MAX_DEPTH = 500;
function span(a, b) {
  return { start: a.range.start, end: b.range.end };
}
function isSpaceCode(c) {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}
function isStringLiteral(expr) {
  return expr.type === "Template" && expr.parts.every((p) => p.type === "TemplateLiteral");
}
var Parser = class {
  constructor(text2) {
    this.text = text2;
    this.lines = new Positions(text2);
    this.lx = new Lexer(text2, this.lines, this.comments, this.errors);
  }
  text;
  lines;
  lx;
  comments = [];
  errors = [];
  tok = null;
  /** Top: are newlines insignificant here (inside `(`, `[`, template sequences, for)? */
  ignoreNl = [false];
  depth = 0;
  // ---- token plumbing -----------------------------------------------------------------------
  peek() {
    let t = this.tok;
    if (t === null) t = this.lx.next();
    if (this.ignoreNl[this.ignoreNl.length - 1]) {
      while (t.type === 1 /* Newline */) t = this.lx.next();
    }
    this.tok = t;
    return t;
  }
  take() {
    const t = this.peek();
    this.tok = null;
    return t;
  }
  pushNl(ignore) {
    this.ignoreNl.push(ignore);
  }
  popNl() {
    this.ignoreNl.pop();
  }
  src(t) {
    return this.text.slice(t.start, t.end);
  }
  range(start, end) {
    return this.lines.range(start, end);
  }
  pos(offset) {
    return this.lines.position(offset);
  }
  fail(message, start, end) {
    this.errors.push({ message, range: this.range(start, end) });
    throw new Abort();
  }
  unexpected(t, expected) {
    this.fail(`Expected ${expected}, found ${describeToken(t, this.text)}`, t.start, t.end);
  }
  expect(type, expected) {
    const t = this.peek();
    if (t.type !== type) this.unexpected(t, expected);
    return this.take();
  }
  isKeyword(t, word) {
    return t.type === 2 /* Ident */ && t.end - t.start === word.length && this.text.startsWith(word, t.start);
  }
  enter(t) {
    if (++this.depth > MAX_DEPTH) this.fail("Expression is nested too deeply", t.start, t.end);
  }
  // ---- file and bodies ------------------------------------------------------------------------
  parseFile() {
    const items2 = [];
    let itemStart = 0;
    for (; ; ) {
      try {
        const t = this.peek();
        if (t.type === 0 /* EOF */) break;
        if (t.type === 1 /* Newline */) {
          this.take();
          continue;
        }
        itemStart = t.start;
        items2.push(this.parseItem(false));
      } catch (e) {
        if (!(e instanceof Abort)) {
          const err2 = e instanceof Error ? e.message : String(e);
          const at = Math.min(this.lx.pos, this.text.length);
          this.errors.push({ message: `Internal parser error: ${err2}`, range: this.range(at, at) });
        }
        if (!this.recover(itemStart)) break;
      }
    }
    return { items: items2, range: this.range(0, this.text.length) };
  }
  /**
   * Skips to the start of the next line (after the error) that looks like a top-level
   * `name … {` or `name =`; the line of the error itself qualifies when it is not the line
   * where the broken item starts (`x = [1,` followed by `y = 2`). Returns false at end of file.
   */
  recover(itemStart) {
    const text2 = this.text;
    const lastError = this.errors[this.errors.length - 1];
    let i = lastError ? lastError.range.start.offset : this.lx.pos;
    this.tok = null;
    this.ignoreNl = [false];
    this.depth = 0;
    const errorLineStart = text2.lastIndexOf("\n", i - 1) + 1;
    if (errorLineStart > itemStart && this.looksLikeTopLevelItem(errorLineStart)) {
      this.lx.pos = errorLineStart;
      return true;
    }
    for (; ; ) {
      const nl = text2.indexOf("\n", i);
      if (nl < 0) {
        this.lx.pos = text2.length;
        return false;
      }
      i = nl + 1;
      if (this.looksLikeTopLevelItem(i)) {
        this.lx.pos = i;
        return true;
      }
    }
  }
  looksLikeTopLevelItem(i) {
    const text2 = this.text;
    const n = text2.length;
    if (!isIdStartAt(text2, i)) return false;
    let sawLabel = false;
    let first = true;
    while (i < n) {
      const c = text2.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
      } else if (c === 123) {
        return true;
      } else if (c === 61) {
        return !sawLabel && text2.charCodeAt(i + 1) !== 61;
      } else if (c === 34) {
        const close = text2.indexOf('"', i + 1);
        const eol = text2.indexOf("\n", i + 1);
        if (close < 0 || eol >= 0 && eol < close) return false;
        i = close + 1;
        sawLabel = true;
        first = false;
      } else if (isIdStartAt(text2, i)) {
        if (!first) sawLabel = true;
        first = false;
        i++;
        while (i < n) {
          const d = text2.charCodeAt(i);
          if (d === 32 || d === 9 || d === 123 || d === 61 || d === 34 || d === 10 || d === 13) break;
          i++;
        }
      } else {
        return false;
      }
    }
    return false;
  }
  /** An attribute or block; `inBlock` allows a closing `}` right after a one-line item. */
  parseItem(inBlock) {
    const nameTok = this.peek();
    if (nameTok.type !== 2 /* Ident */) this.unexpected(nameTok, "an attribute or block definition");
    this.take();
    const name = this.src(nameTok);
    const nameRange = this.range(nameTok.start, nameTok.end);
    const after = this.peek();
    if (after.type === 15 /* Assign */) {
      this.take();
      const expr = this.parseExpression();
      this.endOfItem(inBlock, "attribute");
      const attr2 = { type: "Attribute", name, nameRange, expr, range: { start: nameRange.start, end: expr.range.end } };
      return attr2;
    }
    if (after.type !== 6 /* LBrace */ && after.type !== 4 /* OQuote */ && after.type !== 2 /* Ident */) {
      this.unexpected(after, `'=' or '{' after attribute/block name "${name}"`);
    }
    const labels = [];
    for (; ; ) {
      const t = this.peek();
      if (t.type === 6 /* LBrace */) break;
      if (t.type === 2 /* Ident */) {
        this.take();
        labels.push({ value: this.src(t), quoted: false, range: this.range(t.start, t.end) });
      } else if (t.type === 4 /* OQuote */) {
        this.take();
        const tmpl = this.parseQuoted(t);
        if (!isStringLiteral(tmpl)) {
          this.fail("Block labels must be plain quoted strings; interpolation is not allowed here", t.start, tmpl.range.end.offset);
        }
        const value = tmpl.parts.map((p) => p.value).join("");
        labels.push({ value, quoted: true, range: tmpl.range });
      } else {
        this.unexpected(t, `'{' to open block "${name}"`);
      }
    }
    const open = this.take();
    this.enter(open);
    this.pushNl(false);
    const items2 = [];
    let close;
    for (; ; ) {
      const t = this.peek();
      if (t.type === 1 /* Newline */) {
        this.take();
        continue;
      }
      if (t.type === 7 /* RBrace */) {
        close = this.take();
        break;
      }
      if (t.type === 0 /* EOF */) {
        this.fail(
          `Expected '}' to close block "${name}" opened at line ${this.pos(open.start).line}, found end of file`,
          t.start,
          t.end
        );
      }
      items2.push(this.parseItem(true));
    }
    this.popNl();
    this.depth--;
    this.endOfItem(inBlock, "block");
    const openBraceRange = this.range(open.start, open.end);
    const body = { items: items2, range: { start: openBraceRange.start, end: this.pos(close.end) } };
    const block = {
      type: "Block",
      blockType: name,
      typeRange: nameRange,
      labels,
      body,
      openBraceRange,
      range: { start: nameRange.start, end: body.range.end }
    };
    return block;
  }
  endOfItem(inBlock, what) {
    const t = this.peek();
    if (t.type === 1 /* Newline */) {
      this.take();
      return;
    }
    if (t.type === 0 /* EOF */) return;
    if (inBlock && t.type === 7 /* RBrace */) return;
    this.unexpected(t, `a newline after the ${what}`);
  }
  // ---- expressions ----------------------------------------------------------------------------
  parseExpression() {
    const t = this.peek();
    this.enter(t);
    const condition = this.parseBinary(0);
    let result = condition;
    if (this.peek().type === 17 /* Question */) {
      this.take();
      const trueExpr = this.parseExpression();
      this.expect(16 /* Colon */, "':' in the conditional expression");
      const falseExpr = this.parseExpression();
      result = { type: "Conditional", condition, trueExpr, falseExpr, range: span(condition, falseExpr) };
    }
    this.depth--;
    return result;
  }
  parseBinary(level) {
    if (level >= BINARY_LEVELS.length) return this.parseUnary();
    const ops = BINARY_LEVELS[level];
    let left = this.parseBinary(level + 1);
    for (; ; ) {
      const op = ops.get(this.peek().type);
      if (op === void 0) return left;
      this.take();
      const right = this.parseBinary(level + 1);
      left = { type: "BinaryOp", op, left, right, range: span(left, right) };
    }
  }
  parseUnary() {
    const t = this.peek();
    if (t.type === 32 /* Bang */ || t.type === 26 /* Minus */) {
      this.take();
      this.enter(t);
      const operand = this.parseUnary();
      this.depth--;
      return {
        type: "UnaryOp",
        op: t.type === 32 /* Bang */ ? "!" : "-",
        operand,
        range: { start: this.pos(t.start), end: operand.range.end }
      };
    }
    return this.parsePostfix(this.parseTerm());
  }
  parseTerm() {
    const t = this.take();
    switch (t.type) {
      case 3 /* Number */: {
        const raw = this.src(t);
        return { type: "Literal", value: Number(raw), raw, range: this.range(t.start, t.end) };
      }
      case 2 /* Ident */: {
        const name = this.src(t);
        const range = this.range(t.start, t.end);
        if (name === "true" || name === "false") return { type: "Literal", value: name === "true", raw: name, range };
        if (name === "null") return { type: "Literal", value: null, raw: name, range };
        if (this.peek().type === 10 /* LParen */) return this.parseCall(t);
        if (name.includes("::")) this.fail(`Expected '(' after the function name "${name}"`, t.start, t.end);
        return { type: "ScopeTraversal", root: name, rootRange: range, steps: [], range };
      }
      case 4 /* OQuote */:
        return this.parseQuoted(t);
      case 5 /* OHeredoc */:
        return this.parseHeredoc(t);
      case 10 /* LParen */: {
        this.pushNl(true);
        const expr = this.parseExpression();
        const close = this.expect(11 /* RParen */, "')' to close the parentheses");
        this.popNl();
        return { type: "Parentheses", expr, range: this.range(t.start, close.end) };
      }
      case 8 /* LBrack */:
        return this.parseTuple(t);
      case 6 /* LBrace */:
        return this.parseObject(t);
      default:
        return this.unexpected(t, "an expression");
    }
  }
  parseCall(nameTok) {
    this.take();
    this.pushNl(true);
    const args = [];
    let expandFinal = false;
    let close;
    for (; ; ) {
      const t = this.peek();
      if (t.type === 11 /* RParen */) {
        close = this.take();
        break;
      }
      if (expandFinal) this.unexpected(t, "')' after the '...' argument");
      args.push(this.parseExpression());
      const sep = this.peek();
      if (sep.type === 14 /* Ellipsis */) {
        this.take();
        expandFinal = true;
        continue;
      }
      if (sep.type === 12 /* Comma */) {
        this.take();
        continue;
      }
      if (sep.type !== 11 /* RParen */) this.unexpected(sep, "',' or ')' in the function call");
    }
    this.popNl();
    return {
      type: "FunctionCall",
      name: this.src(nameTok),
      nameRange: this.range(nameTok.start, nameTok.end),
      args,
      expandFinal,
      range: this.range(nameTok.start, close.end)
    };
  }
  parsePostfix(base) {
    let expr = base;
    let splat = null;
    for (; ; ) {
      const t = this.peek();
      if (t.type === 13 /* Dot */) {
        this.take();
        const n = this.take();
        let step;
        if (n.type === 2 /* Ident */) {
          step = { type: "GetAttr", name: this.src(n), range: this.range(t.start, n.end) };
        } else if (n.type === 3 /* Number */) {
          const raw = this.src(n);
          const key = { type: "Literal", value: Number(raw), raw, range: this.range(n.start, n.end) };
          step = { type: "Index", key, legacyDot: true, range: this.range(t.start, n.end) };
        } else if (n.type === 27 /* Star */) {
          splat = { type: "Splat", source: expr, full: false, each: [], range: { start: expr.range.start, end: this.pos(n.end) } };
          expr = splat;
          continue;
        } else {
          this.unexpected(n, "an attribute name after '.'");
        }
        if (splat) {
          splat.each.push(step);
          splat.range = { start: splat.range.start, end: step.range.end };
        } else {
          expr = this.addStep(expr, step);
        }
        continue;
      }
      if (t.type === 8 /* LBrack */) {
        this.take();
        this.pushNl(true);
        if (this.peek().type === 27 /* Star */) {
          this.take();
          const close2 = this.expect(9 /* RBrack */, "']' after '[*'");
          this.popNl();
          splat = { type: "Splat", source: expr, full: true, each: [], range: { start: expr.range.start, end: this.pos(close2.end) } };
          expr = splat;
          continue;
        }
        const key = this.parseExpression();
        const close = this.expect(9 /* RBrack */, "']' to close the index");
        this.popNl();
        const range = this.range(t.start, close.end);
        if (splat && splat.full) {
          splat.each.push({ type: "Index", key, range });
          splat.range = { start: splat.range.start, end: range.end };
          continue;
        }
        splat = null;
        if (key.type === "Literal" || isStringLiteral(key)) {
          expr = this.addStep(expr, { type: "Index", key, range });
        } else {
          expr = { type: "Index", collection: expr, key, range: { start: expr.range.start, end: range.end } };
        }
        continue;
      }
      return expr;
    }
  }
  addStep(expr, step) {
    if (expr.type === "ScopeTraversal" || expr.type === "RelativeTraversal") {
      expr.steps.push(step);
      expr.range = { start: expr.range.start, end: step.range.end };
      return expr;
    }
    return { type: "RelativeTraversal", source: expr, steps: [step], range: { start: expr.range.start, end: step.range.end } };
  }
  parseTuple(open) {
    this.pushNl(true);
    if (this.isKeyword(this.peek(), "for")) {
      const e = this.parseFor(open, false);
      this.popNl();
      return e;
    }
    const items2 = [];
    let close;
    for (; ; ) {
      const t = this.peek();
      if (t.type === 9 /* RBrack */) {
        close = this.take();
        break;
      }
      items2.push(this.parseExpression());
      const sep = this.peek();
      if (sep.type === 12 /* Comma */) {
        this.take();
        continue;
      }
      if (sep.type !== 9 /* RBrack */) this.unexpected(sep, "',' or ']' in the tuple");
    }
    this.popNl();
    const tuple = { type: "Tuple", items: items2, range: this.range(open.start, close.end) };
    return tuple;
  }
  parseObject(open) {
    this.pushNl(false);
    let t = this.peek();
    while (t.type === 1 /* Newline */) {
      this.take();
      t = this.peek();
    }
    if (this.isKeyword(t, "for")) {
      this.pushNl(true);
      const e = this.parseFor(open, true);
      this.popNl();
      this.popNl();
      return e;
    }
    const items2 = [];
    let close;
    for (; ; ) {
      t = this.peek();
      if (t.type === 1 /* Newline */ || t.type === 12 /* Comma */) {
        this.take();
        continue;
      }
      if (t.type === 7 /* RBrace */) {
        close = this.take();
        break;
      }
      if (t.type === 0 /* EOF */) this.unexpected(t, "'}' to close the object");
      const key = this.parseExpression();
      const bareKey = key.type === "ScopeTraversal" && key.steps.length === 0;
      const sepTok = this.peek();
      if (sepTok.type !== 15 /* Assign */ && sepTok.type !== 16 /* Colon */) this.unexpected(sepTok, "'=' or ':' after the object key");
      this.take();
      const value = this.parseExpression();
      items2.push({ key, bareKey, value, separator: sepTok.type === 15 /* Assign */ ? "=" : ":", range: span(key, value) });
      const after = this.peek();
      if (after.type !== 12 /* Comma */ && after.type !== 1 /* Newline */ && after.type !== 7 /* RBrace */) {
        this.unexpected(after, "',' or a newline after the object item");
      }
    }
    this.popNl();
    const obj2 = { type: "Object", items: items2, range: this.range(open.start, close.end) };
    return obj2;
  }
  /** After `[` or `{`, with `for` next; newlines are ignored by the caller. */
  parseFor(open, isObject) {
    this.take();
    const first = this.expect(2 /* Ident */, "a variable name after 'for'");
    let keyVar;
    let valueVar = this.src(first);
    if (this.peek().type === 12 /* Comma */) {
      this.take();
      keyVar = valueVar;
      valueVar = this.src(this.expect(2 /* Ident */, "a second variable name after ','"));
    }
    const inTok = this.peek();
    if (!this.isKeyword(inTok, "in")) this.unexpected(inTok, "'in' in the for expression");
    this.take();
    const collection = this.parseExpression();
    this.expect(16 /* Colon */, "':' in the for expression");
    let keyExpr;
    if (isObject) {
      keyExpr = this.parseExpression();
      this.expect(18 /* FatArrow */, "'=>' in the object for expression");
    }
    const valueExpr = this.parseExpression();
    let group = false;
    if (isObject && this.peek().type === 14 /* Ellipsis */) {
      this.take();
      group = true;
    }
    let condition;
    if (this.isKeyword(this.peek(), "if")) {
      this.take();
      condition = this.parseExpression();
    }
    const close = this.expect(isObject ? 7 /* RBrace */ : 9 /* RBrack */, isObject ? "'}' to close the for expression" : "']' to close the for expression");
    const e = { type: "For", valueVar, collection, valueExpr, group, range: this.range(open.start, close.end) };
    if (keyVar !== void 0) e.keyVar = keyVar;
    if (keyExpr) e.keyExpr = keyExpr;
    if (condition) e.condition = condition;
    return e;
  }
  // ---- templates ------------------------------------------------------------------------------
  /** A quoted template; the opening `"` has been taken. */
  parseQuoted(open) {
    const text2 = this.text;
    const n = text2.length;
    const flat = [];
    let i = open.end;
    let litStart = i;
    let chunks = [];
    let segStart = i;
    const flushLit = (end) => {
      if (end > segStart) chunks.push(text2.slice(segStart, end));
      if (end > litStart) flat.push({ kind: "lit", value: chunks.length === 1 ? chunks[0] : chunks.join(""), start: litStart, end });
      chunks = [];
    };
    for (; ; ) {
      if (i >= n) this.fail(`Unterminated string: missing the closing '"'`, open.start, open.end);
      const c = text2.charCodeAt(i);
      if (c === 34) break;
      if (c === 10 || c === 13) {
        this.fail(`Unterminated string: a quoted string must end with '"' on the same line`, open.start, i);
      }
      if (c === 92) {
        if (i > segStart) chunks.push(text2.slice(segStart, i));
        i = this.decodeEscape(i, chunks);
        segStart = i;
        continue;
      }
      if ((c === 36 || c === 37) && text2.charCodeAt(i + 1) === 123) {
        flushLit(i);
        i = this.parseSequence(i, flat);
        litStart = segStart = i;
        continue;
      }
      if ((c === 36 || c === 37) && text2.charCodeAt(i + 1) === c && text2.charCodeAt(i + 2) === 123) {
        chunks.push(text2.slice(segStart, i + 1));
        segStart = i + 2;
        i += 3;
        continue;
      }
      i++;
    }
    flushLit(i);
    this.lx.pos = i + 1;
    this.tok = null;
    return this.finishTemplate(flat, open.start, i + 1, void 0);
  }
  /** Decodes the escape at `i` (a backslash) into `chunks`; returns the index after it. */
  decodeEscape(i, chunks) {
    const text2 = this.text;
    const e = text2.charCodeAt(i + 1);
    switch (e) {
      case 110:
        chunks.push("\n");
        return i + 2;
      case 114:
        chunks.push("\r");
        return i + 2;
      case 116:
        chunks.push("	");
        return i + 2;
      case 34:
        chunks.push('"');
        return i + 2;
      case 92:
        chunks.push("\\");
        return i + 2;
      case 117:
      case 85: {
        const len = e === 117 ? 4 : 8;
        const hex = text2.slice(i + 2, i + 2 + len);
        if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
          const cp = parseInt(hex, 16);
          if (cp <= 1114111 && (cp < 55296 || cp > 57343)) {
            chunks.push(String.fromCodePoint(cp));
            return i + 2 + len;
          }
        }
        this.fail(`Invalid escape sequence: \\${text2[i + 1]} must be followed by ${len} hexadecimal digits of a valid code point`, i, i + 2);
        break;
      }
      default:
        break;
    }
    const shown = Number.isNaN(e) || e === 10 || e === 13 ? "" : String.fromCharCode(e);
    return this.fail(
      `Invalid escape sequence "\\${shown}": only \\n, \\r, \\t, \\", \\\\, \\uNNNN and \\UNNNNNNNN are allowed`,
      i,
      Math.min(i + 2, text2.length)
    );
  }
  /** A heredoc; the opener (including its newline) has been taken. */
  parseHeredoc(open) {
    const text2 = this.text;
    const n = text2.length;
    const marker = open.marker;
    const indented = open.indented === true;
    const flat = [];
    let i = this.lx.pos;
    let endOffset = -1;
    for (; ; ) {
      if (i >= n) {
        this.fail(`Unterminated heredoc: no closing "${marker}" line for the heredoc that starts here`, open.start, open.end);
      }
      let j = i;
      while (text2.charCodeAt(j) === 32 || text2.charCodeAt(j) === 9) j++;
      if (text2.startsWith(marker, j)) {
        const k = j + marker.length;
        const c = text2.charCodeAt(k);
        if (k >= n || c === 10 || c === 13 && text2.charCodeAt(k + 1) === 10) {
          endOffset = k;
          break;
        }
      }
      i = this.scanHeredocLine(i, flat);
    }
    this.lx.pos = endOffset;
    this.tok = null;
    return this.finishTemplate(flat, open.start, endOffset, { marker, indented });
  }
  /** Scans heredoc text from `i` to the end of its line (following interpolations across lines). */
  scanHeredocLine(start, flat) {
    const text2 = this.text;
    const n = text2.length;
    let i = start;
    let litStart = i;
    let chunks = [];
    let segStart = i;
    const flushLit = (end) => {
      if (end > segStart) chunks.push(text2.slice(segStart, end));
      if (end > litStart) flat.push({ kind: "lit", value: chunks.length === 1 ? chunks[0] : chunks.join(""), start: litStart, end });
      chunks = [];
    };
    for (; ; ) {
      if (i >= n) {
        flushLit(i);
        return i;
      }
      const c = text2.charCodeAt(i);
      if (c === 10) {
        flushLit(i + 1);
        return i + 1;
      }
      if ((c === 36 || c === 37) && text2.charCodeAt(i + 1) === 123) {
        flushLit(i);
        i = this.parseSequence(i, flat);
        litStart = segStart = i;
        continue;
      }
      if ((c === 36 || c === 37) && text2.charCodeAt(i + 1) === c && text2.charCodeAt(i + 2) === 123) {
        chunks.push(text2.slice(segStart, i + 1));
        segStart = i + 2;
        i += 3;
        continue;
      }
      i++;
    }
  }
  /** `${ … }` or `%{ … }` starting at `i`; appends to `flat` and returns the index after `}`. */
  parseSequence(i, flat) {
    const text2 = this.text;
    const isInterp = text2.charCodeAt(i) === 36;
    const stripLeft = text2.charCodeAt(i + 2) === 126;
    this.lx.pos = i + (stripLeft ? 3 : 2);
    this.tok = null;
    this.pushNl(true);
    let item;
    if (isInterp) {
      const expr = this.parseExpression();
      item = { kind: "interp", expr, stripLeft, stripRight: false, start: i, end: 0 };
    } else {
      const kw = this.peek();
      const word = kw.type === 2 /* Ident */ ? this.src(kw) : "";
      if (word === "if") {
        this.take();
        item = { kind: "if", condition: this.parseExpression(), stripLeft, stripRight: false, start: i, end: 0 };
      } else if (word === "for") {
        this.take();
        let valueVar = this.src(this.expect(2 /* Ident */, "a variable name after 'for'"));
        let keyVar;
        if (this.peek().type === 12 /* Comma */) {
          this.take();
          keyVar = valueVar;
          valueVar = this.src(this.expect(2 /* Ident */, "a second variable name after ','"));
        }
        const inTok = this.peek();
        if (!this.isKeyword(inTok, "in")) this.unexpected(inTok, "'in' in the for directive");
        this.take();
        const collection = this.parseExpression();
        item = { kind: "for", valueVar, collection, stripLeft, stripRight: false, start: i, end: 0 };
        if (keyVar !== void 0) item.keyVar = keyVar;
      } else if (word === "else" || word === "endif" || word === "endfor") {
        this.take();
        item = { kind: word, stripLeft, stripRight: false, start: i, end: 0 };
      } else {
        this.unexpected(kw, "'if', 'else', 'endif', 'for' or 'endfor' after '%{'");
      }
    }
    const close = this.peek();
    if (close.type !== 7 /* RBrace */ && close.type !== 33 /* StripClose */) {
      this.unexpected(close, isInterp ? "'}' to close the interpolation" : "'}' to close the template directive");
    }
    this.take();
    this.popNl();
    item.stripRight = close.type === 33 /* StripClose */;
    item.end = close.end;
    flat.push(item);
    return close.end;
  }
  finishTemplate(flat, start, end, heredoc) {
    const range = this.range(start, end);
    const only = flat.length === 1 ? flat[0] : null;
    if (only && only.kind === "interp" && !heredoc) {
      const wrap = { type: "TemplateWrap", wrapped: only.expr, range };
      return wrap;
    }
    for (let k = 0; k < flat.length; k++) {
      const f = flat[k];
      if (f.kind === "lit") continue;
      const prev = flat[k - 1];
      if (f.stripLeft && prev && prev.kind === "lit") prev.value = prev.value.trimEnd();
      const next = flat[k + 1];
      if (f.stripRight && next && next.kind === "lit") next.value = next.value.trimStart();
    }
    if (heredoc?.indented) flushHeredoc(flat);
    const pos = { i: 0 };
    const parts = this.buildParts(flat, pos, null);
    if (parts.length === 0) {
      parts.push({ type: "TemplateLiteral", value: "", range: this.range(start + (heredoc ? 0 : 1), heredoc ? start : end - 1) });
    }
    const tmpl = { type: "Template", parts, range };
    if (heredoc) tmpl.heredoc = heredoc;
    return tmpl;
  }
  /** Builds nested parts from the flat token list, up to the terminator of `opener`. */
  buildParts(flat, pos, opener) {
    const parts = [];
    let lit = null;
    let litEnd = 0;
    while (pos.i < flat.length) {
      const f = flat[pos.i];
      if (f.kind === "lit") {
        pos.i++;
        if (f.value === "") continue;
        if (lit && litEnd === f.start) {
          lit.value += f.value;
          lit.range = { start: lit.range.start, end: this.pos(f.end) };
        } else {
          lit = { type: "TemplateLiteral", value: f.value, range: this.range(f.start, f.end) };
          parts.push(lit);
        }
        litEnd = f.end;
        continue;
      }
      lit = null;
      if (f.kind === "interp") {
        pos.i++;
        parts.push({
          type: "TemplateInterpolation",
          expr: f.expr,
          stripLeft: f.stripLeft,
          stripRight: f.stripRight,
          range: this.range(f.start, f.end)
        });
        continue;
      }
      if (f.kind === "else" || f.kind === "endif" || f.kind === "endfor") {
        const wanted = opener?.kind === "for" ? "endfor" : opener?.kind === "if" ? "endif or else" : null;
        if (wanted === null || !wanted.includes(f.kind)) {
          this.fail(`Unexpected %{${f.kind}}: no matching %{${f.kind === "endfor" ? "for" : "if"}} is open here`, f.start, f.end);
        }
        return parts;
      }
      pos.i++;
      if (f.kind === "if") {
        const then = this.buildParts(flat, pos, f);
        let term = flat[pos.i];
        let elseParts;
        if (term && term.kind === "else") {
          pos.i++;
          elseParts = this.buildParts(flat, pos, { ...f, kind: "if" });
          term = flat[pos.i];
          if (term && term.kind === "else") this.fail("Unexpected second %{else} in the same %{if}", term.start, term.end);
        }
        if (!term || term.kind !== "endif") this.fail("Missing %{endif} for this %{if}", f.start, f.end);
        pos.i++;
        const part = { type: "TemplateIf", condition: f.condition, then, range: this.range(f.start, term.end) };
        if (elseParts) part.else = elseParts;
        parts.push(part);
      } else {
        const body = this.buildParts(flat, pos, f);
        const term = flat[pos.i];
        if (!term || term.kind !== "endfor") this.fail("Missing %{endfor} for this %{for}", f.start, f.end);
        pos.i++;
        const part = {
          type: "TemplateFor",
          valueVar: f.valueVar,
          collection: f.collection,
          body,
          range: this.range(f.start, term.end)
        };
        if (f.keyVar !== void 0) part.keyVar = f.keyVar;
        parts.push(part);
      }
    }
    if (opener) this.fail(`Missing %{${opener.kind === "for" ? "endfor" : "endif"}} for this %{${opener.kind}}`, opener.start, opener.end);
    return parts;
  }
};
function flushHeredoc(flat) {
  let min = Infinity;
  let newline = true;
  const adjust = [];
  for (const f of flat) {
    if (newline) {
      newline = false;
      let spaces;
      if (f.kind === "lit") {
        const v = f.value;
        let k = 0;
        while (k < v.length && isSpaceCode(v.charCodeAt(k))) k++;
        if (k === v.length && v.endsWith("\n")) {
          spaces = Infinity;
        } else {
          spaces = k;
          adjust.push(f);
        }
      } else {
        spaces = 0;
      }
      if (spaces < min) min = spaces;
    }
    if (f.kind === "lit" && f.value.endsWith("\n")) newline = true;
  }
  if (min === Infinity || min === 0) return;
  for (const f of adjust) f.value = f.value.slice(min);
}
function parseHcl(text2, file) {
  const source = text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2;
  const parser = new Parser(source);
  let body;
  try {
    body = parser.parseFile();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    parser.errors.push({ message: `Internal parser error: ${message}`, range: parser.lines.range(0, 0) });
    body = { items: [], range: parser.lines.range(0, source.length) };
  }
  return { file, text: source, body, comments: parser.comments, errors: parser.errors };
}

// src/eval/terraform/project.ts
import path3 from "node:path";

// src/model/environments.ts
var PROD_WORDS = /* @__PURE__ */ new Set(["prod", "production", "prd", "live"]);
var NONPROD_WORDS = /* @__PURE__ */ new Set([
  "dev",
  "development",
  "test",
  "qa",
  "sandbox",
  "sbx",
  "staging",
  "stage",
  "uat",
  "preprod"
]);
var ENV_VARIABLE_NAMES = ["environment", "env", "environment_name", "environmentName", "stage"];
var ENV_TAG_NAMES = ["environment", "env"];
function classifyWord(word) {
  const w = word.toLowerCase();
  if (PROD_WORDS.has(w)) return "prod";
  if (NONPROD_WORDS.has(w)) return "nonprod";
  return void 0;
}
function classifyPath(relPath) {
  const words = relPath.split(/[\\/._-]+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const env = classifyWord(words[i]);
    if (env) return { env, word: words[i] };
  }
  return void 0;
}
function classifyValue(value) {
  return classifyPath(value)?.env;
}

// src/eval/terraform/module-source.ts
function buildModuleSource(dir, files) {
  const src = {
    dir,
    files,
    variables: /* @__PURE__ */ new Map(),
    locals: /* @__PURE__ */ new Map(),
    resources: /* @__PURE__ */ new Map(),
    data: /* @__PURE__ */ new Map(),
    moduleCalls: /* @__PURE__ */ new Map(),
    outputs: /* @__PURE__ */ new Map(),
    terraformBlocks: [],
    providers: []
  };
  for (const f of files) {
    for (const item of f.body.items) {
      if (item.type !== "Block") continue;
      const l = item.labels.map((x) => x.value);
      const located = { node: item, file: f.file };
      switch (item.blockType) {
        case "variable":
          if (l[0]) src.variables.set(l[0], located);
          break;
        case "locals":
          for (const a of item.body.items) if (a.type === "Attribute") src.locals.set(a.name, { node: a, file: f.file });
          break;
        case "resource":
          if (l[0] && l[1]) src.resources.set(`${l[0]}.${l[1]}`, located);
          break;
        case "data":
          if (l[0] && l[1]) src.data.set(`${l[0]}.${l[1]}`, located);
          break;
        case "module":
          if (l[0]) src.moduleCalls.set(l[0], located);
          break;
        case "output":
          if (l[0]) src.outputs.set(l[0], located);
          break;
        case "terraform":
          src.terraformBlocks.push(located);
          break;
        case "provider":
          src.providers.push(located);
          break;
      }
    }
  }
  return src;
}
function attr(block, name) {
  for (const item of block.body.items) if (item.type === "Attribute" && item.name === name) return item;
  return void 0;
}
function childBlocks(block, type) {
  return block.body.items.filter((i) => i.type === "Block" && i.blockType === type);
}
function blockHeader(block, file, label) {
  const range = { start: block.typeRange.start, end: block.openBraceRange.end };
  return label === void 0 ? { file, range } : { file, range, label };
}
function locOf(node, file, label) {
  return label === void 0 ? { file, range: node.range } : { file, range: node.range, label };
}
function sourceText(text2, range) {
  return text2.slice(range.start.offset, range.end.offset);
}

// src/eval/value.ts
var str = (value, origin) => ({ kind: "string", value, origin });
var num = (value, origin) => ({ kind: "number", value, origin });
var bool = (value, origin) => ({ kind: "bool", value, origin });
var nul = (origin) => ({ kind: "null", origin });
var list = (items2, origin) => ({ kind: "list", items: items2, origin });
var obj = (entries2, origin) => ({
  kind: "object",
  entries: entries2 instanceof Map ? entries2 : new Map(Object.entries(entries2)),
  origin
});
var unknown = (reason, origin, token) => ({
  kind: "unknown",
  reason,
  origin,
  token
});
function containsUnknown(v) {
  switch (v.kind) {
    case "unknown":
      return true;
    case "list":
      return v.items.some(containsUnknown);
    case "object":
      for (const e of v.entries.values()) if (containsUnknown(e)) return true;
      return false;
    default:
      return false;
  }
}
function passedThrough(v, loc2) {
  return { ...v, via: [...v.via ?? [], loc2] };
}
function toJS(v) {
  switch (v.kind) {
    case "string":
    case "number":
    case "bool":
      return v.value;
    case "null":
      return null;
    case "list":
      return v.items.map(toJS);
    case "object": {
      const out = {};
      for (const [k, e] of v.entries) out[k] = toJS(e);
      return out;
    }
    case "unknown":
      return void 0;
  }
}
function fromJS(x, origin) {
  if (x === null || x === void 0) return nul(origin);
  if (typeof x === "string") return str(x, origin);
  if (typeof x === "number") return num(x, origin);
  if (typeof x === "boolean") return bool(x, origin);
  if (Array.isArray(x)) return list(x.map((e) => fromJS(e, origin)), origin);
  if (typeof x === "object") {
    const m = /* @__PURE__ */ new Map();
    for (const [k, e] of Object.entries(x)) m.set(k, fromJS(e, origin));
    return obj(m, origin);
  }
  return unknown(`unsupported value ${String(x)}`, origin);
}
function member(v, key) {
  if (!v || v.kind !== "object") return void 0;
  const exact = v.entries.get(key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  for (const [k, e] of v.entries) if (k.toLowerCase() === lower) return e;
  return void 0;
}

// src/eval/terraform/functions.ts
function firstUnknown(args) {
  return args.find((a) => a.kind === "unknown");
}
function asString(v) {
  switch (v.kind) {
    case "string":
      return v.value;
    case "number":
      return formatNumber(v.value);
    case "bool":
      return v.value ? "true" : "false";
    default:
      return void 0;
  }
}
function formatNumber(n) {
  return Number.isInteger(n) ? String(n) : String(n);
}
function asNumber(v) {
  if (v.kind === "number") return v.value;
  if (v.kind === "string" && v.value.trim() !== "" && !Number.isNaN(Number(v.value))) return Number(v.value);
  return void 0;
}
function asList(v) {
  if (v.kind === "list") return v.items;
  return void 0;
}
function valuesEqual(a, b) {
  if (a.kind === "unknown" || b.kind === "unknown") return void 0;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "string":
    case "number":
    case "bool":
      return a.value === b.value;
    case "null":
      return true;
    case "list": {
      const bl = b;
      if (a.items.length !== bl.items.length) return false;
      let result = true;
      a.items.forEach((x, i) => {
        const eq = valuesEqual(x, bl.items[i]);
        if (eq === false) result = false;
        else if (eq === void 0 && result) result = void 0;
      });
      return result;
    }
    case "object": {
      const bo = b;
      if (a.entries.size !== bo.entries.size) return false;
      let result = true;
      for (const [k, x] of a.entries) {
        const y = bo.entries.get(k);
        if (!y) return false;
        const eq = valuesEqual(x, y);
        if (eq === false) return false;
        if (eq === void 0) result = void 0;
      }
      return result;
    }
  }
}
var unk = (name, at, cause) => unknown(cause && cause.kind === "unknown" ? cause.reason : `${name}() result is not known statically`, at);
function stringFn(name, f) {
  return (args, at) => {
    const a = args[0];
    if (!a) return unk(name, at);
    if (a.kind === "unknown") return unk(name, at, a);
    const s = asString(a);
    return s === void 0 ? unk(name, at) : str(f(s), at);
  };
}
function tfFormat(fmt, args) {
  let out = "";
  let argi = 0;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch !== "%") {
      out += ch;
      continue;
    }
    const m = /^%([-+# 0]*)(\d*)(?:\.(\d+))?([sdvqftbxXoe%])/.exec(fmt.slice(i));
    if (!m) return void 0;
    i += m[0].length - 1;
    const verb = m[4];
    if (verb === "%") {
      out += "%";
      continue;
    }
    const a = args[argi++];
    if (!a) return void 0;
    let s;
    if (verb === "q") s = JSON.stringify(asString(a) ?? "");
    else if (verb === "d") {
      const n = asNumber(a);
      s = n === void 0 ? void 0 : String(Math.trunc(n));
    } else if (verb === "f") {
      const n = asNumber(a);
      s = n === void 0 ? void 0 : n.toFixed(m[3] ? Number(m[3]) : 6);
    } else if (verb === "v" && (a.kind === "list" || a.kind === "object")) s = JSON.stringify(toJS(a));
    else s = asString(a);
    if (s === void 0) return void 0;
    const width = m[2] ? Number(m[2]) : 0;
    if (s.length < width) s = m[1].includes("-") ? s.padEnd(width) : s.padStart(width, m[1].includes("0") ? "0" : " ");
    out += s;
  }
  return out;
}
function toJsRegex(pattern) {
  let flags = "";
  let p = pattern;
  const inline = /^\(\?([imsU]+)\)/.exec(p);
  if (inline) {
    if (inline[1].includes("i")) flags += "i";
    if (inline[1].includes("s")) flags += "s";
    if (inline[1].includes("m")) flags += "m";
    p = p.slice(inline[0].length);
  }
  if (/\(\?P?</.test(p)) p = p.replace(/\(\?P</g, "(?<");
  try {
    return new RegExp(p, flags);
  } catch {
    return void 0;
  }
}
function mergeObjects(args, at) {
  const out = /* @__PURE__ */ new Map();
  for (const a of args) {
    if (a.kind === "null") continue;
    if (a.kind === "unknown") return unk("merge", at, a);
    if (a.kind !== "object") return unk("merge", at);
    for (const [k, v] of a.entries) out.set(k, v);
  }
  return obj(out, at);
}
var fns = {
  merge: mergeObjects,
  lookup: (args, at) => {
    const [m, k, d] = args;
    if (!m || !k) return unk("lookup", at);
    if (k.kind === "unknown") return unk("lookup", at, k);
    const key = asString(k);
    if (m.kind === "unknown") return unk("lookup", at, m);
    if (m.kind !== "object" || key === void 0) return unk("lookup", at);
    const hit = m.entries.get(key);
    if (hit) return hit;
    return d ?? unknown(`lookup(): key "${key}" is not in the map`, at);
  },
  coalesce: (args, at) => {
    for (const a of args) {
      if (a.kind === "unknown") return unk("coalesce", at, a);
      if (a.kind === "null") continue;
      if (a.kind === "string" && a.value === "") continue;
      return a;
    }
    return unk("coalesce", at);
  },
  coalescelist: (args, at) => {
    for (const a of args) {
      if (a.kind === "unknown") return unk("coalescelist", at, a);
      if (a.kind === "list" && a.items.length > 0) return a;
    }
    return unk("coalescelist", at);
  },
  format: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("format", at, u);
    const f = args[0] && asString(args[0]);
    if (f === void 0) return unk("format", at);
    const s = tfFormat(f, args.slice(1));
    return s === void 0 ? unk("format", at) : str(s, at);
  },
  lower: stringFn("lower", (s) => s.toLowerCase()),
  upper: stringFn("upper", (s) => s.toUpperCase()),
  trimspace: stringFn("trimspace", (s) => s.trim()),
  title: stringFn("title", (s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  chomp: stringFn("chomp", (s) => s.replace(/[\r\n]+$/, "")),
  tostring: (args, at) => {
    const a = args[0];
    if (!a) return unk("tostring", at);
    if (a.kind === "unknown" || a.kind === "null") return a;
    const s = asString(a);
    return s === void 0 ? unk("tostring", at) : { ...str(s), origin: a.origin, via: a.via };
  },
  tonumber: (args, at) => {
    const a = args[0];
    if (!a) return unk("tonumber", at);
    if (a.kind === "unknown" || a.kind === "null") return a;
    const n = asNumber(a);
    return n === void 0 ? unk("tonumber", at) : { ...num(n), origin: a.origin, via: a.via };
  },
  tobool: (args, at) => {
    const a = args[0];
    if (!a) return unk("tobool", at);
    if (a.kind === "unknown" || a.kind === "null" || a.kind === "bool") return a;
    if (a.kind === "string" && (a.value === "true" || a.value === "false"))
      return { ...bool(a.value === "true"), origin: a.origin, via: a.via };
    return unk("tobool", at);
  },
  tolist: (args, at) => {
    const a = args[0];
    if (!a) return unk("tolist", at);
    return a.kind === "list" || a.kind === "unknown" || a.kind === "null" ? a : unk("tolist", at);
  },
  toset: (args, at) => {
    const a = args[0];
    if (!a) return unk("toset", at);
    if (a.kind !== "list") return a.kind === "unknown" ? a : unk("toset", at);
    if (containsUnknown(a)) return unk("toset", at);
    const seen = [];
    for (const x of a.items) if (!seen.some((y) => valuesEqual(x, y))) seen.push(x);
    if (seen.every((x) => x.kind === "string")) seen.sort((x, y) => asString(x) < asString(y) ? -1 : 1);
    return { ...list(seen), origin: a.origin, via: a.via };
  },
  tomap: (args, at) => {
    const a = args[0];
    if (!a) return unk("tomap", at);
    return a.kind === "object" || a.kind === "unknown" || a.kind === "null" ? a : unk("tomap", at);
  },
  concat: (args, at) => {
    const items2 = [];
    for (const a of args) {
      if (a.kind === "unknown") return unk("concat", at, a);
      const l = asList(a);
      if (!l) return unk("concat", at);
      items2.push(...l);
    }
    return list(items2, at);
  },
  length: (args, at) => {
    const a = args[0];
    if (!a) return unk("length", at);
    if (a.kind === "unknown") return unk("length", at, a);
    if (a.kind === "list") return num(a.items.length, at);
    if (a.kind === "object") return num(a.entries.size, at);
    if (a.kind === "string") return num([...a.value].length, at);
    return unk("length", at);
  },
  contains: (args, at) => {
    const [l, v] = args;
    if (!l || !v) return unk("contains", at);
    if (l.kind === "unknown") return unk("contains", at, l);
    if (l.kind !== "list") return unk("contains", at);
    let sawUnknown = v.kind === "unknown";
    for (const x of l.items) {
      const eq = valuesEqual(x, v);
      if (eq === true) return bool(true, at);
      if (eq === void 0) sawUnknown = true;
    }
    return sawUnknown ? unk("contains", at) : bool(false, at);
  },
  keys: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== "object") return a?.kind === "unknown" ? unk("keys", at, a) : unk("keys", at);
    return list([...a.entries.keys()].sort().map((k) => str(k, at)), at);
  },
  values: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== "object") return a?.kind === "unknown" ? unk("values", at, a) : unk("values", at);
    return list([...a.entries.keys()].sort().map((k) => a.entries.get(k)), at);
  },
  element: (args, at) => {
    const [l, i] = args;
    if (!l || !i) return unk("element", at);
    if (l.kind !== "list" || i.kind !== "number" || l.items.length === 0) return unk("element", at);
    return l.items[(Math.trunc(i.value) % l.items.length + l.items.length) % l.items.length];
  },
  join: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("join", at, u);
    const sep = args[0] && asString(args[0]);
    if (sep === void 0) return unk("join", at);
    const parts = [];
    for (const l of args.slice(1)) {
      if (l.kind !== "list") return unk("join", at);
      for (const x of l.items) {
        const s = asString(x);
        if (s === void 0) return unk("join", at);
        parts.push(s);
      }
    }
    return str(parts.join(sep), at);
  },
  split: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("split", at, u);
    const sep = args[0] && asString(args[0]);
    const s = args[1] && asString(args[1]);
    if (sep === void 0 || s === void 0) return unk("split", at);
    return list(s.split(sep).map((x) => str(x, at)), at);
  },
  replace: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("replace", at, u);
    const [s, search, rep] = args.map(asString);
    if (s === void 0 || search === void 0 || rep === void 0) return unk("replace", at);
    if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
      const re = toJsRegex(search.slice(1, -1));
      if (!re) return unk("replace", at);
      return str(s.replace(new RegExp(re.source, re.flags + "g"), rep.replace(/\$\{?(\d+)\}?/g, "$$$1")), at);
    }
    return str(s.split(search).join(rep), at);
  },
  startswith: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("startswith", at, u);
    const [s, p] = args.map(asString);
    return s === void 0 || p === void 0 ? unk("startswith", at) : bool(s.startsWith(p), at);
  },
  endswith: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("endswith", at, u);
    const [s, p] = args.map(asString);
    return s === void 0 || p === void 0 ? unk("endswith", at) : bool(s.endsWith(p), at);
  },
  substr: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("substr", at, u);
    const s = args[0] && asString(args[0]);
    const off = args[1] && asNumber(args[1]);
    const len = args[2] && asNumber(args[2]);
    if (s === void 0 || off === void 0 || len === void 0) return unk("substr", at);
    const chars = [...s];
    const start = off < 0 ? chars.length + off : off;
    return str(chars.slice(start, len < 0 ? void 0 : start + len).join(""), at);
  },
  regex: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("regex", at, u);
    const [p, s] = args.map(asString);
    const re = p === void 0 ? void 0 : toJsRegex(p);
    if (!re || s === void 0) return unk("regex", at);
    const m = re.exec(s);
    if (!m) return unknown(`regex(): no match for ${JSON.stringify(p)}`, at, "error:regex-no-match");
    if (m.groups) return obj(new Map(Object.entries(m.groups).map(([k, v]) => [k, str(v ?? "", at)])), at);
    if (m.length > 1) return list(m.slice(1).map((g) => str(g ?? "", at)), at);
    return str(m[0], at);
  },
  regexall: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk("regexall", at, u);
    const [p, s] = args.map(asString);
    const re = p === void 0 ? void 0 : toJsRegex(p);
    if (!re || s === void 0) return unk("regexall", at);
    const g = new RegExp(re.source, re.flags + "g");
    const out = [];
    for (const m of s.matchAll(g)) {
      if (m.length > 1) out.push(list(m.slice(1).map((x) => str(x ?? "", at)), at));
      else out.push(str(m[0], at));
    }
    return list(out, at);
  },
  jsonencode: (args, at) => {
    const a = args[0];
    if (!a) return unk("jsonencode", at);
    if (containsUnknown(a)) return unk("jsonencode", at);
    return str(JSON.stringify(toJS(a)), at);
  },
  jsondecode: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== "string") return a?.kind === "unknown" ? unk("jsondecode", at, a) : unk("jsondecode", at);
    try {
      return fromJS(JSON.parse(a.value), a.origin ?? at);
    } catch {
      return unk("jsondecode", at);
    }
  },
  flatten: (args, at) => {
    const out = [];
    const walk = (v) => {
      if (v.kind === "list") return v.items.every(walk);
      if (v.kind === "unknown") return false;
      out.push(v);
      return true;
    };
    const a = args[0];
    if (!a || !walk(a)) return unk("flatten", at);
    return list(out, at);
  },
  distinct: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== "list" || containsUnknown(a)) return unk("distinct", at);
    const seen = [];
    for (const x of a.items) if (!seen.some((y) => valuesEqual(x, y))) seen.push(x);
    return list(seen, at);
  },
  compact: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== "list" || containsUnknown(a)) return unk("compact", at);
    return list(a.items.filter((x) => !(x.kind === "null" || x.kind === "string" && x.value === "")), at);
  },
  zipmap: (args, at) => {
    const [k, v] = args;
    if (!k || !v || k.kind !== "list" || v.kind !== "list" || containsUnknown(k)) return unk("zipmap", at);
    const m = /* @__PURE__ */ new Map();
    k.items.forEach((key, i) => {
      const s = asString(key);
      if (s !== void 0) m.set(s, v.items[i] ?? nul(at));
    });
    return obj(m, at);
  },
  min: (args, at) => {
    const ns = args.map(asNumber);
    return ns.some((n) => n === void 0) || ns.length === 0 ? unk("min", at) : num(Math.min(...ns), at);
  },
  max: (args, at) => {
    const ns = args.map(asNumber);
    return ns.some((n) => n === void 0) || ns.length === 0 ? unk("max", at) : num(Math.max(...ns), at);
  },
  abs: (args, at) => {
    const n = args[0] && asNumber(args[0]);
    return n === void 0 ? unk("abs", at) : num(Math.abs(n), at);
  },
  range: (args, at) => {
    const ns = args.map(asNumber);
    if (ns.some((n) => n === void 0)) return unk("range", at);
    let [start, end, step] = ns;
    if (end === void 0) [start, end] = [0, start];
    step ??= start <= end ? 1 : -1;
    const out = [];
    if (step === 0) return unk("range", at);
    for (let x = start; step > 0 ? x < end : x > end; x += step) {
      out.push(num(x, at));
      if (out.length > 1024) return unk("range", at);
    }
    return list(out, at);
  },
  one: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== "list") return unk("one", at);
    if (a.items.length === 0) return nul(at);
    return a.items.length === 1 ? a.items[0] : unk("one", at);
  },
  slice: (args, at) => {
    const [l, s, e] = args;
    const si = s && asNumber(s);
    const ei = e && asNumber(e);
    if (!l || l.kind !== "list" || si === void 0 || ei === void 0) return unk("slice", at);
    return list(l.items.slice(si, ei), at);
  },
  reverse: (args, at) => {
    const a = args[0];
    return a && a.kind === "list" ? list([...a.items].reverse(), at) : unk("reverse", at);
  },
  sort: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== "list" || containsUnknown(a)) return unk("sort", at);
    const items2 = [...a.items].sort((x, y) => (asString(x) ?? "") < (asString(y) ?? "") ? -1 : 1);
    return list(items2, at);
  },
  index: (args, at) => {
    const [l, v] = args;
    if (!l || !v || l.kind !== "list" || containsUnknown(l) || v.kind === "unknown") return unk("index", at);
    const i = l.items.findIndex((x) => valuesEqual(x, v));
    return i < 0 ? unk("index", at) : num(i, at);
  },
  trimprefix: (args, at) => {
    const [s, p] = args.map(asString);
    return s === void 0 || p === void 0 ? unk("trimprefix", at) : str(s.startsWith(p) ? s.slice(p.length) : s, at);
  },
  trimsuffix: (args, at) => {
    const [s, p] = args.map(asString);
    return s === void 0 || p === void 0 ? unk("trimsuffix", at) : str(s.endsWith(p) ? s.slice(0, -p.length) : s, at);
  }
};
function callFunction(name, args, at) {
  const f = fns[name];
  if (!f) return unknown(`function ${name}() is not evaluated statically`, at);
  return f(args, at);
}

// src/eval/terraform/expressions.ts
var MAX_FOR_ITEMS = 1e3;
function loc(ctx, e) {
  return { file: ctx.file, range: e.range };
}
function withIteration(ctx, vars) {
  const m = new Map(ctx.iteration ?? []);
  for (const [k, v] of Object.entries(vars)) m.set(k, v);
  return { ...ctx, iteration: m };
}
function applyStep(v, step, ctx) {
  const at = { file: ctx.file, range: step.range };
  if (v.kind === "unknown") {
    return unknown(v.reason, v.origin, v.token && step.type === "GetAttr" ? `${v.token}.${step.name}` : void 0);
  }
  if (step.type === "GetAttr") {
    if (v.kind === "object") return v.entries.get(step.name) ?? unknown(`attribute "${step.name}" is not set`, at);
    if (v.kind === "null") return unknown(`attribute "${step.name}" of null`, at);
    return unknown(`attribute "${step.name}" of a ${v.kind}`, at);
  }
  const key = evaluate(step.key, ctx);
  return indexValue(v, key, at);
}
function indexValue(v, key, at) {
  if (v.kind === "unknown") return v;
  if (key.kind === "unknown") return unknown(key.reason, at);
  if (v.kind === "list") {
    const i = key.kind === "number" ? key.value : key.kind === "string" ? Number(key.value) : NaN;
    return Number.isInteger(i) && i >= 0 && i < v.items.length ? v.items[i] : unknown(`index ${asString(key)} out of range`, at);
  }
  if (v.kind === "object") {
    const k = asString(key);
    return k !== void 0 && v.entries.get(k) || unknown(`key ${JSON.stringify(k)} not found`, at);
  }
  return unknown(`cannot index a ${v.kind}`, at);
}
function truthy(v) {
  if (v.kind === "bool") return v.value;
  if (v.kind === "string" && (v.value === "true" || v.value === "false")) return v.value === "true";
  return void 0;
}
function numeric(v) {
  if (v.kind === "number") return v.value;
  if (v.kind === "string" && v.value.trim() !== "" && !Number.isNaN(Number(v.value))) return Number(v.value);
  return void 0;
}
function evaluate(e, ctx) {
  const at = loc(ctx, e);
  switch (e.type) {
    case "Literal":
      if (e.value === null) return { kind: "null", origin: at };
      return typeof e.value === "number" ? num(e.value, at) : bool(e.value, at);
    case "Template":
      return evalTemplate(e.parts, ctx, at);
    case "TemplateWrap":
      return evaluate(e.wrapped, ctx);
    case "Parentheses":
      return evaluate(e.expr, ctx);
    case "Tuple":
      return list(e.items.map((i) => evaluate(i, ctx)), at);
    case "Object": {
      const m = /* @__PURE__ */ new Map();
      for (const item of e.items) {
        let key;
        if (item.bareKey && item.key.type === "ScopeTraversal" && item.key.steps.length === 0) key = item.key.root;
        else {
          const k = evaluate(item.key, ctx);
          if (k.kind === "unknown") return unknown(k.reason, at);
          key = asString(k);
        }
        if (key === void 0) return unknown("object key is not a string", at);
        m.set(key, evaluate(item.value, ctx));
      }
      return obj(m, at);
    }
    case "ScopeTraversal": {
      const it = ctx.iteration?.get(e.root);
      let value;
      let consumed = 0;
      if (it) value = it;
      else {
        const r = ctx.resolveRoot(e.root, e.steps, loc(ctx, e));
        if (!r) return unknown(`unknown name "${e.root}"`, at);
        value = r.value;
        consumed = r.consumed;
      }
      for (const step of e.steps.slice(consumed)) value = applyStep(value, step, ctx);
      return value;
    }
    case "RelativeTraversal": {
      let value = evaluate(e.source, ctx);
      for (const step of e.steps) value = applyStep(value, step, ctx);
      return value;
    }
    case "Index":
      return indexValue(evaluate(e.collection, ctx), evaluate(e.key, ctx), at);
    case "Splat": {
      const src = evaluate(e.source, ctx);
      if (src.kind === "unknown") return src;
      const items2 = src.kind === "list" ? src.items : src.kind === "null" ? [] : [src];
      return list(items2.map((item) => e.each.reduce((v, s) => applyStep(v, s, ctx), item)), at);
    }
    case "FunctionCall":
      return evalCall(e, ctx, at);
    case "Conditional": {
      const c = evaluate(e.condition, ctx);
      const t = truthy(c);
      if (t === true) return evaluate(e.trueExpr, ctx);
      if (t === false) return evaluate(e.falseExpr, ctx);
      const a = evaluate(e.trueExpr, ctx);
      const b = evaluate(e.falseExpr, ctx);
      if (valuesEqual(a, b) === true) return { ...a, origin: at };
      return unknown(c.kind === "unknown" ? c.reason : "condition is not a bool", at);
    }
    case "UnaryOp": {
      const v = evaluate(e.operand, ctx);
      if (v.kind === "unknown") return unknown(v.reason, at);
      if (e.op === "!") {
        const t = truthy(v);
        return t === void 0 ? unknown("operand of ! is not a bool", at) : bool(!t, at);
      }
      const n = numeric(v);
      return n === void 0 ? unknown("operand of - is not a number", at) : num(-n, at);
    }
    case "BinaryOp":
      return evalBinary(e.op, evaluate(e.left, ctx), evaluate(e.right, ctx), at);
    case "For":
      return evalFor(e, ctx, at);
  }
}
function evalBinary(op, a, b, at) {
  if (op === "&&" || op === "||") {
    const x2 = truthy(a);
    const y2 = truthy(b);
    if (op === "&&" && (x2 === false || y2 === false)) return bool(false, at);
    if (op === "||" && (x2 === true || y2 === true)) return bool(true, at);
    if (x2 === void 0 || y2 === void 0) return unknown("operand is not known", at);
    return bool(op === "&&" ? x2 && y2 : x2 || y2, at);
  }
  if (op === "==" || op === "!=") {
    const eq = valuesEqual(a, b);
    if (eq === void 0) return unknown("operand is not known", at);
    return bool(op === "==" ? eq : !eq, at);
  }
  if (a.kind === "unknown") return unknown(a.reason, at);
  if (b.kind === "unknown") return unknown(b.reason, at);
  const x = numeric(a);
  const y = numeric(b);
  if (x === void 0 || y === void 0) return unknown(`operands of ${op} are not numbers`, at);
  switch (op) {
    case "+":
      return num(x + y, at);
    case "-":
      return num(x - y, at);
    case "*":
      return num(x * y, at);
    case "/":
      return y === 0 ? unknown("division by zero", at) : num(x / y, at);
    case "%":
      return y === 0 ? unknown("division by zero", at) : num(x % y, at);
    case "<":
      return bool(x < y, at);
    case "<=":
      return bool(x <= y, at);
    case ">":
      return bool(x > y, at);
    case ">=":
      return bool(x >= y, at);
  }
  return unknown(`operator ${op}`, at);
}
function evalTemplate(parts, ctx, at) {
  let out = "";
  for (const p of parts) {
    const v = evalTemplatePart(p, ctx, at);
    if (v.kind === "unknown") return unknown(v.reason, at);
    out += v.value;
  }
  return str(out, at);
}
function evalTemplatePart(p, ctx, at) {
  switch (p.type) {
    case "TemplateLiteral":
      return str(p.value);
    case "TemplateInterpolation": {
      const v = evaluate(p.expr, ctx);
      if (v.kind === "unknown") return v;
      const s = asString(v);
      return s === void 0 ? unknown(`cannot interpolate a ${v.kind}`, at) : str(s);
    }
    case "TemplateIf": {
      const c = truthy(evaluate(p.condition, ctx));
      if (c === void 0) return unknown("template condition is not known", at);
      return evalTemplate(c ? p.then : p.else ?? [], ctx, at);
    }
    case "TemplateFor": {
      const coll = evaluate(p.collection, ctx);
      const pairs = iterate(coll);
      if (!pairs) return unknown("template for collection is not known", at);
      let out = "";
      for (const [k, v] of pairs) {
        const vars = { [p.valueVar]: v };
        if (p.keyVar) vars[p.keyVar] = k;
        const r = evalTemplate(p.body, withIteration(ctx, vars), at);
        if (r.kind !== "string") return r;
        out += r.value;
      }
      return str(out);
    }
  }
}
function iterate(coll) {
  if (coll.kind === "list") return coll.items.map((v, i) => [num(i, v.origin), v]);
  if (coll.kind === "object") return [...coll.entries].map(([k, v]) => [str(k, v.origin), v]);
  return void 0;
}
function evalFor(e, ctx, at) {
  const coll = evaluate(e.collection, ctx);
  const pairs = iterate(coll);
  if (!pairs) return unknown(coll.kind === "unknown" ? coll.reason : "for collection is not iterable", at);
  if (pairs.length > MAX_FOR_ITEMS) return unknown("for expression over too many items", at);
  const items2 = [];
  const groups = /* @__PURE__ */ new Map();
  const entries2 = /* @__PURE__ */ new Map();
  for (const [k, v] of pairs) {
    const vars = { [e.valueVar]: v };
    if (e.keyVar) vars[e.keyVar] = k;
    const inner = withIteration(ctx, vars);
    if (e.condition) {
      const c = truthy(evaluate(e.condition, inner));
      if (c === void 0) return unknown("for condition is not known", at);
      if (!c) continue;
    }
    const value = evaluate(e.valueExpr, inner);
    if (!e.keyExpr) {
      items2.push(value);
      continue;
    }
    const key = evaluate(e.keyExpr, inner);
    const ks = asString(key);
    if (ks === void 0) return unknown("for key is not known", at);
    if (e.group) groups.set(ks, [...groups.get(ks) ?? [], value]);
    else entries2.set(ks, value);
  }
  if (!e.keyExpr) return list(items2, at);
  if (e.group) for (const [k, vs] of groups) entries2.set(k, list(vs, at));
  return obj(entries2, at);
}
function evalCall(e, ctx, at) {
  const name = e.name.includes("::") ? e.name : e.name;
  if (name === "try") {
    for (const arg of e.args) {
      const v = evaluate(arg, ctx);
      if (v.kind !== "unknown") return v;
      if (!isErrorUnknown(v)) return v;
    }
    return unknown("no try() argument succeeded", at);
  }
  if (name === "can") {
    const v = evaluate(e.args[0], ctx);
    if (v.kind !== "unknown") return bool(true, at);
    return isErrorUnknown(v) ? bool(false, at) : unknown(v.reason, at);
  }
  let args = e.args.map((a) => evaluate(a, ctx));
  if (e.expandFinal && args.length > 0) {
    const last = args[args.length - 1];
    if (last.kind !== "list") return unknown("cannot expand the final argument", at);
    args = [...args.slice(0, -1), ...last.items];
  }
  return callFunction(name, args, at);
}
function isErrorUnknown(v) {
  if (v.kind !== "unknown") return false;
  return v.token === "error:regex-no-match" || /^(attribute ".*" is not set|key .* not found|index .* out of range|attribute ".*" of (null|a \w+)|cannot index)/.test(v.reason);
}

// src/eval/terraform/instance.ts
import path2 from "node:path";
var MAX_INSTANCES = 64;
var MAX_MODULE_DEPTH = 12;
var META = /* @__PURE__ */ new Set(["count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection"]);
var CYCLE = /* @__PURE__ */ Symbol("cycle");
var ModuleInstance = class _ModuleInstance {
  constructor(src, opts) {
    this.src = src;
    this.opts = opts;
  }
  src;
  opts;
  varCache = /* @__PURE__ */ new Map();
  localCache = /* @__PURE__ */ new Map();
  resourceCache = /* @__PURE__ */ new Map();
  children = /* @__PURE__ */ new Map();
  outputCache = /* @__PURE__ */ new Map();
  get prefix() {
    return this.opts.prefix;
  }
  // ---- names -------------------------------------------------------------------------
  context(file, iteration) {
    return { file, iteration, resolveRoot: (root, steps, at) => this.resolveRoot(root, steps, at) };
  }
  resolveRoot(root, steps, at) {
    const first = steps[0];
    const firstName = first?.type === "GetAttr" ? first.name : void 0;
    switch (root) {
      case "var":
        return firstName ? { value: this.variable(firstName, at), consumed: 1 } : void 0;
      case "local":
        return firstName ? { value: this.local(firstName, at), consumed: 1 } : void 0;
      case "module":
        return firstName ? this.moduleRef(firstName, steps, at) : void 0;
      case "data": {
        const second = steps[1];
        if (!firstName || second?.type !== "GetAttr") return void 0;
        const addr = `${this.prefix}data.${firstName}.${second.name}`;
        return { value: unknown(`depends on ${addr}`, at, `tf:${addr}`), consumed: 2 };
      }
      case "path":
        if (firstName === "module" || firstName === "root" || firstName === "cwd")
          return { value: str(this.src.dir, at), consumed: 1 };
        return void 0;
      case "terraform":
        return { value: unknown("terraform.workspace is chosen at run time", at), consumed: steps.length > 0 ? 1 : 0 };
      case "count":
      case "each":
      case "self":
        return { value: unknown(`${root} is not known here`, at), consumed: 0 };
      default:
        if (firstName && (this.src.resources.has(`${root}.${firstName}`) || /^[a-z0-9]+_[a-z0-9_]+$/.test(root)))
          return this.resourceRef(root, firstName, steps, at);
        return void 0;
    }
  }
  variable(name, at) {
    const cached = this.varCache.get(name);
    if (cached) return cached;
    const decl = this.src.variables.get(name);
    let v;
    if (!decl) v = unknown(`variable "${name}" is not declared`, at);
    else {
      const header = blockHeader(decl.node, decl.file, `variable "${name}"`);
      const given = this.opts.inputs.get(name);
      const def2 = this.defaultOf(decl);
      if (given && !(given.kind === "null" && def2)) v = passedThrough(convertToType(given, decl.node), header);
      else if (def2) v = passedThrough(def2, header);
      else v = unknown(`variable "${name}" has no value`, header);
    }
    this.varCache.set(name, v);
    return v;
  }
  defaultOf(decl) {
    const d = attr(decl.node, "default");
    if (!d) return void 0;
    return evaluate(d.expr, { file: decl.file, resolveRoot: () => void 0 });
  }
  local(name, at) {
    const cached = this.localCache.get(name);
    if (cached === CYCLE) return unknown(`local "${name}" refers to itself`, at);
    if (cached) return cached;
    const decl = this.src.locals.get(name);
    if (!decl) return unknown(`local "${name}" is not declared`, at);
    this.localCache.set(name, CYCLE);
    const v = passedThrough(evaluate(decl.node.expr, this.context(decl.file)), locOf(decl.node, decl.file, `local "${name}"`));
    this.localCache.set(name, v);
    return v;
  }
  // ---- resources ---------------------------------------------------------------------
  resourceRef(type, name, steps, at) {
    const key = `${type}.${name}`;
    const baseAddress = `${this.prefix}${key}`;
    const token = `tf:${baseAddress}`;
    const decl = this.src.resources.get(key);
    if (!decl) return { value: unknown(`depends on ${baseAddress}`, at, token), consumed: 1 };
    const instances = this.resourceInstances(key);
    let consumed = 1;
    let chosen;
    const hasExpansion = attr(decl.node, "count") || attr(decl.node, "for_each");
    const next = steps[1];
    if (hasExpansion) {
      if (next?.type === "Index") {
        consumed = 2;
        const k = evaluate(next.key, this.context(at.file));
        const ks = asString(k);
        if (Array.isArray(instances) && ks !== void 0)
          chosen = instances.find((r) => r.address === `${baseAddress}[${/^\d+$/.test(ks) && k.kind === "number" ? ks : JSON.stringify(ks)}]`);
      } else {
        return { value: unknown(`depends on all instances of ${baseAddress}`, at, token), consumed: 1 };
      }
    } else if (Array.isArray(instances)) chosen = instances[0];
    const attrStep = steps[consumed];
    if (attrStep?.type !== "GetAttr") return { value: unknown(`depends on ${baseAddress}`, at, token), consumed };
    consumed++;
    const attrName = attrStep.name;
    if (attrName === "id" || !chosen) {
      return { value: unknown(`${baseAddress}.${attrName} is known only after apply`, at, `${token}${attrName === "id" ? "" : "." + attrName}`), consumed };
    }
    const configured = chosen.body.entries.get(attrName);
    if (configured) return { value: configured, consumed };
    return { value: unknown(`${baseAddress}.${attrName} is known only after apply`, at, `${token}.${attrName}`), consumed };
  }
  /** All instances of one resource declaration (`type.name`), expanded by count/for_each. */
  resourceInstances(key) {
    const cached = this.resourceCache.get(key);
    if (cached) return cached;
    const decl = this.src.resources.get(key);
    if (!decl) return [];
    this.resourceCache.set(key, CYCLE);
    const result = this.expandResource(key, decl);
    this.resourceCache.set(key, result);
    return result;
  }
  expandResource(key, decl) {
    const [type, name] = [decl.node.labels[0].value, decl.node.labels[1].value];
    const baseAddress = `${this.prefix}${key}`;
    const header = blockHeader(decl.node, decl.file);
    const countAttr = attr(decl.node, "count");
    const forEachAttr = attr(decl.node, "for_each");
    const ctx0 = this.context(decl.file);
    const make = (address, iteration) => {
      const sites = /* @__PURE__ */ new Map();
      const body = this.evalBody(decl.node.body, decl.file, iteration, sites, "", type);
      return { address, baseAddress, type, name, file: decl.file, header, body, sites, block: decl.node };
    };
    if (countAttr) {
      const c = evaluate(countAttr.expr, ctx0);
      if (c.kind === "number") {
        const n = Math.max(0, Math.trunc(c.value));
        if (n > MAX_INSTANCES) this.cap(baseAddress, n, countAttr, decl.file);
        const out = [];
        for (let i = 0; i < Math.min(n, MAX_INSTANCES); i++)
          out.push(make(`${baseAddress}[${i}]`, /* @__PURE__ */ new Map([["count", obj({ index: num(i) })]])));
        return out;
      }
      return [make(baseAddress, /* @__PURE__ */ new Map([["count", obj({ index: unknown("count.index of an unknown count") })]]))];
    }
    if (forEachAttr) {
      const fe = evaluate(forEachAttr.expr, ctx0);
      const pairs = fe.kind === "list" || fe.kind === "object" ? iterate(fe) : void 0;
      if (pairs) {
        if (pairs.length > MAX_INSTANCES) this.cap(baseAddress, pairs.length, forEachAttr, decl.file);
        return pairs.slice(0, MAX_INSTANCES).map(([k, v]) => {
          const keyStr = fe.kind === "list" ? asString(v) ?? String(asString(k)) : asString(k);
          const each = obj({ key: str(keyStr, k.origin), value: v });
          return make(`${baseAddress}[${JSON.stringify(keyStr)}]`, /* @__PURE__ */ new Map([["each", each]]));
        });
      }
      return [make(baseAddress, /* @__PURE__ */ new Map([["each", obj({ key: unknown("each.key of an unknown for_each"), value: unknown("each.value of an unknown for_each") })]]))];
    }
    return [make(baseAddress)];
  }
  cap(address, n, at, file) {
    this.opts.problems.push({
      message: `${address} expands to ${n} instances; only the first ${MAX_INSTANCES} are linted`,
      location: locOf(at, file)
    });
  }
  /** Evaluates a block body into an object; nested blocks become lists of objects. */
  evalBody(body, file, iteration, sites, pathPrefix, resourceType) {
    const entries2 = /* @__PURE__ */ new Map();
    const ctx = this.context(file, iteration);
    for (const item of body.items) {
      if (item.type === "Attribute") {
        if (!pathPrefix && META.has(item.name)) continue;
        sites.set(pathPrefix + item.name, locOf(item, file));
        entries2.set(item.name, this.evalAttribute(item.name, item.expr, ctx, resourceType, pathPrefix));
        continue;
      }
      if (!pathPrefix && META.has(item.blockType)) continue;
      if (item.blockType === "dynamic") {
        const blockName = item.labels[0]?.value;
        if (!blockName) continue;
        entries2.set(blockName, this.expandDynamic(item, file, iteration, sites, pathPrefix, resourceType, blockName));
        continue;
      }
      const existing = entries2.get(item.blockType);
      const index = existing?.kind === "list" ? existing.items.length : 0;
      const childPath = `${pathPrefix}${item.blockType}[${index}].`;
      const child = this.evalBody(item.body, file, iteration, sites, childPath, resourceType);
      child.origin = blockHeader(item, file, item.blockType);
      sites.set(`${pathPrefix}${item.blockType}[${index}]`, child.origin);
      if (existing?.kind === "list") existing.items.push(child);
      else entries2.set(item.blockType, list([child], child.origin));
    }
    return obj(entries2, pathPrefix ? void 0 : { file, range: body.range });
  }
  evalAttribute(name, expr, ctx, resourceType, pathPrefix) {
    if (!pathPrefix && name === "body" && resourceType.startsWith("azapi_") && expr.type === "FunctionCall" && expr.name === "jsonencode" && expr.args[0])
      return evaluate(expr.args[0], ctx);
    return evaluate(expr, ctx);
  }
  expandDynamic(block, file, iteration, sites, pathPrefix, resourceType, blockName) {
    const header = blockHeader(block, file, `dynamic "${blockName}"`);
    const forEach = attr(block, "for_each");
    const content = childBlocks(block, "content")[0];
    if (!forEach || !content) return unknown("dynamic block without for_each/content", header);
    const fe = evaluate(forEach.expr, this.context(file, iteration));
    const pairs = iterate(fe);
    if (!pairs) return unknown(`dynamic "${blockName}" iterates over an unknown collection`, header);
    const iterName = (() => {
      const it = attr(block, "iterator");
      return it && it.expr.type === "ScopeTraversal" ? it.expr.root : blockName;
    })();
    const items2 = [];
    pairs.slice(0, MAX_INSTANCES).forEach(([k, v], i) => {
      const inner = new Map(iteration ?? []);
      inner.set(iterName, obj({ key: k, value: v }));
      const child = this.evalBody(content.body, file, inner, sites, `${pathPrefix}${blockName}[${i}].`, resourceType);
      child.origin = header;
      items2.push(child);
    });
    return list(items2, header);
  }
  /** Every managed resource of this instance and of its local child modules. */
  allResources() {
    const out = [];
    for (const key of this.src.resources.keys()) {
      const r = this.resourceInstances(key);
      if (Array.isArray(r)) out.push(...r);
    }
    for (const name of this.src.moduleCalls.keys()) {
      const child = this.child(name);
      if (child) out.push(...child.allResources());
    }
    return out;
  }
  // ---- modules -----------------------------------------------------------------------
  /** The instance of a local module call, or null when it is remote, missing or disabled. */
  child(name) {
    if (this.children.has(name)) return this.children.get(name);
    this.children.set(name, null);
    const call = this.src.moduleCalls.get(name);
    const result = this.instantiate(name, call);
    this.children.set(name, result);
    return result;
  }
  instantiate(name, call) {
    const depth = (this.opts.depth ?? 0) + 1;
    if (depth > MAX_MODULE_DEPTH) return null;
    const source = localModuleSource(call.node);
    if (!source) return null;
    const ctx = this.context(call.file);
    const count = attr(call.node, "count");
    if (count) {
      const c = evaluate(count.expr, ctx);
      if (c.kind === "number" && c.value <= 0) return null;
    }
    const forEach = attr(call.node, "for_each");
    const iteration = /* @__PURE__ */ new Map([
      ["count", obj({ index: count ? num(0) : unknown("count.index") })],
      ["each", obj({ key: unknown("each.key of a module for_each"), value: unknown("each.value of a module for_each") })]
    ]);
    if (forEach) {
      const fe = evaluate(forEach.expr, ctx);
      if (fe.kind === "list" && fe.items.length === 0 || fe.kind === "object" && fe.entries.size === 0) return null;
    }
    const childSrc = this.opts.loader(path2.resolve(this.src.dir, source));
    if (!childSrc) return null;
    const inputs = /* @__PURE__ */ new Map();
    const argCtx = this.context(call.file, iteration);
    for (const item of call.node.body.items) {
      if (item.type !== "Attribute" || item.name === "source" || item.name === "version" || META.has(item.name)) continue;
      if (item.name === "providers") continue;
      const v = evaluate(item.expr, argCtx);
      inputs.set(item.name, passedThrough(v, locOf(item, call.file, `module "${name}" argument "${item.name}"`)));
    }
    return new _ModuleInstance(childSrc, {
      prefix: `${this.prefix}module.${name}.`,
      inputs,
      loader: this.opts.loader,
      problems: this.opts.problems,
      depth
    });
  }
  moduleRef(name, steps, at) {
    const call = this.src.moduleCalls.get(name);
    const token = `tf:${this.prefix}module.${name}`;
    if (!call) return { value: unknown(`module "${name}" is not declared`, at, token), consumed: 1 };
    const outStep = steps[1];
    if (outStep?.type !== "GetAttr") return { value: unknown(`depends on module.${name}`, at, token), consumed: 1 };
    const child = this.child(name);
    if (!child) return { value: unknown(`module.${name}.${outStep.name} comes from a module that is not evaluated`, at, `${token}.${outStep.name}`), consumed: 2 };
    return { value: child.output(outStep.name, at), consumed: 2 };
  }
  output(name, at) {
    const cached = this.outputCache.get(name);
    if (cached === CYCLE) return unknown(`output "${name}" refers to itself`, at);
    if (cached) return cached;
    const decl = this.src.outputs.get(name);
    const value = decl && attr(decl.node, "value");
    if (!decl || !value) return unknown(`output "${name}" is not declared`, at);
    this.outputCache.set(name, CYCLE);
    const v = evaluate(value.expr, this.context(decl.file));
    this.outputCache.set(name, v);
    return v;
  }
  // ---- inputs ------------------------------------------------------------------------
  /** Declared variables of this instance (and its children), for GPU002 and SEC001. */
  inputDecls() {
    const out = [];
    for (const [name, decl] of this.src.variables) {
      const text2 = this.src.files.find((f) => f.file === decl.file)?.text ?? "";
      const typeAttr = attr(decl.node, "type");
      const sensitive = attr(decl.node, "sensitive");
      const header = blockHeader(decl.node, decl.file, `variable "${name}"`);
      out.push({
        name,
        kind: "tf-variable",
        header,
        type: typeAttr ? sourceText(text2, typeAttr.expr.range) : void 0,
        secure: sensitive ? isTrue(evaluate(sensitive.expr, { file: decl.file, resolveRoot: () => void 0 })) : false,
        defaultValue: this.defaultOf(decl),
        assigned: this.opts.inputs.get(name),
        validations: childBlocks(decl.node, "validation").map((v) => this.validationOf(v, decl.file, text2))
      });
    }
    for (const name of this.src.moduleCalls.keys()) {
      const child = this.child(name);
      if (child) out.push(...child.inputDecls());
    }
    return out;
  }
  validationOf(block, file, text2) {
    const cond = attr(block, "condition");
    const at = cond ? locOf(cond.expr, file, "validation condition") : blockHeader(block, file);
    const regexes = [];
    const allowed = [];
    const visit2 = (e) => {
      if (e.type === "FunctionCall") {
        if ((e.name === "regex" || e.name === "regexall") && e.args[0]) {
          const p = evaluate(e.args[0], this.context(file));
          if (p.kind === "string") regexes.push({ pattern: p.value, at: loc({ file, resolveRoot: () => void 0 }, e.args[0]) });
        }
        if (e.name === "contains" && e.args[0]) {
          const l = evaluate(e.args[0], this.context(file));
          if (l.kind === "list") allowed.push(...l.items);
        }
      }
      forEachChild(e, visit2);
    };
    if (cond) visit2(cond.expr);
    return { at, text: cond ? sourceText(text2, cond.expr.range) : "", regexes, allowed };
  }
};
function localModuleSource(call) {
  const s = attr(call, "source");
  if (!s || s.expr.type !== "Template" || s.expr.parts.length !== 1) return void 0;
  const part = s.expr.parts[0];
  if (part.type !== "TemplateLiteral") return void 0;
  return part.value.startsWith("./") || part.value.startsWith("../") ? part.value : void 0;
}
function isTrue(v) {
  return v.kind === "bool" && v.value;
}
function convertToType(v, decl) {
  const t = attr(decl, "type");
  if (!t || t.expr.type !== "ScopeTraversal" || v.kind !== "string") return v;
  if (t.expr.root === "bool" && (v.value === "true" || v.value === "false")) return { ...bool(v.value === "true"), origin: v.origin, via: v.via };
  if (t.expr.root === "number" && v.value.trim() !== "" && !Number.isNaN(Number(v.value))) return { ...num(Number(v.value)), origin: v.origin, via: v.via };
  return v;
}
function forEachChild(e, f) {
  switch (e.type) {
    case "Template":
      for (const p of e.parts) if (p.type === "TemplateInterpolation") f(p.expr);
      break;
    case "TemplateWrap":
      f(e.wrapped);
      break;
    case "Tuple":
      e.items.forEach(f);
      break;
    case "Object":
      for (const i of e.items) {
        f(i.key);
        f(i.value);
      }
      break;
    case "RelativeTraversal":
      f(e.source);
      break;
    case "Index":
      f(e.collection);
      f(e.key);
      break;
    case "Splat":
      f(e.source);
      break;
    case "FunctionCall":
      e.args.forEach(f);
      break;
    case "Conditional":
      f(e.condition);
      f(e.trueExpr);
      f(e.falseExpr);
      break;
    case "BinaryOp":
      f(e.left);
      f(e.right);
      break;
    case "UnaryOp":
      f(e.operand);
      break;
    case "For":
      f(e.collection);
      if (e.keyExpr) f(e.keyExpr);
      f(e.valueExpr);
      if (e.condition) f(e.condition);
      break;
    case "Parentheses":
      f(e.expr);
      break;
    default:
      break;
  }
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text2, ignoreTrivia = false) {
  const len = text2.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text2.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text2.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text2.length && isDigit2(text2.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text2.length && text2.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text2.length && isDigit2(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit2(text2.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text2.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text2.length && (text2.charCodeAt(pos) === 69 || text2.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text2.length && text2.charCodeAt(pos) === 43 || text2.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text2.length && isDigit2(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit2(text2.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text2.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text2.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text2.charCodeAt(pos);
      if (ch === 34) {
        result += text2.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text2.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text2.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text2.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text2.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text2.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text2.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text2.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text2.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text2.substring(start, pos);
          return token = 12;
        }
        if (text2.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text2.charCodeAt(pos);
            if (ch === 42 && text2.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text2.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text2.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit2(text2.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text2.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text2.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit2(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text2, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text2, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function contains(node, offset, includeRightBound = false) {
  return offset >= node.offset && offset < node.offset + node.length || includeRightBound && offset === node.offset + node.length;
}
function findNodeAtOffset(node, offset, includeRightBound = false) {
  if (contains(node, offset, includeRightBound)) {
    const children = node.children;
    if (Array.isArray(children)) {
      for (let i = 0; i < children.length && children[i].offset <= offset; i++) {
        const item = findNodeAtOffset(children[i], offset, includeRightBound);
        if (item) {
          return item;
        }
      }
    }
    return node;
  }
  return void 0;
}
function visit(text2, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text2, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtOffset2 = findNodeAtOffset;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));

// src/model/source.ts
var LineMap = class {
  constructor(text2) {
    this.text = text2;
    const starts = [0];
    for (let i = 0; i < text2.length; i++) {
      const ch = text2.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text2.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }
  text;
  lineStarts;
  get lineCount() {
    return this.lineStarts.length;
  }
  position(offset) {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1, offset };
  }
  range(startOffset, endOffset) {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }
  /** The text of a 1-based line without its line terminator. */
  lineText(line) {
    const start = this.lineStarts[line - 1];
    if (start === void 0) return "";
    const next = this.lineStarts[line];
    let end = next ?? this.text.length;
    while (end > start && (this.text[end - 1] === "\n" || this.text[end - 1] === "\r")) end--;
    return this.text.slice(start, end);
  }
  offsetOf(line, column) {
    return (this.lineStarts[line - 1] ?? this.text.length) + column - 1;
  }
};
function fileStart(file) {
  return { file, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
}
function compareLocations(a, b) {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset;
}

// src/parse/json/index.ts
var ERROR_MESSAGES = {
  1: "Invalid symbol",
  2: "Invalid number format",
  3: "Expected a property name here",
  4: "Expected a value here",
  5: "Expected a colon ':' here",
  6: "Expected a comma here",
  7: "Expected a closing '}' here",
  8: "Expected a closing ']' here",
  9: "Expected end of file: unexpected content after the JSON value",
  10: "Invalid comment token",
  11: "Unterminated block comment",
  12: "Unterminated string",
  13: "Unexpected end of number",
  14: "Invalid unicode escape sequence",
  15: "Invalid escape character in string",
  16: "Invalid character in string (control characters must be escaped)"
};
var TOKEN_LINE_COMMENT = 12;
var TOKEN_BLOCK_COMMENT = 13;
var TOKEN_EOF = 17;
var ERROR_COMMA_EXPECTED = 6;
function commaMessage(root, offset) {
  if (!root) return ERROR_MESSAGES[ERROR_COMMA_EXPECTED];
  let n = findNodeAtOffset2(root, offset, true) ?? root;
  while (n && n.type !== "object" && n.type !== "array") n = n.parent;
  if (n?.type === "object") return "Expected a comma or '}' here";
  if (n?.type === "array") return "Expected a comma or ']' here";
  return ERROR_MESSAGES[ERROR_COMMA_EXPECTED];
}
function parseJsonc(text2, file) {
  const lineMap = new LineMap(text2);
  const bomless = text2.charCodeAt(0) === 65279 ? " " + text2.slice(1) : text2;
  const { src, multiline } = blankLineBreaksInStrings(bomless);
  const rawErrors = [];
  let root;
  try {
    root = parseTree2(src, rawErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (e) {
    return {
      file,
      text: text2,
      lineMap,
      errors: [{ message: `JSON parser failure: ${e.message}`, range: lineMap.range(0, 0) }],
      comments: []
    };
  }
  if (root && multiline.size) fixMultilineStrings(root, bomless, multiline);
  const errors = rawErrors.map((e) => ({
    message: e.error === ERROR_COMMA_EXPECTED ? commaMessage(root, e.offset) : ERROR_MESSAGES[e.error] ?? `JSON syntax error ${e.error}`,
    range: lineMap.range(e.offset, e.offset + e.length)
  }));
  if (root === void 0 && errors.length === 0) errors.push({ message: "Empty JSON document", range: lineMap.range(0, 0) });
  return { file, text: text2, lineMap, root, errors, comments: scanComments(src, lineMap) };
}
function blankLineBreaksInStrings(text2) {
  const multiline = /* @__PURE__ */ new Set();
  if (!/"[^"\r\n]*[\r\n]/.test(text2)) return { src: text2, multiline };
  const out = [];
  let last = 0;
  let i = 0;
  const n = text2.length;
  while (i < n) {
    const c = text2[i];
    if (c === "/" && text2[i + 1] === "/") {
      while (i < n && text2[i] !== "\n" && text2[i] !== "\r") i++;
    } else if (c === "/" && text2[i + 1] === "*") {
      const e = text2.indexOf("*/", i + 2);
      i = e < 0 ? n : e + 2;
    } else if (c === '"') {
      const start = i;
      i++;
      const breaks = [];
      while (i < n && text2[i] !== '"') {
        if (text2[i] === "\\") i += 2;
        else {
          if (text2[i] === "\n" || text2[i] === "\r") breaks.push(i);
          i++;
        }
      }
      if (i < n && breaks.length && /^\s*([,}\]:]|$)/.test(text2.slice(i + 1, i + 200))) {
        multiline.add(start);
        for (const b of breaks) {
          out.push(text2.slice(last, b), " ");
          last = b + 1;
        }
      }
      i++;
    } else i++;
  }
  if (!multiline.size) return { src: text2, multiline };
  out.push(text2.slice(last));
  return { src: out.join(""), multiline };
}
function fixMultilineStrings(node, text2, starts) {
  if (node.type === "string" && starts.has(node.offset)) {
    const raw = text2.slice(node.offset + 1, node.offset + node.length - 1).replace(/\r\n|\r|\n/g, (m) => m === "\r\n" ? "\\r\\n" : m === "\r" ? "\\r" : "\\n");
    try {
      node.value = JSON.parse(`"${raw}"`);
    } catch {
    }
  }
  for (const c of node.children ?? []) fixMultilineStrings(c, text2, starts);
}
function scanComments(text2, lineMap) {
  const out = [];
  if (!text2.includes("//") && !text2.includes("/*")) return out;
  const scanner = createScanner2(text2, false);
  for (let guard = 0; guard < text2.length + 2; guard++) {
    const kind = scanner.scan();
    if (kind === TOKEN_EOF) break;
    if (kind === TOKEN_LINE_COMMENT || kind === TOKEN_BLOCK_COMMENT) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      out.push({ text: text2.slice(start, end), range: lineMap.range(start, end) });
    }
  }
  return out;
}
function nodeLocation(parsed, node, label) {
  const loc2 = { file: parsed.file, range: parsed.lineMap.range(node.offset, node.offset + node.length) };
  if (label !== void 0) loc2.label = label;
  return loc2;
}
function propertyNode(objNode, key) {
  if (!objNode || objNode.type !== "object" || !objNode.children) return void 0;
  let ci;
  const lower = key.toLowerCase();
  for (const p of objNode.children) {
    const k = p.children?.[0]?.value;
    if (typeof k !== "string") continue;
    if (k === key) return p;
    if (!ci && k.toLowerCase() === lower) ci = p;
  }
  return ci;
}
function getProp(objNode, key) {
  return propertyNode(objNode, key)?.children?.[1];
}
function members(objNode) {
  const out = [];
  if (!objNode || objNode.type !== "object" || !objNode.children) return out;
  for (const p of objNode.children) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (k && v && typeof k.value === "string") out.push([k.value, k, v]);
  }
  return out;
}
function keyLocation(parsed, objNode, key, label) {
  const k = propertyNode(objNode, key)?.children?.[0];
  return k ? nodeLocation(parsed, k, label) : void 0;
}
function memberLocation(parsed, objNode, key, label) {
  const p = propertyNode(objNode, key);
  return p ? nodeLocation(parsed, p, label) : void 0;
}
function nodeToValue(parsed, node) {
  const origin = nodeLocation(parsed, node);
  switch (node.type) {
    case "string":
      return str(String(node.value), origin);
    case "number":
      return num(Number(node.value), origin);
    case "boolean":
      return bool(Boolean(node.value), origin);
    case "null":
      return nul(origin);
    case "array":
      return list((node.children ?? []).map((c) => nodeToValue(parsed, c)), origin);
    case "object": {
      const m = /* @__PURE__ */ new Map();
      for (const [k, , v] of members(node)) m.set(k, nodeToValue(parsed, v));
      return obj(m, origin);
    }
    default:
      return unknown("unparsable JSON value", origin);
  }
}

// src/eval/terraform/tfvars.ts
function tfvarsValues(file) {
  const out = /* @__PURE__ */ new Map();
  for (const item of file.body.items) {
    if (item.type !== "Attribute") continue;
    out.set(item.name, evaluate(item.expr, { file: file.file, resolveRoot: () => void 0 }));
  }
  return out;
}
function tfvarsJsonValues(file, text2) {
  const out = /* @__PURE__ */ new Map();
  const parsed = parseJsonc(text2, file);
  const root = parsed.root ? nodeToValue(parsed, parsed.root) : unknown("invalid JSON");
  if (root.kind === "object") for (const [k, v] of root.entries) out.set(k, v);
  return out;
}

// src/eval/terraform/project.ts
var AUTO_VARFILE = /^(terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/;
function evaluateTerraform(input) {
  const byDir = /* @__PURE__ */ new Map();
  for (const f of input.tfFiles) {
    const d = path3.dirname(f);
    byDir.set(d, [...byDir.get(d) ?? [], f]);
  }
  const sources = /* @__PURE__ */ new Map();
  const loader = (dir) => {
    if (sources.has(dir)) return sources.get(dir);
    const files = byDir.get(dir) ?? (input.insideRoot(dir) ? input.listTfFiles(dir) : void 0);
    const parsed = (files ?? []).map((f) => input.parseHcl(f)).filter((x) => x !== void 0);
    const src = files ? buildModuleSource(dir, parsed.sort((a, b) => a.file < b.file ? -1 : 1)) : void 0;
    sources.set(dir, src);
    return src;
  };
  const called = /* @__PURE__ */ new Set();
  for (const dir of byDir.keys()) {
    const src = loader(dir);
    for (const call of src?.moduleCalls.values() ?? []) {
      const s = localModuleSource(call.node);
      if (s) called.add(path3.resolve(dir, s));
    }
  }
  const varFilesByDir = /* @__PURE__ */ new Map();
  for (const vf of input.varFiles) {
    let d = path3.dirname(vf);
    while (!byDir.has(d)) {
      const up = path3.dirname(d);
      if (up === d || !isInside(input.root, up)) break;
      d = up;
    }
    if (byDir.has(d)) varFilesByDir.set(d, [...varFilesByDir.get(d) ?? [], vf]);
  }
  const problems = [];
  const evaluations = [];
  const modules = [];
  for (const dir of [...byDir.keys()].sort()) {
    const src = loader(dir);
    const ownVarFiles = (varFilesByDir.get(dir) ?? []).sort();
    const isRoot = !called.has(dir) && (src.providers.length > 0 || hasBackend(src) || ownVarFiles.length > 0);
    modules.push(moduleFacts(src, isRoot));
    if (called.has(dir)) continue;
    const auto = ownVarFiles.filter((f) => path3.dirname(f) === dir && AUTO_VARFILE.test(path3.basename(f)));
    const variantFiles = input.cliVarFiles.length ? input.cliVarFiles : ownVarFiles.filter((f) => !auto.includes(f) && classifyPath(path3.relative(dir, f)) !== void 0);
    const variants = variantFiles.length ? variantFiles : [void 0];
    for (const variantFile of variants) {
      const inputs = /* @__PURE__ */ new Map();
      for (const f of [...auto.sort(autoOrder), ...variantFile ? [variantFile] : []]) {
        for (const [k, v] of readVarFile(f, input)) inputs.set(k, v);
      }
      const instance = new ModuleInstance(src, { prefix: "", inputs, loader, problems });
      const rel = variantFile ? path3.relative(input.root, variantFile) : path3.relative(input.root, dir) || ".";
      const env = input.envOverride ?? input.envForPath?.(rel.split(path3.sep).join("/")) ?? (variantFile ? classifyPath(path3.relative(dir, variantFile))?.env : void 0) ?? envFromVariables(instance) ?? "unknown";
      const evaluation = {
        variant: variantFile ? path3.relative(dir, variantFile).split(path3.sep).join("/") : "default",
        variantFile,
        env,
        unit: dir,
        inputs: instance.inputDecls()
      };
      evaluations.push({ evaluation, resources: instance.allResources() });
    }
  }
  return { evaluations, modules, problems };
}
function autoOrder(a, b) {
  const ra = path3.basename(a).startsWith("terraform.tfvars") ? 0 : 1;
  const rb = path3.basename(b).startsWith("terraform.tfvars") ? 0 : 1;
  return ra - rb || (a < b ? -1 : 1);
}
function readVarFile(file, input) {
  if (file.endsWith(".json")) {
    const text2 = input.readText(file);
    return text2 === void 0 ? /* @__PURE__ */ new Map() : tfvarsJsonValues(file, text2);
  }
  const parsed = input.parseHcl(file);
  return parsed ? tfvarsValues(parsed) : /* @__PURE__ */ new Map();
}
function envFromVariables(instance) {
  for (const name of ENV_VARIABLE_NAMES) {
    if (!instance.src.variables.has(name)) continue;
    const v = instance.variable(name);
    if (v.kind === "string") {
      const env = classifyValue(v.value);
      if (env) return env;
    }
  }
  return void 0;
}
function hasBackend(src) {
  return src.terraformBlocks.some((t) => childBlocks(t.node, "backend").length > 0 || childBlocks(t.node, "cloud").length > 0);
}
function moduleFacts(src, isRoot) {
  const facts = {
    dir: src.dir,
    isRoot,
    terraformBlocks: [],
    providers: src.providers.map((p) => ({ name: p.node.labels[0]?.value ?? "", at: blockHeader(p.node, p.file) })),
    requiredProviders: [],
    usedProviders: []
  };
  for (const t of src.terraformBlocks) {
    const backend = childBlocks(t.node, "backend")[0];
    const cloud = childBlocks(t.node, "cloud")[0];
    facts.terraformBlocks.push({
      at: blockHeader(t.node, t.file),
      backend: backend ? { type: backend.labels[0]?.value ?? "", at: blockHeader(backend, t.file) } : void 0,
      cloud: cloud ? blockHeader(cloud, t.file) : void 0
    });
    for (const rp of childBlocks(t.node, "required_providers")) {
      for (const item of rp.body.items) {
        if (item.type !== "Attribute") continue;
        const v = evaluate(item.expr, { file: t.file, resolveRoot: () => void 0 });
        const version = v.kind === "object" ? v.entries.get("version") : v.kind === "string" ? v : void 0;
        facts.requiredProviders.push({ name: item.name, at: locOf(item, t.file), version });
      }
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for (const [key, r] of [...src.resources, ...src.data]) {
    const type = key.split(".")[0];
    const explicit = attr(r.node, "provider");
    const name = explicit && explicit.expr.type === "ScopeTraversal" ? explicit.expr.root : type.split("_")[0];
    if (seen.has(name)) continue;
    seen.add(name);
    facts.usedProviders.push({ name, at: blockHeader(r.node, r.file) });
  }
  return facts;
}
function isInside(root, p) {
  const rel = path3.relative(root, p);
  return rel === "" || !rel.startsWith("..") && !path3.isAbsolute(rel);
}

// src/model/tables/azurerm.ts
var nodePoolAttrs = [
  { canonical: "vmSize", paths: ["vm_size"] },
  { canonical: "taints", paths: ["node_taints"], default: [] },
  { canonical: "labels", paths: ["node_labels"], default: {} },
  { canonical: "tags", paths: ["tags"] },
  // v4: auto_scaling_enabled; v3: enable_auto_scaling. Default false.
  { canonical: "autoscale", paths: ["auto_scaling_enabled", "enable_auto_scaling"], default: false },
  { canonical: "minCount", paths: ["min_count"] },
  { canonical: "nodeCount", paths: ["node_count"] },
  { canonical: "name", paths: ["name"] }
];
var AZURERM_TABLE = {
  azurerm_machine_learning_workspace: {
    kind: "ml.workspace",
    attrs: [
      // "public_network_access_enabled - (Optional) Enable public access when this Machine Learning Workspace is behind VNet. Defaults to true."
      { canonical: "publicNetworkAccess", paths: ["public_network_access_enabled"], default: true },
      { canonical: "imageBuildCompute", paths: ["image_build_compute_name"] },
      { canonical: "tags", paths: ["tags"] }
    ],
    refs: { containerRegistry: ["container_registry_id"], keyVault: ["key_vault_id"], storage: ["storage_account_id"] }
  },
  azurerm_machine_learning_compute_cluster: {
    kind: "ml.compute",
    fixed: { computeType: "cluster" },
    attrs: [
      { canonical: "vmSize", paths: ["vm_size"] },
      { canonical: "minNodeCount", paths: ["scale_settings.0.min_node_count"] },
      { canonical: "maxNodeCount", paths: ["scale_settings.0.max_node_count"] },
      // "node_public_ip_enabled - … Defaults to true."
      { canonical: "nodePublicIp", paths: ["node_public_ip_enabled"], default: true },
      { canonical: "tags", paths: ["tags"] },
      { canonical: "name", paths: ["name"] }
    ],
    refs: { workspace: ["machine_learning_workspace_id"] }
  },
  azurerm_machine_learning_compute_instance: {
    kind: "ml.compute",
    fixed: { computeType: "instance" },
    attrs: [
      { canonical: "vmSize", paths: ["virtual_machine_size"] },
      { canonical: "nodePublicIp", paths: ["node_public_ip_enabled"], default: true },
      { canonical: "tags", paths: ["tags"] },
      { canonical: "name", paths: ["name"] }
    ],
    refs: { workspace: ["machine_learning_workspace_id"] }
  },
  azurerm_kubernetes_cluster: {
    kind: "aks.cluster",
    attrs: [{ canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }],
    elements: [
      // The default node pool is the cluster's system pool.
      { kind: "aks.nodepool", path: "default_node_pool", attrs: nodePoolAttrs, fixed: { mode: "System", isDefault: true }, namePath: "name" }
    ]
  },
  azurerm_kubernetes_cluster_node_pool: {
    kind: "aks.nodepool",
    attrs: [
      ...nodePoolAttrs,
      // "mode - (Optional) Should this Node Pool be used for System or User resources? Defaults to User."
      { canonical: "mode", paths: ["mode"], default: "User" }
    ],
    refs: { cluster: ["kubernetes_cluster_id"] }
  },
  azurerm_key_vault: {
    kind: "keyvault",
    attrs: [
      // "purge_protection_enabled - (Optional) Is Purge Protection enabled for this Key Vault?" Defaults to false.
      { canonical: "purgeProtection", paths: ["purge_protection_enabled"], default: false },
      // v4.x: rbac_authorization_enabled; v3.x: enable_rbac_authorization. Defaults to false.
      { canonical: "rbacAuthorization", paths: ["rbac_authorization_enabled", "enable_rbac_authorization"], default: false },
      { canonical: "tags", paths: ["tags"] }
    ]
  },
  azurerm_container_registry: {
    kind: "acr",
    attrs: [
      { canonical: "sku", paths: ["sku"] },
      // "admin_enabled - (Optional) Specifies whether the admin user is enabled. Defaults to false."
      { canonical: "adminEnabled", paths: ["admin_enabled"], default: false },
      // "public_network_access_enabled - (Optional) Whether public network access is allowed. Defaults to true."
      { canonical: "publicNetworkAccess", paths: ["public_network_access_enabled"], default: true },
      // network_rule_set.default_action: "Defaults to Allow."
      { canonical: "networkDefaultAction", paths: ["network_rule_set.0.default_action"], default: "Allow" },
      { canonical: "tags", paths: ["tags"] }
    ]
  },
  azurerm_storage_account: {
    kind: "storage",
    attrs: [
      // v3+: allow_nested_items_to_be_public "Defaults to true"; v2: allow_blob_public_access.
      { canonical: "allowBlobPublicAccess", paths: ["allow_nested_items_to_be_public", "allow_blob_public_access"], default: true },
      // min_tls_version: "Defaults to TLS1_2 for new storage accounts" (v3.0+).
      { canonical: "minTls", paths: ["min_tls_version"], default: "TLS1_2" },
      { canonical: "tags", paths: ["tags"] }
    ]
  },
  azurerm_linux_virtual_machine: { kind: "vm", attrs: [{ canonical: "vmSize", paths: ["size"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }] },
  azurerm_windows_virtual_machine: { kind: "vm", attrs: [{ canonical: "vmSize", paths: ["size"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }] },
  azurerm_virtual_machine: { kind: "vm", attrs: [{ canonical: "vmSize", paths: ["vm_size"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }] },
  azurerm_linux_virtual_machine_scale_set: { kind: "vmss", attrs: [{ canonical: "vmSize", paths: ["sku"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }] },
  azurerm_windows_virtual_machine_scale_set: { kind: "vmss", attrs: [{ canonical: "vmSize", paths: ["sku"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }] },
  azurerm_orchestrated_virtual_machine_scale_set: { kind: "vmss", attrs: [{ canonical: "vmSize", paths: ["sku_name"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }] },
  azurerm_network_security_group: {
    kind: "nsg",
    attrs: [{ canonical: "tags", paths: ["tags"] }],
    elements: [{ kind: "nsg.rule", path: "security_rule", attrs: nsgRuleAttrs(), namePath: "name" }]
  },
  azurerm_network_security_rule: {
    kind: "nsg.rule",
    attrs: nsgRuleAttrs(),
    refs: { nsg: ["network_security_group_name"] }
  },
  azurerm_private_endpoint: {
    kind: "private-endpoint",
    attrs: [
      { canonical: "targets", paths: ["private_service_connection.0.private_connection_resource_id"] },
      { canonical: "groupIds", paths: ["private_service_connection.0.subresource_names"], default: [] },
      { canonical: "tags", paths: ["tags"] }
    ],
    refs: { target: ["private_service_connection.0.private_connection_resource_id"] }
  }
};
function nsgRuleAttrs() {
  return [
    { canonical: "name", paths: ["name"] },
    { canonical: "direction", paths: ["direction"] },
    { canonical: "access", paths: ["access"] },
    { canonical: "protocol", paths: ["protocol"] },
    { canonical: "destinationPort", paths: ["destination_port_range"] },
    { canonical: "destinationPorts", paths: ["destination_port_ranges"] },
    { canonical: "sourceAddress", paths: ["source_address_prefix"] },
    { canonical: "sourceAddresses", paths: ["source_address_prefixes"] }
  ];
}

// src/model/tables/arm.ts
var agentPoolAttrs = [
  { canonical: "vmSize", paths: ["vmSize"] },
  { canonical: "taints", paths: ["nodeTaints"], default: [] },
  { canonical: "labels", paths: ["nodeLabels"], default: {} },
  { canonical: "tags", paths: ["tags"] },
  { canonical: "autoscale", paths: ["enableAutoScaling"], default: false },
  { canonical: "minCount", paths: ["minCount"] },
  { canonical: "nodeCount", paths: ["count"] },
  { canonical: "name", paths: ["name"] },
  { canonical: "mode", paths: ["mode"] }
];
var computeAttrs = [
  { canonical: "computeTypeRaw", paths: ["properties.computeType"] },
  { canonical: "vmSize", paths: ["properties.properties.vmSize"] },
  { canonical: "minNodeCount", paths: ["properties.properties.scaleSettings.minNodeCount"], default: 0 },
  { canonical: "maxNodeCount", paths: ["properties.properties.scaleSettings.maxNodeCount"] },
  { canonical: "nodePublicIp", paths: ["properties.properties.enableNodePublicIp"], default: true },
  { canonical: "idleTimeBeforeShutdown", paths: ["properties.properties.idleTimeBeforeShutdown"] },
  { canonical: "schedules", paths: ["properties.properties.schedules"] },
  { canonical: "tags", paths: ["tags"] },
  { canonical: "name", paths: ["name"] }
];
var nsgRuleAttrs2 = [
  { canonical: "name", paths: ["name"] },
  { canonical: "direction", paths: ["properties.direction"] },
  { canonical: "access", paths: ["properties.access"] },
  { canonical: "protocol", paths: ["properties.protocol"] },
  { canonical: "destinationPort", paths: ["properties.destinationPortRange"] },
  { canonical: "destinationPorts", paths: ["properties.destinationPortRanges"] },
  { canonical: "sourceAddress", paths: ["properties.sourceAddressPrefix"] },
  { canonical: "sourceAddresses", paths: ["properties.sourceAddressPrefixes"] }
];
var ARM_TABLE = {
  "microsoft.machinelearningservices/workspaces": {
    kind: "ml.workspace",
    attrs: [
      { canonical: "publicNetworkAccess", paths: ["properties.publicNetworkAccess"], default: true, convert: "enabledToBool" },
      { canonical: "imageBuildCompute", paths: ["properties.imageBuildCompute"] },
      { canonical: "tags", paths: ["tags"] }
    ],
    refs: { containerRegistry: ["properties.containerRegistry"], keyVault: ["properties.keyVault"], storage: ["properties.storageAccount"] }
  },
  "microsoft.machinelearningservices/workspaces/computes": { kind: "ml.compute", attrs: computeAttrs },
  "microsoft.containerservice/managedclusters": {
    kind: "aks.cluster",
    attrs: [{ canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }],
    elements: [
      { kind: "aks.nodepool", path: "properties.agentPoolProfiles", attrs: agentPoolAttrs, firstDefaults: { mode: "System" }, fixed: { inline: true }, namePath: "name" }
    ]
  },
  "microsoft.containerservice/managedclusters/agentpools": {
    kind: "aks.nodepool",
    attrs: [
      ...agentPoolAttrs.filter((a) => a.canonical !== "mode" && a.canonical !== "name").map((a) => ({ ...a, paths: a.paths.map((p) => `properties.${p}`) })),
      { canonical: "name", paths: ["name"] },
      { canonical: "mode", paths: ["properties.mode"], default: "User" }
    ]
  },
  "microsoft.keyvault/vaults": {
    kind: "keyvault",
    attrs: [
      { canonical: "purgeProtection", paths: ["properties.enablePurgeProtection"], default: false },
      { canonical: "rbacAuthorization", paths: ["properties.enableRbacAuthorization"], default: false },
      { canonical: "tags", paths: ["tags"] }
    ]
  },
  "microsoft.containerregistry/registries": {
    kind: "acr",
    attrs: [
      { canonical: "sku", paths: ["sku.name"] },
      { canonical: "adminEnabled", paths: ["properties.adminUserEnabled"], default: false },
      { canonical: "publicNetworkAccess", paths: ["properties.publicNetworkAccess"], default: true, convert: "enabledToBool" },
      { canonical: "networkDefaultAction", paths: ["properties.networkRuleSet.defaultAction"], default: "Allow" },
      { canonical: "tags", paths: ["tags"] }
    ]
  },
  "microsoft.storage/storageaccounts": {
    kind: "storage",
    attrs: [
      { canonical: "allowBlobPublicAccess", paths: ["properties.allowBlobPublicAccess"], default: false },
      { canonical: "minTls", paths: ["properties.minimumTlsVersion"], default: "TLS1_2" },
      { canonical: "tags", paths: ["tags"] }
    ]
  },
  "microsoft.compute/virtualmachines": {
    kind: "vm",
    attrs: [{ canonical: "vmSize", paths: ["properties.hardwareProfile.vmSize"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }]
  },
  "microsoft.compute/virtualmachinescalesets": {
    kind: "vmss",
    attrs: [{ canonical: "vmSize", paths: ["sku.name"] }, { canonical: "tags", paths: ["tags"] }, { canonical: "name", paths: ["name"] }]
  },
  "microsoft.network/networksecuritygroups": {
    kind: "nsg",
    attrs: [{ canonical: "tags", paths: ["tags"] }],
    elements: [{ kind: "nsg.rule", path: "properties.securityRules", attrs: nsgRuleAttrs2, namePath: "name" }]
  },
  "microsoft.network/networksecuritygroups/securityrules": { kind: "nsg.rule", attrs: nsgRuleAttrs2 },
  "microsoft.network/privateendpoints": {
    kind: "private-endpoint",
    attrs: [
      { canonical: "targets", paths: ["properties.privateLinkServiceConnections.0.properties.privateLinkServiceId"] },
      { canonical: "groupIds", paths: ["properties.privateLinkServiceConnections.0.properties.groupIds"], default: [] },
      { canonical: "tags", paths: ["tags"] }
    ],
    refs: { target: ["properties.privateLinkServiceConnections.0.properties.privateLinkServiceId"] }
  }
};

// src/model/normalize.ts
function valueAt(v, path11) {
  let cur = v;
  for (const seg of path11.split(".")) {
    if (!cur) return void 0;
    if (cur.kind === "unknown") return cur;
    if (cur.kind === "null") return void 0;
    if (/^\d+$/.test(seg)) {
      cur = cur.kind === "list" ? cur.items[Number(seg)] : void 0;
      continue;
    }
    if (cur.kind !== "object") return void 0;
    let next = cur.entries.get(seg);
    if (!next) {
      const lower = seg.toLowerCase();
      for (const [k, e] of cur.entries) if (k.toLowerCase() === lower) next = e;
    }
    cur = next;
  }
  return cur && cur.kind === "null" ? void 0 : cur;
}
function convert(v, spec) {
  if (spec.convert === "enabledToBool" && v.kind === "string") {
    const s = v.value.toLowerCase();
    if (s === "enabled" || s === "disabled") return { ...bool(s === "enabled"), origin: v.origin, via: v.via };
  }
  return v;
}
function factOf(body, spec, site, sitePrefix = "") {
  for (const p of spec.paths) {
    const v = valueAt(body, p);
    if (v !== void 0) return { value: convert(v, spec), defaulted: false, at: site?.(sitePrefix + p), sourcePath: p };
  }
  return {
    value: spec.default === void 0 ? void 0 : fromJS(spec.default),
    defaulted: spec.default !== void 0,
    sourcePath: spec.paths[0]
  };
}
function fixedFacts(fixed, into) {
  for (const [k, v] of Object.entries(fixed ?? {})) into.set(k, { value: fromJS(v), defaulted: true, sourcePath: k });
}
function normalize(src) {
  const spec = src.spec;
  const attrs = /* @__PURE__ */ new Map();
  const refs = new Map(src.refs ?? []);
  const resource = {
    address: src.address,
    kind: spec?.kind ?? "other",
    sourceType: src.sourceType,
    format: src.format,
    header: src.header,
    name: src.name,
    attrs,
    body: src.body,
    identity: src.identity,
    refs,
    evaluation: src.evaluation
  };
  if (!spec) return [resource];
  fixedFacts(spec.fixed, attrs);
  for (const a of spec.attrs) attrs.set(a.canonical, factOf(src.body, a, src.site));
  for (const [ref, paths] of Object.entries(spec.refs ?? {})) {
    for (const p of paths) {
      const v = valueAt(src.body, p);
      if (v) {
        refs.set(ref, v);
        break;
      }
    }
  }
  const out = [resource];
  for (const el of spec.elements ?? []) out.push(...elements(resource, src, el));
  return out;
}
function elements(parent, src, el) {
  const listValue = valueAt(src.body, el.path);
  if (!listValue || listValue.kind !== "list") return [];
  return listValue.items.map((item, i) => {
    const attrs = /* @__PURE__ */ new Map();
    fixedFacts(el.fixed, attrs);
    const prefix = `${el.path}.${i}.`;
    for (const a of el.attrs) attrs.set(a.canonical, factOf(item, a, src.site, prefix));
    if (i === 0) {
      for (const [k, v] of Object.entries(el.firstDefaults ?? {})) {
        const f = attrs.get(k);
        if (!f || f.value === void 0) attrs.set(k, { value: fromJS(v), defaulted: true, sourcePath: k });
      }
    }
    const nameValue = el.namePath ? valueAt(item, el.namePath) : void 0;
    const key = nameValue?.kind === "string" ? nameValue.value : String(i);
    const header = (src.format === "terraform" ? item.origin : nameValue?.origin ?? item.origin) ?? parent.header;
    const element = {
      address: `${parent.address}.${el.path.split(".").pop()}[${JSON.stringify(key)}]`,
      kind: el.kind,
      sourceType: `${parent.sourceType}.${el.path}`,
      format: parent.format,
      header,
      name: nameValue,
      attrs,
      body: item,
      identity: [],
      refs: /* @__PURE__ */ new Map(),
      parent,
      evaluation: parent.evaluation
    };
    return element;
  });
}

// src/model/from-terraform.ts
var ARM_PARENT_REF = {
  "microsoft.machinelearningservices/workspaces/computes": "workspace",
  "microsoft.containerservice/managedclusters/agentpools": "cluster",
  "microsoft.network/networksecuritygroups/securityrules": "nsg"
};
function fromTerraform(r, evaluation) {
  const site = (p) => r.sites.get(p.replace(/\.(\d+)\./g, "[$1].").replace(/\.(\d+)$/, "[$1]"));
  const base = {
    address: r.address,
    header: r.header,
    identity: [`tf:${r.baseAddress}`],
    evaluation,
    name: r.body.entries.get("name")
  };
  if (r.type === "azapi_resource") return normalize(azapiSource(r, base, site));
  const src = {
    ...base,
    format: "terraform",
    sourceType: r.type,
    spec: AZURERM_TABLE[r.type],
    body: r.body,
    site
  };
  return normalize(src);
}
function azapiSource(r, base, site) {
  const typeValue = r.body.entries.get("type");
  const fullType = typeValue?.kind === "string" ? typeValue.value : void 0;
  const armType = fullType?.split("@")[0];
  const key = armType?.toLowerCase();
  const bodyValue = r.body.entries.get("body");
  const entries2 = new Map(bodyValue?.kind === "object" ? bodyValue.entries : []);
  for (const k of ["name", "location", "tags"]) {
    const v = r.body.entries.get(k);
    if (v && !entries2.has(k)) entries2.set(k, v);
  }
  const refs = /* @__PURE__ */ new Map();
  const parentRef = key ? ARM_PARENT_REF[key] : void 0;
  const parentId = r.body.entries.get("parent_id");
  if (parentRef && parentId) refs.set(parentRef, parentId);
  return {
    ...base,
    format: "azapi",
    sourceType: armType ?? "azapi_resource",
    spec: key ? ARM_TABLE[key] : void 0,
    body: bodyValue?.kind === "unknown" ? bodyValue : obj(entries2, bodyValue?.origin ?? r.body.origin),
    // Properties inside `body` are object members, not attributes: point at `body`.
    site: (p) => site(p) ?? site("body"),
    refs
  };
}

// src/engine/graph.ts
function buildGraph(resources, evaluation, refKeys) {
  const byIdentity = /* @__PURE__ */ new Map();
  for (const r of resources) for (const id of r.identity) if (!byIdentity.has(id)) byIdentity.set(id, r);
  const resolve = (ref) => {
    if (!ref) return void 0;
    for (const key of refKeys(ref)) {
      const hit = byIdentity.get(key);
      if (hit) return hit;
    }
    return void 0;
  };
  for (const r of resources) {
    if (r.parent) continue;
    const parentRef = r.kind === "aks.nodepool" ? "cluster" : r.kind === "ml.compute" ? "workspace" : r.kind === "nsg.rule" ? "nsg" : void 0;
    if (parentRef) r.parent = resolve(r.refs.get(parentRef));
  }
  const byKind = /* @__PURE__ */ new Map();
  for (const r of resources) byKind.set(r.kind, [...byKind.get(r.kind) ?? [], r]);
  return {
    resources,
    evaluation,
    ofKind: (kind) => byKind.get(kind) ?? [],
    target: (from, ref) => resolve(from.refs.get(ref)),
    referrers: (to, kind, ref) => (byKind.get(kind) ?? []).filter((r) => resolve(r.refs.get(ref)) === to),
    resolve
  };
}
function tokenKeys(ref) {
  if (ref.kind === "unknown" && ref.token) return [ref.token];
  return [];
}

// src/engine/run-rules.ts
import { createHash } from "node:crypto";
import path4 from "node:path";

// src/engine/levels.ts
function levelFor(level, env) {
  return typeof level === "string" ? level : level[env];
}
var SEVERITY = { error: 3, warning: 2, note: 1, off: 0 };
function severity(l) {
  return SEVERITY[l];
}
function envOfResource(r) {
  if (r.evaluation.env !== "unknown") return r.evaluation.env;
  for (const res of [r, r.parent]) {
    const tags = res?.attrs.get("tags")?.value;
    if (tags?.kind !== "object") continue;
    for (const [k, v] of tags.entries) {
      if (!ENV_TAG_NAMES.includes(k.toLowerCase()) || v.kind !== "string") continue;
      const env = classifyValue(v.value);
      if (env) return env;
    }
  }
  return "unknown";
}

// src/engine/run-rules.ts
function fingerprint(ruleId, relFile, address, attributePath, env) {
  return createHash("sha256").update([ruleId, relFile, address, attributePath, env].join("\0")).digest("hex").slice(0, 32);
}
function runRules(input) {
  const byKey = /* @__PURE__ */ new Map();
  for (const rule33 of input.rules) {
    let variant = "default";
    let evalEnv;
    const report = (r) => {
      const env = r.env ?? (r.resource ? envOfResource(r.resource) : evalEnv) ?? "unknown";
      const level = r.level ?? levelFor(rule33.meta.level, env);
      if (level === "off") return;
      const relFile = path4.relative(input.root, r.location.file).split(path4.sep).join("/");
      const address = r.resource?.address ?? r.subject ?? "";
      const attributePath = r.attributePath ?? "";
      const key = [rule33.meta.id, r.location.file, r.location.range.start.offset, r.location.range.end.offset].join("|");
      const existing = byKey.get(key);
      if (existing) {
        if (!existing.variants.includes(variant)) existing.variants.push(variant);
        if (severity(level) <= severity(existing.level)) return;
      }
      byKey.set(key, {
        ruleId: rule33.meta.id,
        level,
        message: r.message,
        location: r.location,
        related: [...r.related ?? [], ...r.resource?.declaredIn ? [r.resource.declaredIn] : []],
        fingerprint: fingerprint(rule33.meta.id, relFile, address, attributePath, env),
        address: address || void 0,
        attributePath: attributePath || void 0,
        env,
        variants: existing ? [...existing.variants] : [variant]
      });
    };
    const visitor = rule33.create({ options: input.options, report });
    if (visitor.graph) {
      for (const g of input.graphs) {
        variant = g.evaluation.variant;
        evalEnv = g.evaluation.env;
        visitor.graph(g);
      }
    }
    variant = "default";
    evalEnv = void 0;
    if (visitor.terraformModule) for (const m of input.terraformModules) visitor.terraformModule(m);
    if (visitor.file) for (const f of input.files) visitor.file(f);
    if (visitor.ciDocument) for (const d of input.ciDocuments) visitor.ciDocument(d);
  }
  for (const f of byKey.values()) f.variants.sort();
  return [...byKey.values()];
}

// src/model/gpu.ts
var GPU_FAMILY_PREFIXES = ["NC", "ND", "NG", "NV"];
var GPU_SIZE = new RegExp(`^standard_(${GPU_FAMILY_PREFIXES.join("|")})`, "i");
function isGpuSize(size) {
  return GPU_SIZE.test(size.trim());
}
var NON_GPU_PROBE_SIZES = ["Standard_NP10s", "Standard_D16s_v5", "Standard_DS3_v2", "Standard_F8s_v2", "Standard_E4s_v3", "Standard_B2s"];
function mentionsGpu(text2) {
  return /gpu/i.test(text2);
}

// src/engine/facts.ts
function known(r, name) {
  const v = r.attrs.get(name)?.value;
  return v && v.kind !== "unknown" ? v : void 0;
}
function knownString(r, name) {
  const v = known(r, name);
  return v?.kind === "string" ? v.value : void 0;
}
function knownBool(r, name) {
  const v = known(r, name);
  if (v?.kind === "bool") return v.value;
  if (v?.kind === "string" && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === "true";
  return void 0;
}
function knownNumber(r, name) {
  const v = known(r, name);
  if (v?.kind === "number") return v.value;
  if (v?.kind === "string" && /^\d+$/.test(v.value)) return Number(v.value);
  return void 0;
}
function factLocations(r, name) {
  const f = r.attrs.get(name);
  if (!f || f.defaulted || !f.value) return { location: r.header, related: [] };
  const location = f.value.origin ?? f.at ?? r.header;
  const related = [];
  const add = (l) => {
    if (sameRange(l, location) || related.some((x) => sameRange(x, l))) return;
    related.push(l);
  };
  for (const l of f.value.via ?? []) add(l);
  if (f.at && !contains2(f.at, location)) add({ ...f.at, label: `attribute ${f.sourcePath}` });
  return { location, related };
}
function sameRange(a, b) {
  return a.file === b.file && a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset;
}
function contains2(outer, inner) {
  return outer.file === inner.file && outer.range.start.offset <= inner.range.start.offset && outer.range.end.offset >= inner.range.end.offset;
}
function displayName(r) {
  const n = r.name;
  if (n?.kind === "string") return n.value;
  if (n?.kind === "unknown" && n.token && n.token.length <= 80) return n.token;
  return r.address;
}
function textsOf(v) {
  if (!v) return [];
  if (v.kind === "string") return [v.value];
  if (v.kind === "list") return v.items.flatMap(textsOf);
  if (v.kind === "object") return [...v.entries].flatMap(([k, e]) => [k, ...textsOf(e)]);
  return [];
}
function gpuIntent(r) {
  const label = r.address.split(/[.[\]"]/).filter(Boolean);
  if (r.name?.kind === "string" && mentionsGpu(r.name.value)) return `its name "${r.name.value}" says GPU`;
  if (label.length && mentionsGpu(label[label.length - 1])) return `its name "${label[label.length - 1]}" says GPU`;
  for (const attr2 of ["labels", "tags", "taints"]) {
    const hit = textsOf(known(r, attr2)).find(mentionsGpu);
    if (hit) return `its ${attr2 === "taints" ? "taint" : attr2 === "labels" ? "label" : "tag"} "${hit}" mentions GPU`;
  }
  const via = r.attrs.get("vmSize")?.value?.via ?? [];
  for (const l of via) {
    const m = /^(?:variable|parameter|param) "([^"]+)"/.exec(l.label ?? "");
    if (m && mentionsGpu(m[1])) return `its size comes from "${m[1]}"`;
  }
  return void 0;
}
function hasGpuSize(r) {
  const s = knownString(r, "vmSize");
  return s !== void 0 && isGpuSize(s);
}
function tagState(r, tag) {
  const f = r.attrs.get("tags");
  const v = f?.value;
  if (!v) return "missing";
  if (v.kind === "unknown") return "unknown";
  if (v.kind !== "object") return v.kind === "null" ? "missing" : "unknown";
  for (const k of v.entries.keys()) if (k.toLowerCase() === tag.toLowerCase()) return "present";
  return "missing";
}
function amlComputeType(r) {
  const fixed = knownString(r, "computeType");
  if (fixed === "cluster" || fixed === "instance") return fixed;
  if (fixed !== void 0) return "other";
  const raw = knownString(r, "computeTypeRaw");
  if (raw === void 0) return void 0;
  const l = raw.toLowerCase();
  return l === "amlcompute" ? "cluster" : l === "computeinstance" ? "instance" : "other";
}
function leafName(r) {
  const n = r.name?.kind === "string" ? r.name.value : knownString(r, "name");
  return n === void 0 ? void 0 : n.split("/").pop();
}

// rules/aml/AML001-workspace-public-network-access.ts
var rule = {
  meta: {
    id: "AML001",
    name: "workspace-public-network-access",
    shortDescription: "Azure ML workspace reachable from the public internet.",
    fullDescription: "An Azure Machine Learning workspace with public network access enabled (explicitly, or by leaving it unset: azurerm and ARM default to enabled) accepts control-plane and data-plane calls from any network. Models, datasets, credentials held in connections and the attached key vault are one leaked token away from the internet.",
    help: 'Set public_network_access_enabled = false (ARM/Bicep/azapi: properties.publicNetworkAccess = "Disabled") and reach the workspace through a private endpoint.',
    level: { prod: "error", unknown: "warning", nonprod: "note" },
    tags: ["security", "network", "aml"],
    securitySeverity: 7.5,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aml/AML001-workspace-public-network-access.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const ws of g.ofKind("ml.workspace")) {
          if (knownBool(ws, "publicNetworkAccess") !== true) continue;
          const f = ws.attrs.get("publicNetworkAccess");
          const { location, related } = factLocations(ws, "publicNetworkAccess");
          const how = f.defaulted ? `${f.sourcePath} is not set and defaults to enabled` : `${f.sourcePath} enables it`;
          ctx.report({
            resource: ws,
            attributePath: "publicNetworkAccess",
            location,
            related,
            message: `ML workspace "${displayName(ws)}" is reachable from the public internet (${how}); disable public network access and use a private endpoint.`
          });
        }
      }
    };
  }
};
var AML001_workspace_public_network_access_default = rule;

// rules/aml/AML002-private-registry-needs-image-build-compute.ts
function registryRestriction(g, acr) {
  if (knownBool(acr, "publicNetworkAccess") === false) return { why: "public network access is disabled", at: factLocations(acr, "publicNetworkAccess").location };
  if (knownString(acr, "networkDefaultAction")?.toLowerCase() === "deny") return { why: "its network rule set denies by default", at: factLocations(acr, "networkDefaultAction").location };
  for (const pe of g.ofKind("private-endpoint")) {
    if (g.target(pe, "target") !== acr) continue;
    const groups = pe.attrs.get("groupIds")?.value;
    if (groups?.kind === "list" && groups.items.some((x) => x.kind === "string" && x.value.toLowerCase() === "registry"))
      return { why: `private endpoint "${displayName(pe)}" (group registry) targets it`, at: { ...pe.header, label: "private endpoint" } };
  }
  return void 0;
}
var rule2 = {
  meta: {
    id: "AML002",
    name: "private-registry-needs-image-build-compute",
    shortDescription: "Workspace with a network-restricted container registry but no image-build compute.",
    fullDescription: "Azure ML builds environment images on serverless compute that cannot reach a container registry behind a firewall or private endpoint. Without an image-build compute cluster, every environment build (and so every job and deployment that needs a new image) fails with a registry access error.",
    help: "Set image_build_compute_name (ARM/Bicep/azapi: properties.imageBuildCompute) to a CPU AML compute cluster in the workspace\u2019s virtual network.",
    level: "error",
    tags: ["reliability", "network", "aml"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aml/AML002-private-registry-needs-image-build-compute.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const ws of g.ofKind("ml.workspace")) {
          const acr = g.target(ws, "containerRegistry");
          if (!acr || acr.kind !== "acr") continue;
          const restriction = registryRestriction(g, acr);
          if (!restriction) continue;
          const ibc = ws.attrs.get("imageBuildCompute")?.value;
          if (ibc && !(ibc.kind === "string" && ibc.value.trim() === "")) continue;
          const { location, related } = factLocations(ws, "imageBuildCompute");
          ctx.report({
            resource: ws,
            attributePath: "imageBuildCompute",
            location,
            related: [...related, { ...restriction.at, label: `registry "${displayName(acr)}": ${restriction.why}` }],
            message: `ML workspace "${displayName(ws)}" uses registry "${displayName(acr)}", which is network-restricted (${restriction.why}), but has no image-build compute, so environment image builds fail; set it to a CPU compute cluster.`
          });
        }
      }
    };
  }
};
var AML002_private_registry_needs_image_build_compute_default = rule2;

// rules/aml/AML003-image-build-compute-not-a-cluster.ts
var TYPE_NAMES = { instance: "a compute instance", other: "not an AML compute cluster" };
var rule3 = {
  meta: {
    id: "AML003",
    name: "image-build-compute-not-a-cluster",
    shortDescription: "Image-build compute of a workspace is not a CPU AML compute cluster of that workspace.",
    fullDescription: "Azure ML builds environment images on the compute named by `image_build_compute_name` / `properties.imageBuildCompute`, and that must be an AML compute cluster (AmlCompute) of the same workspace. A compute instance, an attached Kubernetes compute or any other type cannot run image builds, so every environment build \u2014 and with it every job and deployment that needs a new image \u2014 fails. A GPU cluster can build, but each build then allocates a GPU node for minutes of CPU-only work (and waits for scarce GPU quota).",
    help: "Point image_build_compute_name (ARM/Bicep/azapi: properties.imageBuildCompute) at a small CPU AML compute cluster of the same workspace (e.g. Standard_DS3_v2, min nodes 0) in the workspace\u2019s virtual network.",
    level: "error",
    tags: ["reliability", "cost", "aml"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aml/AML003-image-build-compute-not-a-cluster.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const ws of g.ofKind("ml.workspace")) {
          const ibc = knownString(ws, "imageBuildCompute")?.trim();
          if (!ibc) continue;
          const computes = g.ofKind("ml.compute").filter((c2) => c2.parent === ws && leafName(c2)?.toLowerCase() === ibc.toLowerCase());
          if (computes.length === 0) continue;
          const types = computes.map((c2) => amlComputeType(c2));
          if (types.includes(void 0)) continue;
          const clusters = computes.filter((c2) => amlComputeType(c2) === "cluster");
          const { location, related } = factLocations(ws, "imageBuildCompute");
          if (clusters.length === 0) {
            const c2 = computes[0];
            const what = TYPE_NAMES[amlComputeType(c2)];
            ctx.report({
              resource: ws,
              attributePath: "imageBuildCompute",
              location,
              related: [...related, { ...c2.header, label: `compute "${ibc}" (${c2.sourceType})` }],
              message: `ML workspace "${displayName(ws)}" builds images on "${ibc}", which is ${what} (${c2.sourceType}), so image builds fail; point the image-build compute at a CPU AML compute cluster of this workspace.`
            });
            continue;
          }
          const sizes = clusters.map((c2) => knownString(c2, "vmSize"));
          if (sizes.some((s) => s === void 0 || !isGpuSize(s))) continue;
          const c = clusters[0];
          ctx.report({
            resource: ws,
            attributePath: "imageBuildCompute",
            location,
            related: [...related, { ...factLocations(c, "vmSize").location, label: `compute cluster "${ibc}" size ${sizes[0]}` }],
            message: `ML workspace "${displayName(ws)}" builds images on compute cluster "${ibc}", which has GPU size "${sizes[0]}"; image builds need only CPU, so use a small CPU cluster and keep GPU nodes for training.`
          });
        }
      }
    };
  }
};
var AML003_image_build_compute_not_a_cluster_default = rule3;

// rules/aml/AML004-compute-cluster-min-nodes.ts
var rule4 = {
  meta: {
    id: "AML004",
    name: "compute-cluster-min-nodes",
    shortDescription: "AML compute cluster with a minimum node count above zero.",
    fullDescription: "An Azure ML compute cluster keeps `min_node_count` nodes allocated at all times, even when no job runs. Every idle node bills the full VM price around the clock: two idle Standard_NC6s_v3 nodes cost thousands of dollars a month. A minimum of zero only adds the node start-up time (a few minutes) to the first job after an idle period.",
    help: "Set min_node_count = 0 (ARM/Bicep/azapi: properties.properties.scaleSettings.minNodeCount = 0) and tune the scale-down delay (scale_down_nodes_after_idle_duration / nodeIdleTimeBeforeScaleDown) instead.",
    level: { prod: "note", unknown: "warning", nonprod: "warning" },
    tags: ["cost", "aml"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aml/AML004-compute-cluster-min-nodes.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const c of g.ofKind("ml.compute")) {
          if (amlComputeType(c) !== "cluster") continue;
          const min = knownNumber(c, "minNodeCount");
          if (min === void 0 || min <= 0) continue;
          const { location, related } = factLocations(c, "minNodeCount");
          ctx.report({
            resource: c,
            attributePath: "minNodeCount",
            location,
            related,
            message: `AML compute cluster "${displayName(c)}" keeps ${min} node${min === 1 ? "" : "s"} running while idle (min node count ${min}); set the minimum node count to 0 so it scales to zero.`
          });
        }
      }
    };
  }
};
var AML004_compute_cluster_min_nodes_default = rule4;

// rules/aml/AML005-compute-instance-idle-shutdown.ts
function hasStopSchedule(schedules) {
  if (!schedules) return "no";
  if (schedules.kind === "unknown") return "unknown";
  const list2 = valueAt(schedules, "computeStartStop");
  if (!list2) return "no";
  if (list2.kind === "unknown") return "unknown";
  if (list2.kind !== "list") return "unknown";
  let unknown2 = false;
  for (const s of list2.items) {
    if (s.kind === "unknown") {
      unknown2 = true;
      continue;
    }
    const action = valueAt(s, "action");
    const status = valueAt(s, "status");
    if (!action || action.kind === "unknown" || status?.kind === "unknown") {
      unknown2 = true;
      continue;
    }
    if (status?.kind === "string" && status.value.toLowerCase() === "disabled") continue;
    if (action.kind === "string" && action.value.toLowerCase() === "stop") return "yes";
  }
  return unknown2 ? "unknown" : "no";
}
function idleShutdown(c) {
  const idle = c.attrs.get("idleTimeBeforeShutdown")?.value;
  if (idle?.kind === "unknown") return "unknown";
  if (idle && !(idle.kind === "string" && idle.value.trim() === "") && idle.kind !== "null") return "yes";
  return hasStopSchedule(c.attrs.get("schedules")?.value);
}
var rule5 = {
  meta: {
    id: "AML005",
    name: "compute-instance-idle-shutdown",
    shortDescription: "AML compute instance without idle shutdown or a stop schedule.",
    fullDescription: "A compute instance bills for its VM whenever it is running, whether or not anyone uses it. Without idle shutdown (`idleTimeBeforeShutdown`) or a stop schedule, an instance left on after a working day runs all night and every weekend: a Standard_NC24ads_A100_v4 instance forgotten for a month costs several thousand dollars.",
    help: 'Set properties.properties.idleTimeBeforeShutdown (e.g. "PT60M") or a schedules.computeStartStop entry with action "Stop". azurerm_machine_learning_compute_instance cannot express either: create the instance with azapi_resource (Microsoft.MachineLearningServices/workspaces/computes) instead.',
    level: "warning",
    tags: ["cost", "aml"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aml/AML005-compute-instance-idle-shutdown.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const c of g.ofKind("ml.compute")) {
          if (amlComputeType(c) !== "instance") continue;
          if (c.format === "terraform") {
            ctx.report({
              resource: c,
              attributePath: "idleTimeBeforeShutdown",
              location: c.header,
              level: "note",
              message: `AML compute instance "${displayName(c)}" has no idle shutdown: azurerm_machine_learning_compute_instance cannot set one, so it bills until stopped by hand; define it with azapi_resource and set idleTimeBeforeShutdown or a stop schedule.`
            });
            continue;
          }
          if (idleShutdown(c) !== "no") continue;
          const hasSchedules = known(c, "schedules") !== void 0;
          ctx.report({
            resource: c,
            attributePath: "idleTimeBeforeShutdown",
            location: c.header,
            related: hasSchedules && c.attrs.get("schedules")?.at ? [{ ...c.attrs.get("schedules").at, label: "schedules without a Stop action" }] : [],
            message: `AML compute instance "${displayName(c)}" has no idle shutdown (no properties.idleTimeBeforeShutdown and no computeStartStop schedule with action Stop), so it bills until stopped by hand; set idleTimeBeforeShutdown (e.g. "PT60M") or a stop schedule.`
          });
        }
      }
    };
  }
};
var AML005_compute_instance_idle_shutdown_default = rule5;

// rules/aml/AML006-compute-node-public-ip.ts
var rule6 = {
  meta: {
    id: "AML006",
    name: "compute-node-public-ip",
    shortDescription: "AML compute with node public IPs in a workspace whose public access is disabled.",
    fullDescription: "A workspace with public network access disabled is meant to be reachable only through its private endpoint, but a compute cluster or instance created with node public IPs (the default) still gets a public IP address per node and inbound management traffic from the Azure Batch / AzureMachineLearning service tags. The nodes become an internet-facing way around the private network, and the workspace is not the isolated setup it claims to be; in a managed or custom VNet with no outbound route it can also fail provisioning.",
    help: "Set node_public_ip_enabled = false (ARM/Bicep/azapi: properties.properties.enableNodePublicIp = false) and place the compute in a subnet (or the workspace managed network) that has outbound access through a NAT gateway, firewall or private endpoints.",
    level: "error",
    tags: ["security", "network", "aml"],
    securitySeverity: 6.5,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aml/AML006-compute-node-public-ip.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const c of g.ofKind("ml.compute")) {
          const type = amlComputeType(c);
          if (type !== "cluster" && type !== "instance") continue;
          const ws = c.parent;
          if (!ws || ws.kind !== "ml.workspace") continue;
          if (knownBool(ws, "publicNetworkAccess") !== false) continue;
          if (knownBool(c, "nodePublicIp") !== true) continue;
          const f = c.attrs.get("nodePublicIp");
          const { location, related } = factLocations(c, "nodePublicIp");
          const wsAt = factLocations(ws, "publicNetworkAccess").location;
          const how = f.defaulted ? `${f.sourcePath} is not set and defaults to true` : `${f.sourcePath} is true`;
          ctx.report({
            resource: c,
            attributePath: "nodePublicIp",
            location,
            related: [...related, { ...wsAt, label: `workspace "${displayName(ws)}": public network access disabled` }],
            message: `AML compute ${type} "${displayName(c)}" gives its nodes public IPs (${how}) although workspace "${displayName(ws)}" has public network access disabled; disable node public IPs.`
          });
        }
      }
    };
  }
};
var AML006_compute_node_public_ip_default = rule6;

// rules/gpu/GPU001-gpu-workload-on-non-gpu-size.ts
var GPU_WORKLOAD_KINDS = ["aks.nodepool", "ml.compute", "vm", "vmss"];
var KIND_NAMES = { "aks.nodepool": "node pool", "ml.compute": "AML compute", vm: "VM", vmss: "scale set" };
function kindName(kind) {
  return KIND_NAMES[kind] ?? kind;
}
var rule7 = {
  meta: {
    id: "GPU001",
    name: "gpu-workload-on-non-gpu-size",
    shortDescription: "A node pool, compute, VM or scale set meant for GPU work uses a size without a GPU.",
    fullDescription: "A pool named or labelled for GPU work that gets a CPU size (the classic `Standard_D16s_v5` typo for `Standard_NC16as_T4_v3`) schedules GPU jobs that never start, while the nodes bill at full price \u2014 one team burned $4,000 this way. GPU sizes are the NC, ND, NG and NV families; NP is FPGA, not GPU.",
    help: "Use an N-series GPU size (Standard_NC*, Standard_ND*, Standard_NG*, Standard_NV*), or drop the GPU name/label/taint if the workload is meant for CPU.",
    level: "error",
    tags: ["cost", "gpu"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/gpu/GPU001-gpu-workload-on-non-gpu-size.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const kind of GPU_WORKLOAD_KINDS) {
          for (const r of g.ofKind(kind)) {
            const size = knownString(r, "vmSize");
            if (size === void 0 || isGpuSize(size)) continue;
            const why = gpuIntent(r);
            if (!why) continue;
            const { location, related } = factLocations(r, "vmSize");
            ctx.report({
              resource: r,
              attributePath: "vmSize",
              location,
              related,
              message: `${kindName(kind)} "${displayName(r)}" is meant for GPU work (${why}) but "${size}" is not a GPU size; use an N-series GPU size (NC, ND, NG, NV).`
            });
          }
        }
      }
    };
  }
};
var GPU001_gpu_workload_on_non_gpu_size_default = rule7;

// rules/gpu/GPU002-gpu-size-input-unvalidated.ts
function samePlace(a, b) {
  return a.file === b.file && a.range.start.offset === b.range.start.offset;
}
function sizeInputs(r, inputs) {
  const f = r.attrs.get("vmSize");
  if (!f || f.defaulted || !f.value) return [];
  const chain = [...f.value.via ?? []];
  if (f.value.kind === "unknown" && f.value.origin) chain.push(f.value.origin);
  return inputs.filter((i) => chain.some((l) => samePlace(l, i.header)));
}
var READABLE_FUNCTIONS = /* @__PURE__ */ new Set(["can", "regex", "regexall", "contains", "length"]);
function validationAdmits(v, size) {
  if (v.regexes.length === 0 && v.allowed.length === 0) return void 0;
  const text2 = v.text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/![^=]/.test(text2) || text2.includes("!=")) return void 0;
  const and = text2.includes("&&");
  const or = text2.includes("||");
  if (and && or) return void 0;
  for (const m of text2.matchAll(/([A-Za-z_][\w]*)\s*\(/g)) if (!READABLE_FUNCTIONS.has(m[1])) return void 0;
  const results = [];
  for (const r of v.regexes) {
    const re = toJsRegex(r.pattern);
    if (!re) return void 0;
    results.push(re.test(size));
  }
  if (v.allowed.length) {
    if (v.allowed.some((a) => a.kind !== "string")) return void 0;
    results.push(v.allowed.some((a) => a.kind === "string" && a.value === size));
  }
  if (results.length > 1 && !and && !or) return void 0;
  return and ? results.every(Boolean) : results.some(Boolean);
}
function allAdmit(vs, size) {
  let out = true;
  for (const v of vs) {
    const a = validationAdmits(v, size);
    if (a === void 0) return void 0;
    out &&= a;
  }
  return out;
}
function hasGuard(input) {
  return input.kind === "tf-variable" ? (input.validations?.length ?? 0) > 0 : (input.allowedValues?.length ?? 0) > 0;
}
function problemsOf(input, who) {
  const label = input.kind === "tf-variable" ? `variable "${input.name}"` : `parameter "${input.name}"`;
  if (input.kind === "tf-variable") {
    const vs = input.validations ?? [];
    if (vs.length === 0)
      return [{
        location: input.header,
        attributePath: `${input.name}.validation`,
        message: `${label} sets the size of ${who} but has no validation, so any size (a CPU or FPGA size, a typo) is accepted; add a validation such as can(regex("^Standard_N[CDGV]", var.${input.name})).`
      }];
    const out = [];
    for (const v of vs) {
      for (const r of v.regexes) {
        const re = toJsRegex(r.pattern);
        if (!re) continue;
        const probe = NON_GPU_PROBE_SIZES.find((s) => re.test(s) && allAdmit(vs, s) === true);
        if (!probe) continue;
        out.push({
          location: r.at,
          attributePath: `${input.name}.validation.regex`,
          message: `${label} feeds the size of ${who}, but its validation regex "${r.pattern}" admits the non-GPU size "${probe}"; restrict it to GPU families, e.g. "^Standard_N[CDGV]".`
        });
      }
      for (const a of v.allowed) out.push(...listEntryProblem(a, label, who, (s) => allAdmit(vs, s) === true, `${input.name}.validation.contains`));
    }
    return out;
  }
  const allowed = input.allowedValues;
  if (!allowed || allowed.length === 0)
    return [{
      location: input.header,
      attributePath: `${input.name}.allowedValues`,
      message: `${label} sets the size of ${who} but has no allowedValues, so any size (a CPU or FPGA size, a typo) is accepted; list the permitted GPU sizes in allowedValues (Bicep: @allowed([...])).`
    }];
  return allowed.flatMap((a) => listEntryProblem(a, label, who, () => true, `${input.name}.allowedValues`));
}
function listEntryProblem(a, label, who, admitted, attributePath) {
  if (a.kind !== "string" || !a.origin || isGpuSize(a.value) || !admitted(a.value)) return [];
  return [{
    location: a.origin,
    attributePath,
    message: `${label} feeds the size of ${who}, but its allowed values include "${a.value}", which is not a GPU size; remove it or replace it with an N-series GPU size (NC, ND, NG, NV).`
  }];
}
var rule8 = {
  meta: {
    id: "GPU002",
    name: "gpu-size-input-unvalidated",
    shortDescription: "A variable or parameter that sets the size of a GPU workload has no guard restricting it to GPU sizes.",
    fullDescription: 'When the size of a GPU node pool, AML cluster, VM or scale set comes from an unvalidated input, one wrong value in a tfvars or parameter file (a CPU size such as Standard_D16s_v5, or the FPGA size Standard_NP10s that a loose `^Standard_N` regex lets through) deploys nodes that cannot run GPU jobs but still bill \u2014 the "$4,000 typo". A validation catches it at `terraform plan` / template validation time instead of after the bill.',
    help: 'Terraform: add a validation block such as `condition = can(regex("^Standard_N[CDGV]", var.gpu_vm_size))`. ARM/Bicep: list the permitted GPU sizes in allowedValues / @allowed([...]).',
    level: "warning",
    tags: ["cost", "gpu"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/gpu/GPU002-gpu-size-input-unvalidated.md"
  },
  create(ctx) {
    return {
      graph(g) {
        const seen = /* @__PURE__ */ new Set();
        for (const kind of GPU_WORKLOAD_KINDS) {
          for (const r of g.ofKind(kind)) {
            if (!hasGpuSize(r) && !gpuIntent(r)) continue;
            const who = `${kindName(kind)} "${displayName(r)}"`;
            const inputs = sizeInputs(r, g.evaluation.inputs);
            const guarded = inputs.some(hasGuard);
            for (const input of inputs) {
              if (guarded && !hasGuard(input)) continue;
              for (const p of problemsOf(input, who)) {
                const key = `${p.location.file}:${p.location.range.start.offset}:${p.location.range.end.offset}`;
                if (seen.has(key)) continue;
                seen.add(key);
                const at = r.attrs.get("vmSize")?.at;
                ctx.report({
                  resource: r,
                  attributePath: p.attributePath,
                  location: p.location,
                  related: at ? [{ ...at, label: `size of ${who}` }] : [],
                  message: p.message
                });
              }
            }
          }
        }
      }
    };
  }
};
var GPU002_gpu_size_input_unvalidated_default = rule8;

// rules/gpu/GPU003-gpu-pool-not-scale-to-zero.ts
function gpuReason(r) {
  if (hasGpuSize(r)) return `GPU size "${knownString(r, "vmSize")}"`;
  return gpuIntent(r);
}
var rule9 = {
  meta: {
    id: "GPU003",
    name: "gpu-pool-not-scale-to-zero",
    shortDescription: "GPU node pool or GPU AML compute cluster that cannot scale to zero.",
    fullDescription: "GPU VMs are the most expensive line of an ML platform bill (a single Standard_NC24ads_A100_v4 costs several dollars an hour). A GPU node pool without autoscaling, or with a minimum node count above zero, keeps those nodes running \u2014 and billing \u2014 through nights, weekends and every idle hour between training runs. Scaling GPU pools from zero costs only a few minutes of node start-up on the first job.",
    help: "AKS: enable autoscaling on the GPU user pool with min_count = 0 (ARM/Bicep/azapi: enableAutoScaling = true, minCount = 0). AML: set min_node_count = 0 (scaleSettings.minNodeCount = 0).",
    level: { prod: "note", unknown: "warning", nonprod: "warning" },
    tags: ["cost", "gpu"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/gpu/GPU003-gpu-pool-not-scale-to-zero.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const pool of g.ofKind("aks.nodepool")) {
          if (knownBool(pool, "isDefault") === true) continue;
          const mode = pool.attrs.get("mode")?.value;
          if (mode?.kind === "unknown") continue;
          if (mode?.kind === "string" && mode.value.toLowerCase() === "system") continue;
          const why = gpuReason(pool);
          if (!why) continue;
          const autoscale = knownBool(pool, "autoscale");
          if (autoscale === false) {
            const f = pool.attrs.get("autoscale");
            const { location: location2, related: related2 } = factLocations(pool, "autoscale");
            const how = f.defaulted ? `${f.sourcePath} is not set and defaults to false` : `${f.sourcePath} is false`;
            ctx.report({
              resource: pool,
              attributePath: "autoscale",
              location: location2,
              related: related2,
              message: `GPU node pool "${displayName(pool)}" (${why}) has autoscaling off (${how}), so its GPU nodes bill while idle; enable autoscaling with a minimum count of 0.`
            });
            continue;
          }
          const min = knownNumber(pool, "minCount");
          if (min === void 0 || min <= 0) continue;
          const { location, related } = factLocations(pool, "minCount");
          ctx.report({
            resource: pool,
            attributePath: "minCount",
            location,
            related,
            message: `GPU node pool "${displayName(pool)}" (${why}) keeps at least ${min} node${min === 1 ? "" : "s"} (minimum count ${min}), so GPU nodes bill while idle; set the minimum count to 0.`
          });
        }
        for (const c of g.ofKind("ml.compute")) {
          if (amlComputeType(c) !== "cluster") continue;
          const why = gpuReason(c);
          if (!why) continue;
          const min = knownNumber(c, "minNodeCount");
          if (min === void 0 || min <= 0) continue;
          const { location, related } = factLocations(c, "minNodeCount");
          ctx.report({
            resource: c,
            attributePath: "minNodeCount",
            location,
            related,
            message: `GPU AML compute cluster "${displayName(c)}" (${why}) keeps at least ${min} node${min === 1 ? "" : "s"} (min node count ${min}), so GPU nodes bill while idle; set the minimum node count to 0.`
          });
        }
      }
    };
  }
};
var GPU003_gpu_pool_not_scale_to_zero_default = rule9;

// rules/aks/AKS001-gpu-node-pool-without-taint.ts
function parseTaint(t) {
  const m = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(t.trim());
  return m ? { key: m[1], value: m[2] ?? "", effect: m[3] } : void 0;
}
function hasGpuTaint(taints, expected) {
  return taints.some((t) => {
    if (t.trim().toLowerCase() === expected.trim().toLowerCase()) return true;
    const p = parseTaint(t);
    return p !== void 0 && p.effect === "NoSchedule" && (mentionsGpu(p.key) || mentionsGpu(p.value));
  });
}
function taintStrings(r) {
  const v = r.attrs.get("taints")?.value;
  if (!v) return [];
  if (v.kind === "null") return [];
  if (v.kind !== "list") return void 0;
  const out = [];
  for (const item of v.items) {
    if (item.kind !== "string") return void 0;
    out.push(item.value);
  }
  return out;
}
var rule10 = {
  meta: {
    id: "AKS001",
    name: "gpu-node-pool-without-taint",
    shortDescription: "AKS GPU node pool without a NoSchedule taint.",
    fullDescription: "Without a NoSchedule taint, the scheduler places ordinary pods, daemon sets and log collectors on expensive GPU nodes, which then cannot scale down and crowd out the GPU jobs they were bought for.",
    help: "Add the taint `sku=gpu:NoSchedule` (node_taints / nodeTaints) and give GPU workloads a matching toleration.",
    level: "error",
    tags: ["cost", "gpu", "aks"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aks/AKS001-gpu-node-pool-without-taint.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const pool of g.ofKind("aks.nodepool")) {
          const why = hasGpuSize(pool) ? "it has a GPU size" : gpuIntent(pool);
          if (!why) continue;
          const taints = taintStrings(pool);
          if (!taints || hasGpuTaint(taints, ctx.options.gpuTaint)) continue;
          const { location, related } = factLocations(pool, "taints");
          ctx.report({
            resource: pool,
            attributePath: "taints",
            location,
            related,
            message: `AKS node pool "${displayName(pool)}" is a GPU pool (${why}) but has no NoSchedule taint naming GPU; add the taint "${ctx.options.gpuTaint}" so other pods stay off the GPU nodes.`
          });
        }
      }
    };
  }
};
var AKS001_gpu_node_pool_without_taint_default = rule10;

// rules/aks/AKS002-gpu-size-in-system-pool.ts
function isSystemPool(pool) {
  return knownBool(pool, "isDefault") === true || knownString(pool, "mode")?.toLowerCase() === "system";
}
var rule11 = {
  meta: {
    id: "AKS002",
    name: "gpu-size-in-system-pool",
    shortDescription: "The default/system node pool of an AKS cluster uses a GPU size.",
    fullDescription: "The system pool runs CoreDNS, metrics-server, konnectivity and other add-ons and can never scale to zero, so a GPU size there bills GPU prices (several dollars per node-hour for an NC-series VM) around the clock for work a small CPU VM does. It also mixes critical system pods with GPU jobs that exhaust node memory, and a GPU driver or quota problem then takes the whole cluster down.",
    help: "Give the default/system pool a small CPU size (for example Standard_D4s_v5) and put GPU workloads in a separate user node pool with autoscaling from zero and a GPU taint.",
    level: "warning",
    tags: ["cost", "gpu", "aks", "reliability"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/aks/AKS002-gpu-size-in-system-pool.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const pool of g.ofKind("aks.nodepool")) {
          if (!isSystemPool(pool) || !hasGpuSize(pool)) continue;
          const size = knownString(pool, "vmSize");
          const { location, related } = factLocations(pool, "vmSize");
          const cluster = pool.parent ? ` of cluster "${displayName(pool.parent)}"` : "";
          ctx.report({
            resource: pool,
            attributePath: "vmSize",
            location,
            related,
            message: `System node pool "${displayName(pool)}"${cluster} uses GPU size "${size}", which bills GPU prices for system pods and never scales to zero; use a CPU size and move GPU work to a user pool.`
          });
        }
      }
    };
  }
};
var AKS002_gpu_size_in_system_pool_default = rule11;

// rules/keyvault/KV001-keyvault-purge-protection.ts
var rule12 = {
  meta: {
    id: "KV001",
    name: "keyvault-purge-protection",
    shortDescription: "Key Vault without purge protection.",
    fullDescription: "Without purge protection a deleted Key Vault (or a deleted key, secret or certificate) can be purged immediately, by mistake or by an attacker, and is gone for good. Azure ML workspaces keep their connection secrets and customer-managed keys there; losing the vault bricks the workspace.",
    help: "Set purge_protection_enabled = true (ARM/Bicep/azapi: properties.enablePurgeProtection = true). It cannot be turned off again, which is the point.",
    level: { prod: "error", unknown: "warning", nonprod: "off" },
    tags: ["security", "reliability", "keyvault"],
    securitySeverity: 5.5,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/keyvault/KV001-keyvault-purge-protection.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const kv of g.ofKind("keyvault")) {
          if (knownBool(kv, "purgeProtection") !== false) continue;
          const f = kv.attrs.get("purgeProtection");
          const { location, related } = factLocations(kv, "purgeProtection");
          ctx.report({
            resource: kv,
            attributePath: "purgeProtection",
            location,
            related,
            message: `Key Vault "${displayName(kv)}" has no purge protection (${f.defaulted ? `${f.sourcePath} is not set` : `${f.sourcePath} is false`}); deleted secrets and keys can be purged for good. Enable purge protection.`
          });
        }
      }
    };
  }
};
var KV001_keyvault_purge_protection_default = rule12;

// rules/keyvault/KV002-keyvault-rbac-authorization.ts
var rule13 = {
  meta: {
    id: "KV002",
    name: "keyvault-rbac-authorization",
    shortDescription: "Key Vault uses access policies instead of Azure RBAC authorization.",
    fullDescription: "With the legacy access-policy model, anyone who holds Contributor (or `Microsoft.KeyVault/vaults/write`) on the vault can grant themselves access to every secret, key and certificate by adding an access policy, and those grants live outside Azure RBAC: no Privileged Identity Management, no deny assignments, no central access reviews. Azure ML workspaces keep connection secrets and customer-managed keys in this vault, so a privilege escalation here exposes the whole platform.",
    help: 'Set rbac_authorization_enabled = true (azurerm v3: enable_rbac_authorization; ARM/Bicep/azapi: properties.enableRbacAuthorization = true) and grant data-plane access with role assignments such as "Key Vault Secrets User".',
    level: "warning",
    tags: ["security", "identity", "keyvault"],
    securitySeverity: 5,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/keyvault/KV002-keyvault-rbac-authorization.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const kv of g.ofKind("keyvault")) {
          if (knownBool(kv, "rbacAuthorization") !== false) continue;
          const f = kv.attrs.get("rbacAuthorization");
          const { location, related } = factLocations(kv, "rbacAuthorization");
          const how = f.defaulted ? `${f.sourcePath} is not set and defaults to false` : `${f.sourcePath} is false`;
          ctx.report({
            resource: kv,
            attributePath: "rbacAuthorization",
            location,
            related,
            message: `Key Vault "${displayName(kv)}" uses access policies instead of Azure RBAC (${how}); enable RBAC authorization and grant access with role assignments.`
          });
        }
      }
    };
  }
};
var KV002_keyvault_rbac_authorization_default = rule13;

// rules/acr/ACR001-registry-admin-user.ts
var rule14 = {
  meta: {
    id: "ACR001",
    name: "registry-admin-user",
    shortDescription: "Container registry with the admin user enabled.",
    fullDescription: "The admin user of a container registry is one shared username with two long-lived passwords that grant push and pull on every repository. It cannot be scoped, is not tied to a person or workload, ends up in CI secrets and kubeconfigs, and a leaked password lets anyone push a poisoned training or inference image that AKS and Azure ML then run with their own identities.",
    help: "Set admin_enabled = false (ARM/Bicep/azapi: properties.adminUserEnabled = false) and grant AcrPull/AcrPush to managed identities or workload identities instead.",
    level: "error",
    tags: ["security", "identity", "acr"],
    securitySeverity: 7.5,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/acr/ACR001-registry-admin-user.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const acr of g.ofKind("acr")) {
          if (knownBool(acr, "adminEnabled") !== true) continue;
          const f = acr.attrs.get("adminEnabled");
          const { location, related } = factLocations(acr, "adminEnabled");
          ctx.report({
            resource: acr,
            attributePath: "adminEnabled",
            location,
            related,
            message: `Container registry "${displayName(acr)}" enables the shared admin user (${f.sourcePath} is true); set it to false and grant AcrPull/AcrPush to managed identities.`
          });
        }
      }
    };
  }
};
var ACR001_registry_admin_user_default = rule14;

// rules/acr/ACR002-private-registry-needs-premium.ts
var rule15 = {
  meta: {
    id: "ACR002",
    name: "private-registry-needs-premium",
    shortDescription: "Network-restricted container registry on a SKU other than Premium.",
    fullDescription: "Disabling public network access, network rule sets (firewall rules) and private endpoints are Premium-only features of Azure Container Registry. On Basic or Standard, Azure rejects the deployment (or silently ignores the restriction in older API versions), so the apply fails late \u2014 typically after the workspace, key vault and storage already exist \u2014 or the registry stays reachable from the internet although the code says it is private.",
    help: 'Set sku = "Premium" (ARM/Bicep/azapi: sku.name = "Premium") on a registry that is network-restricted, or remove the restriction.',
    level: "error",
    tags: ["reliability", "network", "acr"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/acr/ACR002-private-registry-needs-premium.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const acr of g.ofKind("acr")) {
          const sku = knownString(acr, "sku");
          if (sku === void 0 || sku.toLowerCase() === "premium") continue;
          const restriction = registryRestriction(g, acr);
          if (!restriction) continue;
          const { location, related } = factLocations(acr, "sku");
          ctx.report({
            resource: acr,
            attributePath: "sku",
            location,
            related: [...related, { ...restriction.at, label: `network restriction: ${restriction.why}` }],
            message: `Container registry "${displayName(acr)}" is network-restricted (${restriction.why}) but its SKU is "${sku}"; Azure accepts that only on Premium, so set the SKU to Premium.`
          });
        }
      }
    };
  }
};
var ACR002_private_registry_needs_premium_default = rule15;

// rules/storage/ST001-storage-public-blob-access.ts
var rule16 = {
  meta: {
    id: "ST001",
    name: "storage-public-blob-access",
    shortDescription: "Storage account allowing anonymous blob access.",
    fullDescription: 'When a storage account allows anonymous (public) blob access, any container set to "blob" or "container" access level \u2014 by a script, a portal click or a tool default \u2014 exposes its contents to the whole internet without credentials. ML storage accounts hold training data, model artifacts and run logs, often with personal data; a single misconfigured container is a data breach.',
    help: "Set allow_nested_items_to_be_public = false (azurerm v2: allow_blob_public_access; ARM/Bicep/azapi: properties.allowBlobPublicAccess = false). The azurerm default is true, so write it explicitly.",
    level: "error",
    tags: ["security", "data-protection", "storage"],
    securitySeverity: 8,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/storage/ST001-storage-public-blob-access.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const st of g.ofKind("storage")) {
          if (knownBool(st, "allowBlobPublicAccess") !== true) continue;
          const f = st.attrs.get("allowBlobPublicAccess");
          const { location, related } = factLocations(st, "allowBlobPublicAccess");
          ctx.report({
            resource: st,
            attributePath: "allowBlobPublicAccess",
            location,
            related,
            message: `Storage account "${displayName(st)}" allows anonymous blob access (${f.defaulted ? `${f.sourcePath} is not set and defaults to true` : `${f.sourcePath} is true`}); set ${f.sourcePath} = false.`
          });
        }
      }
    };
  }
};
var ST001_storage_public_blob_access_default = rule16;

// rules/storage/ST002-storage-min-tls.ts
var WEAK = /* @__PURE__ */ new Set(["tls1_0", "tls1_1"]);
var rule17 = {
  meta: {
    id: "ST002",
    name: "storage-min-tls",
    shortDescription: "Storage account minimum TLS version below 1.2.",
    fullDescription: "TLS 1.0 and 1.1 have known weaknesses (BEAST, POODLE-style downgrade, weak cipher suites) and are deprecated by RFC 8996. A storage account that accepts them lets a client \u2014 or an attacker forcing a downgrade \u2014 read and write training data and model artifacts over a weak channel. Azure Storage retires TLS 1.0/1.1, so such a configuration also breaks clients without notice.",
    help: 'Set min_tls_version = "TLS1_2" (ARM/Bicep/azapi: properties.minimumTlsVersion = "TLS1_2"), or remove it: TLS1_2 is the default.',
    level: "error",
    tags: ["security", "encryption", "storage"],
    securitySeverity: 6.5,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/storage/ST002-storage-min-tls.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const st of g.ofKind("storage")) {
          const tls = knownString(st, "minTls");
          if (tls === void 0 || !WEAK.has(tls.toLowerCase())) continue;
          const f = st.attrs.get("minTls");
          const { location, related } = factLocations(st, "minTls");
          ctx.report({
            resource: st,
            attributePath: "minTls",
            location,
            related,
            message: `Storage account "${displayName(st)}" accepts TLS below 1.2 (${f.sourcePath} is "${tls}"); set it to "TLS1_2".`
          });
        }
      }
    };
  }
};
var ST002_storage_min_tls_default = rule17;

// rules/network/NET001-admin-port-open-to-internet.ts
var ADMIN_PORTS = { 22: "SSH", 3389: "RDP" };
var ANY_SOURCE = /* @__PURE__ */ new Set(["*", "internet", "any", "0.0.0.0/0"]);
var TCP = /* @__PURE__ */ new Set(["tcp", "*", "any"]);
function items(v) {
  if (!v) return [];
  if (v.kind === "list") return v.items.some((i) => i.kind === "unknown") ? void 0 : v.items;
  if (v.kind === "unknown") return void 0;
  return [v];
}
function text(v) {
  if (v.kind === "string") return v.value.trim();
  if (v.kind === "number") return String(v.value);
  return void 0;
}
function adminPortsIn(spec) {
  const s = spec.trim();
  if (s === "*" || s.toLowerCase() === "any") return [22, 3389];
  const m = /^(\d+)\s*(?:-\s*(\d+))?$/.exec(s);
  if (!m) return [];
  const lo = Number(m[1]);
  const hi = m[2] === void 0 ? lo : Number(m[2]);
  return [22, 3389].filter((p) => p >= lo && p <= hi);
}
function openPort(r) {
  for (const attr2 of ["destinationPort", "destinationPorts"]) {
    const list2 = items(r.attrs.get(attr2)?.value);
    for (const v of list2 ?? []) {
      const t = text(v);
      const ports = t === void 0 ? [] : adminPortsIn(t);
      if (ports.length) return { value: v, attr: attr2, ports };
    }
  }
  return void 0;
}
function anySource(r) {
  for (const attr2 of ["sourceAddress", "sourceAddresses"]) {
    for (const v of items(r.attrs.get(attr2)?.value) ?? []) {
      const t = text(v);
      if (t !== void 0 && ANY_SOURCE.has(t.toLowerCase())) return v;
    }
  }
  return void 0;
}
var rule18 = {
  meta: {
    id: "NET001",
    name: "admin-port-open-to-internet",
    shortDescription: "NSG rule allowing SSH (22) or RDP (3389) from the internet.",
    fullDescription: "SSH and RDP exposed to 0.0.0.0/0 are found by internet-wide scanners within minutes and brute-forced around the clock. A compromised jump host, GPU VM or compute node in an ML subnet gives an attacker the training data, the model registry and every managed identity on that network \u2014 and GPU VMs are a favourite target for crypto-mining, which shows up as a five-figure bill.",
    help: "Restrict source_address_prefix(es) (ARM/Bicep/azapi: sourceAddressPrefix(es)) to a management range or service tag, or remove the rule and use Azure Bastion or just-in-time VM access.",
    level: "error",
    tags: ["security", "network", "nsg"],
    securitySeverity: 8.6,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/network/NET001-admin-port-open-to-internet.md"
  },
  create(ctx) {
    return {
      graph(g) {
        for (const r of g.ofKind("nsg.rule")) {
          if (knownString(r, "direction")?.toLowerCase() !== "inbound") continue;
          if (knownString(r, "access")?.toLowerCase() !== "allow") continue;
          const protocol = knownString(r, "protocol");
          if (protocol === void 0 || !TCP.has(protocol.toLowerCase())) continue;
          const source = anySource(r);
          if (!source) continue;
          const port = openPort(r);
          if (!port) continue;
          const portLoc = factLocations(r, port.attr);
          const location = port.value.origin ?? portLoc.location;
          const related = portLoc.related.filter((l) => !sameRange(l, location));
          if (!sameRange(r.header, location)) related.push({ ...r.header, label: `security rule "${displayName(r)}"` });
          if (source.origin) related.push({ ...source.origin, label: `source ${text(source) ?? ""}` });
          const nsg = r.parent ?? (r.refs.has("nsg") ? g.target(r, "nsg") : void 0);
          const where = nsg ? ` of NSG "${displayName(nsg)}"` : "";
          const what = port.ports.map((p) => `${ADMIN_PORTS[p]} (${p})`).join(" and ");
          ctx.report({
            resource: r,
            attributePath: port.attr,
            location,
            related,
            message: `Security rule "${displayName(r)}"${where} allows inbound ${what} from "${text(source)}" (the internet); restrict the source to a management range or use Azure Bastion.`
          });
        }
      }
    };
  }
};
var NET001_admin_port_open_to_internet_default = rule18;

// rules/terraform/TF001-local-terraform-state.ts
var rule19 = {
  meta: {
    id: "TF001",
    name: "local-terraform-state",
    shortDescription: "Terraform root module without a remote backend.",
    fullDescription: "Without a remote backend, Terraform keeps its state in a local terraform.tfstate file: it holds every secret of the deployment in plain text, is lost with the machine or CI runner, ends up committed, and gives no locking, so two applies corrupt it.",
    help: 'Add a remote backend, e.g. `terraform { backend "azurerm" {} }` configured at init time with -backend-config, or an HCP Terraform `cloud` block.',
    level: "error",
    tags: ["security", "reliability", "terraform"],
    securitySeverity: 5,
    formats: ["terraform", "azapi"],
    docPath: "rules/terraform/TF001-local-terraform-state.md"
  },
  create(ctx) {
    return {
      terraformModule(m) {
        if (!m.isRoot) return;
        const remote = m.terraformBlocks.some((t) => t.cloud || t.backend && t.backend.type !== "local");
        if (remote) return;
        const local = m.terraformBlocks.find((t) => t.backend?.type === "local");
        const at = m.terraformBlocks[0]?.at ?? m.providers[0]?.at;
        if (!at) return;
        ctx.report({
          subject: `module:${m.dir}`,
          location: at,
          related: local ? [{ ...local.backend.at, label: 'backend "local"' }] : [],
          message: local ? 'This root module keeps its state in a local file (backend "local"); use a remote backend such as azurerm so state is shared, locked and not on disk.' : 'This root module has no backend, so its state (with every secret) stays in a local terraform.tfstate; add a remote backend such as `backend "azurerm" {}`.'
        });
      }
    };
  }
};
var TF001_local_terraform_state_default = rule19;

// rules/terraform/TF002-state-file-in-repository.ts
var rule20 = {
  meta: {
    id: "TF002",
    name: "state-file-in-repository",
    shortDescription: "Terraform state file in the repository.",
    fullDescription: "Terraform state contains every attribute of every resource in plain text, including generated passwords, keys and connection strings. A committed state file leaks them to everyone who can read the repository, forever (git history).",
    help: "Delete the file, rotate the secrets it contains, add `*.tfstate*` to .gitignore and use a remote backend.",
    level: "error",
    tags: ["security", "terraform"],
    securitySeverity: 8,
    formats: ["terraform"],
    docPath: "rules/terraform/TF002-state-file-in-repository.md"
  },
  create(ctx) {
    return {
      file(f) {
        if (f.kind !== "tfstate") return;
        ctx.report({
          subject: `file:${f.path}`,
          location: fileStart(f.path),
          message: "Terraform state file found among the scanned files: state holds secrets in plain text; remove it, rotate its secrets and keep state in a remote backend."
        });
      }
    };
  }
};
var TF002_state_file_in_repository_default = rule20;

// rules/terraform/TF003-provider-version-unpinned.ts
var BUILTIN = /* @__PURE__ */ new Set(["terraform"]);
var rule21 = {
  meta: {
    id: "TF003",
    name: "provider-version-unpinned",
    shortDescription: "Provider without a version constraint in required_providers.",
    fullDescription: "Without a version constraint, `terraform init` installs the newest provider release on every fresh checkout or CI runner. A major release of azurerm renames and removes arguments and changes defaults (v4 renamed `enable_rbac_authorization`, changed feature flags, required `subscription_id`), so a pipeline that worked yesterday fails \u2014 or, worse, plans destructive replacements \u2014 without a single change in the code. A root module that does not list a provider at all gets the same unpinned `hashicorp/<name>` implicitly.",
    help: 'Add the provider to `terraform { required_providers { \u2026 } }` with a source and a version constraint, e.g. `azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }`, and commit `.terraform.lock.hcl`.',
    level: "warning",
    tags: ["reliability", "supply-chain", "terraform"],
    formats: ["terraform", "azapi"],
    docPath: "rules/terraform/TF003-provider-version-unpinned.md"
  },
  create(ctx) {
    return {
      terraformModule(m) {
        for (const rp of m.requiredProviders) {
          const v = rp.version;
          if (v && !(v.kind === "string" && v.value.trim() === "")) continue;
          ctx.report({
            subject: `module:${m.dir}`,
            attributePath: `required_providers.${rp.name}`,
            location: rp.at,
            message: `required_providers entry "${rp.name}" has no version constraint, so every init may install a new major release; add version = "~> X.Y".`
          });
        }
        if (!m.isRoot) return;
        const declared = new Set(m.requiredProviders.map((p) => p.name.toLowerCase()));
        const seen = /* @__PURE__ */ new Set();
        const uses = [...m.usedProviders, ...m.providers];
        for (const u of uses) {
          const name = u.name.toLowerCase();
          if (!name || BUILTIN.has(name) || declared.has(name) || seen.has(name)) continue;
          seen.add(name);
          const isResource = m.usedProviders.includes(u);
          ctx.report({
            subject: `module:${m.dir}`,
            attributePath: `required_providers.${name}`,
            location: u.at,
            message: `Provider "${u.name}" is ${isResource ? "used" : "configured"} here but has no required_providers entry, so Terraform installs the newest hashicorp/${u.name} unpinned; add it to required_providers with a source and version constraint.`
          });
        }
      }
    };
  }
};
var TF003_provider_version_unpinned_default = rule21;

// rules/secrets/SEC001-hardcoded-secret.ts
import fs2 from "node:fs";
import path5 from "node:path";
var TERMS = [
  ["password"],
  ["passwords"],
  ["passwd"],
  ["secret"],
  ["secrets"],
  ["client", "secret"],
  ["access", "key"],
  ["connection", "string"],
  ["sas", "token"],
  ["api", "key"],
  // The same terms written as one lower-case word.
  ["clientsecret"],
  ["accesskey"],
  ["connectionstring"],
  ["sastoken"],
  ["apikey"]
];
var SECRET_SUFFIX = /* @__PURE__ */ new Set(["value", "text", "plain", "plaintext", "literal", "raw", "b64", "base64", "encoded"]);
function nameTokens(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function looksSecret(name) {
  const t = nameTokens(name);
  let end = -1;
  for (let i = 0; i < t.length; i++) {
    if (/(password|passwd|secret)s?$/.test(t[i])) end = Math.max(end, i);
    for (const term of TERMS) {
      if (term.every((w, j) => t[i + j] === w)) end = Math.max(end, i + term.length - 1);
    }
  }
  if (end < 0) return false;
  return t.slice(end + 1).every((x) => SECRET_SUFFIX.has(x));
}
var PLACEHOLDER = /^(?:change[-_ .]?me|replace[-_ .]?me|replace[-_ .]?this|set[-_ .]?me|todo|tbd|fixme|placeholder|redacted|dummy|none|null|nil|undefined|n\/a|your[-_ ].*|<[^>]*>|\{\{.*\}\}|#\{.*\}#|__[A-Za-z0-9_]+__|\$\(.*\)|\*+|x{3,}|\.{3,}|-+)$/i;
function isPlaceholder(s) {
  const t = s.trim();
  if (t === "") return true;
  if (PLACEHOLDER.test(t)) return true;
  if (/\$\{[^}]*\}/.test(t)) return true;
  if (/^@Microsoft\.KeyVault\(/i.test(t)) return true;
  if (/^https:\/\/[^/]+\.vault\.azure\.(net|cn|us)\//i.test(t)) return true;
  if (/^\[[\s\S]*\]$/.test(t)) return true;
  return false;
}
var rule22 = {
  meta: {
    id: "SEC001",
    name: "hardcoded-secret",
    shortDescription: "Secret written as a literal in infrastructure code, or a secret parameter not typed securestring.",
    fullDescription: "A password, client secret, access key, SAS token or connection string written in a .tf file, a variable default, a .tfvars file, an ARM parameter default or a parameter file is in the Git history of every clone and fork for good, in CI logs, in plan files and in the Terraform state. Anyone with read access to the repository gets the credential; rotating it means finding every copy. ARM/Bicep parameters with secret names typed `string` are additionally logged in the deployment history in plain text.",
    help: 'Remove the literal and rotate the credential. Pass the value at deploy time from Key Vault (a `data "azurerm_key_vault_secret"`, an ARM parameter-file Key Vault reference), generate it (`random_password`), or use a managed identity; type ARM/Bicep secret parameters as `securestring` / `@secure()`.',
    level: "error",
    tags: ["security", "secrets"],
    securitySeverity: 9,
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/secrets/SEC001-hardcoded-secret.md"
  },
  create(ctx) {
    const seen = /* @__PURE__ */ new Set();
    const once = (l) => {
      const key = `${l.file}:${l.range.start.offset}:${l.range.end.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const literal = (name, v, what, at, extra) => {
      if (v.kind !== "string" || isPlaceholder(v.value)) return;
      const location = v.origin ?? at;
      if (!location || !once(location)) return;
      const related = [...v.via ?? [], ...extra.related ?? []].filter((l) => !sameRange(l, location));
      ctx.report({
        resource: extra.resource,
        subject: extra.subject,
        attributePath: name,
        location,
        related,
        message: `${what} holds a literal secret (value not shown); remove it from the code, rotate it, and pass it at deploy time from Key Vault or a secure parameter.`
      });
    };
    const walk = (key, v, onSecret) => {
      if (key !== void 0 && looksSecret(key)) {
        if (v.kind === "string") return onSecret(key, v);
        if (v.kind === "list") {
          for (const i of v.items) if (i.kind === "string") onSecret(key, i);
        }
      }
      if (v.kind === "object") for (const [k, e] of v.entries) walk(k, e, onSecret);
      else if (v.kind === "list") {
        for (const i of v.items) if (i.kind === "object" || i.kind === "list") walk(void 0, i, onSecret);
      }
    };
    const input = (d) => {
      const label = d.kind === "tf-variable" ? "variable" : "parameter";
      const subject = `${d.kind}:${d.header.file}:${d.name}`;
      const related = [{ ...d.header, label: `${label} "${d.name}"` }];
      for (const [v, how] of [[d.defaultValue, "The default of"], [d.assigned, "The value assigned to"]]) {
        if (!v) continue;
        if (looksSecret(d.name)) literal(d.name, v, `${how} ${label} "${d.name}"`, void 0, { subject, related });
        else walk(void 0, v, (name, s) => literal(name, s, `Key "${name}" in ${how.toLowerCase()} ${label} "${d.name}"`, void 0, { subject, related }));
      }
      if (d.kind !== "tf-variable" && looksSecret(d.name) && !d.secure && d.type?.trim().toLowerCase() === "string" && once(d.header)) {
        ctx.report({
          subject,
          attributePath: `${d.name}.type`,
          location: d.header,
          message: `Parameter "${d.name}" looks like a secret but is typed string, so its value is logged in the deployment history; declare it ${d.kind === "bicep-param" ? "with @secure()" : "as securestring"}.`
        });
      }
    };
    const varFile = (file) => {
      let values;
      if (file.kind === "tfvars" && file.hcl) values = tfvarsValues(file.hcl);
      else if (file.kind === "tfvars-json") {
        try {
          values = tfvarsJsonValues(file.path, fs2.readFileSync(file.path, "utf8"));
        } catch {
          values = void 0;
        }
      }
      for (const [name, v] of values ?? []) {
        const subject = `tfvars:${file.path}:${name}`;
        const where = path5.basename(file.path);
        if (looksSecret(name)) walk(name, v, (n, s) => literal(n, s, `"${n}" in ${where}`, void 0, { subject }));
        else walk(void 0, v, (n, s) => literal(n, s, `Key "${n}" of "${name}" in ${where}`, void 0, { subject }));
      }
    };
    return {
      graph(g) {
        for (const r of g.resources) {
          if (r.parent && r.identity.length === 0) continue;
          if (!r.body) continue;
          walk(
            void 0,
            r.body,
            (name, s) => literal(name, s, `"${name}" of ${r.address}`, r.header, { resource: r, related: [{ ...r.header, label: r.address }] })
          );
        }
        for (const d of g.evaluation.inputs) input(d);
      },
      file(f) {
        if (f.kind === "tfvars" || f.kind === "tfvars-json") varFile(f);
      }
    };
  }
};
var SEC001_hardcoded_secret_default = rule22;

// rules/tags/TAG001-missing-required-tags.ts
var NOT_TAGGABLE_AZURERM = [
  /_association$/,
  /^azurerm_role_(assignment|definition)$/,
  /^azurerm_pim_/,
  /^azurerm_subnet$/,
  /^azurerm_network_security_rule$/,
  /^azurerm_(management_)?lock$/,
  /^azurerm_monitor_diagnostic_setting$/,
  /^azurerm_storage_(container|blob|queue|table|share|share_directory|data_lake_gen2_filesystem|management_policy)$/,
  /^azurerm_federated_identity_credential$/,
  /^azurerm_key_vault_(access_policy|secret|key|certificate)$/,
  /_policy_assignment$/,
  /^azurerm_resource_provider_registration$/
];
var TAGGABLE_AZURERM = /* @__PURE__ */ new Set([
  "azurerm_resource_group",
  "azurerm_virtual_network",
  "azurerm_public_ip",
  "azurerm_network_interface",
  "azurerm_nat_gateway",
  "azurerm_route_table",
  "azurerm_bastion_host",
  "azurerm_firewall",
  "azurerm_application_gateway",
  "azurerm_lb",
  "azurerm_private_dns_zone",
  "azurerm_private_dns_zone_virtual_network_link",
  "azurerm_user_assigned_identity",
  "azurerm_log_analytics_workspace",
  "azurerm_application_insights",
  "azurerm_managed_disk",
  "azurerm_machine_learning_inference_cluster",
  "azurerm_machine_learning_synapse_spark",
  "azurerm_cognitive_account",
  "azurerm_search_service",
  "azurerm_databricks_workspace",
  "azurerm_data_factory",
  "azurerm_synapse_workspace",
  "azurerm_cosmosdb_account",
  "azurerm_mssql_server",
  "azurerm_mssql_database",
  "azurerm_postgresql_flexible_server",
  "azurerm_eventhub_namespace",
  "azurerm_servicebus_namespace",
  "azurerm_service_plan",
  "azurerm_linux_web_app",
  "azurerm_linux_function_app",
  "azurerm_container_app",
  "azurerm_container_app_environment",
  "azurerm_container_group"
]);
var NOT_TAGGABLE_ARM = /* @__PURE__ */ new Set([
  "microsoft.authorization/roleassignments",
  "microsoft.authorization/roledefinitions",
  "microsoft.authorization/locks",
  "microsoft.authorization/policyassignments",
  "microsoft.authorization/policydefinitions",
  "microsoft.insights/diagnosticsettings",
  "microsoft.network/virtualnetworks/subnets",
  "microsoft.network/networksecuritygroups/securityrules",
  "microsoft.storage/storageaccounts/blobservices/containers",
  "microsoft.managedidentity/userassignedidentities/federatedidentitycredentials",
  "microsoft.keyvault/vaults/accesspolicies",
  "microsoft.keyvault/vaults/secrets"
]);
var TAGGABLE_KINDS = /* @__PURE__ */ new Set(["ml.workspace", "ml.compute", "aks.cluster", "aks.nodepool", "keyvault", "acr", "storage", "nsg", "vm", "vmss", "private-endpoint"]);
function tagsOf(r) {
  if (r.attrs.has("tags")) {
    const f = r.attrs.get("tags");
    return { value: f.value, ...factLocations(r, "tags") };
  }
  const v = valueAt(r.body, "tags");
  const related = [...v?.via ?? []];
  if (v?.origin) related.push({ ...r.header, label: `resource ${r.address}` });
  return { value: v, location: v?.origin ?? r.header, related };
}
function isTaggable(r) {
  if (r.parent && r.identity.length === 0) return false;
  const written = valueAt(r.body, "tags") !== void 0;
  if (r.format === "terraform") {
    if (NOT_TAGGABLE_AZURERM.some((re) => re.test(r.sourceType))) return false;
    if (r.kind !== "other") return TAGGABLE_KINDS.has(r.kind);
    return TAGGABLE_AZURERM.has(r.sourceType) || written;
  }
  const type = r.sourceType.toLowerCase();
  if (NOT_TAGGABLE_ARM.has(type)) return false;
  if (r.kind !== "other" && TAGGABLE_KINDS.has(r.kind)) return true;
  if (r.kind === "nsg.rule") return false;
  const segments = type.split("/").length;
  return segments === 2 && type.includes(".") || written;
}
var rule23 = {
  meta: {
    id: "TAG001",
    name: "missing-required-tags",
    shortDescription: "Taggable resource missing a required tag.",
    fullDescription: "Tags are how Azure Cost Management, budgets, chargeback and Azure Policy know who owns a resource and what it is for. An untagged ML workspace, storage account or GPU cluster shows up as unattributed spend nobody can be asked about, escapes tag-based policies and clean-up automation, and is typically found only when the invoice arrives. Tags set after the fact miss all the cost already incurred.",
    help: "Add every required tag (configured with `requiredTags`) to the resource\u2019s tags, for example through a shared `local.common_tags` merged into each resource\u2019s tags.",
    level: "warning",
    tags: ["governance", "cost", "tags"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/tags/TAG001-missing-required-tags.md"
  },
  create(ctx) {
    const required = ctx.options.requiredTags;
    return {
      graph(g) {
        if (required.length === 0) return;
        for (const r of g.resources) {
          if (!isTaggable(r)) continue;
          const tags = tagsOf(r);
          const v = tags.value;
          let keys;
          if (!v || v.kind === "null") keys = [];
          else if (v.kind === "object") keys = [...v.entries.keys()].map((k) => k.toLowerCase());
          else continue;
          const missing = required.filter((t) => !keys.includes(t.toLowerCase()));
          if (missing.length === 0) continue;
          const absent = !v || v.kind === "null";
          const list2 = missing.map((t) => `"${t}"`).join(", ");
          ctx.report({
            resource: r,
            attributePath: "tags",
            location: tags.location,
            related: tags.related,
            message: `Resource "${displayName(r)}" (${r.sourceType}) ${absent ? "has no tags, so it lacks" : "lacks"} the required tag${missing.length > 1 ? "s" : ""} ${list2}; add ${missing.length > 1 ? "them" : "it"} to its tags.`
          });
        }
      }
    };
  }
};
var TAG001_missing_required_tags_default = rule23;

// rules/tags/TAG002-gpu-resource-without-cost-center.ts
var rule24 = {
  meta: {
    id: "TAG002",
    name: "gpu-resource-without-cost-center",
    shortDescription: "GPU resource without a cost-center tag.",
    fullDescription: "GPU capacity is the largest line on most ML bills. Without a cost-center tag on the node pool, compute cluster, VM or scale set itself, cost reports cannot attribute that spend, and nobody notices an idle GPU pool until the invoice. AKS node pools do not inherit the cluster\u2019s tags.",
    help: "Add a `cost-center` tag (the name is configurable) to the GPU resource itself.",
    level: "error",
    tags: ["cost", "gpu", "tags"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/tags/TAG002-gpu-resource-without-cost-center.md"
  },
  create(ctx) {
    const tag = ctx.options.costCenterTag;
    return {
      graph(g) {
        for (const kind of GPU_WORKLOAD_KINDS) {
          for (const r of g.ofKind(kind)) {
            if (!hasGpuSize(r) || tagState(r, tag) !== "missing") continue;
            const { location, related } = factLocations(r, "tags");
            ctx.report({
              resource: r,
              attributePath: `tags.${tag}`,
              location,
              related,
              message: `${kindName(kind)} "${displayName(r)}" has GPU size "${knownString(r, "vmSize")}" but no "${tag}" tag; tag it so GPU spend can be attributed.`
            });
          }
        }
      }
    };
  }
};
var TAG002_gpu_resource_without_cost_center_default = rule24;

// rules/governance/GOV001-location-not-allowed.ts
function normalizeLocation(s) {
  return s.toLowerCase().replace(/[\s_-]+/g, "");
}
var rule25 = {
  meta: {
    id: "GOV001",
    name: "location-not-allowed",
    shortDescription: "Resource deployed to a region outside the allowed locations.",
    fullDescription: "Data-residency rules (GDPR, national health and finance regulation, customer contracts) often require that data and the compute that processes it stay in named regions. A workspace, storage account or GPU cluster created in another region copies training data there, can void a contract or a certification, and is expensive to move: most resources must be recreated and the data re-uploaded. Regions also differ in price and GPU quota.",
    help: "Set location to one of the allowed regions (configured with `allowedLocations`), typically through a single variable or resource group location shared by all resources.",
    level: "error",
    tags: ["governance", "compliance", "location"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/governance/GOV001-location-not-allowed.md"
  },
  create(ctx) {
    const allowed = new Set(ctx.options.allowedLocations.map(normalizeLocation));
    return {
      graph(g) {
        if (allowed.size === 0) return;
        for (const r of g.resources) {
          if (r.parent && r.identity.length === 0) continue;
          const v = valueAt(r.body, "location");
          if (v?.kind !== "string") continue;
          const loc2 = normalizeLocation(v.value);
          if (loc2 === "" || loc2 === "global" || v.value.trim().startsWith("[") || allowed.has(loc2)) continue;
          const related = [...v.via ?? []];
          if (v.origin) related.push({ ...r.header, label: `resource ${r.address}` });
          ctx.report({
            resource: r,
            attributePath: "location",
            location: v.origin ?? r.header,
            related,
            message: `Resource "${displayName(r)}" (${r.sourceType}) is deployed to "${v.value}", which is not an allowed location (${[...allowed].join(", ")}); use an allowed region.`
          });
        }
      }
    };
  }
};
var GOV001_location_not_allowed_default = rule25;

// src/parse/yaml/ci.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/parse/yaml/scalar.ts
var Builder = class {
  value = "";
  s = [];
  e = [];
  push(ch, start, end = start + 1) {
    for (let i = 0; i < ch.length; i++) {
      this.value += ch[i];
      this.s.push(start);
      this.e.push(end);
    }
  }
  /** Appends source text `text` that starts at file offset `at`, one char per offset. */
  copy(text2, at) {
    for (let i = 0; i < text2.length; i++) {
      this.value += text2[i];
      this.s.push(at + i);
      this.e.push(at + i + 1);
    }
  }
  done(exact = true) {
    return { value: this.value, starts: Int32Array.from(this.s), ends: Int32Array.from(this.e), exact };
  }
};
function identityMapping(text2, at = 0) {
  const b = new Builder();
  b.copy(text2, at);
  return b.done();
}
function fallbackMapping(value, start, end) {
  const n = value.length;
  return { value, starts: new Int32Array(n).fill(start), ends: new Int32Array(n).fill(end), exact: false };
}
function splitSrcLines(source, at) {
  const out = [];
  let start = 0;
  for (; ; ) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) {
      out.push({ at: at + start, text: source.slice(start), brk: at + source.length, brkLen: 0 });
      return out;
    }
    const cr = nl > start && source[nl - 1] === "\r";
    const end = cr ? nl - 1 : nl;
    out.push({ at: at + start, text: source.slice(start, end), brk: at + end, brkLen: cr ? 2 : 1 });
    start = nl + 1;
  }
}
function unfold(b, source, at, single) {
  const put = (text2, off) => {
    if (!single) {
      b.copy(text2, off);
      return;
    }
    for (let i = 0; i < text2.length; i++) {
      if (text2[i] === "'" && text2[i + 1] === "'") {
        b.push("'", off + i, off + i + 2);
        i++;
      } else b.push(text2[i], off + i);
    }
  };
  const lines = splitSrcLines(source, at);
  if (lines.length === 1) {
    put(source, at);
    return;
  }
  const first = lines[0];
  put(first.text.replace(/[ \t]+$/, ""), first.at);
  let sep = " ";
  let sepAt = first.brk;
  let sepLen = first.brkLen;
  for (let i = 1; i < lines.length; i++) {
    const ln = lines[i];
    const last = i === lines.length - 1;
    const lead = /^[ \t]*/.exec(ln.text)[0].length;
    const body = last ? ln.text.slice(lead) : ln.text.slice(lead).replace(/[ \t]+$/, "");
    if (!last && body === "") {
      if (sep === "\n") b.push("\n", ln.at, ln.brk + ln.brkLen);
      else {
        sep = "\n";
      }
    } else {
      if (sep === " ") b.push(" ", sepAt, sepAt + sepLen);
      else b.push("\n", sepAt, sepAt + sepLen);
      put(body, ln.at + lead);
      sep = " ";
    }
    if (!last) {
      if (body !== "") {
        sepAt = ln.brk;
        sepLen = ln.brkLen;
      }
    }
  }
}
var ESCAPES = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1B",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  N: "\x85",
  _: "\xA0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function doubleQuoted(b, source, at) {
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n") continue;
    if (ch === "\n") {
      const brkAt = at + (source[i - 1] === "\r" ? i - 1 : i);
      let fold = 0;
      let j = i;
      let c = source[j + 1];
      while (c === " " || c === "	" || c === "\n" || c === "\r") {
        if (c === "\r" && source[j + 2] !== "\n") break;
        if (c === "\n") {
          fold++;
          b.push("\n", at + j + 1, at + j + 2);
        }
        j++;
        c = source[j + 1];
      }
      if (!fold) b.push(" ", brkAt, at + i + 1);
      i = j;
    } else if (ch === "\\") {
      const escAt = i;
      let next = source[++i];
      const cc = next === void 0 ? void 0 : ESCAPES[next];
      if (cc) b.push(cc, at + escAt, at + i + 1);
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " " || next === "	") next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " " || next === "	") next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        const hex = source.substr(i + 1, length);
        const code = hex.length === length && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
        let s;
        try {
          s = String.fromCodePoint(code);
        } catch {
          s = source.substr(escAt, length + 2);
        }
        b.push(s, at + escAt, at + i + 1 + length);
        i += length;
      } else {
        b.push(source.substr(escAt, 2), at + escAt, at + escAt + 2);
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	") next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n")) b.copy(source.slice(wsStart, i + 1), at + wsStart);
    } else {
      b.push(ch, at + i);
    }
  }
}
function blockScalar(b, tok, atRoot) {
  const headerTok = tok.props[0];
  if (!headerTok || headerTok.type !== "block-scalar-header") return false;
  const hsrc = headerTok.source;
  const mode = hsrc[0];
  let indentInd = 0;
  let chomp = "";
  for (let i = 1; i < hsrc.length; i++) {
    const ch = hsrc[i];
    if (!chomp && (ch === "-" || ch === "+")) chomp = ch;
    else {
      const n = Number(ch);
      if (!indentInd && n) indentInd = n;
    }
  }
  let headerLen = hsrc.length;
  for (let i = 1; i < tok.props.length; i++) {
    const p = tok.props[i];
    if (typeof p.source === "string") headerLen += p.source.length;
  }
  const source = tok.source ?? "";
  const base = tok.offset + headerLen;
  const lines = [];
  {
    let pos = 0;
    for (; ; ) {
      const nl = source.indexOf("\n", pos);
      const end = nl < 0 ? source.length : nl;
      const raw = source.slice(pos, end);
      const ind = /^ */.exec(raw)[0];
      lines.push({ indent: ind, content: raw.slice(ind.length), at: base + pos });
      if (nl < 0) break;
      pos = nl + 1;
    }
  }
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const c = lines[i].content;
    if (c === "" || c === "\r") chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    if (chomp === "+" && lines.length > 0) {
      const n = Math.max(1, lines.length - 1);
      for (let i = 0; i < n; i++) {
        const ln = lines[Math.min(i, lines.length - 1)];
        b.push("\n", ln.at + ln.indent.length + ln.content.length);
      }
    }
    return true;
  }
  let trimIndent = tok.indent + indentInd;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const { indent, content } = lines[i];
    if (content === "" || content === "\r") {
      if (indentInd === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indentInd === 0) trimIndent = indent.length;
      contentStart = i;
      break;
    }
  }
  if (trimIndent === 0 && !atRoot) {
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i].indent.length > trimIndent) chompStart = i + 1;
  }
  const brkOf = (i) => {
    const ln = lines[i];
    const endAt = ln.at + ln.indent.length + ln.content.length;
    if (ln.content.endsWith("\r")) return [endAt - 1, endAt + 1];
    return [endAt, endAt + 1];
  };
  for (let i = 0; i < contentStart; ++i) {
    const ln = lines[i];
    b.copy(ln.indent.slice(trimIndent), ln.at + trimIndent);
    const [s, e] = brkOf(i);
    b.push("\n", s, e);
  }
  let sep = "";
  let sepAt = [0, 0];
  let prevMoreIndented = false;
  const pushSep = () => {
    for (let k = 0; k < sep.length; k++) b.push(sep[k], sepAt[0], sepAt[1]);
  };
  for (let i = contentStart; i < chompStart; ++i) {
    const ln = lines[i];
    let indent = ln.indent;
    let content = ln.content;
    if (content.endsWith("\r")) content = content.slice(0, -1);
    let indentAt = ln.at;
    if (content && indent.length < trimIndent) {
      indentAt += indent.length;
      indent = "";
    }
    const contentAt = ln.at + ln.indent.length;
    const keptIndent = indent.slice(trimIndent);
    const keptIndentAt = indentAt + Math.min(trimIndent, indent.length);
    if (mode !== ">") {
      pushSep();
      b.copy(keptIndent, keptIndentAt);
      b.copy(content, contentAt);
      sep = "\n";
      sepAt = brkOf(i);
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep === " ") sep = "\n";
      else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
      pushSep();
      b.copy(keptIndent, keptIndentAt);
      b.copy(content, contentAt);
      sep = "\n";
      sepAt = brkOf(i);
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n") b.push("\n", ...brkOf(i));
      else {
        sep = "\n";
      }
    } else {
      pushSep();
      b.copy(content, contentAt);
      sep = " ";
      sepAt = brkOf(i);
      prevMoreIndented = false;
    }
  }
  const lastContent = chompStart - 1;
  switch (chomp) {
    case "-":
      break;
    case "+": {
      for (let i = chompStart; i < lines.length; ++i) {
        const [s, e] = brkOf(i - 1);
        b.push("\n", s, e);
        const ln = lines[i];
        b.copy(ln.indent.slice(trimIndent), ln.at + trimIndent);
      }
      if (!b.value.endsWith("\n")) {
        const [s, e] = brkOf(lines.length - 1);
        b.push("\n", s, e);
      }
      break;
    }
    default: {
      const [s, e] = brkOf(lastContent);
      b.push("\n", s, e);
    }
  }
  return true;
}
function mapScalar(node, atRoot = false) {
  const want = typeof node.value === "string" ? node.value : String(node.value ?? node.source ?? "");
  const start = node.range?.[0] ?? 0;
  const end = node.range?.[1] ?? start;
  const tok = node.srcToken;
  const b = new Builder();
  let ok = false;
  if (tok) {
    switch (tok.type) {
      case "scalar":
        unfold(b, tok.source, tok.offset, false);
        ok = true;
        break;
      case "single-quoted-scalar":
        unfold(b, tok.source.slice(1, tok.source.endsWith("'") && tok.source.length > 1 ? -1 : void 0), tok.offset + 1, true);
        ok = true;
        break;
      case "double-quoted-scalar":
        doubleQuoted(b, tok.source, tok.offset);
        ok = true;
        break;
      case "block-scalar":
        ok = blockScalar(b, tok, atRoot);
        break;
      default:
        break;
    }
  }
  if (ok && (typeof node.value !== "string" || b.value === want)) return b.done();
  return fallbackMapping(want, start, Math.max(start, end));
}

// src/parse/yaml/script.ts
function snippetRange(sn, lineMap, start, end) {
  if (sn.starts.length === 0) return sn.range;
  const s = Math.min(Math.max(start, 0), sn.starts.length - 1);
  const e = Math.min(Math.max(end - 1, s), sn.ends.length - 1);
  return lineMap.range(sn.starts[s], sn.ends[e]);
}
function simpleCommands(cmd) {
  const out = [];
  let cur = [];
  for (const t of cmd.tokens) {
    if (t.op) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}
var isWs = (c) => c === " " || c === "	";
function lineEnd(v, i) {
  const nl = v.indexOf("\n", i);
  let e = nl < 0 ? v.length : nl;
  if (e > i && v[e - 1] === "\r") e--;
  return e;
}
function afterLineBreak(v, i) {
  if (v[i] === "\r" && v[i + 1] === "\n") return i + 2;
  if (v[i] === "\n" || v[i] === "\r") return i + 1;
  return i;
}
function continuesOnNextLine(text2) {
  const t = text2.replace(/[ \t]+$/, "");
  return t.endsWith("|") || t.endsWith("&&") || t.endsWith("||");
}
function scan(v, lang) {
  const ps = lang === "powershell";
  const esc = ps ? "`" : "\\";
  const commands = [];
  const comments = [];
  let i = 0;
  const n = v.length;
  while (i < n) {
    let j = i;
    while (j < n && isWs(v[j])) j++;
    if (j >= n) break;
    if (v[j] === "\n" || v[j] === "\r") {
      i = afterLineBreak(v, j);
      continue;
    }
    if (v[j] === "#" || ps && v[j] === "<" && v[j + 1] === "#") {
      if (ps && v[j] === "<") {
        const close = v.indexOf("#>", j + 2);
        const end = close < 0 ? n : close + 2;
        comments.push([j, end]);
        i = end;
        continue;
      }
      const cmd2 = { text: "", map: [], commented: true };
      let k = j;
      for (; ; ) {
        const e = lineEnd(v, k);
        comments.push([k, e]);
        let b = k;
        while (b < e && v[b] === "#") b++;
        while (b < e && isWs(v[b])) b++;
        let bodyEnd = e;
        while (bodyEnd > b && isWs(v[bodyEnd - 1])) bodyEnd--;
        const cont = bodyEnd > b && v[bodyEnd - 1] === esc;
        const stop = cont ? bodyEnd - 1 : e;
        for (let p2 = b; p2 < stop; p2++) {
          cmd2.text += v[p2];
          cmd2.map.push(p2);
        }
        i = afterLineBreak(v, e);
        if (!cont) break;
        let q = i;
        while (q < n && isWs(v[q])) q++;
        if (q >= n || v[q] !== "#") break;
        if (ps) {
          cmd2.text += " ";
          cmd2.map.push(bodyEnd - 1);
        }
        k = q;
      }
      if (cmd2.text.trim()) commands.push(cmd2);
      continue;
    }
    const cmd = { text: "", map: [], commented: false };
    const add = (p2) => {
      cmd.text += v[p2];
      cmd.map.push(p2);
    };
    let p = j;
    let quote = "";
    let heredoc;
    for (; ; ) {
      if (p >= n) break;
      const c = v[p];
      if (quote === "'") {
        add(p);
        if (c === "'") quote = "";
        p++;
        continue;
      }
      if (quote === '"') {
        if (c === esc && p + 1 < n) {
          if (v[p + 1] === "\n" || v[p + 1] === "\r" && v[p + 2] === "\n") {
            p = afterLineBreak(v, p + 1);
            continue;
          }
          add(p);
          add(p + 1);
          p += 2;
          continue;
        }
        add(p);
        if (c === '"') quote = "";
        p++;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        add(p);
        p++;
        continue;
      }
      if (c === esc) {
        if (v[p + 1] === "\n" || v[p + 1] === "\r" && v[p + 2] === "\n" || p + 1 >= n) {
          if (ps) {
            cmd.text += " ";
            cmd.map.push(p);
          }
          p = afterLineBreak(v, p + 1);
          continue;
        }
        add(p);
        add(p + 1);
        p += 2;
        continue;
      }
      if (ps && c === "<" && v[p + 1] === "#") {
        const close = v.indexOf("#>", p + 2);
        const end = close < 0 ? n : close + 2;
        comments.push([p, end]);
        cmd.text += " ";
        cmd.map.push(p);
        p = end;
        continue;
      }
      if (c === "#") {
        const prev = cmd.text[cmd.text.length - 1];
        if (prev === void 0 || isWs(prev) || prev === ";" || prev === "&" || prev === "|" || prev === "(") {
          const e = lineEnd(v, p);
          comments.push([p, e]);
          p = e;
          continue;
        }
      }
      if (c === "\n" || c === "\r") {
        if (continuesOnNextLine(cmd.text)) {
          cmd.text += " ";
          cmd.map.push(p);
          p = afterLineBreak(v, p);
          continue;
        }
        if (!ps) {
          const m = /<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(cmd.text);
          if (m) heredoc = { delim: m[2] };
        }
        p = afterLineBreak(v, p);
        break;
      }
      add(p);
      p++;
    }
    if (cmd.text.trim()) commands.push(cmd);
    i = p;
    if (heredoc) {
      while (i < n) {
        const e = lineEnd(v, i);
        const line = v.slice(i, e).trim();
        i = afterLineBreak(v, e);
        if (line === heredoc.delim) break;
        if (i === e) break;
      }
    }
  }
  return { commands, comments };
}
function substitutionIsWord(text2, i) {
  const close = text2.indexOf(")", i + 2);
  if (close < 0) return false;
  return !/[\s(]/.test(text2.slice(i + 2, close));
}
function tokenize(text2, lang) {
  const ps = lang === "powershell";
  const esc = ps ? "`" : "\\";
  const out = [];
  let i = 0;
  const n = text2.length;
  while (i < n) {
    const c = text2[i];
    if (isWs(c) || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const two = text2.slice(i, i + 2);
    if ((two === "$(" || ps && two === "@(") && !substitutionIsWord(text2, i)) {
      out.push({ text: two, start: i, end: i + 2, op: true });
      i += 2;
      continue;
    }
    if (two === "&&" || two === "||") {
      out.push({ text: two, start: i, end: i + 2, op: true });
      i += 2;
      continue;
    }
    if (c === ";" || c === "|" || c === "(" || c === ")" || c === "&") {
      out.push({ text: c, start: i, end: i + 1, op: true });
      i++;
      continue;
    }
    const start = i;
    let word = "";
    let quote = "";
    while (i < n) {
      const ch = text2[i];
      if (quote) {
        if (ch === quote) {
          if (quote === "'" && ps && text2[i + 1] === "'") {
            word += "'";
            i += 2;
            continue;
          }
          quote = "";
          i++;
          continue;
        }
        if (quote === '"' && ch === esc && i + 1 < n) {
          word += text2[i + 1];
          i += 2;
          continue;
        }
        word += ch;
        i++;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        i++;
        continue;
      }
      if (ch === esc && i + 1 < n) {
        word += text2[i + 1];
        i += 2;
        continue;
      }
      if (isWs(ch) || ch === "\n" || ch === "\r" || ch === ";" || ch === "|" || ch === "(" || ch === ")") break;
      if (ch === "$" && text2[i + 1] === "(") {
        if (!substitutionIsWord(text2, i)) break;
        const close = text2.indexOf(")", i + 2);
        word += text2.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      if (ch === "&") {
        const prev = text2[i - 1];
        if (!(prev === ">" || prev === "<")) break;
      }
      word += ch;
      i++;
    }
    if (i === start) {
      i++;
      continue;
    }
    out.push({ text: word, start, end: i, op: false });
  }
  return out;
}
function buildSnippet(args) {
  const { mapped, lineMap } = args;
  const value = mapped.value;
  const range = value.length > 0 ? lineMap.range(mapped.starts[0], mapped.ends[value.length - 1]) : args.fallbackRange;
  const sn = {
    file: args.file,
    language: args.language,
    origin: args.origin,
    subject: args.subject,
    attributePath: args.attributePath,
    value,
    starts: mapped.starts,
    ends: mapped.ends,
    exact: mapped.exact,
    range,
    commands: [],
    comments: []
  };
  const res = scan(value, args.language);
  for (const [s, e] of res.comments) {
    sn.comments.push({ text: value.slice(s, e), range: snippetRange(sn, lineMap, s, e) });
  }
  for (const raw of res.commands) {
    const map = Int32Array.from(raw.map);
    const tokens = tokenize(raw.text, args.language).map((t) => ({
      text: t.text,
      raw: raw.text.slice(t.start, t.end),
      start: t.start,
      end: t.end,
      op: t.op,
      range: lineMap.range(sn.starts[map[t.start]], sn.ends[map[t.end - 1]])
    }));
    let a = 0;
    let b = raw.text.length;
    while (a < b && isWs(raw.text[a])) a++;
    while (b > a && isWs(raw.text[b - 1])) b--;
    sn.commands.push({
      text: raw.text,
      commented: raw.commented,
      map,
      tokens,
      range: lineMap.range(sn.starts[map[a]], sn.ends[map[b - 1]])
    });
  }
  return sn;
}

// src/parse/yaml/ci.ts
function isCiDocument(x) {
  if (!x || typeof x !== "object") return false;
  const d = x;
  return typeof d.file === "string" && typeof d.kind === "string" && Array.isArray(d.scripts) && Array.isArray(d.comments);
}
function nodeRange(ctx, node) {
  const r = node?.range;
  if (!r) return ctx.lineMap.range(0, 0);
  return ctx.lineMap.range(r[0], r[1]);
}
function scalarString(node) {
  if (!(0, import_yaml2.isScalar)(node)) return void 0;
  const v = node.value;
  if (v === null || v === void 0) return "";
  return typeof v === "string" ? v : String(v);
}
function contentRange(ctx, node) {
  if ((0, import_yaml2.isScalar)(node)) {
    const m = mapScalar(node);
    if (m.exact && m.value.length > 0) return ctx.lineMap.range(m.starts[0], m.ends[m.value.length - 1]);
  }
  return nodeRange(ctx, node);
}
function pairsOf(map) {
  if (!(0, import_yaml2.isMap)(map)) return [];
  return map.items.filter((p) => (0, import_yaml2.isPair)(p));
}
function get(map, key) {
  for (const p of pairsOf(map)) if (scalarString(p.key) === key) return p.value;
  return void 0;
}
function getPair(map, key) {
  for (const p of pairsOf(map)) if (scalarString(p.key) === key) return p;
  return void 0;
}
function pairRange(ctx, p) {
  const start = p.key?.range?.[0] ?? 0;
  const end = p.value?.range?.[1] ?? p.key?.range?.[1] ?? start;
  return ctx.lineMap.range(start, end);
}
function entry(ctx, p) {
  const e = {
    key: scalarString(p.key) ?? "",
    keyRange: nodeRange(ctx, p.key),
    range: pairRange(ctx, p)
  };
  if (p.value) {
    const v = scalarString(p.value);
    if (v !== void 0) e.value = v;
    e.valueRange = contentRange(ctx, p.value);
  }
  return e;
}
function entries(ctx, map) {
  return pairsOf(map).map((p) => entry(ctx, p));
}
function snippetOf(ctx, node, language, origin, subject, attributePath) {
  if (!node || !(0, import_yaml2.isScalar)(node)) return void 0;
  const mapped = mapScalar(node);
  const sn = buildSnippet({
    file: ctx.file,
    lineMap: ctx.lineMap,
    mapped,
    language,
    origin,
    subject,
    attributePath,
    fallbackRange: nodeRange(ctx, node)
  });
  ctx.scripts.push(sn);
  return sn;
}
function parsePermissions(ctx, p) {
  if (!p) return void 0;
  const perms = { kind: "other", scopes: {}, keyRange: nodeRange(ctx, p.key), range: pairRange(ctx, p) };
  const v = p.value;
  const s = scalarString(v);
  if (s !== void 0) {
    if (s === "write-all") perms.kind = "write-all";
    else if (s === "read-all") perms.kind = "read-all";
  } else if ((0, import_yaml2.isMap)(v)) {
    perms.kind = "map";
    for (const q of pairsOf(v)) {
      const k = scalarString(q.key);
      const val = scalarString(q.value);
      if (k !== void 0 && val !== void 0) perms.scopes[k] = val;
    }
  }
  return perms;
}
function grantsIdTokenWrite(p) {
  if (!p) return false;
  if (p.kind === "write-all") return true;
  return p.kind === "map" && p.scopes["id-token"] === "write";
}
function parseUses(value, range, keyRange) {
  const u = { value, range, keyRange, kind: "action" };
  const v = value.trim();
  if (v.startsWith("./") || v.startsWith(".\\")) {
    u.kind = "local";
    return u;
  }
  if (v.toLowerCase().startsWith("docker://")) {
    u.kind = "docker";
    return u;
  }
  if (v.includes("${{")) {
    u.kind = "expression";
    return u;
  }
  const at = v.lastIndexOf("@");
  const name = at >= 0 ? v.slice(0, at) : v;
  if (at >= 0) u.ref = v.slice(at + 1);
  const parts = name.split("/");
  u.owner = parts[0];
  if (parts[1] !== void 0) u.repo = parts[1];
  if (parts.length > 2) u.path = parts.slice(2).join("/");
  if (u.path && /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(u.path)) u.kind = "reusable-workflow";
  return u;
}
function usesOf(ctx, p) {
  if (!p || !p.value) return void 0;
  const v = scalarString(p.value);
  if (v === void 0) return void 0;
  return parseUses(v, contentRange(ctx, p.value), nodeRange(ctx, p.key));
}
function shellLanguage(shell, runsOn) {
  if (shell) return /^(pwsh|powershell)\b/i.test(shell.trim()) ? "powershell" : "shell";
  if (runsOn && /windows/i.test(runsOn)) return "powershell";
  return "shell";
}
function runsOnString(node) {
  const s = scalarString(node);
  if (s !== void 0) return s;
  if ((0, import_yaml2.isSeq)(node)) return node.items.map((i) => scalarString(i) ?? "").join(" ");
  return void 0;
}
function readSteps(ctx, seq, prefix, defaultShell, runsOn) {
  if (!(0, import_yaml2.isSeq)(seq)) return [];
  const steps = [];
  seq.items.forEach((item, index) => {
    if (!(0, import_yaml2.isMap)(item)) return;
    const subject = `${prefix}[${index}]`;
    const step = { index, subject, range: nodeRange(ctx, item), with: [] };
    const name = scalarString(get(item, "name"));
    if (name !== void 0) step.name = name;
    const id = scalarString(get(item, "id"));
    if (id !== void 0) step.id = id;
    const uses = usesOf(ctx, getPair(item, "uses"));
    if (uses) step.uses = uses;
    const withNode = get(item, "with");
    step.with = entries(ctx, withNode);
    const shell = scalarString(get(item, "shell")) ?? defaultShell;
    if (shell !== void 0) step.shell = shell;
    const run2 = snippetOf(ctx, get(item, "run"), shellLanguage(shell, runsOn), "run", subject, "run");
    if (run2) step.run = run2;
    if (uses && uses.kind === "action") {
      const owner = (uses.owner ?? "").toLowerCase();
      const repo = (uses.repo ?? "").toLowerCase();
      if (owner === "azure" && (repo === "cli" || repo === "powershell")) {
        const lang = repo === "cli" ? "shell" : "powershell";
        snippetOf(ctx, get(withNode, "inlineScript"), lang, "inlineScript", subject, "with.inlineScript");
      }
    }
    steps.push(step);
  });
  return steps;
}
function defaultsShell(node) {
  return scalarString(get(get(get(node, "defaults"), "run"), "shell"));
}
function buildWorkflow(ctx, root) {
  const wf = { composite: false, triggers: [], reusable: false, jobs: [] };
  const on = get(root, "on") ?? get(root, "true");
  const onStr = scalarString(on);
  if (onStr !== void 0) wf.triggers = [onStr];
  else if ((0, import_yaml2.isSeq)(on)) wf.triggers = on.items.map((i) => scalarString(i) ?? "").filter(Boolean);
  else if ((0, import_yaml2.isMap)(on)) wf.triggers = pairsOf(on).map((p) => scalarString(p.key) ?? "");
  wf.reusable = wf.triggers.includes("workflow_call");
  const perms = parsePermissions(ctx, getPair(root, "permissions"));
  if (perms) wf.permissions = perms;
  const wfShell = defaultsShell(root);
  for (const p of pairsOf(get(root, "jobs"))) {
    const id = scalarString(p.key) ?? "";
    const jobNode = p.value;
    const subject = `workflow:jobs.${id}`;
    const job = {
      id,
      subject,
      keyRange: nodeRange(ctx, p.key),
      range: pairRange(ctx, p),
      with: entries(ctx, get(jobNode, "with")),
      steps: []
    };
    const jp = parsePermissions(ctx, getPair(jobNode, "permissions"));
    if (jp) job.permissions = jp;
    const uses = usesOf(ctx, getPair(jobNode, "uses"));
    if (uses) job.uses = uses;
    const sec = getPair(jobNode, "secrets");
    if (sec) job.secrets = entry(ctx, sec);
    const runsOn = runsOnString(get(jobNode, "runs-on"));
    if (runsOn !== void 0) job.runsOn = runsOn;
    job.steps = readSteps(ctx, get(jobNode, "steps"), `${subject}.steps`, defaultsShell(jobNode) ?? wfShell, runsOn);
    wf.jobs.push(job);
  }
  return wf;
}
function buildAction(ctx, root) {
  const wf = { composite: true, triggers: [], reusable: false, jobs: [] };
  const runsPair = getPair(root, "runs");
  if (!runsPair) return wf;
  const runs = runsPair.value;
  const job = {
    id: "runs",
    subject: "action:runs",
    keyRange: nodeRange(ctx, runsPair.key),
    range: pairRange(ctx, runsPair),
    with: [],
    steps: readSteps(ctx, get(runs, "steps"), "action:runs.steps", void 0, void 0)
  };
  wf.jobs.push(job);
  return wf;
}
var AZP_SCRIPT_KEYS = {
  script: "shell",
  bash: "shell",
  pwsh: "powershell",
  powershell: "powershell"
};
function taskScripts(ctx, step, inputs) {
  const task = (step.task ?? "").toLowerCase();
  const name = task.split("@")[0] ?? "";
  const add = (key, lang, origin) => {
    const p = pairsOf(inputs).find((q) => (scalarString(q.key) ?? "").toLowerCase() === key.toLowerCase());
    if (!p) return;
    const attr2 = `inputs.${scalarString(p.key) ?? key}`;
    const sn = snippetOf(ctx, p.value, lang, origin, step.subject, attr2);
    if (sn) step.scripts.push(sn);
  };
  const input = (key) => {
    const p = pairsOf(inputs).find((q) => (scalarString(q.key) ?? "").toLowerCase() === key.toLowerCase());
    return p ? scalarString(p.value) : void 0;
  };
  const inline = () => {
    const t = input("targetType");
    return t === void 0 || t.toLowerCase() === "inline";
  };
  if (name === "azurecli") {
    const st = (input("scriptType") ?? "").toLowerCase();
    const lang = st === "ps" || st === "pscore" ? "powershell" : "shell";
    const loc2 = (input("scriptLocation") ?? "inlineScript").toLowerCase();
    if (loc2 === "inlinescript") add("inlineScript", lang, "inlineScript");
  } else if (name === "bash" || name === "shellscript") {
    if (inline()) add("script", "shell", "inputs.script");
  } else if (name === "powershell") {
    if (inline()) add("script", "powershell", "inputs.script");
  } else if (name === "cmdline") {
    add("script", "shell", "inputs.script");
  } else if (name === "azurepowershell") {
    const loc2 = (input("ScriptType") ?? "").toLowerCase();
    if (loc2 === "" || loc2 === "inlinescript") add("Inline", "powershell", "inputs.script");
  }
}
function buildPipeline(ctx, root) {
  const pipe = { steps: [] };
  const visit2 = (node, path11) => {
    if ((0, import_yaml2.isSeq)(node)) {
      node.items.forEach((item, i) => visit2(item, `${path11}[${i}]`));
      return;
    }
    if (!(0, import_yaml2.isMap)(node)) return;
    const pairs = pairsOf(node);
    let stepKind;
    let stepPair;
    for (const p of pairs) {
      const k = scalarString(p.key);
      if (k === "task" || k !== void 0 && k in AZP_SCRIPT_KEYS) {
        if ((0, import_yaml2.isScalar)(p.value)) {
          stepKind = k;
          stepPair = p;
          break;
        }
      }
    }
    if (stepKind && stepPair) {
      const subject = `pipeline:${path11 || "$"}`;
      const step = { subject, range: nodeRange(ctx, node), kind: stepKind, inputs: [], scripts: [] };
      if (stepKind === "task") {
        step.task = scalarString(stepPair.value) ?? "";
        step.taskRange = contentRange(ctx, stepPair.value);
        const inputs = get(node, "inputs");
        step.inputs = entries(ctx, inputs);
        taskScripts(ctx, step, inputs);
      } else {
        const sn = snippetOf(ctx, stepPair.value, AZP_SCRIPT_KEYS[stepKind], stepKind, subject, stepKind);
        if (sn) step.scripts.push(sn);
      }
      pipe.steps.push(step);
    }
    for (const p of pairs) {
      if (p === stepPair) continue;
      if (stepKind && scalarString(p.key) === "inputs") continue;
      const k = scalarString(p.key) ?? "?";
      visit2(p.value, path11 ? `${path11}.${k}` : k);
    }
  };
  visit2(root, "");
  return pipe;
}
function collectYamlComments(tokens, out) {
  const stack = [tokens];
  const seen = /* @__PURE__ */ new Set();
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== "object" || seen.has(t)) continue;
    seen.add(t);
    if (Array.isArray(t)) {
      for (const x of t) stack.push(x);
      continue;
    }
    const o = t;
    if (o.type === "comment" && typeof o.offset === "number" && typeof o.source === "string") {
      out.push([o.offset, o.source]);
      continue;
    }
    for (const v of Object.values(o)) if (v && typeof v === "object") stack.push(v);
  }
}
function commentSnippet(file, lineMap, comments) {
  let value = "";
  const starts = [];
  const ends = [];
  comments.forEach(([off, src], i) => {
    if (i > 0) {
      value += "\n";
      const prevEnd = comments[i - 1][0] + comments[i - 1][1].length;
      starts.push(prevEnd);
      ends.push(prevEnd + 1);
    }
    value += src;
    for (let k = 0; k < src.length; k++) {
      starts.push(off + k);
      ends.push(off + k + 1);
    }
  });
  return buildSnippet({
    file,
    lineMap,
    mapped: { value, starts: Int32Array.from(starts), ends: Int32Array.from(ends), exact: true },
    language: "shell",
    origin: "comment",
    subject: "comments",
    attributePath: "comment",
    fallbackRange: lineMap.range(0, 0)
  });
}
function languageOfScript(file) {
  return /\.ps1$/i.test(file) ? "powershell" : "shell";
}
function parseCiDocument(file, text2, kind) {
  const lineMap = new LineMap(text2);
  const doc = { file, kind, text: text2, lineMap, errors: [], comments: [], scripts: [] };
  const ctx = { file, lineMap, scripts: doc.scripts };
  if (kind === "script") {
    const sn = buildSnippet({
      file,
      lineMap,
      mapped: identityMapping(text2),
      language: languageOfScript(file),
      origin: "file",
      subject: "script",
      attributePath: "",
      fallbackRange: lineMap.range(0, 0)
    });
    doc.scripts.push(sn);
    for (const c of sn.comments) doc.comments.push({ text: c.text, range: c.range, source: "script" });
    return doc;
  }
  let tokens = [];
  let docs = [];
  try {
    tokens = [...new import_yaml2.Parser().parse(text2)];
    docs = [...new import_yaml2.Composer({ keepSourceTokens: true, version: "1.2" }).compose(tokens, true, text2.length)];
  } catch (e) {
    doc.errors.push({ message: `YAML parser failed: ${e.message}`, range: lineMap.range(0, 0) });
    return doc;
  }
  const rawComments = [];
  collectYamlComments(tokens, rawComments);
  rawComments.sort((a, b) => a[0] - b[0]);
  for (const [off, src] of rawComments) {
    doc.comments.push({ text: src, range: lineMap.range(off, off + src.length), source: "yaml" });
  }
  if (rawComments.length > 0) doc.commentScript = commentSnippet(file, lineMap, rawComments);
  for (const d of docs) {
    for (const err2 of d.errors) {
      const [s, e] = err2.pos;
      const range = lineMap.range(s, Math.max(s, e));
      const pe = { message: err2.message.split("\n")[0] ?? err2.message, range };
      if (err2.code) pe.code = err2.code;
      doc.errors.push(pe);
    }
  }
  try {
    for (const d of docs) {
      const root = d.contents;
      if (!(0, import_yaml2.isMap)(root)) continue;
      if (kind === "github-workflow") {
        if (!doc.workflow) doc.workflow = buildWorkflow(ctx, root);
      } else if (kind === "github-action") {
        if (!doc.workflow) doc.workflow = buildAction(ctx, root);
      } else if (kind === "azure-pipeline") {
        const p = buildPipeline(ctx, root);
        if (!doc.pipeline) doc.pipeline = p;
        else doc.pipeline.steps.push(...p.steps);
      }
    }
  } catch (e) {
    doc.errors.push({ message: `could not read the CI structure: ${e.message}`, range: lineMap.range(0, 0) });
  }
  for (const sn of doc.scripts) {
    for (const c of sn.comments) doc.comments.push({ text: c.text, range: c.range, source: "script" });
  }
  doc.comments.sort((a, b) => a.range.start.offset - b.range.start.offset);
  doc.errors.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return doc;
}

// rules/ci/CI001-sdk-auth-deprecated.ts
var FLAGS = /* @__PURE__ */ new Set(["--sdk-auth", "--json-auth"]);
function isAz(t) {
  const w = t.text.toLowerCase();
  return w === "az" || w === "az.cmd" || w.endsWith("/az") || w.endsWith("\\az.cmd");
}
function sdkAuthFlags(words) {
  const out = [];
  for (let i = 0; i + 3 < words.length; i++) {
    if (!isAz(words[i])) continue;
    const [ad, sp, cmd] = [words[i + 1], words[i + 2], words[i + 3]].map((t) => t.text.toLowerCase());
    if (ad !== "ad" || sp !== "sp" || cmd !== "create-for-rbac") continue;
    for (let j = i + 4; j < words.length; j++) {
      const t = words[j];
      const [name, val] = t.text.toLowerCase().split("=", 2);
      if (!FLAGS.has(name)) continue;
      const next = val ?? words[j + 1]?.text.toLowerCase();
      if (next === "false") continue;
      out.push(t);
    }
  }
  return out;
}
var rule26 = {
  meta: {
    id: "CI001",
    name: "sdk-auth-deprecated",
    shortDescription: "`az ad sp create-for-rbac --sdk-auth` (or `--json-auth`) in a CI script mints a long-lived client secret as JSON.",
    fullDescription: "The `--sdk-auth` flag (and its alias `--json-auth`) of `az ad sp create-for-rbac` prints a service principal with a freshly created client secret as one JSON blob, the format of the `AZURE_CREDENTIALS` secret of the old azure/login `creds:` input. The secret is long-lived, is pasted into repository or pipeline secrets, and anyone who reads it can act as the principal until it expires or is rotated. The flag is deprecated; OIDC workload identity federation needs no secret at all.",
    help: "Replace the secret with OIDC: create a federated credential for the app registration or a user-assigned managed identity and sign in with azure/login `client-id`, `tenant-id`, `subscription-id` (Azure Pipelines: a workload identity federation service connection).",
    level: "error",
    tags: ["security", "ci", "credentials"],
    securitySeverity: 7.5,
    formats: ["github-actions", "azure-pipelines", "script"],
    docPath: "rules/ci/CI001-sdk-auth-deprecated.md"
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc)) return;
        for (const sn of doc.commentScript ? [...doc.scripts, doc.commentScript] : doc.scripts) {
          let n = 0;
          for (const cmd of sn.commands) {
            for (const words of simpleCommands(cmd)) {
              for (const flag of sdkAuthFlags(words)) {
                n++;
                const base = sn.attributePath || "script";
                const flagName = flag.text.split("=")[0];
                ctx.report({
                  location: { file: doc.file, range: flag.range },
                  message: cmd.commented ? `commented-out \`az ad sp create-for-rbac ${flagName}\` would mint a long-lived client secret as JSON; delete it and use OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id)` : `\`az ad sp create-for-rbac ${flagName}\` mints a long-lived client secret as JSON; use OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id)`,
                  ...cmd.commented ? { level: "note" } : {},
                  subject: sn.subject,
                  attributePath: n === 1 ? base : `${base}#${n}`
                });
              }
            }
          }
        }
      }
    };
  }
};
var CI001_sdk_auth_deprecated_default = rule26;

// rules/ci/CI002-azure-login-with-secret.ts
var rule27 = {
  meta: {
    id: "CI002",
    name: "azure-login-with-secret",
    shortDescription: "GitHub `azure/login` with `creds:` or an `azure_credentials:` input signs in with a service-principal secret instead of OIDC.",
    fullDescription: "The `creds:` input of azure/login and the `azure_credentials:` input of the retired Azure/aml-* actions take a service-principal JSON that contains a client secret. The secret lives in the repository secrets, is valid for months or years, works from anywhere and must be rotated by hand; a leaked log line or a compromised action exposes a credential that outlives the job. OIDC (a federated credential trusted for this repository, branch or environment) issues a token that is valid for minutes and only for this workflow. azure/login ignores `creds` when `client-id` is also given, so that case is not reported.",
    help: "Create a federated credential for the app registration or managed identity and use azure/login with `client-id`, `tenant-id` and `subscription-id` (and `permissions: id-token: write`); replace Azure/aml-* actions with the Azure ML CLI v2 (`az ml`) after azure/login.",
    level: "error",
    tags: ["security", "ci", "credentials"],
    securitySeverity: 7.5,
    formats: ["github-actions"],
    docPath: "rules/ci/CI002-azure-login-with-secret.md"
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc) || !doc.workflow) return;
        for (const job of doc.workflow.jobs) {
          for (const step of job.steps) {
            const u = step.uses;
            if (!u || u.kind !== "action") continue;
            const owner = (u.owner ?? "").toLowerCase();
            const repo = (u.repo ?? "").toLowerCase();
            const related = [{ file: doc.file, range: u.range, label: `uses: ${u.value}` }];
            if (owner === "azure" && repo === "login" && !u.path) {
              const creds = step.with.find((w) => w.key === "creds");
              const clientId = step.with.find((w) => w.key === "client-id");
              if (creds && !clientId) {
                ctx.report({
                  location: { file: doc.file, range: creds.keyRange },
                  message: "`azure/login` with `creds:` signs in with a long-lived service-principal secret; use OIDC instead: `client-id`, `tenant-id`, `subscription-id` with `permissions: id-token: write`",
                  related,
                  subject: step.subject,
                  attributePath: "with.creds"
                });
              }
              continue;
            }
            const ac = step.with.find((w) => w.key === "azure_credentials");
            if (ac) {
              ctx.report({
                location: { file: doc.file, range: ac.keyRange },
                message: `\`${u.value}\` takes \`azure_credentials:\`, a long-lived service-principal secret; sign in with azure/login over OIDC (client-id, tenant-id, subscription-id) and use the Azure ML CLI v2 (\`az ml\`) instead`,
                related,
                subject: step.subject,
                attributePath: "with.azure_credentials"
              });
            }
          }
        }
      }
    };
  }
};
var CI002_azure_login_with_secret_default = rule27;

// rules/ci/CI003-oidc-without-id-token-permission.ts
function describe(p) {
  if (p.kind === "map") {
    const entries2 = Object.entries(p.scopes);
    return entries2.length === 0 ? "`{}`" : `\`${entries2.map(([k, v]) => `${k}: ${v}`).join(", ")}\``;
  }
  return p.kind === "read-all" ? "`read-all`" : "a value that grants no `id-token: write`";
}
var rule28 = {
  meta: {
    id: "CI003",
    name: "oidc-without-id-token-permission",
    shortDescription: "`azure/login` with `client-id` (OIDC) in a job whose effective permissions do not grant `id-token: write`.",
    fullDescription: 'OIDC sign-in needs the job to request a GitHub ID token, which is only possible with `id-token: write`. The effective permissions of a job are its own `permissions:`, else the workflow-level `permissions:`, else the repository default, which never includes `id-token`. A job-level block replaces the workflow-level one entirely, so a job that sets `contents: read` loses an `id-token: write` granted at the top. Without it azure/login fails at run time ("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"), typically only on the deploy path. A reusable workflow (`on: workflow_call`) without permissions of its own inherits those of the caller and is not reported.',
    help: "Add `permissions: { id-token: write, contents: read }` to the job (or to the workflow when no job overrides it).",
    level: "error",
    tags: ["ci", "correctness", "identity"],
    formats: ["github-actions"],
    docPath: "rules/ci/CI003-oidc-without-id-token-permission.md"
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc) || !doc.workflow || doc.workflow.composite) return;
        const wf = doc.workflow;
        for (const job of wf.jobs) {
          const effective = job.permissions ?? wf.permissions;
          if (!effective && wf.reusable) continue;
          if (grantsIdTokenWrite(effective)) continue;
          for (const step of job.steps) {
            const u = step.uses;
            if (!u || u.kind !== "action" || u.path) continue;
            if ((u.owner ?? "").toLowerCase() !== "azure" || (u.repo ?? "").toLowerCase() !== "login") continue;
            if (!step.with.some((w) => w.key === "client-id")) continue;
            const related = [];
            let where;
            if (job.permissions) {
              related.push({ file: doc.file, range: job.permissions.range, label: `permissions of job ${job.id}` });
              where = `job \`${job.id}\` sets permissions ${describe(job.permissions)}${wf.permissions ? ", which replaces the workflow-level block" : ""}`;
            } else if (wf.permissions) {
              related.push({ file: doc.file, range: wf.permissions.range, label: "workflow permissions" });
              where = `job \`${job.id}\` inherits workflow permissions ${describe(wf.permissions)}`;
            } else {
              where = `job \`${job.id}\` has no \`permissions:\` and the default token has no \`id-token\``;
            }
            ctx.report({
              location: { file: doc.file, range: { start: u.keyRange.start, end: u.range.end } },
              message: `\`azure/login\` with \`client-id\` needs an OIDC token but ${where}; add \`id-token: write\` (with \`contents: read\`) to the job's permissions`,
              related,
              subject: step.subject,
              attributePath: "permissions.id-token"
            });
          }
        }
      }
    };
  }
};
var CI003_oidc_without_id_token_permission_default = rule28;

// rules/ci/CI004-action-not-pinned.ts
var BRANCHES = /* @__PURE__ */ new Set(["main", "master", "latest", "dev"]);
function unpinned(u) {
  if (u.kind === "local" || u.kind === "expression") return void 0;
  if (u.kind === "docker") {
    const image = u.value.trim().slice("docker://".length);
    if (image.includes("@sha256:")) return void 0;
    const lastSeg = image.slice(image.lastIndexOf("/") + 1);
    const colon = lastSeg.indexOf(":");
    if (colon < 0 || lastSeg.slice(colon + 1).toLowerCase() === "latest") return "docker-latest";
    return void 0;
  }
  if (u.ref === void 0 || u.ref === "") return "no-ref";
  return BRANCHES.has(u.ref.toLowerCase()) ? "branch" : void 0;
}
var rule29 = {
  meta: {
    id: "CI004",
    name: "action-not-pinned",
    shortDescription: "`uses:` of a third-party action or reusable workflow at a branch (`@main`, `@master`, `@latest`, `@dev`) or with no ref.",
    fullDescription: "A branch ref is a moving target: every push to that branch of the other repository changes the code that runs in your workflow, with your secrets, your `GITHUB_TOKEN` and your cloud credentials. A compromised or careless upstream commit lands in your deployment without review. Release tags are acceptable; a full-length commit SHA is the only immutable reference. Local actions (`./\u2026`) and Docker images pinned by digest are fine.",
    help: "Pin the action to a release tag, or better to a full 40-character commit SHA with the tag in a comment (`uses: owner/action@<sha> # v4.1.0`).",
    level: "warning",
    tags: ["security", "ci", "supply-chain"],
    securitySeverity: 6.5,
    formats: ["github-actions"],
    docPath: "rules/ci/CI004-action-not-pinned.md"
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc) || !doc.workflow) return;
        const check = (u, subject) => {
          if (!u) return;
          const why = unpinned(u);
          if (!why) return;
          const what = u.kind === "reusable-workflow" ? "reusable workflow" : u.kind === "docker" ? "Docker image" : "action";
          const message = why === "branch" ? `${what} \`${u.value}\` follows the branch \`${u.ref}\`: any push there runs in this workflow with its secrets; pin a release tag or, best, a full commit SHA` : why === "no-ref" ? `${what} \`${u.value}\` has no ref; pin a release tag or, best, a full commit SHA (\`@<sha> # vX.Y.Z\`)` : `${what} \`${u.value}\` is not pinned (implicit or explicit \`latest\`); pin it by digest (\`@sha256:\u2026\`)`;
          ctx.report({ location: { file: doc.file, range: u.range }, message, subject, attributePath: "uses" });
        };
        for (const job of doc.workflow.jobs) {
          check(job.uses, job.subject);
          for (const step of job.steps) check(step.uses, step.subject);
        }
      }
    };
  }
};
var CI004_action_not_pinned_default = rule29;

// rules/ci/CI005-terraform-apply-without-plan.ts
var VALUE_OPTS = /* @__PURE__ */ new Set([
  "var",
  "var-file",
  "target",
  "replace",
  "lock-timeout",
  "parallelism",
  "state",
  "state-out",
  "backup",
  "chdir"
]);
function isTerraform(t) {
  const w = t.text.toLowerCase().replace(/\\/g, "/");
  const base = w.slice(w.lastIndexOf("/") + 1);
  return base === "terraform" || base === "terraform.exe";
}
function isRedirect(w) {
  return /^\d*(>>?|<)(&\d*)?$/.test(w) || /^&>>?$/.test(w);
}
function applyWithoutPlan(words) {
  for (let i = 0; i < words.length; i++) {
    if (!isTerraform(words[i])) continue;
    let j = i + 1;
    while (j < words.length && words[j].text.startsWith("-")) j++;
    const sub2 = words[j];
    if (!sub2 || sub2.text !== "apply") continue;
    let autoApprove = false;
    let planFile = false;
    for (let k = j + 1; k < words.length; k++) {
      const w = words[k].text;
      if (isRedirect(w)) {
        k++;
        continue;
      }
      if (/^\d*[<>]/.test(w)) continue;
      if (w.startsWith("-")) {
        const name = w.replace(/^--?/, "");
        const [opt, val] = name.split("=", 2);
        if (opt === "auto-approve") {
          if (val === void 0 || val.toLowerCase() === "true") autoApprove = true;
          continue;
        }
        if (val === void 0 && VALUE_OPTS.has(opt)) k++;
        continue;
      }
      planFile = true;
    }
    if (autoApprove && !planFile) return sub2;
  }
  return void 0;
}
var rule30 = {
  meta: {
    id: "CI005",
    name: "terraform-apply-without-plan",
    shortDescription: "A CI step runs `terraform apply -auto-approve` without a saved plan file.",
    fullDescription: "`terraform apply -auto-approve` with no plan file computes a fresh plan at apply time and executes it without anyone seeing it. What changes is whatever the configuration, variables, provider versions and the live state produce at that moment, not what was reviewed in the pull request: drift, a concurrent change or a new provider release can destroy or replace resources (an AML workspace, a key vault, a storage account holding data) silently.",
    help: "Run `terraform plan -out=tfplan`, review or approve that plan (an environment with required reviewers), then run `terraform apply tfplan`.",
    level: "warning",
    tags: ["security", "ci", "change-control"],
    securitySeverity: 5,
    formats: ["github-actions", "azure-pipelines", "script"],
    docPath: "rules/ci/CI005-terraform-apply-without-plan.md"
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc)) return;
        for (const sn of doc.scripts) {
          let n = 0;
          for (const cmd of sn.commands) {
            if (cmd.commented) continue;
            for (const words of simpleCommands(cmd)) {
              const apply = applyWithoutPlan(words);
              if (!apply) continue;
              n++;
              const base = sn.attributePath || "script";
              ctx.report({
                location: { file: doc.file, range: apply.range },
                message: "`terraform apply -auto-approve` without a saved plan applies whatever is planned at run time, not what was reviewed; run `terraform plan -out=tfplan`, review it, then `terraform apply tfplan`",
                subject: sn.subject,
                attributePath: n === 1 ? base : `${base}#${n}`
              });
            }
          }
        }
      }
    };
  }
};
var CI005_terraform_apply_without_plan_default = rule30;

// rules/core/PARSE001-parse-error.ts
var rule31 = {
  meta: {
    id: "PARSE001",
    name: "parse-error",
    shortDescription: "A file could not be parsed.",
    fullDescription: "The file has a syntax error (or cannot be read as text), so none of its content was linted. Every other file was still linted.",
    help: "Fix the syntax error at the reported position (terraform fmt, az bicep build or a JSON/YAML validator show the same problem).",
    level: "error",
    tags: ["correctness"],
    formats: ["any"],
    docPath: "rules/core/PARSE001-parse-error.md"
  },
  create() {
    return {};
  }
};
var PARSE001_parse_error_default = rule31;

// rules/core/EVAL001-evaluation-incomplete.ts
var rule32 = {
  meta: {
    id: "EVAL001",
    name: "evaluation-incomplete",
    shortDescription: "Evaluation stopped early; part of the code was not linted.",
    fullDescription: "A count, for_each or copy loop expanded to more instances than the linter evaluates, so the instances past the cap were not checked.",
    help: "Nothing to fix in most cases; lint a smaller variant or raise the cap if the remaining instances matter.",
    level: "warning",
    tags: ["correctness"],
    formats: ["terraform", "azapi", "arm", "bicep-compiled"],
    docPath: "rules/core/EVAL001-evaluation-incomplete.md"
  },
  create() {
    return {};
  }
};
var EVAL001_evaluation_incomplete_default = rule32;

// rules/index.ts
var ALL_RULES = [
  AML001_workspace_public_network_access_default,
  AML002_private_registry_needs_image_build_compute_default,
  AML003_image_build_compute_not_a_cluster_default,
  AML004_compute_cluster_min_nodes_default,
  AML005_compute_instance_idle_shutdown_default,
  AML006_compute_node_public_ip_default,
  GPU001_gpu_workload_on_non_gpu_size_default,
  GPU002_gpu_size_input_unvalidated_default,
  GPU003_gpu_pool_not_scale_to_zero_default,
  AKS001_gpu_node_pool_without_taint_default,
  AKS002_gpu_size_in_system_pool_default,
  KV001_keyvault_purge_protection_default,
  KV002_keyvault_rbac_authorization_default,
  ACR001_registry_admin_user_default,
  ACR002_private_registry_needs_premium_default,
  ST001_storage_public_blob_access_default,
  ST002_storage_min_tls_default,
  NET001_admin_port_open_to_internet_default,
  TF001_local_terraform_state_default,
  TF002_state_file_in_repository_default,
  TF003_provider_version_unpinned_default,
  SEC001_hardcoded_secret_default,
  TAG001_missing_required_tags_default,
  TAG002_gpu_resource_without_cost_center_default,
  GOV001_location_not_allowed_default,
  CI001_sdk_auth_deprecated_default,
  CI002_azure_login_with_secret_default,
  CI003_oidc_without_id_token_permission_default,
  CI004_action_not_pinned_default,
  CI005_terraform_apply_without_plan_default,
  PARSE001_parse_error_default,
  EVAL001_evaluation_incomplete_default
];

// src/eval/arm/project.ts
import fs3 from "node:fs";
import path7 from "node:path";

// src/eval/arm/detect.ts
import * as path6 from "node:path";
var norm = (p) => path6.normalize(p).replace(/\\/g, "/").toLowerCase();
function candidatesByName(paramFile) {
  const dir = path6.dirname(paramFile);
  const base = path6.basename(paramFile);
  const out = [];
  const m = /^(.+?)\.parameters(\.[^.]+)*\.json$/i.exec(base);
  if (m) out.push(path6.join(dir, `${m[1]}.json`));
  const p = /^(?:params|parameters)\.(.+)\.json$/i.exec(base);
  if (p) out.push(path6.join(dir, `${p[1]}.json`), path6.join(dir, `deploy.${p[1]}.json`));
  if (/^parameters\.json$/i.test(base)) out.push(path6.join(dir, "template.json"), path6.join(dir, "azuredeploy.json"), path6.join(dir, "main.json"));
  if (/^(?:params|parameters)\.(dev|test|prod|prd|qa|uat|stage|staging|sandbox|int)\.json$/i.test(base)) out.push(path6.join(dir, "main.json"), path6.join(dir, "azuredeploy.json"));
  return out;
}
function pairParameterFiles(templates, paramFiles, readMetadataTemplate) {
  const result = /* @__PURE__ */ new Map();
  const byNorm = /* @__PURE__ */ new Map();
  for (const t of templates) {
    result.set(t, []);
    byNorm.set(norm(t), t);
  }
  for (const pf of paramFiles) {
    let target;
    let meta;
    try {
      meta = readMetadataTemplate(pf);
    } catch {
      meta = void 0;
    }
    if (meta) target = byNorm.get(norm(path6.join(path6.dirname(pf), meta)));
    if (!target) {
      for (const c of candidatesByName(pf)) {
        target = byNorm.get(norm(c));
        if (target) break;
      }
    }
    if (target && target !== pf) result.get(target).push(pf);
  }
  for (const list2 of result.values()) list2.sort();
  return result;
}

// src/eval/arm/expression.ts
function classifyString(s) {
  if (s.startsWith("[[")) return { kind: "literal", value: s.slice(1) };
  if (s.startsWith("[")) {
    const t = s.trimEnd();
    if (t.endsWith("]")) return { kind: "expression", text: t.slice(1, -1) };
  }
  return { kind: "literal", value: s };
}
var ExprSyntaxError = class extends Error {
};
var Parser3 = class {
  constructor(s) {
    this.s = s;
  }
  s;
  i = 0;
  fail(msg) {
    throw new ExprSyntaxError(`${msg} at position ${this.i + 1} of expression`);
  }
  ws() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  peek() {
    this.ws();
    return this.s[this.i] ?? "";
  }
  expect(ch) {
    if (this.peek() !== ch) this.fail(this.i >= this.s.length ? `expected '${ch}' but the expression ended` : `expected '${ch}' but found '${this.s[this.i]}'`);
    this.i++;
  }
  ident() {
    this.ws();
    const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(this.s.slice(this.i));
    if (!m) this.fail("expected a name");
    this.i += m[0].length;
    return m[0];
  }
  parseAll() {
    const e = this.expr();
    this.ws();
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}'`);
    return e;
  }
  expr() {
    let e = this.primary();
    for (; ; ) {
      const c = this.peek();
      if (c === ".") {
        this.i++;
        e = { kind: "prop", target: e, name: this.ident() };
      } else if (c === "[") {
        this.i++;
        const index = this.expr();
        this.expect("]");
        e = { kind: "index", target: e, index };
      } else return e;
    }
  }
  primary() {
    const c = this.peek();
    if (c === "") this.fail("expected a value but the expression ended");
    if (c === "'") return this.string();
    if (/[0-9-]/.test(c)) return this.number();
    if (c === "(") this.fail("unexpected '('");
    let name = this.ident();
    const save = this.i;
    if (this.peek() === ".") {
      this.i++;
      this.ws();
      const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(this.s.slice(this.i));
      if (m) {
        const after = this.i + m[0].length;
        let j = after;
        while (j < this.s.length && /\s/.test(this.s[j])) j++;
        if (this.s[j] === "(") {
          name = `${name}.${m[0]}`;
          this.i = after;
        } else this.i = save;
      } else this.i = save;
    }
    if (this.peek() !== "(") {
      const lower = name.toLowerCase();
      if (lower === "true") return { kind: "bool", value: true };
      if (lower === "false") return { kind: "bool", value: false };
      if (lower === "null") return { kind: "null" };
      this.fail(`expected '(' after function name '${name}'`);
    }
    this.i++;
    const args = [];
    if (this.peek() === ")") {
      this.i++;
      return { kind: "call", name, args };
    }
    for (; ; ) {
      args.push(this.expr());
      const d = this.peek();
      if (d === ",") {
        this.i++;
        continue;
      }
      if (d === ")") {
        this.i++;
        return { kind: "call", name, args };
      }
      this.fail(d === "" ? "expected ',' or ')' but the expression ended" : `expected ',' or ')' but found '${d}'`);
    }
  }
  string() {
    this.i++;
    let out = "";
    for (; ; ) {
      if (this.i >= this.s.length) this.fail("unterminated string");
      const ch = this.s[this.i];
      if (ch === "'") {
        if (this.s[this.i + 1] === "'") {
          out += "'";
          this.i += 2;
          continue;
        }
        this.i++;
        return { kind: "string", value: out };
      }
      out += ch;
      this.i++;
    }
  }
  number() {
    const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.s.slice(this.i));
    if (!m) this.fail("invalid number");
    this.i += m[0].length;
    return { kind: "number", value: Number(m[0]) };
  }
};
var cache = /* @__PURE__ */ new Map();
function parseExpression(text2) {
  const hit = cache.get(text2);
  if (hit) return hit;
  let res;
  try {
    res = { ok: true, expr: new Parser3(text2).parseAll() };
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    res = { ok: false, error: e.message };
  }
  if (cache.size > 5e4) cache.clear();
  cache.set(text2, res);
  return res;
}
function quoteArm(s) {
  return `'${s.replace(/'/g, "''")}'`;
}

// src/eval/arm/resourceid.ts
var escapeBraces = (s) => s.replace(/\{/g, "{{").replace(/\}/g, "}}");
function tplUnknown(reason, loc2, token) {
  const u = unknown(reason, loc2, token);
  if (token !== void 0) u.tpl = true;
  return u;
}
function templateText(v) {
  switch (v.kind) {
    case "string":
      return escapeBraces(v.value);
    case "number":
      return String(v.value);
    case "bool":
      return v.value ? "True" : "False";
    case "unknown":
      if (v.token === void 0) return void 0;
      return v.tpl ? v.token : `{${escapeHoleless(v.token)}}`;
    default:
      return void 0;
  }
}
var escapeHoleless = (t) => t;
function splitTemplate(t, sep = "/") {
  const out = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (depth === 0 && c === "{" && t[i + 1] === "{") {
      cur += "{{";
      i++;
    } else if (depth === 0 && c === "}" && t[i + 1] === "}") {
      cur += "}}";
      i++;
    } else if (c === "{") {
      depth++;
      cur += c;
    } else if (c === "}") {
      depth = Math.max(0, depth - 1);
      cur += c;
    } else if (depth === 0 && c === sep) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
function nameSegments(v) {
  const t = templateText(v);
  if (t === void 0) return void 0;
  return splitTemplate(t).filter((s) => s !== "");
}
function buildResourceId(prefix, type, names, loc2, fname) {
  const typeSegs = type.split("/").filter((s) => s !== "");
  const pre = prefix.map(templateText);
  const nameSegs = [];
  let identifiable = pre.every((p) => p !== void 0);
  for (const n of names) {
    const s = nameSegments(n);
    if (s === void 0) identifiable = false;
    else nameSegs.push(...s);
  }
  const known2 = prefix.every((p) => p.kind === "string") && names.every((n) => n.kind === "string" || n.kind === "number");
  if (!identifiable) return unknown(`${fname}(): the resource id depends on a value without identity`, loc2);
  let path11 = pre.join("") + "/providers/" + escapeBraces(typeSegs[0] ?? "");
  for (let i = 0; i < Math.max(typeSegs.length - 1, nameSegs.length); i++) {
    if (typeSegs[i + 1] !== void 0) path11 += "/" + escapeBraces(typeSegs[i + 1]);
    if (nameSegs[i] !== void 0) path11 += "/" + nameSegs[i];
  }
  if (known2) return str(path11.replace(/\{\{/g, "{").replace(/\}\}/g, "}"), loc2);
  return tplUnknown(`${fname}(): the resource id depends on deployment state or an unknown name`, loc2, path11);
}
function armResourceKey(type, name) {
  const segs = nameSegments(name) ?? ["{?}"];
  return `${type.split("/").filter((s) => s !== "").join("/")}/${segs.join("/")}`.toLowerCase();
}
function armResourceIdKey(value) {
  let t;
  if (value.kind === "string") t = escapeBraces(value.value);
  else if (value.kind === "unknown" && value.tpl && value.token !== void 0) t = value.token;
  if (t === void 0) return void 0;
  const segs = splitTemplate(t);
  let p = -1;
  for (let i = segs.length - 1; i >= 0; i--) {
    if (segs[i].toLowerCase() === "providers") {
      p = i;
      break;
    }
  }
  if (p < 0) {
    if (segs.length === 5 && segs[0] === "" && segs[1].toLowerCase() === "subscriptions" && segs[3].toLowerCase() === "resourcegroups" && segs[4] !== "") {
      return `microsoft.resources/resourcegroups/${segs[4]}`.toLowerCase();
    }
    return void 0;
  }
  const rest = segs.slice(p + 1);
  if (rest.length < 3 || rest.length % 2 === 0 || rest.some((s) => s === "")) return void 0;
  if (!/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/.test(rest[0])) return void 0;
  const types = [rest[0]];
  const names = [];
  for (let i = 1; i < rest.length; i += 2) {
    types.push(rest[i]);
    names.push(rest[i + 1]);
  }
  return `${types.join("/")}/${names.join("/")}`.toLowerCase();
}

// src/eval/arm/evaluate.ts
var U = (reason, loc2, token) => unknown(reason, loc2, token);
function tokenText(v) {
  switch (v.kind) {
    case "string":
      return quoteArm(v.value);
    case "number":
      return String(v.value);
    case "bool":
      return String(v.value);
    case "null":
      return "null()";
    case "list": {
      const parts = v.items.map(tokenText);
      return parts.every((p) => p !== void 0) ? `createArray(${parts.join(", ")})` : void 0;
    }
    case "object": {
      const parts = [];
      for (const [k, e] of v.entries) {
        const t = tokenText(e);
        if (t === void 0) return void 0;
        parts.push(quoteArm(k), t);
      }
      return `createObject(${parts.join(", ")})`;
    }
    case "unknown":
      return v.tpl ? `format(${quoteArm(v.token ?? "")})` : v.token;
  }
}
function callToken(name, args) {
  const parts = args.map(tokenText);
  return parts.every((p) => p !== void 0) ? `${name}(${parts.join(", ")})` : void 0;
}
var templatePart = templateText;
function firstUnknown2(args) {
  for (const a of args) {
    if (a.kind === "unknown") return a;
  }
  for (const a of args) if (containsUnknown(a)) return unknown("contains an unknown value");
  return void 0;
}
function scalarString2(v) {
  switch (v.kind) {
    case "string":
      return v.value;
    case "number":
      return String(v.value);
    case "bool":
      return v.value ? "True" : "False";
    case "null":
      return "";
    default:
      return JSON.stringify(toPlain(v));
  }
}
function toPlain(v) {
  switch (v.kind) {
    case "string":
    case "number":
    case "bool":
      return v.value;
    case "null":
      return null;
    case "list":
      return v.items.map(toPlain);
    case "object": {
      const o = {};
      for (const [k, e] of v.entries) o[k] = toPlain(e);
      return o;
    }
    default:
      return void 0;
  }
}
function deepEqual(a, b) {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "string":
    case "number":
    case "bool":
      return a.value === b.value;
    case "null":
      return true;
    case "list": {
      const bi = b.items;
      return a.items.length === bi.length && a.items.every((x, i) => deepEqual(x, bi[i]));
    }
    case "object": {
      const be = b.entries;
      if (a.entries.size !== be.size) return false;
      for (const [k, e] of a.entries) {
        const o = member(b, k);
        if (!o || !deepEqual(e, o)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
function reorigin(v, origin) {
  return { ...v, origin };
}
var fns2 = /* @__PURE__ */ new Map();
function def(name, fn, partial = false) {
  fns2.set(name.toLowerCase(), { name, fn, partial });
}
var err = (loc2, name, msg) => U(`${name}(): ${msg}`, loc2);
function asInt(v) {
  return v?.kind === "number" ? Math.trunc(v.value) : void 0;
}
def(
  "and",
  (args, loc2) => {
    let unk2;
    for (const a of args) {
      if (a.kind === "bool") {
        if (!a.value) return bool(false, loc2);
      } else if (a.kind === "unknown") unk2 ??= a;
      else return err(loc2, "and", "arguments must be booleans");
    }
    return unk2 ? U("and(): depends on an unknown value", loc2, callToken("and", args)) : bool(true, loc2);
  },
  true
);
def(
  "or",
  (args, loc2) => {
    let unk2;
    for (const a of args) {
      if (a.kind === "bool") {
        if (a.value) return bool(true, loc2);
      } else if (a.kind === "unknown") unk2 ??= a;
      else return err(loc2, "or", "arguments must be booleans");
    }
    return unk2 ? U("or(): depends on an unknown value", loc2, callToken("or", args)) : bool(false, loc2);
  },
  true
);
def("not", ([a], loc2) => a?.kind === "bool" ? bool(!a.value, loc2) : err(loc2, "not", "argument must be a boolean"));
def("equals", ([a, b], loc2) => a && b ? bool(deepEqual(a, b), loc2) : err(loc2, "equals", "needs two arguments"));
def("true", (_a, loc2) => bool(true, loc2));
def("false", (_a, loc2) => bool(false, loc2));
def("null", (_a, loc2) => nul(loc2));
function compare(name, test) {
  return ([a, b], loc2) => {
    if (a?.kind === "number" && b?.kind === "number") return bool(test(a.value - b.value), loc2);
    if (a?.kind === "string" && b?.kind === "string") return bool(test(a.value < b.value ? -1 : a.value > b.value ? 1 : 0), loc2);
    return err(loc2, name, "arguments must be two numbers or two strings");
  };
}
def("less", compare("less", (c) => c < 0));
def("lessOrEquals", compare("lessOrEquals", (c) => c <= 0));
def("greater", compare("greater", (c) => c > 0));
def("greaterOrEquals", compare("greaterOrEquals", (c) => c >= 0));
function arith(name, op) {
  return ([a, b], loc2) => {
    if (a?.kind !== "number" || b?.kind !== "number") return err(loc2, name, "arguments must be integers");
    const r = op(a.value, b.value);
    return r === void 0 || !Number.isFinite(r) ? err(loc2, name, "invalid operation") : num(r, loc2);
  };
}
def("add", arith("add", (a, b) => a + b));
def("sub", arith("sub", (a, b) => a - b));
def("mul", arith("mul", (a, b) => a * b));
def("div", arith("div", (a, b) => b === 0 ? void 0 : Math.trunc(a / b)));
def("mod", arith("mod", (a, b) => b === 0 ? void 0 : a % b));
function minmax(name, pick) {
  return (args, loc2) => {
    const xs = args.length === 1 && args[0].kind === "list" ? args[0].items : args;
    if (xs.length === 0 || xs.some((x) => x.kind !== "number")) return err(loc2, name, "arguments must be integers");
    return num(pick(xs.map((x) => x.value)), loc2);
  };
}
def("min", minmax("min", (xs) => Math.min(...xs)));
def("max", minmax("max", (xs) => Math.max(...xs)));
def("int", ([a], loc2) => {
  if (a?.kind === "number") return reorigin(num(Math.trunc(a.value)), a.origin ?? loc2);
  if (a?.kind === "string" && /^\s*[+-]?\d+\s*$/.test(a.value)) return { ...num(parseInt(a.value, 10)), origin: a.origin ?? loc2, via: a.via };
  return err(loc2, "int", "cannot convert to an integer");
});
def("float", ([a], loc2) => {
  if (a?.kind === "number") return a;
  if (a?.kind === "string" && a.value.trim() !== "" && Number.isFinite(Number(a.value))) return { ...num(Number(a.value)), origin: a.origin ?? loc2, via: a.via };
  return err(loc2, "float", "cannot convert to a number");
});
def("range", ([a, b], loc2) => {
  const s = asInt(a);
  const c = asInt(b);
  if (s === void 0 || c === void 0 || c < 0 || c > 1e4) return err(loc2, "range", "invalid arguments");
  return list(
    Array.from({ length: c }, (_, i) => num(s + i, loc2)),
    loc2
  );
});
def("bool", ([a], loc2) => {
  if (a?.kind === "bool") return a;
  if (a?.kind === "string") {
    const l = a.value.toLowerCase();
    if (l === "true" || l === "false") return { ...bool(l === "true"), origin: a.origin ?? loc2, via: a.via };
  }
  if (a?.kind === "number") return { ...bool(a.value !== 0), origin: a.origin ?? loc2, via: a.via };
  return err(loc2, "bool", "cannot convert to a boolean");
});
def("string", ([a], loc2) => {
  if (!a) return err(loc2, "string", "needs an argument");
  if (a.kind === "string") return a;
  return { ...str(scalarString2(a)), origin: a.kind === "list" || a.kind === "object" ? loc2 : a.origin ?? loc2, via: a.via };
});
def("json", ([a], loc2) => {
  if (a?.kind !== "string") return err(loc2, "json", "argument must be a string");
  try {
    return fromJS(JSON.parse(a.value), loc2);
  } catch {
    return err(loc2, "json", "invalid JSON");
  }
});
def(
  "array",
  ([a], loc2) => {
    if (!a) return err(loc2, "array", "needs an argument");
    if (a.kind === "list") return a;
    return list([a], loc2);
  },
  true
);
def("base64", ([a], loc2) => a?.kind === "string" ? str(Buffer.from(a.value, "utf8").toString("base64"), loc2) : err(loc2, "base64", "argument must be a string"));
def(
  "base64ToString",
  ([a], loc2) => a?.kind === "string" ? str(Buffer.from(a.value, "base64").toString("utf8"), loc2) : err(loc2, "base64ToString", "argument must be a string")
);
def("uri", ([a, b], loc2) => {
  if (a?.kind !== "string" || b?.kind !== "string") return err(loc2, "uri", "arguments must be strings");
  try {
    return str(new URL(b.value, a.value).toString(), loc2);
  } catch {
    return err(loc2, "uri", "invalid URI");
  }
});
def("uriComponent", ([a], loc2) => a?.kind === "string" ? str(encodeURIComponent(a.value), loc2) : err(loc2, "uriComponent", "argument must be a string"));
def("uriComponentToString", ([a], loc2) => {
  if (a?.kind !== "string") return err(loc2, "uriComponentToString", "argument must be a string");
  try {
    return str(decodeURIComponent(a.value), loc2);
  } catch {
    return err(loc2, "uriComponentToString", "invalid encoding");
  }
});
def(
  "concat",
  (args, loc2) => {
    if (args.length === 0) return str("", loc2);
    if (args.some((a) => a.kind === "list")) {
      if (args.some((a) => a.kind === "unknown")) return U("concat(): depends on an unknown value", loc2, callToken("concat", args));
      const items2 = [];
      for (const a of args) {
        if (a.kind === "list") items2.push(...a.items);
        else if (a.kind !== "null") items2.push(a);
      }
      return list(items2, loc2);
    }
    if (args.some((a) => a.kind === "unknown")) {
      const parts = args.map(templatePart);
      return tplUnknown("concat(): depends on an unknown value", loc2, parts.every((p) => p !== void 0) ? parts.join("") : void 0);
    }
    if (args.some((a) => a.kind === "object")) return err(loc2, "concat", "cannot concatenate objects");
    return str(args.map(scalarString2).join(""), loc2);
  },
  true
);
function splitFormat(fmt) {
  const out = [];
  let cur = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === "{") {
      if (fmt[i + 1] === "{") {
        cur += "{";
        i++;
        continue;
      }
      const close = fmt.indexOf("}", i);
      if (close < 0) return void 0;
      const m = /^\s*(\d+)\s*(,[^:}]*)?(:[^}]*)?$/.exec(fmt.slice(i + 1, close));
      if (!m) return void 0;
      if (cur) out.push(cur);
      cur = "";
      out.push(Number(m[1]));
      i = close;
    } else if (c === "}") {
      if (fmt[i + 1] === "}") i++;
      cur += "}";
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}
def(
  "format",
  ([f, ...rest], loc2) => {
    if (!f) return err(loc2, "format", "needs a format string");
    if (f.kind === "unknown") return U("format(): unknown format string", loc2, callToken("format", [f, ...rest]));
    if (f.kind !== "string") return err(loc2, "format", "first argument must be a string");
    const parts = splitFormat(f.value);
    if (!parts) return err(loc2, "format", "invalid format string");
    const vals = [];
    for (const p of parts) {
      if (typeof p === "string") vals.push(str(p, loc2));
      else {
        const a = rest[p];
        if (!a) return err(loc2, "format", `no argument {${p}}`);
        vals.push(a);
      }
    }
    if (vals.some((v) => v.kind === "unknown")) {
      const tp = vals.map(templatePart);
      return tplUnknown("format(): depends on an unknown value", loc2, tp.every((p) => p !== void 0) ? tp.join("") : void 0);
    }
    if (vals.some((v) => containsUnknown(v))) return U("format(): depends on an unknown value", loc2);
    return str(vals.map(scalarString2).join(""), loc2);
  },
  true
);
var strFn = (name, f) => {
  return (args, loc2) => {
    const [a, ...rest] = args;
    if (a?.kind !== "string") return err(loc2, name, "first argument must be a string");
    return f(a.value, rest) ?? err(loc2, name, "invalid arguments");
  };
};
def("toLower", ([a], loc2) => a?.kind === "string" ? { ...a, value: a.value.toLowerCase() } : err(loc2, "toLower", "argument must be a string"));
def("toUpper", ([a], loc2) => a?.kind === "string" ? { ...a, value: a.value.toUpperCase() } : err(loc2, "toUpper", "argument must be a string"));
def("trim", ([a], loc2) => a?.kind === "string" ? { ...a, value: a.value.trim() } : err(loc2, "trim", "argument must be a string"));
def(
  "replace",
  (args, loc2) => strFn("replace", (s, [o, n]) => o?.kind === "string" && n?.kind === "string" && o.value !== "" ? str(s.split(o.value).join(n.value), loc2) : void 0)(args, loc2)
);
def(
  "split",
  (args, loc2) => strFn("split", (s, [d]) => {
    let delims;
    if (d?.kind === "string") delims = [d.value];
    else if (d?.kind === "list" && d.items.every((x) => x.kind === "string")) delims = d.items.map((x) => x.value);
    if (!delims || delims.some((x) => x === "")) return void 0;
    const re = new RegExp(delims.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    return list(
      s.split(re).map((p) => str(p, loc2)),
      loc2
    );
  })(args, loc2)
);
def("startsWith", (args, loc2) => strFn("startsWith", (s, [p]) => p?.kind === "string" ? bool(s.toLowerCase().startsWith(p.value.toLowerCase()), loc2) : void 0)(args, loc2));
def("endsWith", (args, loc2) => strFn("endsWith", (s, [p]) => p?.kind === "string" ? bool(s.toLowerCase().endsWith(p.value.toLowerCase()), loc2) : void 0)(args, loc2));
def("indexOf", (args, loc2) => strFn("indexOf", (s, [p]) => p?.kind === "string" ? num(s.toLowerCase().indexOf(p.value.toLowerCase()), loc2) : void 0)(args, loc2));
def("lastIndexOf", (args, loc2) => strFn("lastIndexOf", (s, [p]) => p?.kind === "string" ? num(s.toLowerCase().lastIndexOf(p.value.toLowerCase()), loc2) : void 0)(args, loc2));
def("padLeft", ([a, n, c], loc2) => {
  const total = asInt(n);
  const ch = c === void 0 ? " " : c.kind === "string" && c.value.length === 1 ? c.value : void 0;
  if (!a || a.kind !== "string" && a.kind !== "number" || total === void 0 || ch === void 0) return err(loc2, "padLeft", "invalid arguments");
  return str(scalarString2(a).padStart(total, ch), loc2);
});
def(
  "substring",
  (args, loc2) => strFn("substring", (s, [st, ln]) => {
    const start = st === void 0 ? 0 : asInt(st);
    const len = ln === void 0 ? void 0 : asInt(ln);
    if (start === void 0 || start < 0 || start > s.length || ln !== void 0 && (len === void 0 || len < 0 || start + len > s.length)) return void 0;
    return str(s.substr(start, len ?? s.length - start), loc2);
  })(args, loc2)
);
def("join", ([a, d], loc2) => {
  if (a?.kind !== "list" || d?.kind !== "string") return err(loc2, "join", "invalid arguments");
  return str(a.items.map(scalarString2).join(d.value), loc2);
});
def(
  "dataUri",
  ([a], loc2) => a?.kind === "string" ? str(`data:text/plain;charset=utf8;base64,${Buffer.from(a.value, "utf8").toString("base64")}`, loc2) : err(loc2, "dataUri", "argument must be a string")
);
def(
  "length",
  ([a], loc2) => {
    if (!a) return err(loc2, "length", "needs an argument");
    if (a.kind === "list") return num(a.items.length, loc2);
    if (a.kind === "object") return num(a.entries.size, loc2);
    if (a.kind === "string") return num(a.value.length, loc2);
    if (a.kind === "unknown") return U("length(): depends on an unknown value", loc2, callToken("length", [a]));
    return err(loc2, "length", "argument must be an array, object or string");
  },
  true
);
def(
  "empty",
  ([a], loc2) => {
    if (!a) return err(loc2, "empty", "needs an argument");
    if (a.kind === "null") return bool(true, loc2);
    if (a.kind === "list") return bool(a.items.length === 0, loc2);
    if (a.kind === "object") return bool(a.entries.size === 0, loc2);
    if (a.kind === "string") return bool(a.value === "", loc2);
    if (a.kind === "unknown") return U("empty(): depends on an unknown value", loc2, callToken("empty", [a]));
    return bool(false, loc2);
  },
  true
);
def(
  "contains",
  ([c, item], loc2) => {
    if (!c || !item) return err(loc2, "contains", "needs two arguments");
    if (c.kind === "object" && item.kind === "string") return bool(member(c, item.value) !== void 0, loc2);
    if (containsUnknown(c) || containsUnknown(item)) return U("contains(): depends on an unknown value", loc2, callToken("contains", [c, item]));
    if (c.kind === "string") return bool(c.value.includes(scalarString2(item)), loc2);
    if (c.kind === "list") return bool(c.items.some((x) => deepEqual(x, item)), loc2);
    return err(loc2, "contains", "first argument must be an array, object or string");
  },
  true
);
def(
  "createArray",
  (args, loc2) => list([...args], loc2),
  true
);
def(
  "createObject",
  (args, loc2) => {
    if (args.length % 2 !== 0) return err(loc2, "createObject", "needs key/value pairs");
    const m = /* @__PURE__ */ new Map();
    for (let i = 0; i < args.length; i += 2) {
      const k = args[i];
      if (k.kind !== "string") return k.kind === "unknown" ? U("createObject(): unknown key", loc2) : err(loc2, "createObject", "keys must be strings");
      m.set(k.value, args[i + 1]);
    }
    return obj(m, loc2);
  },
  true
);
function deepMerge(a, b, loc2) {
  if (a.kind === "object" && b.kind === "object") {
    const m = new Map(a.entries);
    for (const [k, v] of b.entries) {
      let existingKey;
      for (const ek of m.keys()) if (ek.toLowerCase() === k.toLowerCase()) existingKey = ek;
      const prev = existingKey !== void 0 ? m.get(existingKey) : void 0;
      if (existingKey !== void 0) m.delete(existingKey);
      m.set(existingKey ?? k, prev ? deepMerge(prev, v, loc2) : v);
    }
    return obj(m, loc2);
  }
  if (b.kind === "unknown" && a.kind === "object") return b;
  return b;
}
def(
  "union",
  (args, loc2) => {
    if (args.length === 0) return err(loc2, "union", "needs arguments");
    const unk2 = args.find((a) => a.kind === "unknown");
    if (unk2) return U("union(): depends on an unknown value", loc2, callToken("union", args));
    if (args.every((a) => a.kind === "object")) {
      let acc = obj(/* @__PURE__ */ new Map(), loc2);
      for (const a of args) acc = deepMerge(acc, a, loc2);
      return reorigin(acc, loc2);
    }
    if (args.every((a) => a.kind === "list")) {
      if (args.some(containsUnknown)) return U("union(): depends on an unknown value", loc2, callToken("union", args));
      const items2 = [];
      for (const a of args) for (const x of a.items) if (!items2.some((y) => deepEqual(x, y))) items2.push(x);
      return list(items2, loc2);
    }
    return err(loc2, "union", "arguments must all be arrays or all objects");
  },
  true
);
def("intersection", (args, loc2) => {
  if (args.length === 0) return err(loc2, "intersection", "needs arguments");
  if (args.every((a) => a.kind === "list")) {
    const [f, ...rest] = args;
    return list(
      f.items.filter((x) => rest.every((r) => r.items.some((y) => deepEqual(x, y)))),
      loc2
    );
  }
  if (args.every((a) => a.kind === "object")) {
    const [f, ...rest] = args;
    const m = /* @__PURE__ */ new Map();
    for (const [k, v] of f.entries) {
      if (rest.every((r) => {
        const o = member(r, k);
        return o !== void 0 && deepEqual(o, v);
      })) m.set(k, v);
    }
    return obj(m, loc2);
  }
  return err(loc2, "intersection", "arguments must all be arrays or all objects");
});
function firstLast(name, pickLast) {
  return ([a], loc2) => {
    if (!a) return err(loc2, name, "needs an argument");
    if (a.kind === "list") return a.items.length ? a.items[pickLast ? a.items.length - 1 : 0] : nul(loc2);
    if (a.kind === "string") return a.value.length ? str(pickLast ? a.value[a.value.length - 1] : a.value[0], loc2) : str("", loc2);
    if (a.kind === "unknown") return U(`${name}(): depends on an unknown value`, loc2, callToken(name, [a]));
    return err(loc2, name, "argument must be an array or string");
  };
}
def("first", firstLast("first", false), true);
def("last", firstLast("last", true), true);
function skipTake(name, take) {
  return ([a, n], loc2) => {
    const k = asInt(n);
    if (!a || k === void 0) return n?.kind === "unknown" || a?.kind === "unknown" ? U(`${name}(): depends on an unknown value`, loc2, callToken(name, [a ?? nul(), n ?? nul()])) : err(loc2, name, "invalid arguments");
    const c = Math.max(0, k);
    if (a.kind === "list") return list(take ? a.items.slice(0, c) : a.items.slice(c), loc2);
    if (a.kind === "string") return str(take ? a.value.slice(0, c) : a.value.slice(c), loc2);
    if (a.kind === "unknown") return U(`${name}(): depends on an unknown value`, loc2, callToken(name, [a, n]));
    return err(loc2, name, "first argument must be an array or string");
  };
}
def("skip", skipTake("skip", false), true);
def("take", skipTake("take", true), true);
def(
  "coalesce",
  (args, loc2) => {
    for (const a of args) {
      if (a.kind === "unknown") return U("coalesce(): depends on an unknown value", loc2, callToken("coalesce", args));
      if (a.kind !== "null") return a;
    }
    return nul(loc2);
  },
  true
);
def(
  "items",
  ([a], loc2) => {
    if (a?.kind === "unknown") return U("items(): depends on an unknown value", loc2, callToken("items", [a]));
    if (a?.kind !== "object") return err(loc2, "items", "argument must be an object");
    const keys = [...a.entries.keys()].sort((x, y) => x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0);
    return list(
      keys.map((k) => obj({ key: str(k, loc2), value: a.entries.get(k) }, loc2)),
      loc2
    );
  },
  true
);
def(
  "objectKeys",
  ([a], loc2) => {
    if (a?.kind !== "object") return a?.kind === "unknown" ? U("objectKeys(): depends on an unknown value", loc2) : err(loc2, "objectKeys", "argument must be an object");
    return list(
      [...a.entries.keys()].map((k) => str(k, loc2)),
      loc2
    );
  },
  true
);
def(
  "tryGet",
  ([a, ...path11], loc2) => {
    let cur = a;
    for (const p of path11) {
      if (!cur) return nul(loc2);
      if (cur.kind === "unknown" || p.kind === "unknown") return U("tryGet(): depends on an unknown value", loc2, callToken("tryGet", [a, ...path11]));
      if (cur.kind === "null") return nul(loc2);
      if (cur.kind === "object" && p.kind === "string") cur = member(cur, p.value);
      else if (cur.kind === "list" && p.kind === "number") cur = cur.items[p.value];
      else return nul(loc2);
    }
    return cur ?? nul(loc2);
  },
  true
);
def(
  "flatten",
  ([a], loc2) => {
    if (a?.kind !== "list") return a?.kind === "unknown" ? U("flatten(): depends on an unknown value", loc2) : err(loc2, "flatten", "argument must be an array");
    const items2 = [];
    for (const x of a.items) {
      if (x.kind === "list") items2.push(...x.items);
      else if (x.kind === "unknown") return U("flatten(): depends on an unknown value", loc2);
      else return err(loc2, "flatten", "items must be arrays");
    }
    return list(items2, loc2);
  },
  true
);
def(
  "shallowMerge",
  ([a], loc2) => {
    if (a?.kind !== "list") return a?.kind === "unknown" ? U("shallowMerge(): depends on an unknown value", loc2) : err(loc2, "shallowMerge", "argument must be an array");
    const m = /* @__PURE__ */ new Map();
    for (const x of a.items) {
      if (x.kind === "object") for (const [k, v] of x.entries) m.set(k, v);
      else if (x.kind === "unknown") return U("shallowMerge(): depends on an unknown value", loc2);
    }
    return obj(m, loc2);
  },
  true
);
def(
  "indexFromEnd",
  ([a, n], loc2) => {
    const k = asInt(n);
    if (a?.kind === "list" && k !== void 0 && k >= 1 && k <= a.items.length) return a.items[a.items.length - k];
    return U("indexFromEnd(): cannot be evaluated", loc2);
  },
  true
);
var DEFAULT_SUB = "subscription().subscriptionId";
var DEFAULT_RG = "resourceGroup().name";
function resourceIdOf(prefix, typeV, names, loc2, fname) {
  if (typeV.kind !== "string") {
    return typeV.kind === "unknown" ? U(`${fname}(): unknown resource type`, loc2, callToken(fname, [...prefix, typeV, ...names])) : err(loc2, fname, "resource type must be a string");
  }
  if (typeV.value.split("/").filter((x) => x !== "").length < 2) return err(loc2, fname, `invalid resource type '${typeV.value}'`);
  return buildResourceId(prefix, typeV.value, names, loc2, fname);
}
function isTypeArg(v) {
  return v?.kind === "string" && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^/]/.test(v.value);
}
var sub = (s) => [str("/subscriptions/", s.origin), s];
var rg = (r) => [str("/resourceGroups/", r.origin), r];
def(
  "resourceId",
  (args, loc2) => {
    const ti = args.findIndex(isTypeArg);
    if (ti < 0 || ti > 2) {
      return U("resourceId(): unknown resource type", loc2, callToken("resourceId", args));
    }
    const pre = args.slice(0, ti);
    const subV = ti === 2 ? pre[0] : unknown("subscription", loc2, DEFAULT_SUB);
    const rgV = ti >= 1 ? pre[ti - 1] : unknown("resource group", loc2, DEFAULT_RG);
    return resourceIdOf([...sub(subV), ...rg(rgV)], args[ti], args.slice(ti + 1), loc2, "resourceId");
  },
  true
);
def(
  "subscriptionResourceId",
  (args, loc2) => {
    const ti = args.findIndex(isTypeArg);
    if (ti < 0 || ti > 1) return U("subscriptionResourceId(): unknown resource type", loc2, callToken("subscriptionResourceId", args));
    const subV = ti === 1 ? args[0] : unknown("subscription", loc2, DEFAULT_SUB);
    return resourceIdOf(sub(subV), args[ti], args.slice(ti + 1), loc2, "subscriptionResourceId");
  },
  true
);
def(
  "tenantResourceId",
  (args, loc2) => args[0] ? resourceIdOf([], args[0], args.slice(1), loc2, "tenantResourceId") : err(loc2, "tenantResourceId", "needs a type"),
  true
);
def(
  "managementGroupResourceId",
  (args, loc2) => {
    const ti = args.findIndex(isTypeArg);
    if (ti < 0 || ti > 1) return U("managementGroupResourceId(): unknown resource type", loc2, callToken("managementGroupResourceId", args));
    const mg = ti === 1 ? args[0] : unknown("management group", loc2, "managementGroup().name");
    return resourceIdOf([str("/providers/Microsoft.Management/managementGroups/", loc2), mg], args[ti], args.slice(ti + 1), loc2, "managementGroupResourceId");
  },
  true
);
def(
  "extensionResourceId",
  ([scope, ...rest], loc2) => scope && rest[0] ? resourceIdOf([scope], rest[0], rest.slice(1), loc2, "extensionResourceId") : err(loc2, "extensionResourceId", "needs a scope and a type"),
  true
);
var STATE_FUNCTIONS = [
  "resourceGroup",
  "subscription",
  "deployment",
  "environment",
  "tenant",
  "managementGroup",
  "reference",
  "references",
  "uniqueString",
  "guid",
  "pickZones",
  "providers",
  "deployer",
  "getSecret",
  "dateTimeAdd",
  "dateTimeFromEpoch",
  "dateTimeToEpoch",
  "listKeys",
  "listSecrets",
  "listAccountSas",
  "listServiceSas",
  "listConnectionStrings",
  "externalInputs"
];
for (const n of STATE_FUNCTIONS) {
  def(
    n,
    (args, loc2) => {
      const t = callToken(n, args);
      return U(`depends on deployment state: ${t ?? n + "(\u2026)"}`, loc2, t);
    },
    true
  );
}
for (const n of ["newGuid", "utcNow"]) {
  def(n, (_args, loc2) => U(`${n}() differs on every deployment`, loc2), true);
}
for (const n of ["lambda", "lambdaVariables", "filter", "map", "reduce", "sort", "toObject", "mapValues", "groupBy"]) {
  def(n, (_args, loc2) => U(`${n}(): lambda functions are not evaluated`, loc2), true);
}
function evalExpr(e, ctx, loc2) {
  switch (e.kind) {
    case "string":
      return str(e.value, loc2);
    case "number":
      return num(e.value, loc2);
    case "bool":
      return bool(e.value, loc2);
    case "null":
      return nul(loc2);
    case "prop": {
      const t = evalExpr(e.target, ctx, loc2);
      return access(t, str(e.name, loc2), loc2);
    }
    case "index": {
      const t = evalExpr(e.target, ctx, loc2);
      const i = evalExpr(e.index, ctx, loc2);
      return access(t, i, loc2);
    }
    case "call":
      return evalCall2(e, ctx, loc2);
  }
}
function access(t, key, loc2) {
  if (t.kind === "unknown") {
    const k = key.kind === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key.value) ? `.${key.value}` : key.kind === "unknown" ? void 0 : `[${tokenText(key)}]`;
    const tok = t.token !== void 0 && k !== void 0 && !t.tpl ? `${t.token}${k}` : void 0;
    return U(t.reason, loc2, tok);
  }
  if (key.kind === "unknown") return U("index depends on an unknown value", loc2);
  if (t.kind === "object" && key.kind === "string") {
    const m = member(t, key.value);
    return m ?? U(`property '${key.value}' does not exist`, loc2);
  }
  if (t.kind === "list" && key.kind === "number") {
    const it = t.items[Math.trunc(key.value)];
    return it ?? U(`index ${key.value} is out of range`, loc2);
  }
  if (t.kind === "null") return U(`cannot read '${key.kind === "string" ? key.value : tokenText(key)}' of null`, loc2);
  return U(`cannot index a ${t.kind} with a ${key.kind}`, loc2);
}
function evalCall2(e, ctx, loc2) {
  const lname = e.name.toLowerCase();
  if (lname === "if") {
    if (e.args.length !== 3) return U("if(): needs three arguments", loc2);
    const c = evalExpr(e.args[0], ctx, loc2);
    if (c.kind === "bool") return evalExpr(e.args[c.value ? 1 : 2], ctx, loc2);
    if (c.kind === "unknown") {
      const a = evalExpr(e.args[1], ctx, loc2);
      const b = evalExpr(e.args[2], ctx, loc2);
      return U(`if(): the condition depends on an unknown value (${c.reason})`, loc2, callToken("if", [c, a, b]));
    }
    return U("if(): condition must be a boolean", loc2);
  }
  if (lname === "parameters" || lname === "variables") {
    const a = e.args[0] ? evalExpr(e.args[0], ctx, loc2) : void 0;
    if (a?.kind !== "string") return U(`${lname}(): name must be a known string`, loc2);
    const v = lname === "parameters" ? ctx.parameter(a.value) : ctx.variable(a.value);
    if (v === void 0) {
      ctx.problem?.(`${lname === "parameters" ? "Parameter" : "Variable"} '${a.value}' is not declared`, loc2);
      return U(`${lname === "parameters" ? "parameter" : "variable"} '${a.value}' is not declared`, loc2, `${lname}(${quoteArm(a.value)})`);
    }
    return v;
  }
  if (lname === "copyindex") {
    const args2 = e.args.map((x) => evalExpr(x, ctx, loc2));
    let loopName;
    let offset = 0;
    for (const a of args2) {
      if (a.kind === "string") loopName = a.value;
      else if (a.kind === "number") offset = a.value;
      else return U("copyIndex(): unknown argument", loc2);
    }
    const i = ctx.copyIndex(loopName);
    if (i === void 0) return U(`copyIndex(${loopName ? quoteArm(loopName) : ""}) used outside of a copy loop`, loc2);
    if (i.kind === "number") return num(i.value + offset, loc2);
    return U(i.kind === "unknown" ? i.reason : "copyIndex(): unknown", loc2, callToken("copyIndex", args2));
  }
  const args = e.args.map((x) => evalExpr(x, ctx, loc2));
  if (e.name.includes(".")) {
    const r = ctx.userFunction?.(e.name, args, loc2);
    return r ?? U(`user-defined function ${e.name}() is not evaluated`, loc2, callToken(e.name, args));
  }
  if (lname.startsWith("list")) {
    if (!fns2.has(lname)) {
      const t = callToken(e.name, args);
      return U(`depends on deployment state: ${t ?? e.name + "(\u2026)"}`, loc2, t);
    }
  }
  const d = fns2.get(lname);
  if (!d) return U(`function ${e.name}() is not evaluated`, loc2, callToken(e.name, args));
  if (!d.partial) {
    const u = firstUnknown2(args);
    if (u) return U(`${d.name}(): depends on an unknown value${u.reason ? ` (${u.reason})` : ""}`, loc2, callToken(d.name, args));
  }
  try {
    return d.fn(args, loc2, d.name);
  } catch (x) {
    return U(`${d.name}(): ${x.message}`, loc2);
  }
}
function evaluateArmString(s, loc2, ctx) {
  const form = classifyString(s);
  if (form.kind === "literal") return str(form.value, loc2);
  const p = parseExpression(form.text);
  if (!p.ok) {
    ctx.problem?.(`Invalid template expression: ${p.error}`, loc2);
    return U(`invalid expression: ${p.error}`, loc2);
  }
  return evalExpr(p.expr, ctx, loc2);
}

// src/eval/arm/template.ts
var DEPLOYMENTS = "microsoft.resources/deployments";
function problem(env, message, location) {
  const k = `${location.file}:${location.range.start.offset}:${message}`;
  if (env.problemKeys.has(k)) return;
  env.problemKeys.add(k);
  env.problems.push({ message, location, code: "EVAL001" });
}
var Scope = class _Scope {
  constructor(doc, template, env, assigned, functionArgs) {
    this.doc = doc;
    this.template = template;
    this.env = env;
    this.root = new Frame(this, []);
    if (functionArgs) {
      const decls = functionArgs.decls?.children ?? [];
      decls.forEach((d, i) => {
        const nameNode = getProp(d, "name");
        if (typeof nameNode?.value !== "string") return;
        const v = functionArgs.args[i] ?? unknown(`missing argument '${nameNode.value}'`);
        this.params.set(nameNode.value.toLowerCase(), {
          name: nameNode.value,
          keyLoc: nodeLocation(doc, nameNode, `parameter "${nameNode.value}"`),
          decl: d,
          value: v,
          state: 2
        });
      });
      return;
    }
    for (const [name, keyNode, decl] of members(getProp(template, "parameters"))) {
      const slot = { name, keyLoc: nodeLocation(doc, keyNode, `parameter "${name}"`), decl, node: getProp(decl, "defaultValue"), state: 0 };
      const a = assigned.get(name.toLowerCase());
      if (a) slot.assigned = a;
      this.params.set(name.toLowerCase(), slot);
    }
    const varsNode = getProp(template, "variables");
    for (const [name, keyNode, node] of members(varsNode)) {
      if (name.toLowerCase() === "copy" && node.type === "array") {
        for (const entry2 of node.children ?? []) {
          const n = getProp(entry2, "name");
          if (typeof n?.value !== "string") continue;
          this.vars.set(n.value.toLowerCase(), { name: n.value, keyLoc: nodeLocation(doc, n, `variable "${n.value}"`), node: entry2, state: 0, copy: true });
        }
        continue;
      }
      this.vars.set(name.toLowerCase(), { name, keyLoc: nodeLocation(doc, keyNode, `variable "${name}"`), node, state: 0 });
    }
    const fnsNode = getProp(template, "functions");
    for (const ns of fnsNode?.type === "array" ? fnsNode.children ?? [] : []) {
      const nsName = getProp(ns, "namespace")?.value;
      if (typeof nsName !== "string") continue;
      for (const [fname, , fdecl] of members(getProp(ns, "members"))) this.funcs.set(`${nsName}.${fname}`.toLowerCase(), fdecl);
    }
  }
  doc;
  template;
  env;
  params = /* @__PURE__ */ new Map();
  vars = /* @__PURE__ */ new Map();
  funcs = /* @__PURE__ */ new Map();
  root;
  loc(node, label) {
    return nodeLocation(this.doc, node, label);
  }
  parameter(name) {
    const slot = this.params.get(name.toLowerCase());
    if (!slot) return void 0;
    if (slot.state === 2) return passedThrough(slot.value, slot.keyLoc);
    if (slot.state === 1) {
      problem(this.env, `Parameter '${slot.name}' refers to itself`, slot.keyLoc);
      return unknown(`parameter '${slot.name}' refers to itself`, slot.keyLoc, `parameters(${quoteArm(slot.name)})`);
    }
    slot.state = 1;
    let v;
    if (slot.assigned) v = slot.assigned;
    else if (slot.node) v = this.root.eval(slot.node);
    else if (getProp(slot.decl, "nullable")?.value === true) v = nul(slot.keyLoc);
    else v = unknown(`parameter '${slot.name}' has no value and no default`, slot.keyLoc, `parameters(${quoteArm(slot.name)})`);
    slot.value = v;
    slot.state = 2;
    return passedThrough(v, slot.keyLoc);
  }
  defaultValue(slot) {
    return slot.node ? this.root.eval(slot.node) : void 0;
  }
  variable(name) {
    const slot = this.vars.get(name.toLowerCase());
    if (!slot) return void 0;
    if (slot.state === 2) return passedThrough(slot.value, slot.keyLoc);
    if (slot.state === 1) {
      problem(this.env, `Variable '${slot.name}' refers to itself`, slot.keyLoc);
      return unknown(`variable '${slot.name}' refers to itself`, slot.keyLoc);
    }
    slot.state = 1;
    const v = slot.copy ? this.root.copyArray(slot.node, "variable") : this.root.eval(slot.node);
    slot.value = v;
    slot.state = 2;
    return passedThrough(v, slot.keyLoc);
  }
  userFunction(name, args, loc2) {
    const decl = this.funcs.get(name.toLowerCase());
    if (!decl) return void 0;
    const out = getProp(getProp(decl, "output"), "value");
    if (!out || this.env.depth > 20) return unknown(`user-defined function ${name}() cannot be evaluated`, loc2);
    this.env.depth++;
    try {
      const fscope = new _Scope(this.doc, this.template, this.env, /* @__PURE__ */ new Map(), { decls: getProp(decl, "parameters"), args });
      for (const [k, f] of this.funcs) fscope.funcs.set(k, f);
      return fscope.root.eval(out);
    } finally {
      this.env.depth--;
    }
  }
};
var Frame = class _Frame {
  constructor(scope, loops) {
    this.scope = scope;
    this.loops = loops;
  }
  scope;
  loops;
  push(l) {
    return new _Frame(this.scope, [...this.loops, l]);
  }
  parameter(name) {
    return this.scope.parameter(name);
  }
  variable(name) {
    return this.scope.variable(name);
  }
  copyIndex(loop) {
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i];
      if (loop === void 0 ? l.kind === "resource" : l.name?.toLowerCase() === loop.toLowerCase()) return l.index;
    }
    if (loop === void 0 && this.loops.length) return this.loops[this.loops.length - 1].index;
    return void 0;
  }
  userFunction(name, args, loc2) {
    return this.scope.userFunction(name, args, loc2);
  }
  problem(message, loc2) {
    problem(this.scope.env, message, loc2);
  }
  /** Evaluates a JSON node: strings as expressions, property `copy` arrays expanded. */
  eval(node, skip) {
    const loc2 = this.scope.loc(node);
    switch (node.type) {
      case "string":
        return evaluateArmString(String(node.value), loc2, this);
      case "array":
        return list(
          (node.children ?? []).map((c) => this.eval(c)),
          loc2
        );
      case "object": {
        const m = /* @__PURE__ */ new Map();
        for (const [k, , v] of members(node)) {
          if (skip?.(k)) continue;
          if (k.toLowerCase() === "copy" && v.type === "array" && (v.children ?? []).every((c) => getProp(c, "input") && getProp(c, "name"))) {
            for (const entry2 of v.children ?? []) {
              const n = getProp(entry2, "name");
              const nv = n ? this.eval(n) : void 0;
              if (nv?.kind !== "string") continue;
              m.set(nv.value, this.copyArray(entry2, "property"));
            }
            continue;
          }
          m.set(k, this.eval(v));
        }
        return obj(m, loc2);
      }
      default:
        return nodeToValue(this.scope.doc, node);
    }
  }
  /** `{name, count, input}` → the list of `input` evaluated `count` times. */
  copyArray(entry2, kind) {
    const loc2 = this.scope.loc(entry2);
    const nameNode = getProp(entry2, "name");
    const name = typeof nameNode?.value === "string" ? nameNode.value : void 0;
    const countNode = getProp(entry2, "count");
    const input = getProp(entry2, "input");
    if (!countNode || !input) return unknown("copy without count or input", loc2);
    const c = this.eval(countNode);
    if (c.kind !== "number") return unknown(c.kind === "unknown" ? `copy count is unknown (${c.reason})` : "copy count is not a number", loc2);
    let n = Math.max(0, Math.trunc(c.value));
    const max = this.scope.env.maxCopy;
    if (n > max) {
      problem(this.scope.env, `copy loop '${name ?? "?"}' has ${n} items; only the first ${max} are evaluated`, this.scope.loc(countNode));
      n = max;
    }
    const items2 = [];
    for (let i = 0; i < n; i++) items2.push(this.push({ name, index: { kind: "number", value: i, origin: loc2 }, kind }).eval(input));
    return list(items2, this.scope.loc(input));
  }
};
function andConditions(a, b) {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === "unknown") return a;
  if (b.kind === "unknown") return b;
  return b;
}
function composeName(parent, child, childType) {
  const childSegs = child.kind === "string" ? child.value.split("/").length : 1;
  if (childSegs >= childType.split("/").length - 1) return child;
  if (parent.kind === "string" && child.kind === "string") return { ...child, value: `${parent.value}/${child.value}` };
  const p = templateText(parent);
  const c = templateText(child);
  const u = tplUnknown(`the name depends on an unknown value`, child.origin, p !== void 0 && c !== void 0 ? `${p}/${c}` : void 0);
  return child.via ? { ...u, via: child.via } : u;
}
function nameLabel(v) {
  if (v.kind === "string") return v.value;
  if (v.kind === "unknown" && v.token !== void 0) return v.tpl ? v.token : `{${v.token}}`;
  return "?";
}
function walkResources(resourcesNode, frame, parent, deployment, inherited) {
  if (!resourcesNode) return;
  const entries2 = resourcesNode.type === "array" ? (resourcesNode.children ?? []).map((c) => [void 0, c]) : resourcesNode.type === "object" ? members(resourcesNode).map(([k, , v]) => [k, v]) : [];
  for (const [symbolicName, node] of entries2) {
    if (node.type !== "object") continue;
    try {
      walkResource(node, symbolicName, frame, parent, deployment, inherited);
    } catch (e) {
      problem(frame.scope.env, `Internal error while evaluating this resource: ${e.message}`, frame.scope.loc(node));
    }
  }
}
function walkResource(node, symbolicName, frame, parent, deployment, inherited) {
  const scope = frame.scope;
  const env = scope.env;
  const copyNode = getProp(node, "copy");
  const instances = [];
  if (copyNode?.type === "object") {
    const nameNode = getProp(copyNode, "name");
    const loopName = typeof nameNode?.value === "string" ? nameNode.value : void 0;
    const countNode = getProp(copyNode, "count");
    const count = countNode ? frame.eval(countNode) : unknown("copy without count");
    if (count.kind === "number") {
      let n = Math.max(0, Math.trunc(count.value));
      if (n > env.maxCopy) {
        problem(env, `copy loop '${loopName ?? "?"}' has ${n} instances; only the first ${env.maxCopy} are evaluated`, scope.loc(countNode));
        n = env.maxCopy;
      }
      for (let i = 0; i < n; i++) instances.push({ frame: frame.push({ name: loopName, index: { kind: "number", value: i, origin: scope.loc(copyNode) }, kind: "resource" }), index: i });
    } else {
      const idx = unknown(`the copy count is unknown${count.kind === "unknown" ? ` (${count.reason})` : ""}`, scope.loc(copyNode), `copyIndex(${quoteArm(loopName ?? "")})`);
      instances.push({ frame: frame.push({ name: loopName, index: idx, kind: "resource" }) });
    }
  } else instances.push({ frame });
  for (const inst of instances) {
    const f = inst.frame;
    const condNode = getProp(node, "condition");
    let condition = inherited;
    if (condNode) {
      const c = f.eval(condNode);
      if (c.kind === "bool" && !c.value) continue;
      if (c.kind === "string" && c.value.toLowerCase() === "false") continue;
      condition = andConditions(inherited, c);
    }
    const typeNode = getProp(node, "type");
    const typeV = typeNode ? f.eval(typeNode) : void 0;
    if (typeV?.kind !== "string") {
      problem(env, typeNode ? "The resource type cannot be evaluated" : 'The resource has no "type"', scope.loc(typeNode ?? node));
      continue;
    }
    let typeText = typeV.value;
    let apiVersion;
    const at = typeText.indexOf("@");
    if (at > 0) {
      apiVersion = typeText.slice(at + 1);
      typeText = typeText.slice(0, at);
    }
    const fullType = parent && !typeText.includes("/") ? `${parent.type}/${typeText}` : typeText;
    const nameNode = getProp(node, "name");
    const nameV = nameNode ? f.eval(nameNode) : unknown("the resource has no name", scope.loc(node));
    const fullName = parent ? composeName(parent.name, nameV, fullType) : nameV;
    const apiNode = getProp(node, "apiVersion");
    const apiV = apiNode ? f.eval(apiNode) : void 0;
    if (apiV?.kind === "string") apiVersion = apiV.value;
    apiVersion ??= parent?.apiVersion;
    const isDeployment = fullType.toLowerCase() === DEPLOYMENTS;
    const body = f.eval(node, (k) => k.toLowerCase() === "resources" || isDeployment && k.toLowerCase() === "properties");
    if (isDeployment && body.kind === "object") {
      const propsNode = getProp(node, "properties");
      if (propsNode) body.entries.set("properties", f.eval(propsNode, (k) => k.toLowerCase() === "template"));
    }
    const existingV = getProp(node, "existing");
    const res = {
      type: fullType,
      name: fullName,
      idKey: armResourceKey(fullType, fullName),
      body,
      typeLocation: memberLocation(scope.doc, node, "type") ?? scope.loc(node),
      objectLocation: scope.loc(node),
      existing: existingV?.value === true,
      deployment,
      file: scope.doc.file
    };
    if (apiVersion !== void 0) res.apiVersion = apiVersion;
    if (symbolicName !== void 0) res.symbolicName = symbolicName;
    const nl = memberLocation(scope.doc, node, "name");
    if (nl) res.nameLocation = nl;
    if (condition) res.condition = condition;
    if (inst.index !== void 0) res.copyIndex = inst.index;
    env.resources.push(res);
    if (isDeployment) expandDeployment(node, f, [...deployment, nameLabel(fullName)], condition);
    walkResources(getProp(node, "resources"), f, { type: fullType, name: fullName, apiVersion }, deployment, condition);
  }
}
function expandDeployment(node, frame, deployment, condition) {
  const scope = frame.scope;
  const env = scope.env;
  const props = getProp(node, "properties");
  const tmpl = getProp(props, "template");
  if (tmpl?.type !== "object") return;
  if (env.depth > 30) {
    problem(env, "Nested deployments are nested too deeply; inner templates are not evaluated", scope.loc(tmpl));
    return;
  }
  const scopeNode = getProp(getProp(props, "expressionEvaluationOptions"), "scope");
  const scopeV = scopeNode ? frame.eval(scopeNode) : void 0;
  const inner = scopeV?.kind === "string" && scopeV.value.toLowerCase() === "inner";
  env.depth++;
  try {
    if (inner) {
      const assigned = /* @__PURE__ */ new Map();
      for (const [k, keyNode, v] of members(getProp(props, "parameters"))) {
        const pv = frame.eval(v);
        const via = scope.loc(keyNode, `deployment parameter "${k}"`);
        let value;
        if (member(pv, "reference")) value = unknown(`parameter '${k}' is a Key Vault reference`, scope.loc(v));
        else value = member(pv, "value") ?? unknown(`parameter '${k}' has no value`, scope.loc(v));
        assigned.set(k.toLowerCase(), passedThrough(value, via));
      }
      const innerScope = new Scope(scope.doc, tmpl, env, assigned);
      walkResources(getProp(tmpl, "resources"), innerScope.root, void 0, deployment, condition);
    } else {
      walkResources(getProp(tmpl, "resources"), frame, void 0, deployment, condition);
    }
  } finally {
    env.depth--;
  }
}
function readParameterFile(pf) {
  const out = /* @__PURE__ */ new Map();
  const doc = { file: pf.file, lineMap: pf.parsed.lineMap };
  for (const [k, , v] of members(getProp(pf.parsed.root, "parameters"))) {
    const valueNode = getProp(v, "value");
    const refNode = getProp(v, "reference");
    if (valueNode) out.set(k.toLowerCase(), nodeToValue(doc, valueNode));
    else if (refNode) {
      const secret = getProp(refNode, "secretName")?.value;
      out.set(k.toLowerCase(), unknown(`Key Vault reference${typeof secret === "string" ? ` (secret "${secret}")` : ""}`, nodeLocation(doc, refNode)));
    }
  }
  return out;
}
function evaluateArmTemplate(opts) {
  const parsed = opts.parsed ?? parseJsonc(opts.text ?? "", opts.file);
  const env = { problems: [], problemKeys: /* @__PURE__ */ new Set(), maxCopy: opts.maxCopy ?? 32, resources: [], depth: 0 };
  const result = { resources: env.resources, inputs: [], problems: env.problems };
  const root = parsed.root;
  if (!root || root.type !== "object") return result;
  const doc = { file: opts.file, lineMap: parsed.lineMap };
  try {
    const gen = getProp(getProp(root, "metadata"), "_generator");
    const gname = getProp(gen, "name")?.value;
    if (typeof gname === "string") {
      const gver = getProp(gen, "version")?.value;
      result.generator = typeof gver === "string" ? { name: gname, version: gver } : { name: gname };
    }
    const assigned = opts.parameterFile ? readParameterFile(opts.parameterFile) : /* @__PURE__ */ new Map();
    const scope = new Scope(doc, root, env, assigned);
    for (const slot of scope.params.values()) {
      const typeNode = getProp(slot.decl, "type");
      const refNode = getProp(slot.decl, "$ref");
      const type = typeof typeNode?.value === "string" ? typeNode.value : typeof refNode?.value === "string" ? refNode.value : void 0;
      const input = { name: slot.name, kind: "arm-parameter", header: keyLocation(doc, getProp(root, "parameters"), slot.name) ?? slot.keyLoc };
      input.header = { ...input.header, label: `parameter "${slot.name}"` };
      if (type !== void 0) input.type = type;
      if (type && /^secure(string|object)$/i.test(type)) input.secure = true;
      const dv = scope.defaultValue(slot);
      if (dv) input.defaultValue = dv;
      if (slot.assigned) input.assigned = slot.assigned;
      const allowed = getProp(slot.decl, "allowedValues");
      if (allowed?.type === "array") input.allowedValues = (allowed.children ?? []).map((c) => scope.root.eval(c));
      result.inputs.push(input);
    }
    walkResources(getProp(root, "resources"), scope.root, void 0, [], void 0);
  } catch (e) {
    problem(env, `Internal error while evaluating the template: ${e.message}`, nodeLocation(doc, root));
  }
  return result;
}

// src/eval/arm/project.ts
function evaluateArm(input) {
  const pairs = pairParameterFiles(input.templates, input.parameterFiles, (pf) => metadataTemplate(input.parse(pf)));
  const evaluations = [];
  const problems = [];
  const seenProblems = /* @__PURE__ */ new Set();
  for (const template of [...input.templates].sort()) {
    const parsed = input.parse(template);
    if (!parsed?.root) continue;
    const variants = (pairs.get(template) ?? []).sort();
    let bicepDeclaration;
    for (const pf of variants.length ? variants : [void 0]) {
      const pfParsed = pf ? input.parse(pf) : void 0;
      if (pf && !pfParsed?.root) continue;
      const result = evaluateArmTemplate({ file: template, parsed, parameterFile: pf ? { file: pf, parsed: pfParsed } : void 0 });
      for (const p of result.problems) {
        const key = `${p.location.file}:${p.location.range.start.offset}:${p.message}`;
        if (!seenProblems.has(key)) {
          seenProblems.add(key);
          problems.push(p);
        }
      }
      if (result.generator?.name === "bicep" && bicepDeclaration === void 0) bicepDeclaration = bicepDeclarations(template);
      const rel = (f) => path7.relative(input.root, f).split(path7.sep).join("/");
      const env = input.envOverride ?? input.envForPath?.(rel(pf ?? template)) ?? (pf ? classifyPath(path7.basename(pf))?.env : void 0) ?? envFromParameters(result) ?? "unknown";
      evaluations.push({
        evaluation: {
          variant: pf ? path7.relative(path7.dirname(template), pf).split(path7.sep).join("/") : "default",
          variantFile: pf,
          env,
          unit: template,
          inputs: result.inputs
        },
        result,
        bicepDeclaration
      });
    }
  }
  return { evaluations, problems };
}
function metadataTemplate(pf) {
  const root = pf?.root;
  if (root?.type !== "object") return void 0;
  const meta = root.children?.find((c) => c.children?.[0]?.value === "metadata")?.children?.[1];
  const t = meta?.children?.find((c) => c.children?.[0]?.value === "template")?.children?.[1];
  return typeof t?.value === "string" ? t.value : void 0;
}
function envFromParameters(result) {
  for (const name of ENV_VARIABLE_NAMES) {
    const input = result.inputs.find((i) => i.name.toLowerCase() === name.toLowerCase());
    const v = input?.assigned ?? input?.defaultValue;
    if (v?.kind === "string") {
      const env = classifyValue(v.value);
      if (env) return env;
    }
  }
  return void 0;
}
function bicepDeclarations(template) {
  const dir = path7.dirname(template);
  const base = path7.basename(template).replace(/\.jsonc?$/i, "");
  const candidates = [path7.join(dir, `${base}.bicep`), ...base.toLowerCase() === "azuredeploy" ? [path7.join(dir, "main.bicep")] : []];
  const bicep = candidates.find((c) => fs3.existsSync(c));
  if (!bicep) return void 0;
  let text2;
  try {
    text2 = fs3.readFileSync(bicep, "utf8");
  } catch {
    return void 0;
  }
  const decls = [];
  const re = /^([ \t]*)resource\s+([A-Za-z_][A-Za-z0-9_]*)\s+'([^'@]+)@[^']*'/gm;
  for (let m = re.exec(text2); m; m = re.exec(text2)) {
    const line = text2.slice(0, m.index).split("\n").length;
    decls.push({ name: m[2], type: m[3].toLowerCase(), line, column: m[1].length + 1, length: m[0].length - m[1].length, offset: m.index + m[1].length });
  }
  return (r) => {
    if (r.deployment.length > 0) return void 0;
    const d = r.symbolicName && decls.find((x) => x.name === r.symbolicName) || decls.find((x) => x.type === r.type.toLowerCase());
    if (!d) return void 0;
    return {
      file: bicep,
      label: `declared in ${path7.basename(bicep)} as "${d.name}"`,
      range: { start: { line: d.line, column: d.column, offset: d.offset }, end: { line: d.line, column: d.column + d.length, offset: d.offset + d.length } }
    };
  };
}

// src/model/from-arm.ts
function parentKey(type, idKey) {
  const k = type.split("/").filter(Boolean).length;
  const segs = idKey.split("/");
  if (k < 3 || segs.length < k + 2) return void 0;
  return [...segs.slice(0, k - 1), ...segs.slice(k, -1)].join("/");
}
function armRefKeys(ref) {
  const keys = [];
  const k = armResourceIdKey(ref);
  if (k) keys.push(k);
  if (ref.kind === "unknown" && ref.token) keys.push(ref.token);
  return keys;
}
function fromArm(r, evaluation, opts = {}) {
  const key = r.type.toLowerCase();
  const refs = /* @__PURE__ */ new Map();
  const parentRef = ARM_PARENT_REF[key];
  const pk = parentRef ? parentKey(r.type, r.idKey) : void 0;
  if (parentRef && pk) refs.set(parentRef, unknown("parent resource", void 0, pk));
  const address = `${r.deployment.map((d) => `deployment(${d})/`).join("")}${r.type}/${r.symbolicName ?? nameText(r.name)}${r.copyIndex !== void 0 ? `[${r.copyIndex}]` : ""}`;
  const resources = normalize({
    format: "arm",
    address,
    sourceType: r.type,
    spec: ARM_TABLE[key],
    header: r.typeLocation,
    body: r.body,
    name: r.name,
    identity: [r.idKey],
    refs,
    evaluation
  });
  const decl = opts.bicepDeclaration?.(r);
  if (decl) for (const res of resources) res.declaredIn = decl;
  return resources;
}
function nameText(v) {
  if (v.kind === "string") return v.value;
  if (v.kind === "unknown" && v.token) return v.token;
  return "?";
}

// src/api.ts
var VERSION = "0.1.0";
var DEFAULT_RULE_OPTIONS = {
  requiredTags: [],
  costCenterTag: "cost-center",
  gpuTaint: "sku=gpu:NoSchedule",
  allowedLocations: []
};
var UsageError = class extends Error {
};
function commonRoot(paths) {
  const cwd = process.cwd();
  if (paths.every((p) => !path8.relative(cwd, p).startsWith(".."))) return cwd;
  let root = paths[0];
  if (fs4.existsSync(root) && fs4.statSync(root).isFile()) root = path8.dirname(root);
  for (const p of paths.slice(1)) while (path8.relative(root, p).startsWith("..")) root = path8.dirname(root);
  return root;
}
function isBinary(buf) {
  const n = Math.min(buf.length, 8e3);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}
async function lint(options = {}) {
  const inputPaths = (options.paths?.length ? options.paths : ["."]).map((p) => path8.resolve(p));
  for (const p of inputPaths) if (!fs4.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  const onlyFiles = options.onlyFiles?.map((f) => path8.resolve(f));
  const scanPaths = onlyFiles ? [...new Set(onlyFiles.map((f) => path8.dirname(f)))] : inputPaths;
  const root = path8.resolve(options.root ?? commonRoot(onlyFiles ?? inputPaths));
  const varFiles = (options.varFiles ?? []).map((f) => path8.resolve(f));
  for (const f of varFiles) if (!fs4.existsSync(f)) throw new UsageError(`--var-file not found: ${f}`);
  const ruleOptions = { ...DEFAULT_RULE_OPTIONS, ...options.ruleOptions };
  const rules = selectRules(options.ruleSet ?? ALL_RULES, options.rules, options.disable);
  const timing = process.env.MLOPS_IAC_LINT_TIMING ? new PhaseTimer() : void 0;
  const listed = await listFiles(scanPaths);
  timing?.mark("discover");
  const texts = /* @__PURE__ */ new Map();
  const notifications = [];
  const scanned = [];
  const parseError = (file, message, range) => {
    notifications.push({
      level: "error",
      ruleId: "PARSE001",
      message,
      location: { file, range: range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } }
    });
  };
  const readText = (file) => {
    if (texts.has(file)) return texts.get(file);
    let buf;
    try {
      buf = fs4.readFileSync(file);
    } catch (e) {
      parseError(file, `cannot read the file: ${e.code ?? String(e)}`);
      return void 0;
    }
    if (isBinary(buf)) {
      parseError(file, "the file is binary, not text");
      return void 0;
    }
    const text2 = buf.toString("utf8");
    texts.set(file, text2);
    return text2;
  };
  const ciDocuments = [];
  const family = (k) => k === "candidate-json" ? "arm" : k === "candidate-yaml" || k === "candidate-script" ? "ci" : k === "bicep" || k === "bicepparam" ? void 0 : "terraform";
  for (const file of listed) {
    const byName = kindByName(file);
    if (!byName) continue;
    const fam = family(byName);
    if (options.families && (!fam || !options.families.includes(fam))) continue;
    if (byName === "candidate-json") {
      const text2 = readText(file);
      const kind = text2 === void 0 ? void 0 : jsonKind(text2);
      if (kind) scanned.push({ path: file, kind });
      continue;
    }
    if (byName === "candidate-yaml" || byName === "candidate-script") {
      const text2 = readText(file);
      if (text2 === void 0) continue;
      const kind = classifyCiFile(path8.relative(root, file).split(path8.sep).join("/"), text2);
      if (!kind) continue;
      scanned.push({ path: file, kind });
      const doc = parseCiDocument(file, text2, kind);
      for (const e of doc.errors) parseError(file, e.message, e.range);
      if (doc.errors.length === 0) ciDocuments.push(doc);
      continue;
    }
    scanned.push({ path: file, kind: byName });
  }
  timing?.mark("classify+ci-parse");
  const hclCache = /* @__PURE__ */ new Map();
  const parseHclFile = (file) => {
    if (hclCache.has(file)) return hclCache.get(file);
    const text2 = readText(file);
    let parsed;
    if (text2 !== void 0) {
      parsed = parseHcl(text2, file);
      for (const e of parsed.errors) parseError(file, e.message, e.range);
    }
    hclCache.set(file, parsed);
    return parsed;
  };
  const tfFiles = scanned.filter((f) => f.kind === "terraform").map((f) => f.path);
  const tfVarFiles = scanned.filter((f) => f.kind === "tfvars" || f.kind === "tfvars-json").map((f) => f.path);
  for (const s of scanned) if (s.kind === "terraform" || s.kind === "tfvars") s.hcl = parseHclFile(s.path);
  timing?.mark("hcl-parse");
  const tf = evaluateTerraform({
    root,
    tfFiles,
    varFiles: tfVarFiles,
    cliVarFiles: varFiles,
    parseHcl: parseHclFile,
    readText,
    envOverride: options.env,
    insideRoot: (dir) => !path8.relative(root, dir).startsWith(".."),
    listTfFiles: (dir) => {
      try {
        const files = fs4.readdirSync(dir).filter((n) => n.endsWith(".tf")).map((n) => path8.join(dir, n));
        return files.length ? files.sort() : void 0;
      } catch {
        return void 0;
      }
    }
  });
  timing?.mark("terraform-eval");
  const graphs = [];
  for (const e of tf.evaluations) {
    const resources = e.resources.flatMap((r) => fromTerraform(r, e.evaluation));
    graphs.push(buildGraph(resources, e.evaluation, tokenKeys));
  }
  timing?.mark("terraform-normalize");
  const jsonCache = /* @__PURE__ */ new Map();
  const parseJsonFile = (file) => {
    if (jsonCache.has(file)) return jsonCache.get(file);
    const text2 = readText(file);
    let parsed;
    if (text2 !== void 0) {
      parsed = parseJsonc(text2, file);
      for (const e of parsed.errors) parseError(file, e.message, e.range);
    }
    jsonCache.set(file, parsed);
    return parsed;
  };
  const arm = evaluateArm({
    root,
    templates: scanned.filter((f) => f.kind === "arm").map((f) => f.path),
    parameterFiles: scanned.filter((f) => f.kind === "arm-params").map((f) => f.path),
    parse: parseJsonFile,
    envOverride: options.env
  });
  for (const f of scanned) if (f.kind === "arm-params") parseJsonFile(f.path);
  for (const e of arm.evaluations) {
    const resources = e.result.resources.filter((r) => !r.existing).flatMap((r) => fromArm(r, e.evaluation, { bicepDeclaration: e.bicepDeclaration }));
    graphs.push(buildGraph(resources, e.evaluation, armRefKeys));
  }
  for (const p of arm.problems) notifications.push({ level: "warning", ruleId: "EVAL001", message: p.message, location: p.location });
  for (const p of tf.problems) notifications.push({ level: "warning", ruleId: "EVAL001", message: p.message, location: p.location });
  timing?.mark("arm");
  const findings = runRules({
    root,
    rules,
    options: ruleOptions,
    graphs,
    terraformModules: tf.modules,
    files: scanned,
    ciDocuments
  });
  findings.push(...notificationFindings(notifications, rules, root));
  timing?.mark("rules");
  timing?.print();
  let reported = findings;
  if (onlyFiles) {
    const only = new Set(onlyFiles);
    reported = findings.filter((f) => only.has(f.location.file));
  }
  reported.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : 1));
  const sources = /* @__PURE__ */ new Map();
  for (const f of reported) {
    const t = texts.get(f.location.file);
    if (t !== void 0) sources.set(f.location.file, t);
  }
  const fileList = (onlyFiles ?? scanned.map((s) => s.path)).map((f) => path8.relative(root, f).split(path8.sep).join("/")).sort();
  return {
    root,
    findings: reported,
    rules: rules.map((r) => r.meta),
    files: [...new Set(fileList)],
    notifications: notifications.filter((n) => !onlyFiles || onlyFiles.includes(n.location.file)).sort((a, b) => compareLocations(a.location, b.location)),
    sources,
    toolVersion: VERSION
  };
}
function selectRules(all, only, disable) {
  const known2 = new Set(all.map((r) => r.meta.id));
  for (const id of [...only ?? [], ...disable ?? []]) if (!known2.has(id)) throw new UsageError(`unknown rule ID: ${id}`);
  return all.filter((r) => (!only?.length || only.includes(r.meta.id) || r.meta.id === "PARSE001") && !disable?.includes(r.meta.id));
}
function notificationFindings(notes, rules, root) {
  const active = new Set(rules.map((r) => r.meta.id));
  return notes.filter((n) => active.has(n.ruleId)).map((n) => {
    const rel = path8.relative(root, n.location.file).split(path8.sep).join("/");
    return {
      ruleId: n.ruleId,
      level: n.level,
      message: n.message,
      location: n.location,
      related: [],
      fingerprint: fingerprint(n.ruleId, rel, `${n.location.range.start.line}`, "", "unknown"),
      env: "unknown",
      variants: ["default"]
    };
  });
}
var PhaseTimer = class {
  last = performance.now();
  phases = [];
  mark(name) {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }
  print() {
    process.stderr.write(this.phases.map(([n, ms]) => `${n}: ${ms.toFixed(0)} ms`).join("\n") + "\n");
  }
};

// src/report/common.ts
import path9 from "node:path";
var DOCS_BASE_URL = "https://github.com/mlops-iac-lint/mlops-iac-lint/blob/main/";
var TOOL_NAME = "mlops-iac-lint";
var TOOL_INFORMATION_URI = "https://github.com/mlops-iac-lint/mlops-iac-lint";
function toPosix(p) {
  return p.replace(/\\/g, "/");
}
function relativePath(base, file) {
  if (!path9.isAbsolute(file)) return toPosix(file);
  const rel = path9.relative(base, file);
  return toPosix(rel === "" ? path9.basename(file) : rel);
}
function ruleDocUrl(rule33) {
  if (!rule33?.docPath) return void 0;
  return DOCS_BASE_URL + toPosix(rule33.docPath).replace(/^\.?\//, "");
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareStrings(a, b) {
  return cmp(a, b);
}
function compareFindings(a, b) {
  const ra = a.location.range;
  const rb = b.location.range;
  return cmp(a.location.file, b.location.file) || cmp(ra.start.line, rb.start.line) || cmp(ra.start.column, rb.start.column) || cmp(ra.end.line, rb.end.line) || cmp(ra.end.column, rb.end.column) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint) || cmp(a.level, b.level);
}
function sortFindings(findings) {
  return [...findings].sort(compareFindings);
}
var LEVEL_RANK = { error: 0, warning: 1, note: 2 };
function compareBySeverity(a, b) {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || compareFindings(a, b);
}
function summarize(result) {
  const s = { errors: 0, warnings: 0, notes: 0, suppressed: 0, files: result.files.length };
  for (const f of result.findings) {
    if (f.suppression) s.suppressed++;
    else if (f.level === "error") s.errors++;
    else if (f.level === "warning") s.warnings++;
    else s.notes++;
  }
  return s;
}
function plural(n, singular, pluralForm = `${singular}s`) {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
function ruleIndex(result) {
  const map = /* @__PURE__ */ new Map();
  for (const r of result.rules) map.set(r.id, r);
  return map;
}
function normalizeRegion(range) {
  const startLine = Math.max(1, Math.trunc(range.start.line) || 1);
  const startColumn = Math.max(1, Math.trunc(range.start.column) || 1);
  let endLine = Math.max(1, Math.trunc(range.end.line) || 1);
  let endColumn = Math.max(1, Math.trunc(range.end.column) || 1);
  if (endLine < startLine) {
    endLine = startLine;
    endColumn = startColumn + 1;
  } else if (endLine === startLine && endColumn <= startColumn) {
    endColumn = startColumn + 1;
  }
  return { startLine, startColumn, endLine, endColumn };
}
var BUILTIN_RULES = {
  PARSE001: {
    id: "PARSE001",
    name: "parse-error",
    shortDescription: "A file could not be parsed.",
    fullDescription: "The file has a syntax error at the reported position. It was skipped; every other file was still linted, but findings in this file may be missing.",
    help: "Fix the syntax error at the reported line and column.",
    level: "error",
    tags: ["correctness"],
    formats: ["any"]
  },
  EVAL001: {
    id: "EVAL001",
    name: "evaluation-stopped",
    shortDescription: "An evaluation had to stop before it was complete.",
    fullDescription: "Evaluating the module or template hit a limit (for example an expansion cap). Findings that depend on the unevaluated part may be missing.",
    help: "Simplify the reported expression or split the module; values that cannot be evaluated are treated as unknown.",
    level: "warning",
    tags: ["correctness"],
    formats: ["any"]
  },
  SUP001: {
    id: "SUP001",
    name: "invalid-suppression",
    shortDescription: "An inline suppression is malformed or has expired.",
    fullDescription: "A suppression comment without a reason, with an unknown rule ID or with a malformed date is ignored; an expired one no longer suppresses.",
    help: "Write `mlops-iac-lint-ignore RULEID [until=YYYY-MM-DD] -- reason` with a known rule ID and a reason, or remove it.",
    level: "warning",
    tags: ["maintainability"],
    formats: ["any"]
  },
  SUP002: {
    id: "SUP002",
    name: "unused-suppression",
    shortDescription: "An inline suppression suppresses nothing.",
    fullDescription: "The suppressed rule no longer reports anything at this place, so the comment is stale.",
    help: "Remove the suppression comment.",
    level: "note",
    tags: ["maintainability"],
    formats: ["any"]
  }
};
function allRules(result) {
  const map = ruleIndex(result);
  const ids = [...result.findings.map((f) => f.ruleId), ...result.notifications.map((n) => n.ruleId)];
  for (const id of ids) {
    if (map.has(id)) continue;
    map.set(
      id,
      BUILTIN_RULES[id] ?? {
        id,
        name: id.toLowerCase(),
        shortDescription: id,
        fullDescription: id,
        help: "",
        level: "warning",
        tags: [],
        formats: ["any"]
      }
    );
  }
  return [...map.values()].sort((a, b) => compareStrings(a.id, b.id));
}

// src/report/markdown.ts
var DEFAULT_MAX_FINDINGS = 50;
function escapeMarkdown(text2) {
  return text2.replace(/\r\n|\r|\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`).replace(/@/g, "@\u200B");
}
function encodePath(p) {
  return p.split("/").map(encodeURIComponent).join("/");
}
function locationCell(f, base, links) {
  const rel = relativePath(base, f.location.file);
  const line = Math.max(1, f.location.range.start.line);
  const text2 = escapeMarkdown(`${rel}:${line}`);
  if (!links) return text2;
  const server = links.serverUrl.replace(/\/+$/, "");
  const url = `${server}/${links.repository}/blob/${encodeURIComponent(links.sha)}/${encodePath(rel)}#L${line}`;
  return `[${text2}](${url})`;
}
var LEVEL_ICON = { error: "\u{1F534} error", warning: "\u{1F7E1} warning", note: "\u{1F535} note" };
function formatMarkdown(result, options = {}) {
  const base = options.cwd ?? result.root;
  const max = Math.max(0, options.maxFindings ?? DEFAULT_MAX_FINDINGS);
  const summary = summarize(result);
  const out = [`## ${escapeMarkdown(options.title ?? "mlops-iac-lint")}`, ""];
  const problems = summary.errors + summary.warnings + summary.notes;
  const suppressed = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : "";
  if (problems === 0) {
    out.push(`\u2714 No problems found in ${plural(summary.files, "file")}${suppressed}.`);
    return out.join("\n") + "\n";
  }
  out.push(
    `\u2716 **${plural(problems, "problem")}** (${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.notes, "note")})${suppressed} in ${plural(summary.files, "scanned file")}.`,
    ""
  );
  const counts = /* @__PURE__ */ new Map();
  for (const f of result.findings) {
    let c = counts.get(f.ruleId);
    if (!c) counts.set(f.ruleId, c = { error: 0, warning: 0, note: 0, suppressed: 0 });
    if (f.suppression) c.suppressed++;
    else c[f.level]++;
  }
  out.push("| Rule | Errors | Warnings | Notes | Suppressed |", "|---|---:|---:|---:|---:|");
  for (const rule33 of allRules(result)) {
    const c = counts.get(rule33.id);
    if (!c) continue;
    const doc = ruleDocUrl(rule33);
    const label = `${escapeMarkdown(rule33.id)} ${escapeMarkdown(rule33.name)}`;
    const cell = doc ? `[${label}](${doc})` : label;
    out.push(`| ${cell} | ${c.error} | ${c.warning} | ${c.note} | ${c.suppressed} |`);
  }
  out.push("");
  const visible = result.findings.filter((f) => !f.suppression).sort(compareBySeverity);
  const shown = visible.slice(0, max);
  if (shown.length > 0) {
    out.push(
      visible.length > shown.length ? `### Findings (first ${shown.length} of ${visible.length})` : "### Findings",
      "",
      "| Level | Rule | Location | Message |",
      "|---|---|---|---|"
    );
    for (const f of shown) {
      out.push(
        `| ${LEVEL_ICON[f.level]} | ${escapeMarkdown(f.ruleId)} | ${locationCell(f, base, options.links)} | ${escapeMarkdown(f.message)} |`
      );
    }
    if (visible.length > shown.length) {
      out.push("", `\u2026and ${plural(visible.length - shown.length, "more finding")} (see the SARIF report or the log).`);
    }
  }
  return out.join("\n") + "\n";
}

// src/report/sarif.ts
import { pathToFileURL } from "node:url";
var SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var SARIF_VERSION = "2.1.0";
var SRCROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "mlopsIacLint/v1";
function securitySeverityString(n) {
  const clamped = Math.min(10, Math.max(0, n));
  return clamped.toFixed(1);
}
function defaultLevel(rule33) {
  if (typeof rule33.level === "string") return rule33.level;
  const { unknown: unknown2, prod, nonprod } = rule33.level;
  for (const l of [unknown2, prod, nonprod]) if (l !== "off") return l;
  return "none";
}
function problemSeverity(level) {
  return level === "error" ? "error" : level === "warning" ? "warning" : "recommendation";
}
function helpMarkdown(rule33, docUrl) {
  const parts = [`**${rule33.id} ${rule33.name}**: ${rule33.shortDescription}`];
  if (rule33.fullDescription && rule33.fullDescription !== rule33.shortDescription) parts.push(rule33.fullDescription);
  if (rule33.help) parts.push(`**Fix:** ${rule33.help}`);
  if (typeof rule33.level !== "string") {
    const l = rule33.level;
    parts.push(`**Level by environment:** prod \`${l.prod}\`, non-prod \`${l.nonprod}\`, unknown \`${l.unknown}\`.`);
  }
  if (docUrl) parts.push(`[Rule documentation](${docUrl})`);
  return parts.join("\n\n");
}
function nonEmpty(text2, fallback) {
  return text2 !== void 0 && text2.trim() !== "" ? text2 : fallback;
}
function ruleDescriptor(rule33) {
  const docUrl = ruleDocUrl(rule33);
  const level = defaultLevel(rule33);
  const short = nonEmpty(rule33.shortDescription, rule33.id);
  const properties = {
    tags: [...rule33.tags],
    precision: "high"
  };
  if (rule33.securitySeverity !== void 0) {
    properties["security-severity"] = securitySeverityString(rule33.securitySeverity);
  }
  properties["problem.severity"] = problemSeverity(level);
  if (typeof rule33.level !== "string") {
    properties.envLevels = { prod: rule33.level.prod, nonprod: rule33.level.nonprod, unknown: rule33.level.unknown };
  }
  return {
    id: rule33.id,
    name: rule33.name,
    shortDescription: { text: short },
    fullDescription: { text: nonEmpty(rule33.fullDescription, short) },
    help: { text: nonEmpty(rule33.help, short), markdown: helpMarkdown(rule33, docUrl) },
    helpUri: docUrl,
    defaultConfiguration: { level },
    properties
  };
}
function encodePath2(p) {
  return p.split("/").map((seg) => encodeURIComponent(seg).replace(/%40/g, "@").replace(/%2B/g, "+").replace(/%3D/g, "=")).join("/");
}
function artifactLocation(root, file) {
  const rel = relativePath(root, file);
  if (rel === ".." || rel.startsWith("../") || /^[a-zA-Z]:/.test(rel) || rel.startsWith("/")) {
    return { uri: pathToFileURL(file).href };
  }
  return { uri: encodePath2(rel), uriBaseId: SRCROOT };
}
function physicalLocation(root, l) {
  return {
    artifactLocation: artifactLocation(root, l.file),
    region: { ...normalizeRegion(l.range) }
  };
}
function resultObject(root, f, ruleIdx) {
  const out = {
    ruleId: f.ruleId,
    ruleIndex: ruleIdx.get(f.ruleId),
    level: f.level,
    message: { text: nonEmpty(f.message, f.ruleId) },
    locations: [{ physicalLocation: physicalLocation(root, f.location) }]
  };
  if (f.related.length > 0) {
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      physicalLocation: physicalLocation(root, r),
      message: { text: nonEmpty(r.label, "related location") }
    }));
  }
  out.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  const properties = { env: f.env, variants: [...f.variants].sort(compareStrings) };
  if (f.address !== void 0) properties.address = f.address;
  if (f.attributePath !== void 0) properties.attributePath = f.attributePath;
  out.properties = properties;
  if (f.suppression) {
    const s = { kind: f.suppression.kind, justification: f.suppression.justification };
    if (f.suppression.location) s.location = { physicalLocation: physicalLocation(root, f.suppression.location) };
    out.suppressions = [s];
  }
  return out;
}
function compareNotifications(a, b) {
  const ra = a.location.range;
  const rb = b.location.range;
  return compareStrings(a.location.file, b.location.file) || ra.start.line - rb.start.line || ra.start.column - rb.start.column || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message);
}
function notificationObject(root, n, ruleIdx) {
  const out = {
    descriptor: { id: n.ruleId },
    level: n.level,
    message: { text: nonEmpty(n.message, n.ruleId) },
    locations: [{ physicalLocation: physicalLocation(root, n.location) }]
  };
  const idx = ruleIdx.get(n.ruleId);
  if (idx !== void 0) out.associatedRule = { id: n.ruleId, index: idx };
  return out;
}
function buildSarif(result) {
  const rules = allRules(result);
  const ruleIdx = new Map(rules.map((r, i) => [r.id, i]));
  const root = result.root;
  let rootUri = pathToFileURL(root).href;
  if (!rootUri.endsWith("/")) rootUri += "/";
  const invocation = { executionSuccessful: true };
  const notifications = [...result.notifications].sort(compareNotifications);
  if (notifications.length > 0) {
    invocation.toolExecutionNotifications = notifications.map((n) => notificationObject(root, n, ruleIdx));
  }
  const driver = { name: TOOL_NAME, version: result.toolVersion };
  if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(result.toolVersion)) {
    driver.semanticVersion = result.toolVersion;
  }
  driver.informationUri = TOOL_INFORMATION_URI;
  driver.rules = rules.map(ruleDescriptor);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        columnKind: "utf16CodeUnits",
        results: sortFindings(result.findings).map((f) => resultObject(root, f, ruleIdx))
      }
    ]
  };
}
function formatSarif(result) {
  return JSON.stringify(buildSarif(result), null, 2) + "\n";
}

// src/report/github.ts
var GITHUB_ANNOTATION_LIMIT = 10;
var COMMAND = { error: "error", warning: "warning", note: "notice" };
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function annotationFor(f, base, title) {
  const r = normalizeRegion(f.location.range);
  const props = [
    ["file", relativePath(base, f.location.file)],
    ["line", r.startLine]
  ];
  if (r.startLine === r.endLine) props.push(["col", r.startColumn]);
  props.push(["endLine", r.endLine]);
  if (r.startLine === r.endLine) props.push(["endColumn", r.endColumn]);
  props.push(["title", title]);
  const propText = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  const message = f.message.trim() === "" ? f.ruleId : f.message;
  return `::${COMMAND[f.level]} ${propText}::${escapeData(message)}`;
}
function githubAnnotations(result, options = {}) {
  const base = options.cwd ?? result.root;
  const rules = new Map(allRules(result).map((r) => [r.id, r]));
  const caps = {
    error: Math.max(0, options.maxErrors ?? GITHUB_ANNOTATION_LIMIT),
    warning: Math.max(0, options.maxWarnings ?? GITHUB_ANNOTATION_LIMIT),
    note: Math.max(0, options.maxNotices ?? GITHUB_ANNOTATION_LIMIT)
  };
  const used = { error: 0, warning: 0, note: 0 };
  const annotations = [];
  const overflow = [];
  for (const f of sortFindings(result.findings)) {
    if (f.suppression) continue;
    if (used[f.level] >= caps[f.level]) {
      overflow.push(f);
      continue;
    }
    used[f.level]++;
    const name = rules.get(f.ruleId)?.name;
    annotations.push(annotationFor(f, base, name ? `${f.ruleId} ${name}` : f.ruleId));
  }
  overflow.sort(compareBySeverity);
  return { annotations, overflow };
}

// src/action/io.ts
import crypto from "node:crypto";
import fs5 from "node:fs";
var InputError = class extends Error {
};
function getInput(env, name) {
  const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`];
  if (value === void 0) return void 0;
  const trimmed = value.trim();
  return trimmed === "" ? void 0 : trimmed;
}
function getListInput(env, name, commas = true) {
  const value = getInput(env, name);
  if (value === void 0) return [];
  return value.split(commas ? /[\r\n,]+/ : /[\r\n]+/).map((s) => s.trim()).filter((s) => s !== "");
}
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function getBooleanInput(env, name, fallback) {
  const value = getInput(env, name);
  if (value === void 0) return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false (got "${value}")`);
}
function getChoiceInput(env, name, choices, fallback) {
  const value = getInput(env, name);
  if (value === void 0) return fallback;
  if (choices.includes(value)) return value;
  throw new InputError(`input "${name}" must be one of ${choices.join(", ")} (got "${value}")`);
}
function setOutput(env, name, value) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  fs5.appendFileSync(file, outputRecord(name, value), "utf8");
}
function outputRecord(name, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`unexpected delimiter collision in output ${name}`);
  }
  return `${name}<<${delimiter}
${value}
${delimiter}
`;
}
function appendSummary(env, markdown) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  fs5.appendFileSync(file, markdown.endsWith("\n") ? markdown : markdown + "\n", "utf8");
  return true;
}
function command(kind, message) {
  return `::${kind}::${escapeData(message)}`;
}

// src/action/run.ts
var RANK = { note: 1, warning: 2, error: 3 };
var MAX_OVERFLOW_LISTED = 100;
function readInputs(env) {
  const paths = getListInput(env, "path", false);
  const envClass = getInput(env, "env");
  return {
    paths: paths.length ? paths : ["."],
    config: getInput(env, "config"),
    env: envClass === void 0 ? void 0 : getChoiceInput(env, "env", ["prod", "nonprod", "unknown"], "unknown"),
    varFiles: getListInput(env, "var-files"),
    failOn: getChoiceInput(env, "fail-on", ["error", "warning", "note", "none"], "error"),
    sarifFile: getInput(env, "sarif-file") ?? "mlops-iac-lint.sarif",
    annotations: getBooleanInput(env, "annotations", true),
    summary: getBooleanInput(env, "summary", true)
  };
}
function failed(result, failOn) {
  if (failOn === "none") return false;
  return result.findings.some((f) => !f.suppression && RANK[f.level] >= RANK[failOn]);
}
function linkOptions(env) {
  const { GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!repository || !sha) return void 0;
  return { serverUrl: env.GITHUB_SERVER_URL || "https://github.com", repository, sha };
}
function overflowSection(overflow, base, links) {
  const out = [
    `### Not annotated (${overflow.length})`,
    "",
    `GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} annotations of each level per step; these findings are not annotated:`,
    "",
    "| Level | Rule | Location | Message |",
    "|---|---|---|---|"
  ];
  for (const f of overflow.slice(0, MAX_OVERFLOW_LISTED)) {
    const rel = relativePath(base, f.location.file);
    const line = Math.max(1, f.location.range.start.line);
    let loc2 = escapeMarkdown(`${rel}:${line}`);
    if (links) {
      const url = `${links.serverUrl.replace(/\/+$/, "")}/${links.repository}/blob/${encodeURIComponent(links.sha)}/${rel.split("/").map(encodeURIComponent).join("/")}#L${line}`;
      loc2 = `[${loc2}](${url})`;
    }
    out.push(`| ${f.level} | ${escapeMarkdown(f.ruleId)} | ${loc2} | ${escapeMarkdown(f.message)} |`);
  }
  if (overflow.length > MAX_OVERFLOW_LISTED) out.push("", `\u2026and ${overflow.length - MAX_OVERFLOW_LISTED} more (see the SARIF report).`);
  return out.join("\n") + "\n";
}
async function run(env, options = {}) {
  const write = options.write ?? ((line) => void process.stdout.write(line + "\n"));
  const workspace = path10.resolve(env.GITHUB_WORKSPACE || process.cwd());
  let inputs;
  try {
    inputs = readInputs(env);
    if (inputs.config !== void 0) {
      const config = path10.resolve(workspace, inputs.config);
      if (!fs6.existsSync(config)) throw new InputError(`input "config": file not found: ${inputs.config}`);
      write(command("warning", `input "config" (${inputs.config}) is not supported by mlops-iac-lint ${VERSION} yet and was ignored`));
    }
  } catch (e) {
    if (e instanceof InputError) {
      write(command("error", `mlops-iac-lint: ${e.message}`));
      return 2;
    }
    throw e;
  }
  let result;
  try {
    result = await lint({
      paths: inputs.paths.map((p) => path10.resolve(workspace, p)),
      root: workspace,
      env: inputs.env,
      varFiles: inputs.varFiles.map((f) => path10.resolve(workspace, f))
    });
  } catch (e) {
    if (e instanceof UsageError) {
      write(command("error", `mlops-iac-lint: ${e.message}`));
      return 2;
    }
    throw e;
  }
  const sarifPath = path10.resolve(workspace, inputs.sarifFile);
  fs6.mkdirSync(path10.dirname(sarifPath), { recursive: true });
  fs6.writeFileSync(sarifPath, formatSarif(result), "utf8");
  const links = linkOptions(env);
  let overflow = [];
  if (inputs.annotations) {
    const a = githubAnnotations(result, { cwd: workspace });
    for (const line of a.annotations) write(line);
    overflow = a.overflow;
  }
  const counts = summarize(result);
  write(
    `mlops-iac-lint: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.notes} note(s)${counts.suppressed ? `, ${counts.suppressed} suppressed` : ""} in ${counts.files} file(s); SARIF: ${relativePath(workspace, sarifPath)}`
  );
  if (overflow.length > 0) {
    write(`mlops-iac-lint: ${overflow.length} finding(s) not annotated (GitHub's limit is ${GITHUB_ANNOTATION_LIMIT} per level); see the job summary or the SARIF report.`);
  }
  if (inputs.summary) {
    let md = formatMarkdown(result, { cwd: workspace, links });
    if (overflow.length > 0) md += "\n" + overflowSection(overflow, workspace, links);
    appendSummary(env, md);
  }
  setOutput(env, "sarif-file", sarifPath);
  setOutput(env, "errors", String(counts.errors));
  setOutput(env, "warnings", String(counts.warnings));
  setOutput(env, "notes", String(counts.notes));
  const code = failed(result, inputs.failOn) ? 1 : 0;
  if (code === 1) write(command("error", `mlops-iac-lint: findings at or above "${inputs.failOn}" level (fail-on: ${inputs.failOn})`));
  return code;
}

// src/action/main.ts
run(process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    const err2 = e;
    process.stdout.write(command("error", `mlops-iac-lint: internal error: ${err2.stack ?? String(e)}`) + "\n");
    process.exitCode = 3;
  }
);
