// Syntax highlighting of `code-block`s with highlight.js core and the few languages specs use
// (the corpus: json, python, console/bash/shell, yaml, ini, text); any other language is shown
// plain, as Pygments' fallback would leave it unstyled too.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import ini from 'highlight.js/lib/languages/ini';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import yaml from 'highlight.js/lib/languages/yaml';

hljs.registerLanguage('bash', bash);
hljs.registerLanguage('ini', ini);
hljs.registerLanguage('json', json);
hljs.registerLanguage('plaintext', plaintext);
hljs.registerLanguage('python', python);
hljs.registerLanguage('shell', shell);
hljs.registerLanguage('yaml', yaml);
// Pygments' names that highlight.js spells otherwise.
hljs.registerAliases(['python3', 'py3', 'pycon'], { languageName: 'python' });
hljs.registerAliases(['sh', 'shell-session'], { languageName: 'bash' });
hljs.registerAliases(['none', 'text', 'txt', 'rst', 'default'], { languageName: 'plaintext' });
hljs.registerAliases(['javascript+json', 'json-object'], { languageName: 'json' });
hljs.registerAliases(['cfg', 'dosini'], { languageName: 'ini' });

/** Highlighted HTML per language and text: a keystroke re-renders every block, most unchanged. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

/** The highlighted HTML of `code` in `language` (escaped by highlight.js), or undefined when unknown. */
export function highlight(code: string, language: string): string | undefined {
  const name = language.trim().toLowerCase();
  if (!name || !hljs.getLanguage(name)) return undefined;
  const key = `${name}\u0000${code}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, html);
  }
  return html;
}
