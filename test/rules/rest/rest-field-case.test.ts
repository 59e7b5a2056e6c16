import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lineOf, restCheck, spec } from './helpers';

const check = (text: string) => restCheck('rest-field-case', text);

test('rest-field-case: a camelCase name in a sample, once per block, with every occurrence for the fix', () => {
  const text = spec(`
Response::

  {
      "clusterPolicy": {
          "policyId": "b0d6aa05",
          "enabled": true
      },
      "policies": [{"policyId": "c1e7bb16"}]
  }
`);
  const first = lineOf(text, '          "policyId": "b0d6aa05",');
  const second = lineOf(text, '      "policies": [{"policyId": "c1e7bb16"}]');
  assert.deepEqual(check(text), [
    {
      code: 'rest-field-case',
      severity: 'warning',
      message: "Field name 'clusterPolicy' is camelCase: the template asks for snake_case ('cluster_policy').",
      range: at(first - 1, 7, 20),
      data: { name: 'clusterPolicy', replacement: 'cluster_policy', occurrences: [`${first - 1}:7:20`] },
    },
    {
      code: 'rest-field-case',
      severity: 'warning',
      message: "Field name 'policyId' is camelCase: the template asks for snake_case ('policy_id').",
      range: at(first, 11, 19),
      data: { name: 'policyId', replacement: 'policy_id', occurrences: [`${first}:11:19`, `${second}:21:29`] },
    },
  ]);
});

test('rest-field-case: in a schema only the names in properties count, not the keywords', () => {
  const text = spec(`
.. code-block:: json

   {
       "type": "object",
       "properties": {
           "ServerName": {"type": "string", "minLength": 1, "maxLength": 255},
           "node_count": {"type": "integer"}
       },
       "required": ["ServerName"],
       "additionalProperties": false
   }
`);
  const line = lineOf(text, '           "ServerName": {"type": "string", "minLength": 1, "maxLength": 255},');
  assert.deepEqual(check(text), [
    {
      code: 'rest-field-case',
      severity: 'warning',
      message: "Field name 'ServerName' is PascalCase: the template asks for snake_case ('server_name').",
      range: at(line, 12, 22),
      data: { name: 'ServerName', replacement: 'server_name', occurrences: [`${line}:12:22`, `${line + 3}:21:31`] },
    },
  ]);
});

test('rest-field-case: Python-dict schemas are read too', () => {
  const text = spec(`
::

  create = {
      'type': 'object',
      'properties': {
          'nodeCount': parameter_types.positive_integer,
      },
      'additionalProperties': False,
  }
`);
  const line = lineOf(text, "          'nodeCount': parameter_types.positive_integer,");
  assert.deepEqual(
    check(text).map(({ range, data }) => ({ range, data })),
    [{ range: at(line, 11, 20), data: { name: 'nodeCount', replacement: 'node_count', occurrences: [`${line}:11:20`] } }],
  );
});

test('rest-field-case: existing compute API names, actions, extension attributes and constants are fine', () => {
  const text = spec(`
Request::

  {
      "server": {
          "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b",
          "flavorRef": "1",
          "adminPass": "secret",
          "OS-DCF:diskConfig": "AUTO",
          "metadata": {"My Server Name": "Apache1"}
      },
      "os-migrateLive": {"host": null},
      "resources": {"DISK_GB": 10, "IPv4": 1}
  }
`);
  assert.deepEqual(check(text), []);
});

test('rest-field-case: nothing outside REST API impact, nor in a section that says None', () => {
  const outside = spec('None').replace('Attach policies to clusters.', '::\n\n  {"clusterPolicy": 1}');
  assert.deepEqual(check(outside), []);
  assert.deepEqual(check(spec('N/A\n\n::\n\n  {"clusterPolicy": 1}\n')), []);
});
