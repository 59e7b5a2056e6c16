import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule } from '../../helpers';
import { apiNamesInSpec } from '../../../server/src/rules/rest/api-names';
import { at, lineOf, restCheck, spec } from './helpers';

const check = (text: string) => restCheck('rest-url', text);
const UNDERSCORE = (url: string, segments: string) =>
  `URL '${url}' has an underscore in ${segments}: the template asks for hyphens in URLs, not underscores.`;

test('rest-url: an underscore in a path segment, with the fixed URL for the quick fix', () => {
  const text = spec(`
::

  POST /v1/cluster_policies/{cluster_id}
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-url',
      severity: 'warning',
      message: UNDERSCORE('/v1/cluster_policies/{cluster_id}', "'cluster_policies'"),
      range: at(lineOf(text, '  POST /v1/cluster_policies/{cluster_id}'), 7, 40),
      data: { replacement: '/v1/cluster-policies/{cluster_id}', names: ['cluster_policies'] },
    },
  ]);
});

test('rest-url: placeholders, sample values, bare *_id names and query strings are fine', () => {
  const text = spec(`
* \`GET /v1/clusters/{cluster_id}/policies/<policy_id>?sort_dir=asc\`
* \`PUT /v1/resource-classes/CUSTOM_GOLD\`
* \`GET /v1/clusters/6ff1c9bf-09f7-4ce3-a56f-fb46745f3770\`
* Method type: GET
* URL for the resource: http://host:8774/v1/project_id/servers
* \`GET {base_url}/v1/profile-types\`
`);
  assert.deepEqual(check(text), []);
});

test('rest-url: URL fields (backticked, nested, absolute) are checked once per URL', () => {
  const text = spec(`
URL: \`\`/v2/cluster_templates/{uuid}\`\`

METHOD: \`\`GET\`\`

* URL for the resource

  * http://host:8778/v2/receiver_events

Example::

  GET /v2/cluster_templates/5518a925-1c2c-49a2-a8bf-0927d9456f3e
`);
  assert.deepEqual(
    check(text).map(({ message, range, data }) => ({ message, range, data })),
    [
      {
        message: UNDERSCORE('/v2/cluster_templates/{uuid}', "'cluster_templates'"),
        range: at(lineOf(text, 'URL: ``/v2/cluster_templates/{uuid}``'), 7, 35),
        data: { replacement: '/v2/cluster-templates/{uuid}', names: ['cluster_templates'] },
      },
      {
        message: UNDERSCORE('http://host:8778/v2/receiver_events', "'receiver_events'"),
        range: at(lineOf(text, '  * http://host:8778/v2/receiver_events'), 4, 39),
        data: { replacement: 'http://host:8778/v2/receiver-events', names: ['receiver_events'] },
      },
    ],
  );
});

test('rest-url: no name is taken for an existing one without the repository saying so', () => {
  const text = spec(`
* \`GET /resource_providers/{uuid}/traits\`
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-url',
      severity: 'warning',
      message: UNDERSCORE('/resource_providers/{uuid}/traits', "'resource_providers'"),
      range: at(lineOf(text, '* `GET /resource_providers/{uuid}/traits`'), 7, 40),
      data: { replacement: '/resource-providers/{uuid}/traits', names: ['resource_providers'] },
    },
  ]);
});

test("rest-url: names the repository already has (its other specs, the config's rest.existingNames), also cut short, are not this spec's to change", () => {
  const text = spec(`
* \`GET /v1/audit_templates/{uuid}\`
* \`DELETE /v2/device_profil\`
* \`GET /v2.1/flavors/{flavor_id}/os-extra_specs\`
* \`POST /v1/new_things\`
`);
  const options = (names: string[], config: string[] = []) => ({
    existingApiNames: { complete: true, names: new Set(names) },
    restExistingNames: config,
  });
  const underscores = (options: object) => checkRule('rest-url', text, options).map((d) => d.data?.names);
  assert.deepEqual(underscores(options([])), [['audit_templates'], ['device_profil'], ['os-extra_specs'], ['new_things']]);
  assert.deepEqual(underscores(options(['audit_templates', 'device_profiles'], ['os-extra_specs'])), [['new_things']]);
  // While the repository's specs are still being read, no underscore is reported yet.
  assert.deepEqual(checkRule('rest-url', text, { existingApiNames: { complete: false, names: new Set() } }), []);
  // The config's names are known at once.
  assert.deepEqual(
    checkRule('rest-url', text, { existingApiNames: { complete: false, names: new Set() }, restExistingNames: ['new_things'] }),
    [],
  );
});

test('rest-url: a URL without the leading slash the others have', () => {
  const text = spec(`
* \`POST /v2.1/os-server-groups\`
* \`GET /v2.1/os-server-groups/{group_id}\`
* POST: v2.1/{project_id}/os-server-groups
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-url',
      severity: 'warning',
      message: "URL 'v2.1/{project_id}/os-server-groups' does not start with '/', unlike the other URLs in this spec.",
      range: at(lineOf(text, '* POST: v2.1/{project_id}/os-server-groups'), 8, 42),
      data: { replacement: '/v2.1/{project_id}/os-server-groups' },
    },
  ]);
});

test('rest-url: a URL without the version segment two others have', () => {
  const text = spec(`
Attach a policy
~~~~~~~~~~~~~~~

\`POST /v1/clusters/{cluster_id}/actions\`

Detach a policy
~~~~~~~~~~~~~~~

\`POST /v1/clusters/{cluster_id}/actions\`

List bindings
~~~~~~~~~~~~~

\`GET /v1/clusters/{cluster_id}/policies\`

Show a binding
~~~~~~~~~~~~~~

\`GET /clusters/{cluster_id}/policies/{policy_id}\`
`);
  assert.deepEqual(check(text), [
    {
      code: 'rest-url',
      severity: 'warning',
      message: "URL '/clusters/{cluster_id}/policies/{policy_id}' has no version segment, unlike the other URLs in this spec (/v1).",
      range: at(lineOf(text, '`GET /clusters/{cluster_id}/policies/{policy_id}`'), 5, 48),
      data: { replacement: '/v1/clusters/{cluster_id}/policies/{policy_id}' },
    },
  ]);
});

test('rest-url: nothing outside REST API impact, nor in a section that says None', () => {
  const outside = spec('`GET /v1/clusters`\n').replace('Attach policies to clusters.', '::\n\n  POST /v1/cluster_policies');
  assert.deepEqual(check(outside), []);
  assert.deepEqual(check(spec('None.\n\n::\n\n  POST /v1/cluster_policies\n')), []);
});

test("rest-url: the repository's names are the underscore path names of each spec's REST API impact section", () => {
  const text = spec(`
* \`GET /v1/os-instance_actions/{server_id}\`
* \`POST /v1/servers/{server_id}/remote_consoles\`
`);
  assert.deepEqual(apiNamesInSpec(text), ['os-instance_actions', 'remote_consoles']);
  // Placeholders and bare *_id names are not names; nor is an underscore outside a path segment.
  assert.deepEqual(apiNamesInSpec(spec('\n* `GET /v1/servers/{server_id}`\n* `DELETE /v1/ports/port_id`\n\nSee a_b/c.\n')), []);
  // A path name in the next section (Security impact) is not the section's.
  assert.deepEqual(apiNamesInSpec(`${spec('\n* `GET /v1/servers`\n')}\n* \`GET /v1/os-instance_actions\`\n`), []);
});

test("rest-url: reading a spec for the repository's names stays linear on runs of underscores and slashes", () => {
  for (const run of ['_'.repeat(1_000_000), 'a_'.repeat(500_000), '/_'.repeat(500_000), `/${'a'.repeat(1_000_000)}`]) {
    const started = performance.now();
    apiNamesInSpec(`API impact\n\n${run}\n`);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2_000, `${Math.round(elapsed)} ms on ${JSON.stringify(run.slice(0, 6))}...`);
  }
});
