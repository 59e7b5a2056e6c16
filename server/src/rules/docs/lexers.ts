// The state tables of the Pygments 2.14 lexers that fail on text specs hold (JavaScript, Bash, a
// Bash session, XML), copied from pygments/lexers/{javascript,shell,html}.py with the rules'
// order kept (it decides which one matches); tokens dropped. Run by regex-lexer.ts.
import { type LexRule, type LexerTable, pyRegex, regexLexError } from './regex-lexer';

const r = String.raw;
const JS_START = r`(?:[$_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}]|\\u[a-fA-F0-9]{4})`;
const JS_PART = r`(?:[$\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200c\u200d]|\\u[a-fA-F0-9]{4})`;
const JS_COMMENTS: LexRule[] = [[r`\s+`], ['<!--'], [r`//.*?$`], [r`/\*.*?\*/`]];
const JS_ROOT: LexRule[] = [
  [r`\A#! ?/.*?$`],
  [r`^(?=\s|/|<!--)`, 'slashstartsregex'],
  ...JS_COMMENTS,
  ['0[bB][01]+n?'],
  ['0[oO]?[0-7]+n?'],
  ['0[xX][0-9a-fA-F]+n?'],
  ['[0-9]+n'],
  [r`(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?`],
  [r`\.\.\.|=>`],
  [r`\+\+|--|~|\?\?=?|\?|:|\\(?=\n)|(<<|>>>?|==?|!=?|(?:\*\*|\|\||&&|[-<>+*%&|^/]))=?`, 'slashstartsregex'],
  [r`[{(\[;,]`, 'slashstartsregex'],
  [r`[})\].]`],
  [r`(typeof|instanceof|in|void|delete|new)\b`, 'slashstartsregex'],
  [r`\b(constructor|from|as)\b`],
  [
    r`(for|in|while|do|break|return|continue|switch|case|default|if|else|throw|try|catch|finally|yield|await|async|this|of|static|export|import|debugger|extends|super)\b`,
    'slashstartsregex',
  ],
  [r`(var|let|const|with|function|class)\b`, 'slashstartsregex'],
  // the reserved words, constants, builtins and exceptions (one rule: they lead nowhere)
  [
    r`(abstract|boolean|byte|char|double|enum|final|float|goto|implements|int|interface|long|native|package|private|protected|` +
      r`public|short|synchronized|throws|transient|volatile)\b|(true|false|null|NaN|Infinity|undefined)\b|` +
      r`(Array|Boolean|Date|BigInt|Function|Math|ArrayBuffer|Number|Object|RegExp|String|Promise|Proxy|decodeURI|` +
      r`decodeURIComponent|encodeURI|encodeURIComponent|eval|isFinite|isNaN|parseFloat|parseInt|DataView|document|window|` +
      r`globalThis|global|Symbol|Intl|WeakSet|WeakMap|Set|Map|Reflect|JSON|Atomics|Int(?:8|16|32)Array|BigInt64Array|` +
      r`Float32Array|Float64Array|Uint8ClampedArray|Uint(?:8|16|32)Array|BigUint64Array)\b|((?:Eval|Internal|Range|Reference|` +
      r`Syntax|Type|URI)?Error)\b`,
  ],
  [r`(super)(\s*)(\([\w,?.$\s]+\s*\))`, 'slashstartsregex'],
  [r`([a-zA-Z_?.$][\w?.$]*)(?=\(\) \{)`, 'slashstartsregex'],
  [`${JS_START}(?:${JS_PART})*`],
  [r`"(\\\\|\\[^\\]|[^"\\])*"`],
  [r`'(\\\\|\\[^\\]|[^'\\])*'`],
  ['`', 'interp'],
];

export const JAVASCRIPT: LexerTable = {
  dotall: true,
  states: {
    root: JS_ROOT,
    slashstartsregex: [
      ...JS_COMMENTS,
      [r`/(\\.|[^[/\\\n]|\[(\\.|[^\]\\\n])*])+/([gimuysd]+\b|\B)`, '#pop'],
      ['(?=/)', ['#pop', 'badregex']],
      ['', '#pop'],
    ],
    badregex: [[r`\n`, '#pop']],
    interp: [['`', '#pop'], [r`\\.`], [r`\$\{`, 'interp-inside'], [r`\$`], ['[^`\\\\$]+']],
    'interp-inside': [[r`\}`, '#pop'], ...JS_ROOT],
  },
};

const BASH_BASIC: LexRule[] = [
  [r`\b(if|fi|else|while|in|do|done|for|then|return|function|case|select|continue|until|esac|elif)(\s*)\b`],
  [
    r`\b(alias|bg|bind|break|builtin|caller|cd|command|compgen|complete|declare|dirs|disown|echo|enable|eval|exec|exit|` +
      r`export|false|fc|fg|getopts|hash|help|history|jobs|kill|let|local|logout|popd|printf|pushd|pwd|read|readonly|set|shift|` +
      r`shopt|source|suspend|test|time|times|trap|true|type|typeset|ulimit|umask|unalias|unset|wait)(?=[\s)` +
      '`])',
  ],
  [r`\A#!.+\n`],
  [r`#.*\n`],
  [r`\\(?:.|\n)`],
  [r`(\b\w+)(\s*)(\+?=)`],
  [r`[\[\]{}()=]`],
  ['<<<'],
  [r`<<-?\s*(\'?)\\?(\w+)(?:.|\n)+?\2`],
  [r`&&|\|\|`],
];
const BASH_DATA: LexRule[] = [
  [r`(?s)\$?"(\\.|[^"\\$])*"`],
  ['"', 'string'],
  [r`(?s)\$'(\\\\|\\[0-7]+|\\.|[^'\\])*'`],
  [r`(?s)'.*?'`],
  [';'],
  ['&'],
  [r`\|`],
  [r`\s+`],
  [r`\d+\b`],
  [r`[^=\s\[\]{}()$"'` + '`' + r`\\<&|;]+`],
  ['<'],
];
const BASH_INTERP: LexRule[] = [
  [r`\$\(\(`, 'math'],
  [r`\$\(`, 'paren'],
  [r`\$\{#?`, 'curly'],
  [r`\$[a-zA-Z_]\w*`],
  [r`\$(?:\d+|[#$?!_*@-])`],
  [r`\$`],
];
const BASH_ROOT: LexRule[] = [...BASH_BASIC, ['`', 'backticks'], ...BASH_DATA, ...BASH_INTERP];

export const BASH: LexerTable = {
  states: {
    root: BASH_ROOT,
    string: [['"', '#pop'], [r`(?s)(\\\\|\\[0-7]+|\\.|[^"\\$])+`], ...BASH_INTERP],
    curly: [[r`\}`, '#pop'], [':-'], [r`\w+`], ['[^}:"\'`$\\\\]+'], [':'], ...BASH_ROOT],
    paren: [[r`\)`, '#pop'], ...BASH_ROOT],
    math: [[r`\)\)`, '#pop'], [r`[-+*/%^|&]|\*\*|\|\|`], [r`\d+#\d+`], [r`\d+#(?! )`], [r`\d+`], ...BASH_ROOT],
    backticks: [['`', '#pop'], ...BASH_ROOT],
  },
};

export const XML: LexerTable = {
  dotall: true,
  states: {
    root: [
      [r`[^<&\s]+`],
      [r`\s+`], // [^<&\S]+
      [r`&\S*?;`],
      [r`\<\!\[CDATA\[.*?\]\]\>`],
      ['<!--.*?-->'],
      [r`<\?.*?\?>`],
      ['<![^>]*>'],
      [r`<\s*[\w:.-]+`, 'tag'],
      [r`<\s*/\s*[\w:.-]+\s*>`],
    ],
    tag: [[r`\s+`], [r`[\w.:-]+\s*=`, 'attr'], [r`/?\s*>`, '#pop']],
    attr: [[r`\s+`], ['".*?"', '#pop'], ["'.*?'", '#pop'], [r`[^\s>]+`, '#pop']],
  },
};

const VENV = r`^(\([^)]*\))(\s*)`;
const PS1 = r`^((?:(?:\[.*?\])|(?:\(\S+\))?(?:| |sh\S*?|\w+\S+[@:]\S+(?:\s+\S+)?|\[\S+[@:][^\n]+\].+))\s*[$#%]\s*)(.*\n?)`;
/** The two, for any text and for an ASCII text (faster); sticky, as Python's match(). */
const PROMPTS = [false, true].map((ascii) => [VENV, PS1].map((source) => new RegExp(pyRegex(source, false, ascii), 'uy')));

/**
 * Pygments' BashSessionLexer (ShellSessionBaseLexer): the commands after a prompt, with their
 * backslash continuations, lexed as Bash, each run of them as one text; output lines as they are.
 */
export function consoleLexError(text: string): number {
  const [venvRe, ps1Re] = PROMPTS[+!/[^\0-\x7f]/.test(text)];
  let code = '';
  // where each piece of `code` starts in `code` and in `text`
  const pieces: [number, number][] = [];
  let continued = false;
  const flush = (): number => {
    const offset = code ? regexLexError(BASH, code) : -1;
    if (offset < 0) return -1;
    let piece = pieces.length - 1;
    while (pieces[piece][0] > offset) piece--;
    return pieces[piece][1] + offset - pieces[piece][0];
  };
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break; // (the text ends with a newline; line_re leaves a last line without one out)
    let line = text.slice(start, end + 1);
    let at = start;
    let prompted = pieces.length > 0;
    venvRe.lastIndex = ps1Re.lastIndex = 0;
    const venv = venvRe.exec(line);
    if (venv) {
      prompted = true;
      line = line.slice(venv[0].length);
      at += venv[0].length;
    }
    const ps1 = ps1Re.exec(line);
    let part: string | undefined;
    if (ps1) {
      part = ps1[2];
      at += ps1[1].length;
    } else if (continued) {
      part = line.startsWith('> ') ? line.slice(2) : line;
      at += line.length - part.length;
    }
    if (part !== undefined) {
      pieces.push([code.length, at]);
      code += part;
      continued = code.endsWith('\\\n');
    } else {
      if (prompted) {
        const offset = flush();
        if (offset >= 0) return offset;
      }
      code = '';
      pieces.length = 0;
    }
    start = end + 1;
  }
  return pieces.length ? flush() : -1;
}
