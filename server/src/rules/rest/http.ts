// HTTP vocabulary for the REST API impact rules: methods, registered status codes and their
// reason phrases. Pure data and small helpers; no I/O.

/** The methods the template's "Method type" asks for (plus HEAD). */
export const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Words that specs write where a method belongs but that are not one of HTTP_METHODS: CRUD verbs
 * and the rarer HTTP/WebDAV methods. Only these (and miscased real methods) count as a wrong
 * method in a "METHOD /url" line; any other upper-case word in front of a URL is left alone.
 */
export const METHOD_LOOKALIKES: ReadonlySet<string> = new Set([
  'ADD',
  'CHANGE',
  'CONNECT',
  'COPY',
  'CREATE',
  'DESTROY',
  'EDIT',
  'FETCH',
  'INSERT',
  'LINK',
  'LIST',
  'LOCK',
  'MKCOL',
  'MODIFY',
  'MOVE',
  'OPTIONS',
  'PROPFIND',
  'PURGE',
  'QUERY',
  'READ',
  'REMOVE',
  'REPLACE',
  'RETRIEVE',
  'SEARCH',
  'SET',
  'SHOW',
  'TRACE',
  'UNLINK',
  'UNLOCK',
  'UPDATE',
  'UPSERT',
]);

/** IANA HTTP status code registry (RFC 9110 and friends), without the unused 306 and 418. */
export const HTTP_STATUS: ReadonlyMap<number, string> = new Map([
  [100, 'Continue'],
  [101, 'Switching Protocols'],
  [102, 'Processing'],
  [103, 'Early Hints'],
  [200, 'OK'],
  [201, 'Created'],
  [202, 'Accepted'],
  [203, 'Non-Authoritative Information'],
  [204, 'No Content'],
  [205, 'Reset Content'],
  [206, 'Partial Content'],
  [207, 'Multi-Status'],
  [208, 'Already Reported'],
  [226, 'IM Used'],
  [300, 'Multiple Choices'],
  [301, 'Moved Permanently'],
  [302, 'Found'],
  [303, 'See Other'],
  [304, 'Not Modified'],
  [305, 'Use Proxy'],
  [307, 'Temporary Redirect'],
  [308, 'Permanent Redirect'],
  [400, 'Bad Request'],
  [401, 'Unauthorized'],
  [402, 'Payment Required'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [405, 'Method Not Allowed'],
  [406, 'Not Acceptable'],
  [407, 'Proxy Authentication Required'],
  [408, 'Request Timeout'],
  [409, 'Conflict'],
  [410, 'Gone'],
  [411, 'Length Required'],
  [412, 'Precondition Failed'],
  [413, 'Content Too Large'],
  [414, 'URI Too Long'],
  [415, 'Unsupported Media Type'],
  [416, 'Range Not Satisfiable'],
  [417, 'Expectation Failed'],
  [421, 'Misdirected Request'],
  [422, 'Unprocessable Content'],
  [423, 'Locked'],
  [424, 'Failed Dependency'],
  [425, 'Too Early'],
  [426, 'Upgrade Required'],
  [428, 'Precondition Required'],
  [429, 'Too Many Requests'],
  [431, 'Request Header Fields Too Large'],
  [451, 'Unavailable For Legal Reasons'],
  [500, 'Internal Server Error'],
  [501, 'Not Implemented'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable'],
  [504, 'Gateway Timeout'],
  [505, 'HTTP Version Not Supported'],
  [506, 'Variant Also Negotiates'],
  [507, 'Insufficient Storage'],
  [508, 'Loop Detected'],
  [510, 'Not Extended'],
  [511, 'Network Authentication Required'],
]);

/**
 * Words that only name a status, never say why it happens: every word of the registered reason
 * phrases, older phrases (Request Entity Too Large, Unprocessable Entity), the names the
 * OpenStack API references give codes (badRequest, itemNotFound, conflictingRequest, ...), and
 * the words around a code ("HTTP response code", "returns", "error").
 */
const STATUS_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  const add = (phrase: string) => {
    for (const word of splitWords(phrase)) words.add(word);
  };
  for (const phrase of HTTP_STATUS.values()) add(phrase);
  add('Request Entity Too Large Unprocessable Entity Payload Requested Range Unused');
  add('item conflicting over limit bad method media compute fault service unavailable');
  add('http https status response responses code codes error errors expected normal return returns');
  add('returned return is are be will the a an with of on code and or e g i status');
  return words;
})();

/** Lower-cased words of a phrase, camelCase and HTTPNotFound split apart (one linear pass). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    const upper = char >= 'A' && char <= 'Z';
    const lower = char >= 'a' && char <= 'z';
    if (!upper && !lower) {
      if (word) words.push(word.toLowerCase());
      word = '';
      continue;
    }
    const previous = text[index - 1] ?? '';
    const next = text[index + 1] ?? '';
    const previousLower = previous >= 'a' && previous <= 'z';
    const previousUpper = previous >= 'A' && previous <= 'Z';
    const nextLower = next >= 'a' && next <= 'z';
    if (word && upper && (previousLower || (previousUpper && nextLower))) {
      words.push(word.toLowerCase());
      word = '';
    }
    word += char;
  }
  if (word) words.push(word.toLowerCase());
  return words;
}

/** Whether a text says something beyond the code's name: a reason, a cause, a condition. */
export function saysWhy(text: string): boolean {
  return splitWords(text).some((word) => !STATUS_WORDS.has(word) && word.length > 1);
}

export function statusClass(code: number): number {
  return Math.floor(code / 100);
}
