import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lineOf, restCheck, spec } from './helpers';

const check = (text: string) => restCheck('rest-status-code', text);
const REASONLESS = (code: string) => `Error code ${code} has no reason: say what causes it.`;

test('rest-status-code: template-style fields with reasons are fine', () => {
  const text = spec(`
* Method Specification

  - Method type: POST

  - Normal http response code(s): 202

  - Expected error http response code(s):

    + 400: the policy type is not one the cluster's profile supports.

    + 404: no cluster or no policy with that ID.

  - URL for the resource: \`\`/v1/clusters/{cluster_id}/actions\`\`
`);
  assert.deepEqual(check(text), []);
});

test('rest-status-code: error codes listed inline without reasons', () => {
  const text = spec(`
* Method type: POST

* Normal http response code: 202

* Expected error http response code(s): 400, 403

* URL for the resource: \`\`/v2.1/servers\`\`
`);
  const line = lineOf(text, '* Expected error http response code(s): 400, 403');
  assert.deepEqual(check(text), [
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: REASONLESS('400 Bad Request'),
      range: at(line, 40, 43),
      data: { code: 400, kind: 'error' },
    },
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: REASONLESS('403 Forbidden'),
      range: at(line, 45, 48),
      data: { code: 403, kind: 'error' },
    },
  ]);
});

test('rest-status-code: an unregistered code, a normal 4xx and an error 2xx', () => {
  const text = spec(`
- Normal http response code(s): 209

- Expected error http response code(s): 202 - the action was queued.

Other cluster actions:

- Normal http response code(s)：404
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: '209 is not a registered HTTP status code.',
      range: at(lineOf(text, '- Normal http response code(s): 209'), 32, 35),
      data: { code: 209, kind: 'normal' },
    },
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: '202 Accepted is listed as an error code: list it with the normal codes.',
      range: at(lineOf(text, '- Expected error http response code(s): 202 - the action was queued.'), 40, 43),
      data: { code: 202, kind: 'error' },
    },
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: '404 Not Found is listed as a normal code: list it with the error codes.',
      range: at(lineOf(text, '- Normal http response code(s)：404'), 31, 34),
      data: { code: 404, kind: 'normal' },
    },
  ]);
});

test('rest-status-code: simple tables of codes and reasons, one row without a reason', () => {
  const text = spec(`
* Alls Action

  ::

    POST /v1/clusters/{cluster_id}/actions

  - Normal HTTP response code(s):

    =============== ===========================================================
    Code            Reason
    =============== ===========================================================
    202 - Accepted  Request was accepted for processing, but the processing has
                    not been completed.
    =============== ===========================================================

  - Expected error HTTP response code(s):

    ========================== ===============================================
    Code                       Reason
    ========================== ===============================================
    400 - Bad Request          Some content in the request was invalid.
    **409 - Conflict**         **The requested resource is locked by**
                               **another action**
    503 - Service Unavailable
    ========================== ===============================================
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: REASONLESS('503 Service Unavailable'),
      range: at(lineOf(text, '    503 - Service Unavailable'), 4, 7),
      data: { code: 503, kind: 'error' },
    },
  ]);
});

test('rest-status-code: backticked codes with the reason on the next line (literal block style)', () => {
  const text = spec(`
* Stop an in-progress live migration

  \`DELETE /servers/{id}/migrations/{id}\`

Body::

  None

  Normal http response code: \`202 Accepted\`
  No response body is needed

  Expected error http response code: \`404 Not Found\`
  - the instance does not exist

  Expected error http response code: \`403 Forbidden\`
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: REASONLESS('403 Forbidden'),
      range: at(lineOf(text, '  Expected error http response code: `403 Forbidden`'), 38, 41),
      data: { code: 403, kind: 'error' },
    },
  ]);
});

test('rest-status-code: API-reference names alone are no reason; a cause in parentheses is', () => {
  const text = spec(`
Normal response codes: 200

Error response codes: badRequest(400), itemNotFound(404)

Error Code: 409(the device is locked),403(the role is not admin)

* Expected error http response code

  * conflictingRequest(409)

    * The server is locked and the user is not an administrator.
`);
  const line = lineOf(text, 'Error response codes: badRequest(400), itemNotFound(404)');
  assert.deepEqual(
    check(text).map(({ message, range }) => ({ message, range })),
    [
      { message: REASONLESS('400 Bad Request'), range: at(line, 33, 36) },
      { message: REASONLESS('404 Not Found'), range: at(line, 52, 55) },
    ],
  );
});

test('rest-status-code: unregistered codes in prose; other numbers are not codes', () => {
  const text = spec(`
The call answers HTTP 499 when the client goes away, and \`200 OK\` otherwise.

The name may be up to 255 characters long; version 2.1 adds it.

The name is a \`\`string(255)\`\`, at most \`\`255\`\` characters; \`404 Not Found\` and \`itemNotFound(499)\` too.
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: '499 is not a registered HTTP status code.',
      range: at(lineOf(text, 'The call answers HTTP 499 when the client goes away, and `200 OK` otherwise.'), 22, 25),
      data: { code: 499, kind: null },
    },
    {
      code: 'rest-status-code',
      severity: 'warning',
      message: '499 is not a registered HTTP status code.',
      range: at(
        lineOf(text, 'The name is a ``string(255)``, at most ``255`` characters; `404 Not Found` and `itemNotFound(499)` too.'),
        93,
        96,
      ),
      data: { code: 499, kind: null },
    },
  ]);
});

test('rest-status-code: nothing outside REST API impact, nor in a section that says None', () => {
  const outside = spec('* Normal http response code(s): 202\n').replace(
    'Attach policies to clusters.',
    'Expected error http response code(s): 400, 700',
  );
  assert.deepEqual(check(outside), []);
  assert.deepEqual(check(spec('None\n\nExpected error http response code(s): 400, 700\n')), []);
});

test('rest-status-code: bare codes explained in the next paragraph of the same API are fine', () => {
  const text = spec(`
\`POST /v1/clusters/{cluster_id}/actions\`

* Expected error http response codes: 400, 404

400 is returned when the action name is not one the cluster supports, 404 when there is no
cluster with that ID.

\`GET /v1/clusters/{cluster_id}/policies\`

* Expected error http response codes: 400
`);
  assert.deepEqual(
    check(text).map(({ message, range }) => ({ message, range })),
    [{ message: REASONLESS('400 Bad Request'), range: at(lineOf(text, '* Expected error http response codes: 400'), 38, 41) }],
  );
});
