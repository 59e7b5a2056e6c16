import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lineOf, restCheck, spec } from './helpers';

const check = (text: string) => restCheck('rest-incomplete', text);

test('rest-incomplete: a POST with a description only', () => {
  const text = spec(`
* Complete a lifecycle action

  ::

    POST /v1/clusters/{cluster_id}/actions

  Complete the action and trigger deletion of nodes.
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-incomplete',
      severity: 'information',
      message: `'POST /v1/clusters/{cluster_id}/actions' has no response codes, no request or response body and no policy.`,
      range: at(lineOf(text, '    POST /v1/clusters/{cluster_id}/actions'), 4, 42),
      data: { method: 'POST', url: '/v1/clusters/{cluster_id}/actions', listedWith: 0, missing: ['response codes', 'body', 'policy'] },
    },
  ]);
});

test('rest-incomplete: GET asks for a response body, DELETE for none; sub-headings per API', () => {
  const text = spec(`
List receivers
~~~~~~~~~~~~~~

\`GET /v1/receivers\`

Lists the receivers of the project.

Delete a receiver
~~~~~~~~~~~~~~~~~

\`DELETE /v1/receivers/{receiver_id}\`

Deletes the receiver.
`);
  assert.deepEqual(
    check(text).map(({ message, range, data }) => ({ message, range, data })),
    [
      {
        message: `'GET /v1/receivers' has no response codes, no response body and no policy.`,
        range: at(lineOf(text, '`GET /v1/receivers`'), 1, 18),
        data: { method: 'GET', url: '/v1/receivers', listedWith: 0, missing: ['response codes', 'body', 'policy'] },
      },
      {
        message: `'DELETE /v1/receivers/{receiver_id}' has no response codes and no policy.`,
        range: at(lineOf(text, '`DELETE /v1/receivers/{receiver_id}`'), 1, 35),
        data: { method: 'DELETE', url: '/v1/receivers/{receiver_id}', listedWith: 0, missing: ['response codes', 'policy'] },
      },
    ],
  );
});

test('rest-incomplete: any one of codes, a body or policy is enough', () => {
  const codes = spec('::\n\n  DELETE /v1/receivers/{receiver_id}\n\nReturns `204 No Content`.\n');
  const body = spec('::\n\n  GET /v1/receivers\n  {"receivers": []}\n');
  const policy = spec('* `POST /v1/receivers`: only an admin may create one.\n');
  assert.deepEqual([...check(codes), ...check(body), ...check(policy)], []);
});

test('rest-incomplete: labelled URL and METHOD fields pair up; the diagnostic is on the method', () => {
  const text = spec(`
URL: \`\`/v2/devices/{uuid}/enable\`\`

METHOD: \`\`POST\`\`

    Enable a device.
`);
  assert.deepEqual(
    check(text).map(({ range, data }) => ({ range, data })),
    [
      {
        range: at(lineOf(text, 'METHOD: ``POST``'), 10, 14),
        data: { method: 'POST', url: '/v2/devices/{uuid}/enable', listedWith: 0, missing: ['response codes', 'body', 'policy'] },
      },
    ],
  );
});

test('rest-incomplete: APIs listed together share their text; one diagnostic for an undescribed list', () => {
  const shared = spec(`
The following APIs will also be changed::

   * GET /os-hypervisors/{hypervisor_hostname_pattern}/search

* Old: GET /os-hypervisors/{hypervisor_hostname_pattern}/search

* New: GET /os-hypervisors?hypervisor_hostname=xxx

Example response::

  {"hypervisors": []}
`);
  assert.deepEqual(check(shared), []);
  const bare = spec(`
Paging is added::

    GET /os-simple-tenant-usage?limit={limit}&marker={instance_uuid}
    GET /os-simple-tenant-usage/{tenant_id}?limit={limit}&marker={instance_uuid}
`);
  assert.deepEqual(
    check(bare).map(({ message, range }) => ({ message, range })),
    [
      {
        message: `'GET /os-simple-tenant-usage?limit={limit}&marker={instance_uuid}' (and 1 more) has no response codes, no response body and no policy.`,
        range: at(lineOf(bare, '    GET /os-simple-tenant-usage?limit={limit}&marker={instance_uuid}'), 4, 68),
      },
    ],
  );
});

test('rest-incomplete: a summary list and a sub-heading of its own count as one API', () => {
  const text = spec(`
* \`GET /v1/events\`: lists events

\`GET /v1/events\`
~~~~~~~~~~~~~~~~

Example::

    200 OK
    {"events": []}
`);
  assert.deepEqual(check(text), []);
});

test('rest-incomplete: text before the first API speaks for all of them', () => {
  const text = spec(`
With a new microversion, these APIs will return a 404 NotFound response:

* \`\`GET /os-hosts\`\` - list hosts
* \`\`PUT /os-hosts/{host_name}\`\` - update host status
`);
  assert.deepEqual(check(text), []);
});

test('rest-incomplete: nothing outside REST API impact, nor in a section that says None', () => {
  const outside = spec('None').replace('Attach policies to clusters.', '::\n\n  POST /v1/receivers');
  assert.deepEqual(check(outside), []);
  assert.deepEqual(check(spec('None. The receiver API is unchanged::\n\n  POST /v1/receivers\n')), []);
});
