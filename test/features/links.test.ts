import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentLinks } from '../../server/src/features/links';
import { range } from '../helpers';
import { nodeHealth, specFrom } from './spec';

test('links: URLs (the blueprint URL with a tooltip), `text <url>`_ references, also wrapped, and named references', () => {
  assert.deepEqual(documentLinks(specFrom(nodeHealth()).doc), [
    { range: range(4, 1, 4, 53), target: 'http://creativecommons.org/licenses/by/3.0/legalcode' },
    { range: range(10, 0, 10, 57), target: 'https://blueprints.launchpad.net/senlin/+spec/node-health', tooltip: 'Open the blueprint' },
    { range: range(12, 44, 13, 56), target: 'https://docs.openstack.org/senlin/latest/health.html' },
    { range: range(13, 58, 14, 60), target: 'https://docs.openstack.org/api-ref/clustering/' },
    { range: range(14, 65, 14, 80), target: 'https://etherpad.openstack.org/p/senlin-health' },
    { range: range(16, 18, 16, 64), target: 'https://etherpad.openstack.org/p/senlin-health' },
  ]);
});

test('links: sentence punctuation and brackets stay out of a URL; inline markup stays in its paragraph', () => {
  const text = [
    'See (https://wiki.openstack.org/wiki/Security/Guidelines). And https://example.org/a_(b), then',
    '`Anonymous <https://example.org/x>`__ and https://example.org/end.',
    '',
    '`interpreted` text',
    '',
    'and <https://example.org/y>`_ alone.',
  ].join('\n');
  assert.deepEqual(documentLinks(specFrom(text).doc), [
    { range: range(0, 5, 0, 56), target: 'https://wiki.openstack.org/wiki/Security/Guidelines' },
    { range: range(0, 63, 0, 88), target: 'https://example.org/a_(b)' },
    { range: range(1, 0, 1, 37), target: 'https://example.org/x' },
    { range: range(1, 42, 1, 65), target: 'https://example.org/end' },
    { range: range(5, 5, 5, 26), target: 'https://example.org/y' },
  ]);
});
