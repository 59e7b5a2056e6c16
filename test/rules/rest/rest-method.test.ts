import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lineOf, restCheck, spec } from './helpers';

const check = (text: string) => restCheck('rest-method', text);

test('rest-method: template-style bullets with a real method are fine', () => {
  const text = spec(`
* Method Specification

  - Attach a policy to a cluster.

  - Method type: POST

  - Normal http response code(s): 202

  - URL for the resource: \`\`/v1/clusters/{cluster_id}/actions\`\`

  - Method type (POST/PUT/PATCH/GET/DELETE)
`);
  assert.deepEqual(check(text), []);
});

test('rest-method: a look-alike in a "Method type:" field, with the method that does that job', () => {
  const text = spec(`
* Update a cluster policy

  - Method type: UPDATE

  - URL: \`\`/v1/clusters/{cluster_id}/policies/{policy_id}\`\`
`);
  const line = lineOf(text, '  - Method type: UPDATE');
  assert.deepEqual(check(text), [
    {
      code: 'rest-method',
      severity: 'warning',
      message: "'UPDATE' is not an HTTP method: use GET, HEAD, POST, PUT, PATCH or DELETE (for this, PUT or PATCH).",
      range: at(line, 17, 23),
      data: { method: 'UPDATE', replacement: null },
    },
  ]);
});

test('rest-method: a miscased method before a URL in a literal block', () => {
  const text = spec(`
* Complete a lifecycle action

  ::

    Post /v1/clusters/{cluster_id}/actions
`);
  const line = lineOf(text, '    Post /v1/clusters/{cluster_id}/actions');
  assert.deepEqual(check(text), [
    {
      code: 'rest-method',
      severity: 'warning',
      message: "HTTP method 'Post' is written in capitals: 'POST'.",
      range: at(line, 4, 8),
      data: { method: 'Post', replacement: 'POST' },
    },
  ]);
});

test('rest-method: a method in a nested list under "Method type", and METHOD: ``get``', () => {
  const text = spec(`
* Method type

  * Delete

URL: \`\`/v2/deployables/{uuid}\`\`

METHOD: \`\`get\`\`
`);
  assert.deepEqual(
    check(text).map(({ range, data }) => ({ range, data })),
    [
      { range: at(lineOf(text, '  * Delete'), 4, 10), data: { method: 'Delete', replacement: 'DELETE' } },
      { range: at(lineOf(text, 'METHOD: ``get``'), 10, 13), data: { method: 'get', replacement: 'GET' } },
    ],
  );
});

test('rest-method: backticked and sub-heading declarations, and a full-width colon', () => {
  const text = spec(`
\`LIST /v1/clusters\`

\`\`CREATE /v1/clusters\`\`
~~~~~~~~~~~~~~~~~~~~~~~~

Create a cluster.

* Method type：REMOVE
`);
  assert.deepEqual(
    check(text).map(({ message, range }) => ({ message, range })),
    [
      {
        message: "'LIST' is not an HTTP method: use GET, HEAD, POST, PUT, PATCH or DELETE (for this, GET).",
        range: at(lineOf(text, '`LIST /v1/clusters`'), 1, 5),
      },
      {
        message: "'CREATE' is not an HTTP method: use GET, HEAD, POST, PUT, PATCH or DELETE (for this, POST).",
        range: at(lineOf(text, '``CREATE /v1/clusters``'), 2, 8),
      },
      {
        message: "'REMOVE' is not an HTTP method: use GET, HEAD, POST, PUT, PATCH or DELETE (for this, DELETE).",
        range: at(lineOf(text, '* Method type：REMOVE'), 14, 20),
      },
    ],
  );
});

test('rest-method: prose, other upper-case words and valid methods are left alone', () => {
  const text = spec(`
Delete /tmp/senlin-cache before the upgrade, then restart the engine.

UPDATE the cluster's profile first.

NOTE /v1/clusters is unchanged.

GET \`\`/v1/clusters/{cluster_id}\`\` and \`\`/v1/clusters\`\` return the new field.

With the method type PUT, the call replaces the policy.

* Method: Update the binding's priority.
`);
  assert.deepEqual(check(text), []);
});

test('rest-method: nothing outside REST API impact, nor in a section that says None', () => {
  const outside = spec('* Method type: POST\n').replace('Attach policies to clusters.', 'Method type: UPDATE\n\n::\n\n  Post /v1/clusters');
  assert.deepEqual(check(outside), []);
  assert.deepEqual(check(spec('None.\n\nMethod type: UPDATE\n')), []);
  const noneSubsection = spec(`
Attach policy
~~~~~~~~~~~~~

N/A

* Method type: UPDATE
`);
  assert.deepEqual(check(noneSubsection), []);
});
