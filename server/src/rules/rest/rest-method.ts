import type { Finding, Rule } from '../rule';
import { extractRest } from './extract';
import { HTTP_METHODS } from './http';

const SUGGESTIONS: Readonly<Record<string, string>> = {
  ADD: 'POST',
  CREATE: 'POST',
  INSERT: 'POST',
  LIST: 'GET',
  SHOW: 'GET',
  READ: 'GET',
  FETCH: 'GET',
  RETRIEVE: 'GET',
  QUERY: 'GET',
  SEARCH: 'GET',
  REMOVE: 'DELETE',
  DESTROY: 'DELETE',
  UNLINK: 'DELETE',
  UPDATE: 'PUT or PATCH',
  MODIFY: 'PUT or PATCH',
  EDIT: 'PUT or PATCH',
  CHANGE: 'PUT or PATCH',
  SET: 'PUT',
  REPLACE: 'PUT',
  UPSERT: 'PUT',
};

export const restMethod: Rule = {
  id: 'rest-method',
  defaultSeverity: 'warning',
  description: 'REST API impact: a method type that is not GET, HEAD, POST, PUT, PATCH or DELETE.',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    return rest.declarations.methods
      .filter((method) => !method.valid)
      .map((method): Finding => {
        const upper = method.text.toUpperCase();
        const range = { start: { line: method.line, character: method.start }, end: { line: method.line, character: method.end } };
        if (HTTP_METHODS.has(upper)) {
          return {
            range,
            message: `HTTP method '${method.text}' is written in capitals: '${upper}'.`,
            data: { method: method.text, replacement: upper },
          };
        }
        const suggestion = SUGGESTIONS[upper];
        const hint = suggestion ? ` (for this, ${suggestion})` : '';
        return {
          range,
          message: `'${method.text}' is not an HTTP method: use GET, HEAD, POST, PUT, PATCH or DELETE${hint}.`,
          data: { method: method.text, replacement: suggestion && !suggestion.includes(' ') ? suggestion : null },
        };
      });
  },
};
