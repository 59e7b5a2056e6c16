import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lineOf, restCheck, spec } from './helpers';

const check = (text: string) => restCheck('rest-json', text);

test('rest-json: a trailing comma in a Body:: sample, at the comma', () => {
  const text = spec(`
Body::

  {
      "cluster": {
          "name": "web",
          "desired_capacity": 2,
      }
  }
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-json',
      severity: 'warning',
      message: "Invalid JSON: a comma before '}' (JSON allows no trailing comma).",
      range: at(lineOf(text, '          "desired_capacity": 2,'), 31, 32),
      data: { mode: 'strict' },
    },
  ]);
});

test('rest-json: a missing comma in a code-block:: json, at the next property', () => {
  const text = spec(`
Response:

.. code-block:: json

   {
       "policy_id": "b0d6aa05",
       "enabled": true
       "priority": 40
   }
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-json',
      severity: 'warning',
      message: `Invalid JSON: ',' or '}' after a property value was expected, not the string "priority".`,
      range: at(lineOf(text, '       "priority": 40'), 7, 17),
      data: { mode: 'strict' },
    },
  ]);
});

test('rest-json: an unescaped quote in a string, a missing colon, an unclosed brace (javascript)', () => {
  const text = spec(`
.. code-block:: javascript

    {"board_info": "{"device_id": "0xabcd"}"}

::

    {
      "allocations": {
        "5af2c770" {
          "generation": 99
        }
      }
    }

.. code-block:: javascript

    {
      "traits": ["CUSTOM_GOLD"]
`);
  assert.deepEqual(
    check(text).map(({ message, range }) => ({ message, range })),
    [
      {
        message: "Invalid JSON: ',' or '}' after a property value was expected, not 'device_id'.",
        range: at(lineOf(text, '    {"board_info": "{"device_id": "0xabcd"}"}'), 22, 31),
      },
      {
        message: "Invalid JSON: ':' was expected after the property name, not '{'.",
        range: at(lineOf(text, '        "5af2c770" {'), 19, 20),
      },
      {
        message: "Invalid JSON: this '{' is never closed.",
        range: at(lineOf(text, '    {', lineOf(text, '.. code-block:: javascript', lineOf(text, '    }'))), 4, 5),
      },
    ],
  );
});

test('rest-json: JSON followed by prose in the same literal block is only checked up to its end', () => {
  const text = spec(`
  \`GET /servers/{id}/migrations\`

Body::

  {
    "migrations": [{"id": 6789, "status": "running"}]
  }

  Normal http response code: \`200 OK\`
`);
  assert.deepEqual(check(text), []);
});

test('rest-json: Python-dict schemas, elisions and placeholders are checked leniently', () => {
  const text = spec(`
JSON schema definition for the body data::

  migrate_live = {
      'type': 'object',
      'properties': {
          'block_migration': parameter_types.boolean,
          'host': host
          'force': parameter_types.boolean,
      },
      'additionalProperties': False,
  }

Response::

  {
      "server": {
          "id": {server_id},
          ... other server resource properties ...
          "tags": ["foo", "bar"],
          "host": <hostname>,
      }
  }
`);
  assert.deepEqual(check(text), []);
});

test('rest-json: unbalanced brackets and open quotes in a lenient sample', () => {
  const text = spec(`
::

    server_create = {
        'user_data': {
        'type': 'string',
        'format': 'base64'
    }

::

    {
        'servers': [
            {'id': {server1_id}, ...}
    }

::

    {'name': 'web}
`);
  assert.deepEqual(
    check(text).map(({ message, range, data }) => ({ message, range, data })),
    [
      {
        message: "Unbalanced brackets in this sample: this '{' is never closed.",
        range: at(lineOf(text, '    server_create = {'), 20, 21),
        data: { mode: 'lenient' },
      },
      {
        message: "Unbalanced brackets in this sample: '}' closes a '[' (it needs ']').",
        range: at(lineOf(text, '    }', lineOf(text, "            {'id': {server1_id}, ...}")), 4, 5),
        data: { mode: 'lenient' },
      },
      {
        message: 'Unclosed quote in this sample: the string is not closed on its line.',
        range: at(lineOf(text, "    {'name': 'web}"), 13, 18),
        data: { mode: 'lenient' },
      },
    ],
  );
});

test('rest-json: an excerpt that stops after an item\'s comma is not "never closed"', () => {
  const text = spec(`
Add the description to the request schema::

    base_update = {
        'type': 'object',
        'properties': {
            'server': {
                'description': parameter_types.description,
            },

The response::

    {
        "server": {
            "description": "web server",
`);
  assert.deepEqual(check(text), []);
});

test('rest-json: a long string wrapped over lines is accepted; shell blocks are not read', () => {
  const text = spec(`
Current JSON response::

 {
    "description": "Cyborg (previously known as Nomad) is an OpenStack
       project that aims to provide a general purpose management framework.",
    "name": "OpenStack Cyborg API"
 }

.. code-block:: console

   $ curl -X POST /v1/clusters -d '{"cluster": {'
   {"broken": ]
`);
  assert.deepEqual(check(text), []);
});

test('rest-json: nothing outside REST API impact, nor in a section that says None', () => {
  const outside = spec('None required, the API is unchanged.\n').replace('Attach policies to clusters.', '::\n\n  {"a": 1,}');
  assert.deepEqual(check(outside), []);
  const other = spec('::\n\n  {"a": 1}\n').replace('Attach policies to clusters.', '::\n\n  {"a": 1,}');
  assert.deepEqual(check(other), []);
});
